'use strict';
// @ts-check
/**
 * The account-health-alerts example wired to local stand-ins: its Settings node points Slack at the
 * webhook receiver and sets the addresses the SMTP receiver sees (import smtpCredential() for it).
 * Used by the e2e tests and `npm run dev`.
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'account-health-alerts.json');
const ALERT_FALLBACK_TO = 'it-team@acme.example';
const ALERT_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string }} options
 */
function accountHealthWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	/** @type {Record<string, unknown>} */
	const values = { slackWebhookUrl: options.slackUrl, fallbackEmailTo: ALERT_FALLBACK_TO, emailFrom: ALERT_FROM };
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	return workflow;
}

module.exports = { accountHealthWorkflow, ALERT_FALLBACK_TO, ALERT_FROM };
