'use strict';
// @ts-check
/**
 * The example "Offboard when the identity provider deactivates someone" wired to local stand-ins:
 * Slack at the webhook receiver, the approver's and the report's mailboxes at the SMTP receiver (import
 * smtpCredential() for it), the identity provider's account set by ID, and a poll every few seconds
 * (n8n refuses a cron firing more than once a minute, but takes several poll times). Used by the e2e tests.
 */
const { nodeNamed, wiredExample } = require('./example');
const { byId } = require('./nodes');

const OFFBOARD_APPROVER = 'it-lead@acme.example';
const OFFBOARD_REPORT_TO = 'it-team@acme.example';
const OFFBOARD_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, identityProviderAccountId: string, pollSeconds?: number }} options
 *   pollSeconds: poll the identity provider every that many seconds (a divisor of 60) instead of every minute
 */
function offboardWorkflow(options) {
	const settings = { slackWebhookUrl: options.slackUrl, approverEmail: OFFBOARD_APPROVER, reportEmail: OFFBOARD_REPORT_TO, emailFrom: OFFBOARD_FROM };
	const workflow = wiredExample('offboard-on-deactivation.json', settings);
	const trigger = nodeNamed(workflow, 'Identity Provider Status Changed');
	trigger.parameters.integratedAccount = byId(options.identityProviderAccountId);
	if (options.pollSeconds) {
		const every = options.pollSeconds;
		trigger.parameters.pollTimes = { item: Array.from({ length: 60 / every }, (_, i) => ({ mode: 'custom', cronExpression: `${i * every} * * * * *` })) };
	}
	return workflow;
}

module.exports = { offboardWorkflow, OFFBOARD_APPROVER, OFFBOARD_REPORT_TO, OFFBOARD_FROM };
