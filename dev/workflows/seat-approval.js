'use strict';
// @ts-check
/**
 * The example "Seat reclamation with approval" wired to local stand-ins: Slack at the webhook
 * receiver, the approver's mailbox at the SMTP receiver (import smtpCredential() for it), and — since a
 * server cannot be told to run a schedule now — its "Run Now" trigger as a webhook to call instead.
 * Used by the e2e tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { webhookTrigger } = require('./flow');
const { byId } = require('./nodes');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'seat-reclamation-approval.json');
const APPROVER = 'it-lead@acme.example';
const APPROVAL_FROM = 'n8n@acme.example';

/**
 * @param {{ slackUrl: string, runPath?: string, integrations?: string, identityProviderAccountId?: string }} options
 *   runPath: make "Run Now" a webhook at this path (server mode); without it stays a manual trigger
 *   integrations: review only the accounts of these integrations (Truto names, comma-separated)
 */
function seatApprovalWorkflow(options) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	const values = {
		slackWebhookUrl: options.slackUrl,
		approverEmail: APPROVER,
		emailFrom: APPROVAL_FROM,
	};
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	const find = workflow.nodes.find((node) => node.name === 'Find Reclaimable Seats');
	// The example picks the identity provider in the node's own list; a test sets it by ID.
	if (options.identityProviderAccountId) find.parameters.identityProvider = byId(options.identityProviderAccountId);
	if (options.integrations) Object.assign(find.parameters, { accountScope: 'integrations', integrations: options.integrations });
	if (options.runPath) {
		const index = workflow.nodes.findIndex((node) => node.name === 'Run Now');
		const manual = workflow.nodes[index];
		workflow.nodes[index] = webhookTrigger('Run Now', options.runPath, { id: manual.id, position: manual.position });
	}
	return workflow;
}

module.exports = { seatApprovalWorkflow, APPROVER, APPROVAL_FROM };
