'use strict';
// @ts-check
/**
 * The example "Ask the holder first" wired to local stand-ins: Slack at the webhook receiver, the
 * holders' and the admin's mailboxes at the SMTP receiver (import smtpCredential() for it), a deadline
 * a test can wait for, and — since a server cannot be told to run a schedule now — its "Run Now"
 * trigger as a webhook to call instead. Used by the e2e tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { webhookTrigger } = require('./flow');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'seat-reclamation-ask-holder.json');
const ADMIN = 'it-admin@acme.example';
const ASK_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, runPath?: string, integratedAccounts?: string[], answerWithin?: number,
 *   answerUnit?: string, digestAfter?: number, keepDays?: number }} options
 *   runPath: make "Run Now" a webhook at this path (server mode); without it stays a manual trigger
 *   integratedAccounts: review only these accounts
 *   answerWithin / answerUnit / digestAfter: the deadline and the digest's wait (e.g. 0.3 minutes, 2)
 */
function askHolderWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	/** @type {Record<string, unknown>} */
	const values = { slackWebhookUrl: options.slackUrl, adminEmail: ADMIN, emailFrom: ASK_FROM };
	for (const key of ['answerWithin', 'answerUnit', 'digestAfter', 'keepDays']) {
		if (options[key] !== undefined) values[key] = options[key];
	}
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	if (options.integratedAccounts) {
		const find = workflow.nodes.find((node) => node.name === 'Find Reclaimable Seats');
		Object.assign(find.parameters, { accountScope: 'accounts', integratedAccounts: options.integratedAccounts });
	}
	if (options.runPath) {
		const index = workflow.nodes.findIndex((node) => node.name === 'Run Now');
		const manual = workflow.nodes[index];
		workflow.nodes[index] = webhookTrigger('Run Now', options.runPath, { id: manual.id, position: manual.position });
	}
	return workflow;
}

module.exports = { askHolderWorkflow, ADMIN, ASK_FROM };
