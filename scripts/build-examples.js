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

const {
	SMTP_CREDENTIAL,
	node,
	manualTrigger,
	trutoNode,
	trutoTriggerNode,
	httpRequestNode,
	codeNode,
	setNode,
	field,
	byId,
	stickyNote,
	workflow,
	connect,
} = require('../dev/workflows');

/** Stand-ins the user replaces after import; tests and the demo point them at local servers. */
const SANDBOX_ACCOUNT = '7f3c2a10-0005-4c2e-9a00-000000000005';

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

const seatReclamation = workflow(
	'trutoSeatReport1',
	[
		node(
			'n8n-nodes-base.scheduleTrigger',
			1.2,
			'Every Monday at 8:00',
			{ rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8 }] } },
			{ id: 'a1f5c3d0-0000-4000-8000-000000000001', position: [0, 0] },
		),
		manualTrigger('Run Now', { id: 'a1f5c3d0-0000-4000-8000-000000000002', position: [0, 200] }),
		stickyNote(
			'About This Workflow',
			[
				'## Seat reclamation report',
				"Every Monday at 8:00 (or **Run Now**) it lists one app's users not seen for 90 days and the app's licenses through Truto, builds a report of the seats to give back and what they cost, and posts it to Slack and by email.",
				'',
				'### Set up, in order',
				'1. Open **List Inactive Users** and create a **Truto API** credential (Truto dashboard → Settings → API Tokens); **List Licenses** uses the same one.',
				'2. In **Settings**: `integratedAccountId` is the account to review (open List Inactive Users, switch Integrated Account to *From List* to find it, then copy its ID), `accountLabel` its name in the report, `inactiveDays`, the Slack incoming-webhook URL and the email addresses.',
				'3. Open **Email Report** and create an **SMTP** credential.',
				'4. Click **Run Now** to try it, then **Publish** to run it every Monday.',
			],
			{ id: 'a1f5c3d0-0000-4000-8000-000000000009', position: [-520, -160], width: 460, height: 420 },
		),
		setNode(
			'Settings',
			[
				field('s1', 'integratedAccountId', SANDBOX_ACCOUNT),
				field('s2', 'accountLabel', 'Salesforce · acme.my.salesforce.com'),
				field('s3', 'inactiveDays', 90, 'number'),
				field('s4', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
				field('s5', 'emailTo', 'it-team@example.com'),
				field('s6', 'emailFrom', 'n8n@example.com'),
			],
			{ id: 'a1f5c3d0-0000-4000-8000-000000000003', position: [240, 100] },
		),
		trutoNode(
			'List Inactive Users',
			{
				resource: 'user',
				operation: 'getAll',
				integratedAccount: byId("={{ $('Settings').item.json.integratedAccountId }}"),
				returnAll: true,
				// The node keeps only users not seen for that many days, and those it cannot tell about.
				options: {
					ignoreRemoteData: true,
					inactiveDays: "={{ $('Settings').item.json.inactiveDays }}",
					noActivityUsers: 'include',
				},
			},
			{ id: 'a1f5c3d0-0000-4000-8000-000000000004', position: [480, 100], alwaysOutputData: true },
		),
		trutoNode(
			'List Licenses',
			{
				resource: 'license',
				operation: 'getAll',
				integratedAccount: byId("={{ $('Settings').first().json.integratedAccountId }}"),
				returnAll: true,
				// Adds `seats` to every license: unassigned seats, utilization and what the unassigned ones cost.
				options: { ignoreRemoteData: true, seatUtilization: true },
			},
			{ id: 'a1f5c3d0-0000-4000-8000-000000000005', position: [720, 100], executeOnce: true, alwaysOutputData: true },
		),
		codeNode('Build Report', code('seat-reclamation-report'), { id: 'a1f5c3d0-0000-4000-8000-000000000006', position: [960, 100] }),
		httpRequestNode(
			'Post to Slack',
			{
				method: 'POST',
				url: "={{ $('Settings').first().json.slackWebhookUrl }}",
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ text: $json.text }) }}',
				options: {},
			},
			{ id: 'a1f5c3d0-0000-4000-8000-000000000007', position: [1200, 0] },
		),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Email Report',
			{
				fromEmail: "={{ $('Settings').first().json.emailFrom }}",
				toEmail: "={{ $('Settings').first().json.emailTo }}",
				subject: '={{ $json.subject }}',
				emailFormat: 'text',
				text: '={{ $json.text }}',
				options: { appendAttribution: false },
			},
			{ id: 'a1f5c3d0-0000-4000-8000-000000000008', position: [1200, 200], credentials: { smtp: SMTP_CREDENTIAL } },
		),
	],
	connect(
		['Every Monday at 8:00', 'Settings'],
		['Run Now', 'Settings'],
		['Settings', 'List Inactive Users'],
		['List Inactive Users', 'List Licenses'],
		['List Licenses', 'Build Report'],
		['Build Report', 'Post to Slack'],
		['Build Report', 'Email Report'],
	),
	'Seat reclamation report (Truto)',
);

