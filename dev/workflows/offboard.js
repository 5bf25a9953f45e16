'use strict';
// @ts-check
/**
 * The example "Offboard when the identity provider deactivates someone" wired to local stand-ins:
 * Slack at the webhook receiver, the approver's and the report's mailboxes at the SMTP receiver (import
 * smtpCredential() for it), the identity provider's account set by ID, and a poll every few seconds
 * (n8n refuses a cron firing more than once a minute, but takes several poll times). Used by the e2e tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { byId } = require('./nodes');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'offboard-on-deactivation.json');
const OFFBOARD_APPROVER = 'it-lead@acme.example';
const OFFBOARD_REPORT_TO = 'it-team@acme.example';
const OFFBOARD_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, identityProviderAccountId: string, pollSeconds?: number }} options
 *   pollSeconds: poll the identity provider every that many seconds (a divisor of 60) instead of every minute
 */
function offboardWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	/** @type {Record<string, unknown>} */
	const values = { slackWebhookUrl: options.slackUrl, approverEmail: OFFBOARD_APPROVER, reportEmail: OFFBOARD_REPORT_TO, emailFrom: OFFBOARD_FROM };
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	const trigger = workflow.nodes.find((node) => node.name === 'Identity Provider Status Changed');
	trigger.parameters.integratedAccount = byId(options.identityProviderAccountId);
	if (options.pollSeconds) {
		const every = options.pollSeconds;
		trigger.parameters.pollTimes = { item: Array.from({ length: 60 / every }, (_, i) => ({ mode: 'custom', cronExpression: `${i * every} * * * * *` })) };
	}
	return workflow;
}

module.exports = { offboardWorkflow, OFFBOARD_APPROVER, OFFBOARD_REPORT_TO, OFFBOARD_FROM };
