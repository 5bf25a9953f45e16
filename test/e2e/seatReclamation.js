'use strict';
// @ts-check
/**
 * The seat-reclamation example wired to local stand-ins: its Settings node points Slack at a
 * webhook catcher and email at an SMTP catcher, and an SMTP credential is added. Used by the e2e
 * tests, the queue-mode test, `npm run demo` and `npm run dev`.
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'seat-reclamation-report.json');
const SMTP_CREDENTIAL = { id: 'smtpCredential1', name: 'SMTP' };
const REPORT_TO = 'it-team@acme.example';
const REPORT_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, inactiveDays?: number }} options
 */
function seatReclamationWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	const values = {
		slackWebhookUrl: options.slackUrl,
		emailTo: REPORT_TO,
		emailFrom: REPORT_FROM,
		...(options.inactiveDays ? { inactiveDays: options.inactiveDays } : {}),
	};
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	return workflow;
}

/** @param {{ host: string, port: number }} smtp */
function smtpCredential(smtp) {
	return {
		...SMTP_CREDENTIAL,
		type: 'smtp',
		data: { host: smtp.host, port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' },
	};
}

module.exports = { seatReclamationWorkflow, smtpCredential, REPORT_TO, REPORT_FROM };
