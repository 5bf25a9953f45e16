'use strict';
// @ts-check
/**
 * The example "Ask the holder first" wired to local stand-ins: Slack at the webhook receiver, the
 * holders' and the admin's mailboxes at the SMTP receiver (import smtpCredential() for it), a deadline
 * a test can wait for, and — since a server cannot be told to run a schedule now — its "Run Now"
 * trigger as a webhook to call instead. Used by the e2e tests.
 */

const { nodeNamed, wiredExample } = require('./example');
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
	const { answerWithin, answerUnit, digestAfter, keepDays } = options;
	const settings = { slackWebhookUrl: options.slackUrl, adminEmail: ADMIN, emailFrom: ASK_FROM, answerWithin, answerUnit, digestAfter, keepDays };
	const workflow = wiredExample('seat-reclamation-ask-holder.json', settings, options.runPath);
	if (options.integratedAccounts) {
		Object.assign(nodeNamed(workflow, 'Find Reclaimable Seats').parameters, { accountScope: 'accounts', integratedAccounts: options.integratedAccounts });
	}
	return workflow;
}

module.exports = { askHolderWorkflow, ADMIN, ASK_FROM };