const accountHealth = workflow(
	'trutoAccountHealth1',
	[
		trutoTriggerNode(
			'Account Needs Reconnecting',
			// Truto pushes this event when an app rejects an account's stored credentials.
			{ events: ['integrated_account:authentication_error'], integratedAccounts: [], integrations: [] },
			{ id: 'c3a7e5f0-0000-4000-8000-000000000001', position: [0, 100], webhookId: 'c3a7e5f0-0000-4000-8000-0000000000aa' },
		),
		stickyNote(
			'About This Workflow',
			[
				'## Account health alerts',
				"When an app rejects an integrated account's stored credentials, Truto pushes *Account needs re-authentication*: this workflow makes a reconnect link and sends it to the account's contact by email (to the fallback address when it has none) and to Slack.",
				'',
				'### Set up, in order',
				"1. Open **Account Needs Reconnecting** (a **Truto Webhook Trigger**) and create a **Truto API** credential (Truto dashboard → Settings → API Tokens). Truto must reach this n8n: set n8n's `WEBHOOK_URL` to its public https address.",
				'2. In **Settings**: your company name, the fallback address, the sender and the Slack incoming-webhook URL.',
				'3. Open **Email Contact** and create an **SMTP** credential.',
				'4. **Publish**: that registers the webhook in Truto (unpublishing deletes it).',
			],
			{ id: 'c3a7e5f0-0000-4000-8000-000000000008', position: [-520, -160], width: 460, height: 420 },
		),
		setNode(
			'Settings',
			[
				field('h1', 'companyName', 'Acme IT'),
				field('h2', 'fallbackEmailTo', 'it-team@example.com'),
				field('h3', 'emailFrom', 'n8n@example.com'),
				field('h4', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
			],
			{ id: 'c3a7e5f0-0000-4000-8000-000000000002', position: [240, 100] },
		),
		trutoNode(
			'Create Reconnect Link',
			{
				resource: 'integratedAccount',
				operation: 'createReconnectLink',
				integratedAccount: byId("={{ $('Account Needs Reconnecting').item.json.account.id }}"),
				options: {},
			},
			{ id: 'c3a7e5f0-0000-4000-8000-000000000003', position: [480, 100] },
		),
		codeNode('Build Messages', code('account-health-alerts'), { id: 'c3a7e5f0-0000-4000-8000-000000000004', position: [720, 100] }),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Email Contact',
			{
				fromEmail: "={{ $('Settings').first().json.emailFrom }}",
				toEmail: '={{ $json.to }}',
				subject: '={{ $json.subject }}',
				emailFormat: 'text',
				text: '={{ $json.text }}',
				options: { appendAttribution: false },
			},
			{ id: 'c3a7e5f0-0000-4000-8000-000000000005', position: [960, 0], credentials: { smtp: SMTP_CREDENTIAL } },
		),
		httpRequestNode(
			'Post to Slack',
			{
				method: 'POST',
				url: "={{ $('Settings').first().json.slackWebhookUrl }}",
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ text: $json.slackText }) }}',
				options: {},
			},
			{ id: 'c3a7e5f0-0000-4000-8000-000000000006', position: [960, 200] },
		),
		// How to know the customer reconnected: Truto's reactivated event is not that signal.
		node(
			'n8n-nodes-base.stickyNote',
			1,
			'Closing the Loop',
			{
				content: [
					'## Closing the loop',
					'When the customer has reconnected, Truto sends `integrated_account:updated`, then `integrated_account:active`.',
					'A second workflow with a **Truto Trigger** on **Account Became Active** (`integrated_account:active`) can tell your team the account works again.',
					'',
					"`integrated_account:reactivated` is not that signal: Truto sends it when the app's 401 errors stop by themselves, and it is not sent when the customer reconnects.",
				].join('\n'),
				height: 260,
				width: 420,
			},
			{ id: 'c3a7e5f0-0000-4000-8000-000000000007', position: [0, 300] },
		),
	],
	connect(
		['Account Needs Reconnecting', 'Settings'],
		['Settings', 'Create Reconnect Link'],
		['Create Reconnect Link', 'Build Messages'],
		['Build Messages', 'Email Contact'],
		['Build Messages', 'Post to Slack'],
	),
	'Account health alerts (Truto)',
);

const WORKFLOWS = {
	'seat-reclamation-report.json': seatReclamation,
	'offboarding-check.json': require('./examples/offboarding-check').offboardingCheck,
	'account-health-alerts.json': accountHealth,
	'seat-reclamation-approval.json': require('./examples/seat-reclamation-approval').seatApproval,
	'seat-reclamation-ask-holder.json': require('./examples/seat-reclamation-ask-holder').askHolder,
	'access-review-quarterly.json': require('./examples/access-review-quarterly').accessReview,
	'offboard-on-deactivation.json': require('./examples/offboard-on-deactivation').offboardOnDeactivation,
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
