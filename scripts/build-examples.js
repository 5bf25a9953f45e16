#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * Writes the importable example workflows in examples/ from the definitions below, so the Code
 * node sources stay readable files (examples/src/*.code.js). `--check` fails when a committed
 * example differs from what this script would write (the unit tests run it).
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.join(__dirname, '..', 'examples');
const SOURCES = path.join(EXAMPLES, 'src');

/** Stand-ins the user replaces after import; tests and the demo point them at local servers. */
const SANDBOX_ACCOUNT = '7f3c2a10-0005-4c2e-9a00-000000000005';
const TRUTO_CREDENTIAL = { trutoApi: { id: 'trutoCredential1', name: 'Truto API' } };
const SMTP_CREDENTIAL = { smtp: { id: 'smtpCredential1', name: 'SMTP' } };
const TRUTO_NODE = 'n8n-nodes-truto.trutoUserDirectory';

/** The body of `module.exports = function codeNode() { … };` in examples/src/<name>.code.js. */
function code(name) {
	const lines = fs.readFileSync(path.join(SOURCES, `${name}.code.js`), 'utf8').split('\n');
	const start = lines.findIndex((line) => line.startsWith('module.exports = function codeNode() {'));
	const end = lines.lastIndexOf('};');
	if (start === -1 || end <= start) throw new Error(`${name}.code.js must export function codeNode() { … }`);
	return `${lines
		.slice(start + 1, end)
		.map((line) => line.replace(/^\t/, ''))
		.join('\n')}\n`;
}

function assignment(id, name, value, type = 'string') {
	return { id, name, value, type };
}

function connect(...pairs) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (const [from, to] of pairs) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}

const seatReclamation = {
	id: 'trutoSeatReport1',
	name: 'Seat reclamation report (Truto)',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000001',
			name: 'Every Monday at 8:00',
			type: 'n8n-nodes-base.scheduleTrigger',
			typeVersion: 1.2,
			position: [0, 0],
			parameters: { rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8 }] } },
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000002',
			name: 'Run Now',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 200],
			parameters: {},
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000003',
			name: 'Settings',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [240, 100],
			parameters: {
				assignments: {
					assignments: [
						assignment('s1', 'integratedAccountId', SANDBOX_ACCOUNT),
						assignment('s2', 'accountLabel', 'Salesforce · acme.my.salesforce.com'),
						assignment('s3', 'inactiveDays', 90, 'number'),
						assignment('s4', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
						assignment('s5', 'emailTo', 'it-team@example.com'),
						assignment('s6', 'emailFrom', 'n8n@example.com'),
					],
				},
				options: {},
			},
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000004',
			name: 'List Inactive Users',
			type: TRUTO_NODE,
			typeVersion: 1,
			position: [480, 100],
			alwaysOutputData: true,
			parameters: {
				resource: 'user',
				operation: 'getAll',
				integratedAccount: { __rl: true, mode: 'id', value: "={{ $('Settings').item.json.integratedAccountId }}" },
				returnAll: true,
				// The node keeps only users not seen for that many days, and those it cannot tell about.
				options: {
					ignoreRemoteData: true,
					inactiveDays: "={{ $('Settings').item.json.inactiveDays }}",
					noActivityUsers: 'include',
				},
			},
			credentials: TRUTO_CREDENTIAL,
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000005',
			name: 'List Licenses',
			type: TRUTO_NODE,
			typeVersion: 1,
			position: [720, 100],
			executeOnce: true,
			alwaysOutputData: true,
			parameters: {
				resource: 'license',
				operation: 'getAll',
				integratedAccount: { __rl: true, mode: 'id', value: "={{ $('Settings').first().json.integratedAccountId }}" },
				returnAll: true,
				// Adds `seats` to every license: unassigned seats, utilization and what the unassigned ones cost.
				options: { ignoreRemoteData: true, seatUtilization: true },
			},
			credentials: TRUTO_CREDENTIAL,
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000006',
			name: 'Build Report',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [960, 100],
			parameters: { jsCode: code('seat-reclamation-report') },
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000007',
			name: 'Post to Slack',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [1200, 0],
			parameters: {
				method: 'POST',
				url: "={{ $('Settings').first().json.slackWebhookUrl }}",
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ text: $json.text }) }}',
				options: {},
			},
		},
		{
			id: 'a1f5c3d0-0000-4000-8000-000000000008',
			name: 'Email Report',
			type: 'n8n-nodes-base.emailSend',
			typeVersion: 2.1,
			position: [1200, 200],
			parameters: {
				fromEmail: "={{ $('Settings').first().json.emailFrom }}",
				toEmail: "={{ $('Settings').first().json.emailTo }}",
				subject: '={{ $json.subject }}',
				emailFormat: 'text',
				text: '={{ $json.text }}',
				options: { appendAttribution: false },
			},
			credentials: SMTP_CREDENTIAL,
		},
	],
	connections: connect(
		['Every Monday at 8:00', 'Settings'],
		['Run Now', 'Settings'],
		['Settings', 'List Inactive Users'],
		['List Inactive Users', 'List Licenses'],
		['List Licenses', 'Build Report'],
		['Build Report', 'Post to Slack'],
		['Build Report', 'Email Report'],
	),
};

