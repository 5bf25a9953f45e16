'use strict';
// @ts-check
/**
 * The example "Offboard when the identity provider deactivates someone"
 * (examples/offboard-on-deactivation.json): the Truto Directory Poll Trigger watches the identity
 * provider's account for status changes; a person who turned inactive or suspended is looked up in
 * every app (Person → Find Accounts) and offboarded there with the reversible steps (Person → Offboard,
 * Dry Run off, no delete). Users still active where the app could delete them go to an approver (Send
 * and Wait: delete or keep); only an approved delete is sent. Every account acted on is an audit row in
 * a Data Table, and a report goes to Slack and by email. No Code node.
 */
const { SMTP_CREDENTIAL, node, trutoNode, httpRequestNode, field, workflow, connect, isTrue, equals, ifNode, filterNode, TRUTO_CREDENTIAL } = require('../../dev/workflows');
const { createTable, insertRow } = require('./seat-reclamation-ask-holder');

const id = (n) => `e5c9a3f0-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The audit trail: one row per account acted on, per step (the reversible run, the approved delete, a declined delete). */
const AUDIT = {
	name: 'offboarding_audit',
	columns: [
		['at', 'date'],
		['person', 'string'],
		['app', 'string'],
		['account_id', 'string'],
		['user_id', 'string'],
		['step', 'string'],
		['outcome', 'string'],
		['actions', 'string'],
		['requests', 'string'],
		['idempotency_keys', 'string'],
		['reason', 'string'],
		['execution_id', 'string'],
	],
};

const SETTINGS = "$('Settings').first().json";
/** Statuses that mean the person left (Truto's unified status, or an app's own word passed through). */
const GONE = "['inactive', 'suspended', 'deleted', 'deprovisioned', 'deactivated']";
/** The outcome items of an Offboard node (its last item is the summary). */
const outcomes = (name) => `$('${name}').all().map(i => i.json).filter(o => o.kind === 'offboard_outcome')`;

/** A Set node writing `fields`, the item's other fields kept. */
function setFields(name, fields, options) {
	return node('n8n-nodes-base.set', 3.4, name, { assignments: { assignments: fields }, includeOtherFields: true, options: {} }, options);
}

/** A Set node whose item is the JSON of `expression`. */
function rawSet(name, expression, options) {
	return node('n8n-nodes-base.set', 3.4, name, { mode: 'raw', jsonOutput: `={{ JSON.stringify(${expression}) }}`, options: {} }, options);
}

/** Posts `{ text }` to the Slack incoming webhook of the Settings node. */
function slackPost(name, text, options) {
	return httpRequestNode(
		name,
		{ method: 'POST', url: `={{ ${SETTINGS}.slackWebhookUrl }}`, sendBody: true, specifyBody: 'json', jsonBody: `={{ JSON.stringify({ text: ${text} }) }}`, options: {} },
		options,
	);
}

function sticky(name, lines, position, width, height, n) {
	return node('n8n-nodes-base.stickyNote', 1, name, { content: lines.join('\n'), height, width }, { id: id(n), position });
}

const aboutNote = [
	'## Offboard when the identity provider deactivates someone',
	'The **Truto Directory Poll Trigger** watches your identity provider (Okta, Entra ID, Google Workspace …) for status changes. When someone turns *inactive* or *suspended*:',
	'1. **Find Accounts** looks for them, by every email they have, in every app connected to Truto.',
	'2. **Offboard** closes each account the reversible way the app supports (deactivate, suspend or status update; then removal from groups), reads every user back, and reports what is still active.',
	'3. Users still active where the app could **delete** them go to the approver: only an approved delete is sent.',
	'4. Every account acted on is a row of the Data Table `offboarding_audit`; a report goes to Slack and by email.',
	'',
	'### Set up, in order',
	'1. Open **Identity Provider Status Changed**, create a **Truto API** credential (Truto dashboard → Settings → API Tokens) and pick your identity provider account; the other Truto nodes use the same credential.',
	'2. In **Settings**: the approver, the report address, the sender, the Slack incoming-webhook URL and how many days an approval may take.',
	'3. Open **Ask to Delete** and create an **SMTP** credential (**Email Report** uses it too).',
	'4. **Publish**: the trigger polls every minute.',
];

const safeguardsNote = [
	'## Safeguards',
	'- **Offboard** sends writes one at a time per app, each with its own Idempotency-Key, and reads the user back: *offboarded* only when seen inactive or gone.',
	'- Accounts already inactive are reported *already inactive*, with nothing sent: running twice is safe.',
	'- Delete cannot be undone: it is sent only after the approver says so (no answer in time = keep).',
	'- Try it first with **Dry Run** on in **Offboard**: it plans every write and sends none.',
];

const auditNote = [
	'## The audit trail',
	'Data Table `offboarding_audit` (made on the first run): one row per account and step — `reversible`, `delete` (approved) or `delete declined` — with the outcome, the actions and requests sent, their Idempotency-Keys and the reason.',
	'Read it in **Overview → Data tables**, or with a Data Table node (Row → Get).',
];

const reportText = [
	`'*Offboarding after the identity provider deactivated ' + $('Deactivated').all().map(i => i.json.name || i.json.email || i.json.id).join(', ') + '*\\n'`,
	'$json.text',
	`($('Delete').isExecuted ? '\\nDeleted after approval:\\n' + ${outcomes('Delete')}.map(o => '• ' + o.title).join('\\n') : '')`,
	`($('Delete Declined').isExecuted ? '\\nDelete declined, left active:\\n' + $('Delete Declined').all().map(i => '• ' + i.json.title).join('\\n') : '')`,
].join(' + ');

/** The audit row of one Offboard outcome item (or a declined delete). */
const auditValues = {
	at: '={{ $now.toISO() }}',
	// An app that could not be searched names no email: the people deactivated in this poll.
	person: "={{ $json.email || $('Deactivated').all().map(i => (i.json.emails || []).map(e => e.email).join(', ')).join('; ') }}",
	app: '={{ $json.account_name }}',
	account_id: '={{ $json.account_id }}',
	user_id: '={{ $json.user_id }}',
	step: "={{ $json.outcome === 'delete_declined' ? 'delete declined' : ($json.actions || []).includes('delete') ? 'delete' : 'reversible' }}",
	outcome: '={{ $json.outcome }}',
	actions: "={{ ($json.actions || []).join(', ') }}",
	requests: "={{ ($json.steps || []).map(s => s.request).join('\\n') }}",
	idempotency_keys: "={{ ($json.steps || []).map(s => s.idempotency_key).filter(k => k).join(', ') }}",
	reason: '={{ $json.reason }}',
	execution_id: '={{ $execution.id }}',
};

const offboardOnDeactivation = workflow(
	'trutoOffboardOnIdp1',
	[
		sticky('About This Workflow', aboutNote, [-560, -420], 520, 560, 50),
		sticky('Safeguards', safeguardsNote, [700, -420], 460, 260, 51),
		sticky('The Audit Trail', auditNote, [1900, -420], 440, 220, 52),
		node(
			'n8n-nodes-truto.trutoUserDirectoryTrigger',
			1,
			'Identity Provider Status Changed',
			{
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'userStatusChanged',
				// Picked from the list: your identity provider's integrated account.
				integratedAccount: { __rl: true, mode: 'list', value: '' },
				options: {},
			},
			{ id: id(1), position: [0, 200], credentials: { trutoApi: TRUTO_CREDENTIAL } },
		),
		setFields(
			'Settings',
			[
				field('s1', 'approverEmail', 'it-lead@example.com'),
				field('s2', 'reportEmail', 'it-team@example.com'),
				field('s3', 'emailFrom', 'n8n@example.com'),
				field('s4', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
				field('s5', 'approvalDays', 3, 'number'),
			],
			{ id: id(2), position: [220, 200] },
		),
		// Above the offboarding: n8n runs the upper branch first, so the table exists before the first row.
		createTable('Audit Table', AUDIT, { id: id(3), position: [440, 40], executeOnce: true }),
		filterNode(
			'Deactivated',
			[isTrue('d1', `={{ ${GONE}.includes(String($json.status).toLowerCase()) && !${GONE}.includes(String($json.previous_status).toLowerCase()) }}`)],
			{ id: id(4), position: [440, 240] },
		),
		trutoNode(
			'Find Accounts',
			{
				resource: 'person',
				operation: 'findAccounts',
				// Every email the identity provider has for the person.
				emails: "={{ [$json.email].concat(($json.emails || []).map(e => e.email)).filter(e => e).join(', ') }}",
				accountScope: 'all',
				options: {},
			},
			{ id: id(5), position: [660, 240] },
		),
		trutoNode(
			'Offboard',
			{ resource: 'person', operation: 'offboard', offboardInput: 'accounts', offboardDryRun: false, offboardOptions: { allowDelete: false } },
			{ id: id(6), position: [880, 240], onError: 'continueRegularOutput' },
		),
		filterNode('Each Account', [equals('e1', '={{ $json.kind }}', 'offboard_outcome')], { id: id(7), position: [1100, 80] }),
		insertRow('Audit Row', AUDIT, auditValues, { id: id(8), position: [2200, 80] }),
		filterNode(
			'Needs Delete',
			[equals('n1', '={{ $json.outcome }}', 'still_active'), isTrue('n2', '={{ $json.delete_available === true }}')],
			{ id: id(9), position: [1100, 280] },
		),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Ask to Delete',
			{
				operation: 'sendAndWait',
				fromEmail: `={{ ${SETTINGS}.emailFrom }}`,
				toEmail: `={{ ${SETTINGS}.approverEmail }}`,
				// Sent once (Execute Once): it names every account Needs Delete let through.
				subject: "={{ 'Delete ' + $('Needs Delete').all().length + ' account' + ($('Needs Delete').all().length === 1 ? '' : 's') + ' still active after offboarding?' }}",
				message:
					"={{ 'The identity provider deactivated ' + $('Deactivated').all().map(i => i.json.name || i.json.email).join(', ') + '. These accounts are still active after the reversible steps; the app lets Truto delete them, which cannot be undone:\\n\\n' + $('Needs Delete').all().map(i => '• ' + i.json.title + ': ' + i.json.reason).join('\\n') + '\\n\\nNo answer within ' + " +
					`${SETTINGS}.approvalDays + ' days keeps them.' }}`,
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Delete them', disapproveLabel: 'Keep them' } },
				options: {
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: `={{ ${SETTINGS}.approvalDays }}`, resumeUnit: 'days' } },
					appendAttribution: false,
				},
			},
			{ id: id(10), position: [1320, 280], executeOnce: true, credentials: { smtp: SMTP_CREDENTIAL }, webhookId: id(90) },
		),
		ifNode('Delete Approved?', [isTrue('q1', '={{ $json.data?.approved === true }}')], { id: id(11), position: [1540, 280] }),
		// The answer replaced the items: the accounts to delete are those Needs Delete let through.
		rawSet('Accounts to Delete', "{ accounts: $('Needs Delete').all().map(i => i.json) }", { id: id(12), position: [1760, 200] }),
		node('n8n-nodes-base.splitOut', 1, 'One Item per Account', { fieldToSplitOut: 'accounts', options: {} }, { id: id(13), position: [1980, 200] }),
		trutoNode(
			'Delete',
			{ resource: 'person', operation: 'offboard', offboardInput: 'accounts', offboardDryRun: false, offboardOptions: { allowDelete: true } },
			{ id: id(14), position: [2200, 200], onError: 'continueRegularOutput' },
		),
		filterNode('Each Deleted Account', [equals('x1', '={{ $json.kind }}', 'offboard_outcome')], { id: id(15), position: [2420, 200] }),
		rawSet(
			'Declined Accounts',
			"{ accounts: $('Needs Delete').all().map(i => Object.assign({}, i.json, { outcome: 'delete_declined', reason: 'The approver kept the account (or did not answer in time): still active, nothing deleted' })) }",
			{ id: id(16), position: [1760, 380] },
		),
		node('n8n-nodes-base.splitOut', 1, 'Delete Declined', { fieldToSplitOut: 'accounts', options: {} }, { id: id(17), position: [1980, 380] }),
		// The report, last: n8n runs this lowest branch after the approval.
		filterNode('Offboarding Summary', [equals('r1', '={{ $json.kind }}', 'summary')], { id: id(18), position: [1100, 560] }),
		setFields(
			'Report',
			[
				field('t1', 'report', `={{ ${reportText} }}`),
				field('t2', 'subject', "={{ 'Offboarding: ' + $('Deactivated').all().map(i => i.json.name || i.json.email).join(', ') + ' — ' + $json.title.replace(/^Offboarding: /, '') }}"),
			],
			{ id: id(19), position: [1320, 560] },
		),
		slackPost('Post to Slack', '$json.report', { id: id(20), position: [1540, 480] }),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Email Report',
			{
				fromEmail: `={{ ${SETTINGS}.emailFrom }}`,
				toEmail: `={{ ${SETTINGS}.reportEmail }}`,
				subject: '={{ $json.subject }}',
				emailFormat: 'text',
				text: '={{ $json.report }}',
				options: { appendAttribution: false },
			},
			{ id: id(21), position: [1540, 640], credentials: { smtp: SMTP_CREDENTIAL } },
		),
	],
	{
		...connect(
			['Identity Provider Status Changed', 'Settings'],
			['Settings', 'Audit Table'],
			['Settings', 'Deactivated'],
			['Deactivated', 'Find Accounts'],
			['Find Accounts', 'Offboard'],
			['Offboard', 'Each Account'],
			['Offboard', 'Needs Delete'],
			['Offboard', 'Offboarding Summary'],
			['Each Account', 'Audit Row'],
			['Needs Delete', 'Ask to Delete'],
			['Ask to Delete', 'Delete Approved?'],
			['Accounts to Delete', 'One Item per Account'],
			['One Item per Account', 'Delete'],
			['Delete', 'Each Deleted Account'],
			['Each Deleted Account', 'Audit Row'],
			['Declined Accounts', 'Delete Declined'],
			['Delete Declined', 'Audit Row'],
			['Offboarding Summary', 'Report'],
			['Report', 'Post to Slack'],
			['Report', 'Email Report'],
		),
		// The If's outputs: true (approved) and false (declined, or no answer in time).
		'Delete Approved?': { main: [[{ node: 'Accounts to Delete', type: 'main', index: 0 }], [{ node: 'Declined Accounts', type: 'main', index: 0 }]] },
	},
	'Offboard when the identity provider deactivates someone (Truto)',
);

module.exports = { offboardOnDeactivation, AUDIT };
