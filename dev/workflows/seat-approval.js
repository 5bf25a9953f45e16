'use strict';
// @ts-check
/**
 * The example "Seat reclamation with approval" wired to local stand-ins: Slack at the webhook
 * receiver, the approver's mailbox at the SMTP receiver (import smtpCredential() for it), and — since a
 * server cannot be told to run a schedule now — its "Run Now" trigger as a webhook to call instead.
 * Used by the e2e tests.
 */
const { nodeNamed, wiredExample } = require('./example');
const { byId } = require('./nodes');

const APPROVER = 'it-lead@acme.example';
const APPROVAL_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, runPath?: string, integrations?: string, identityProviderAccountId?: string }} options
 *   runPath: make "Run Now" a webhook at this path (server mode); without it stays a manual trigger
 *   integrations: review only the accounts of these integrations (Truto names, comma-separated)
 */
function seatApprovalWorkflow(options) {
	const settings = { slackWebhookUrl: options.slackUrl, approverEmail: APPROVER, emailFrom: APPROVAL_FROM };
	const workflow = wiredExample('seat-reclamation-approval.json', settings, options.runPath);
	const find = nodeNamed(workflow, 'Find Reclaimable Seats');
	// The example picks the identity provider in the node's own list; a test sets it by ID.
	if (options.identityProviderAccountId) find.parameters.identityProvider = byId(options.identityProviderAccountId);
	if (options.integrations) Object.assign(find.parameters, { accountScope: 'integrations', integrations: options.integrations });
	return workflow;
}

module.exports = { seatApprovalWorkflow, APPROVER, APPROVAL_FROM };
