'use strict';
// @ts-check
/**
 * The example "Quarterly access review" wired to local stand-ins: the owners' mailboxes at the SMTP
 * receiver (import smtpCredential() for it), the owners given per account, a deadline a test can wait
 * for, and — since a server cannot be told to run a schedule now — its "Run Now" trigger as a webhook
 * to call instead. Used by the e2e tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { webhookTrigger } = require('./flow');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'access-review-quarterly.json');
const REVIEW_FROM = 'n8n@acme.example';
const DEFAULT_OWNER = 'it-lead@acme.example';

/**
 * @param {{ runPath?: string, integratedAccounts?: string[], owners?: Record<string, string>, answerWithin?: number, answerUnit?: string }} options
 *   runPath: make "Run Now" a webhook at this path (server mode); without it stays a manual trigger
 *   integratedAccounts: review only these accounts
 *   owners: integrated account ID or integration name → owner's email (the rest go to DEFAULT_OWNER)
 */
function accessReviewWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	/** @type {Record<string, unknown>} */
	const values = { defaultOwner: DEFAULT_OWNER, emailFrom: REVIEW_FROM };
	if (options.owners) values.appOwners = `={{ ${JSON.stringify(options.owners)} }}`;
	for (const key of ['answerWithin', 'answerUnit']) {
		if (options[key] !== undefined) values[key] = options[key];
	}
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	if (options.integratedAccounts) {
		const find = workflow.nodes.find((node) => node.name === 'Find Privileged Access');
		Object.assign(find.parameters, { accountScope: 'accounts', integratedAccounts: options.integratedAccounts });
	}
	if (options.runPath) {
		const index = workflow.nodes.findIndex((node) => node.name === 'Run Now');
		const manual = workflow.nodes[index];
		workflow.nodes[index] = webhookTrigger('Run Now', options.runPath, { id: manual.id, position: manual.position });
	}
	return workflow;
}

module.exports = { accessReviewWorkflow, REVIEW_FROM, DEFAULT_OWNER };