const offboarding = {
	id: 'trutoOffboarding1',
	name: 'Offboarding check (Truto)',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'b2e6d4e0-0000-4000-8000-0000000000aa',
			parameters: { httpMethod: 'POST', path: 'offboarding-check', responseMode: 'responseNode', options: {} },
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000002',
			name: 'Run Now',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 200],
			parameters: {},
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000003',
			name: 'Sample Input',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 200],
			parameters: {
				assignments: { assignments: [assignment('o1', 'email', 'dana.whitfield@acme.com')] },
				options: {},
			},
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000004',
			name: 'Email To Check',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [400, 100],
			parameters: {
				assignments: {
					assignments: [assignment('o2', 'email', '={{ (($json.body && $json.body.email) || $json.email || "").trim() }}')],
				},
				options: {},
			},
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000005',
			name: 'List Integrated Accounts',
			type: TRUTO_NODE,
			typeVersion: 1,
			position: [600, 100],
			executeOnce: true,
			parameters: { resource: 'integratedAccount', operation: 'getAll', returnAll: true },
			credentials: TRUTO_CREDENTIAL,
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000006',
			name: 'Find User',
			type: TRUTO_NODE,
			typeVersion: 1,
			position: [800, 100],
			onError: 'continueRegularOutput',
			alwaysOutputData: true,
			parameters: {
				resource: 'user',
				operation: 'getAll',
				integratedAccount: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: true,
				filters: { email: "={{ $('Email To Check').first().json.email }}" },
				options: { ignoreRemoteData: true },
			},
			credentials: TRUTO_CREDENTIAL,
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000007',
			name: 'Build Access Report',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [1000, 100],
			parameters: { jsCode: code('offboarding-check') },
		},
		{
			id: 'b2e6d4e0-0000-4000-8000-000000000008',
			name: 'Respond',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			position: [1200, 100],
			parameters: { respondWith: 'json', responseBody: '={{ JSON.stringify($json) }}', options: {} },
		},
	],
	connections: connect(
		['Webhook', 'Email To Check'],
		['Run Now', 'Sample Input'],
		['Sample Input', 'Email To Check'],
		['Email To Check', 'List Integrated Accounts'],
		['List Integrated Accounts', 'Find User'],
		['Find User', 'Build Access Report'],
		['Build Access Report', 'Respond'],
	),
};

const WORKFLOWS = {
	'seat-reclamation-report.json': seatReclamation,
	'offboarding-check.json': offboarding,
};

function render(workflow) {
	return `${JSON.stringify(workflow, null, '\t')}\n`;
}

function main() {
	const check = process.argv.includes('--check');
	let stale = 0;
	for (const [file, workflow] of Object.entries(WORKFLOWS)) {
		const target = path.join(EXAMPLES, file);
		const wanted = render(workflow);
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
		if (current === wanted) continue;
		if (check) {
			console.error(`examples/${file} is out of date: run npm run examples`);
			stale++;
		} else {
			fs.writeFileSync(target, wanted);
			console.log(`wrote examples/${file}`);
		}
	}
	process.exitCode = stale ? 1 : 0;
}

module.exports = { WORKFLOWS, SANDBOX_ACCOUNT };
if (require.main === module) main();
