'use strict';
// @ts-check
/**
 * What the browser suite opens in n8n's editor: the example workflows, and a workflow of Truto nodes
 * set up as a person leaves them (fresh nodes, an account picked from the list, a wrong credential),
 * a Truto trigger, and an AI Agent whose tools are picked in the editor. Built with dev/workflows.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ACCOUNTS } = require('../../../dev/sandbox');
const { node, trutoNode, manualWorkflow, workflow, connect, TRUTO_CREDENTIAL } = require('../../../dev/workflows');

const TRIGGER_NODE = 'n8n-nodes-truto.trutoUserDirectoryTrigger';
const WEBHOOK_TRIGGER_NODE = 'n8n-nodes-truto.trutoTrigger';
const BAD_CREDENTIAL = Object.freeze({ id: 'trutoBadToken1', name: 'Truto API (wrong token)' });
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** A resource locator as the editor saves a pick from its list: the ID and the label it showed. */
function picked(value, label) {
	return { __rl: true, mode: 'list', value, cachedResultName: label };
}

/** Truto nodes of the current version (1.1), as the editor adds them. @param {string} name @param {Record<string, unknown>} parameters @param {object} [options] */
function editorNode(name, parameters, options = {}) {
	return { ...trutoNode(name, parameters, options), typeVersion: 1.1 };
}

const NODES_WORKFLOW = manualWorkflow('editorNodes1', [
	editorNode('New License List', { resource: 'license', operation: 'getAll' }),
	editorNode('GitHub Licenses', { resource: 'license', operation: 'getAll', integratedAccount: picked(ACCOUNTS.github, 'GitHub · acme-corp') }),
	editorNode('Microsoft 365 Users', { resource: 'user', operation: 'getAll', integratedAccount: picked(ACCOUNTS.microsoft365, 'Microsoft 365 · contoso.onmicrosoft.com') }),
	editorNode('Remove From Group', { resource: 'group', operation: 'removeUser', integratedAccount: picked(ACCOUNTS.okta, 'Okta · acme.okta.com (needs reauth)') }),
	editorNode('New User', { resource: 'user', operation: 'create' }),
	editorNode('Wrong Token', { resource: 'user', operation: 'getAll', integratedAccount: picked(ACCOUNTS.github, 'GitHub · acme-corp') }, {
		credentials: { trutoApi: BAD_CREDENTIAL },
	}),
]);

/** Truto nodes of issue 19's findings: a Create form, a GitHub list, Find Reclaimable Seats. */
const MORE_NODES_WORKFLOW = manualWorkflow('editorNodes2', [
	editorNode('GitHub New User', { resource: 'user', operation: 'create', integratedAccount: picked(ACCOUNTS.github, 'GitHub · acme-corp') }),
	editorNode('GitHub Users', { resource: 'user', operation: 'getAll', integratedAccount: picked(ACCOUNTS.github, 'GitHub · acme-corp') }),
	editorNode('Find Seats', { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all' }),
]);

/** A credential pointing at Truto's cloud: a local n8n URL cannot be reached from there. */
const CLOUD_CREDENTIAL = Object.freeze({ id: 'trutoCloud1', name: 'Truto API (cloud)' });

const WEBHOOK_WORKFLOW = workflow(
	'editorWebhook1',
	[
		node(WEBHOOK_TRIGGER_NODE, 1, 'Truto Webhook Trigger', { events: ['integrated_account:authentication_error'], integratedAccounts: [], integrations: [] }, {
			credentials: { trutoApi: CLOUD_CREDENTIAL },
			position: [0, 0],
			webhookId: 'e19e19e1-0000-4000-8000-0000000000aa',
		}),
	],
	{},
	'Truto webhook trigger',
);

/**
 * n8n's HTTP Request node calling any Truto endpoint with the Truto credential as a predefined
 * credential type (it lists credential types that authenticate generically).
 * @param {string} baseUrl the sandbox's
 */
function httpWorkflow(baseUrl) {
	return manualWorkflow('editorHttp1', [
		node('n8n-nodes-base.httpRequest', 4.2, 'Truto API Call', {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'trutoApi',
			url: `${baseUrl}/integrated-account`,
			options: {},
		}, { credentials: { trutoApi: TRUTO_CREDENTIAL } }),
	]);
}

const TRIGGER_WORKFLOW = workflow(
	'editorTrigger1',
	[
		node(TRIGGER_NODE, 1, 'Seats Freed', {
			event: 'licenseSeatsThreshold',
			integratedAccount: picked(ACCOUNTS.salesforce, 'Salesforce · acme.my.salesforce.com'),
			threshold: 1,
		}, { credentials: { trutoApi: TRUTO_CREDENTIAL }, position: [0, 0] }),
		node(TRIGGER_NODE, 1, 'GitHub Seats', {
			event: 'licenseSeatsThreshold',
			integratedAccount: picked(ACCOUNTS.github, 'GitHub · acme-corp'),
			threshold: 1,
		}, { credentials: { trutoApi: TRUTO_CREDENTIAL }, position: [0, 300] }),
	],
	{},
	'Truto trigger',
);

const AGENT_WORKFLOW = workflow(
	'editorAgent1',
	[
		node('@n8n/n8n-nodes-langchain.manualChatTrigger', 1.1, 'Chat', {}, { position: [0, 0] }),
		node('@n8n/n8n-nodes-langchain.agent', 1.7, 'AI Agent', { options: {} }, { position: [300, 0] }),
	],
	connect(['Chat', 'AI Agent']),
	'AI Agent with tools',
);

/** @returns {any[]} */
function exampleWorkflows() {
	return ['seat-reclamation-report.json', 'offboarding-check.json'].map(example);
}

/** One example workflow as committed. @param {string} file @returns {any} */
function example(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

module.exports = {
	BAD_CREDENTIAL,
	CLOUD_CREDENTIAL,
	NODES_WORKFLOW,
	MORE_NODES_WORKFLOW,
	TRIGGER_WORKFLOW,
	WEBHOOK_WORKFLOW,
	AGENT_WORKFLOW,
	httpWorkflow,
	exampleWorkflows,
	example,
	picked,
};
