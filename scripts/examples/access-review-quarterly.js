'use strict';
// @ts-check
/**
 * The example "Quarterly access review" (examples/access-review-quarterly.json): every quarter, Find
 * Privileged Access across every app; per app, its owner gets the list by email (Send and Wait: Keep
 * their access / Revoke it). Revoke goes to Access Review → Revoke Access (Dry Run off), which takes
 * each privileged role away the way the app supports and reads it back. Every decision and outcome is
 * an evidence row in an n8n Data Table: who, app, right, decision, who decided, when, outcome.
 *
 * Each app's owner is asked in an execution of their own (the workflow calls itself, without waiting),
 * so every owner is asked at once and has the same deadline. The owner of an app comes from the
 * Settings node's `appOwners` (integrated account ID or integration name → email), else `defaultOwner`.
 * No Code node.
 */
const {
	SMTP_CREDENTIAL,
	node,
	manualTrigger,
	trutoNode,
	setNode,
	field,
	byId,
	workflow,
	connect,
	isTrue,
	notEmpty,
	ifNode,
	filterNode,
	loopNode,
} = require('../../dev/workflows');
const { createTable, insertRow } = require('./seat-reclamation-ask-holder');

const id = (n) => `e5c9a3f0-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The evidence an auditor reads: one row per right decided on, created on the first run. */
const EVIDENCE = {
	name: 'access_review_evidence',
	columns: [
		['run_id', 'string'],
		['person', 'string'],
		['user_id', 'string'],
		['app', 'string'],
		['account_id', 'string'],
		['right', 'string'],
		['decision', 'string'],
		['decided_by', 'string'],
		['decided_at', 'date'],
		['outcome', 'string'],
		['detail', 'string'],
	],
};

/** The app's item as its owner was asked about it, in the owner's own execution. */
const APP = "$('When Asked by the Review').first().json";
/** The owner's decision: revoke (declined), keep (approved) or nothing by the deadline. */
const DECISION = "($('Ask the App Owner').first().json.data ? ($('Ask the App Owner').first().json.data.approved ? 'keep' : 'revoke') : 'no answer')";
/** The holder a row is about, in the keep branch (an item of Find Privileged Access). */
const PERSON = "($json.user_email || $json.user_name || $json.user_id)";

function sticky(name, lines, position, width, height, n) {
	return node('n8n-nodes-base.stickyNote', 1, name, { content: lines.join('\n'), height, width }, { id: id(n), position });
}

const aboutNote = [
	'## Quarterly access review',
	'Every quarter (or **Run Now**): **Find Privileged Access** across every app → per app, the app\'s owner gets the list by email: *Keep their access* or *Revoke it*.',
	'- **Revoke it** → **Revoke Access** (Dry Run off) takes each privileged role away the way the app supports (role assignment delete, or leaving a group named in its Options) and reads it back. What no app method can take away is *skipped* with "do it by hand".',
	'- **Keep**, or **no answer** by the deadline → nothing is changed.',
	'- Every decision and outcome is a row of the Data Table `access_review_evidence`.',
	'',
	'### Set up, in order',
	'1. **Settings**: `appOwners` maps an integrated account ID or an integration name (as the review names it, e.g. `GitHub`) to its owner\'s email; `defaultOwner` gets the apps not listed; `emailFrom`; `answerWithin` + `answerUnit` (minutes, hours or days) is the deadline.',
	'2. Your **Truto** credential on *Find Privileged Access* and *Revoke Access*; your **SMTP** credential on *Ask the App Owner*.',
	'3. Save, try with **Run Now** (it really asks and revokes), then publish: the schedule runs it every quarter.',
];

const evidenceNote = [
	'## Evidence for auditors',
	'`access_review_evidence` (made on the first run, reused after): run_id, person, user_id, app, account_id, right (e.g. *role Owner*), decision (keep, revoke, no answer), decided_by (the owner the email went to: Send and Wait does not record who clicked), decided_at, outcome (*revoked* = read back and gone; *still_held*, *not_verified*, *failed*, *skipped* = do it by hand; *kept*), detail.',
	'Read it in **Overview → Data tables**, or with a Data Table node (Row → Get).',
];

const ownerNote = [
	'## Each app\'s owner, in an execution of their own',
	'*Ask Each App Owner* runs this workflow again per app from **When Asked by the Review**, without waiting: every owner is asked at once, with the same deadline.',
];

const accessReview = workflow(
	'trutoAccessReview1',
	[
		sticky('About This Workflow', aboutNote, [-420, -420], 540, 560, 50),
		sticky('The Evidence', evidenceNote, [880, -300], 560, 260, 51),
		sticky('One Execution per App', ownerNote, [-420, 560], 520, 180, 52),
		node(
			'n8n-nodes-base.scheduleTrigger',
			1.2,
			'Every Quarter',
			{ rule: { interval: [{ field: 'months', monthsInterval: 3, triggerAtDayOfMonth: 1, triggerAtHour: 9 }] } },
			{ id: id(1), position: [0, 200] },
		),
		manualTrigger('Run Now', { id: id(2), position: [0, 360] }),
		setNode(
			'Settings',
			[
				field('s1', 'appOwners', '={{ { "GitHub": "cto@example.com", "Microsoft 365": "it-lead@example.com" } }}', 'object'),
				field('s2', 'defaultOwner', 'it-lead@example.com'),
				field('s3', 'emailFrom', 'n8n@example.com'),
				field('s4', 'answerWithin', 14, 'number'),
				field('s5', 'answerUnit', 'days'),
			],
			{ id: id(3), position: [220, 280] },
		),
		createTable('Evidence Table', EVIDENCE, { id: id(4), position: [440, 280] }),
		trutoNode(
			'Find Privileged Access',
			{ resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'all', options: {} },
			{ id: id(5), position: [660, 280], executeOnce: true },
		),
		filterNode('Privileged Users', [notEmpty('p1', "={{ ['privileged_access', 'privileged_service_account'].includes($json.kind) ? 'yes' : '' }}")], { id: id(6), position: [880, 280] }),
		node(
			'n8n-nodes-base.set',
			3.4,
			'Each Holder Whole',
			{
				assignments: {
					assignments: [
						field('w1', 'account_id', '={{ $json.account_id }}'),
						field('w2', 'account_name', '={{ $json.account_name }}'),
						field('w3', 'integration', '={{ $json.integration }}'),
						field('w4', 'line', "={{ '• ' + ($json.user_name || $json.user_id) + ($json.user_email ? ' <' + $json.user_email + '>' : '') + ': ' + $json.privileged_by.join(', ') + ($json.flags.length ? ' (' + $json.flags.join(', ') + ')' : '') + ($json.kind === 'privileged_service_account' ? ' [service account]' : '') }}"),
						// The whole item, for Revoke Access later.
						field('w5', 'holder', '={{ $json }}', 'object'),
					],
				},
				options: {},
			},
			{ id: id(7), position: [1100, 280] },
		),
		node(
			'n8n-nodes-base.summarize',
			1.1,
			'One Item per App',
			{
				fieldsToSummarize: {
					values: [
						{ aggregation: 'append', field: 'holder' },
						{ aggregation: 'concatenate', field: 'line', separateBy: 'other', customSeparator: '\n' },
					],
				},
				fieldsToSplitBy: 'account_id, account_name, integration',
				options: {},
			},
			{ id: id(8), position: [1320, 280] },
		),
		node(
			'n8n-nodes-base.set',
			3.4,
			'What the Ask Needs',
			{
				assignments: {
					assignments: [
						field('n1', 'ask_run_id', '={{ $execution.id }}'),
						field('n2', 'owner', "={{ $('Settings').first().json.appOwners[$json.account_id] || $('Settings').first().json.appOwners[$json.integration] || $('Settings').first().json.defaultOwner }}"),
						field('n3', 'ask_within', "={{ $('Settings').first().json.answerWithin }}", 'number'),
						field('n4', 'ask_unit', "={{ $('Settings').first().json.answerUnit }}"),
						field('n5', 'ask_from', "={{ $('Settings').first().json.emailFrom }}"),
					],
				},
				includeOtherFields: true,
				options: {},
			},
			{ id: id(9), position: [1540, 280] },
		),
		loopNode('One App at a Time', { id: id(10), position: [1760, 280] }),
		node(
			'n8n-nodes-base.executeWorkflow',
			1.2,
			'Ask Each App Owner',
			{
				source: 'database',
				workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
				workflowInputs: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
				mode: 'once',
				// Not waiting: the owner's execution waits for the answer, this one goes on to the next app.
				options: { waitForSubWorkflow: false },
			},
			{ id: id(11), position: [1980, 360] },
		),

		// Each app owner's own execution.
		node('n8n-nodes-base.executeWorkflowTrigger', 1.1, 'When Asked by the Review', { inputSource: 'passthrough' }, { id: id(30), position: [0, 900] }),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Ask the App Owner',
			{
				operation: 'sendAndWait',
				fromEmail: '={{ $json.ask_from }}',
				toEmail: '={{ $json.owner }}',
				subject: '={{ "Access review: " + $json.appended_holder.length + " with admin rights in " + $json.account_name }}',
				message:
					'={{ "Hello,\\n\\nThese people and service accounts hold admin rights in " + $json.account_name + ", of which you are the owner:\\n\\n" + $json.concatenated_line + "\\n\\nKeep their access, or revoke it: their admin roles are then taken away where the app lets Truto do it, and each is checked. Without an answer within " + $json.ask_within + " " + $json.ask_unit + " nothing changes." }}',
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Keep their access', disapproveLabel: 'Revoke it' } },
				options: {
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: '={{ $json.ask_within }}', resumeUnit: '={{ $json.ask_unit }}' } },
					appendAttribution: false,
				},
			},
			{ id: id(31), position: [220, 900], credentials: { smtp: SMTP_CREDENTIAL }, webhookId: id(91) },
		),
		// The answer replaced the item: the app's list comes back from the ask, one item per holder.
		node('n8n-nodes-base.set', 3.4, "The App's List", { mode: 'raw', jsonOutput: `={{ JSON.stringify(${APP}) }}`, options: {} }, { id: id(38), position: [440, 900] }),
		node('n8n-nodes-base.splitOut', 1, 'One Item per Holder', { fieldToSplitOut: 'appended_holder', include: 'noOtherFields', options: {} }, { id: id(32), position: [660, 900] }),
		ifNode('Revoke?', [isTrue('r1', `={{ ${DECISION} === 'revoke' }}`)], { id: id(33), position: [880, 900] }),
		trutoNode(
			'Revoke Access',
			{ resource: 'accessReview', operation: 'revokeAccess', revokeInput: 'findings', revokeDryRun: false, revokeOptions: {} },
			{ id: id(34), position: [1100, 820], onError: 'continueRegularOutput' },
		),
		// Revoke Access ends with a summary item; each right's outcome (or an error) is evidence.
		filterNode('Each Right', [notEmpty('e1', "={{ $json.kind === 'revoke_outcome' || $json.error ? 'yes' : '' }}")], { id: id(35), position: [1320, 820] }),
		insertRow(
			'Record the Revocation',
			EVIDENCE,
			{
				run_id: `={{ ${APP}.ask_run_id }}`,
				person: '={{ $json.user_email || $json.user_name || $json.user_id }}',
				user_id: '={{ $json.user_id }}',
				app: `={{ $json.account_name || ${APP}.account_name }}`,
				account_id: `={{ ${APP}.account_id }}`,
				right: '={{ $json.right }}',
				decision: 'revoke',
				decided_by: `={{ ${APP}.owner }}`,
				decided_at: '={{ $now.toISO() }}',
				outcome: "={{ $json.error ? 'failed' : $json.outcome }}",
				detail: "={{ $json.error ? $json.error + ($json.description ? ': ' + $json.description : '') : $json.reason }}",
			},
			{ id: id(36), position: [1540, 820] },
		),
		insertRow(
			'Record the Keep',
			EVIDENCE,
			{
				run_id: `={{ ${APP}.ask_run_id }}`,
				person: `={{ ${PERSON} }}`,
				user_id: '={{ $json.user_id }}',
				app: '={{ $json.account_name }}',
				account_id: '={{ $json.account_id }}',
				right: "={{ $json.privileged_by.join(', ') }}",
				decision: `={{ ${DECISION} }}`,
				decided_by: `={{ ${DECISION} === 'keep' ? ${APP}.owner : '' }}`,
				decided_at: '={{ $now.toISO() }}',
				outcome: `={{ ${DECISION} === 'keep' ? 'kept' : 'kept (no answer)' }}`,
				detail: "={{ $json.flags.length ? 'flagged: ' + $json.flags.join(', ') : '' }}",
			},
			{ id: id(37), position: [1100, 1000] },
		),
	],
	{
		...connect(
			['Every Quarter', 'Settings'],
			['Run Now', 'Settings'],
			['Settings', 'Evidence Table'],
			['Evidence Table', 'Find Privileged Access'],
			['Find Privileged Access', 'Privileged Users'],
			['Privileged Users', 'Each Holder Whole'],
			['Each Holder Whole', 'One Item per App'],
			['One Item per App', 'What the Ask Needs'],
			['What the Ask Needs', 'One App at a Time'],
			['Ask Each App Owner', 'One App at a Time'],
			['When Asked by the Review', 'Ask the App Owner'],
			['Ask the App Owner', "The App's List"],
			["The App's List", 'One Item per Holder'],
			['One Item per Holder', 'Revoke?'],
			['Revoke Access', 'Each Right'],
			['Each Right', 'Record the Revocation'],
		),
		// Outputs beyond the first: the loop's done (0) and loop (1), the If's true and false.
		'One App at a Time': { main: [[], [{ node: 'Ask Each App Owner', type: 'main', index: 0 }]] },
		'Revoke?': { main: [[{ node: 'Revoke Access', type: 'main', index: 0 }], [{ node: 'Record the Keep', type: 'main', index: 0 }]] },
	},
	'Quarterly access review (Truto)',
);

module.exports = { accessReview, EVIDENCE };
