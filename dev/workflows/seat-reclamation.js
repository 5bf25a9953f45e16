'use strict';
// @ts-check
/**
 * The seat-reclamation example wired to local stand-ins: its Settings node points Slack at the
 * webhook receiver and sets the addresses the SMTP receiver sees (import smtpCredential() for it).
 * Used by the e2e tests, `npm run demo` and `npm run dev`.
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'seat-reclamation-report.json');
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

module.exports = { seatReclamationWorkflow, REPORT_TO, REPORT_FROM };
