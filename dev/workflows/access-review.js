'use strict';
// @ts-check
/**
 * The example "Quarterly access review" wired to local stand-ins: the owners' mailboxes at the SMTP
 * receiver (import smtpCredential() for it), the owners given per account, a deadline a test can wait
 * for, and — since a server cannot be told to run a schedule now — its "Run Now" trigger as a webhook
 * to call instead. Used by the e2e tests.
 */

const { nodeNamed, wiredExample } = require('./example');
const REVIEW_FROM = 'n8n@acme.example';
const DEFAULT_OWNER = 'it-lead@acme.example';

/**
 * @param {{ runPath?: string, integratedAccounts?: string[], owners?: Record<string, string>, answerWithin?: number, answerUnit?: string }} options
 *   runPath: make "Run Now" a webhook at this path (server mode); without it stays a manual trigger
 *   integratedAccounts: review only these accounts
 *   owners: integrated account ID or integration name → owner's email (the rest go to DEFAULT_OWNER)
 */
function accessReviewWorkflow(options) {
	const { owners, answerWithin, answerUnit } = options;
	const settings = { defaultOwner: DEFAULT_OWNER, emailFrom: REVIEW_FROM, appOwners: owners && `={{ ${JSON.stringify(owners)} }}`, answerWithin, answerUnit };
	const workflow = wiredExample('access-review-quarterly.json', settings, options.runPath);
	if (options.integratedAccounts) {
		Object.assign(nodeNamed(workflow, 'Find Privileged Access').parameters, { accountScope: 'accounts', integratedAccounts: options.integratedAccounts });
	}
	return workflow;
}

module.exports = { accessReviewWorkflow, REVIEW_FROM, DEFAULT_OWNER };
