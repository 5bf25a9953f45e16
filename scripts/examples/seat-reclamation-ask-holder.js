'use strict';
// @ts-check
/**
 * The example "Ask the holder first" (examples/seat-reclamation-ask-holder.json): every week, Find
 * Reclaimable Seats; each holder of an unused seat who has not recently said "keep it" gets an email
 * (Send and Wait: Keep it / Release it) with a deadline. Release, or no answer by the deadline, goes to
 * Reclaim Seats (Dry Run off) and is read back; a verified reclaim is a row of the savings ledger. Keep
 * is a row "kept until" so the next runs do not ask again. After the deadline an admin digest (email
 * and Slack) counts the answers and outcomes, with the realised savings of the month from the ledger.
 *
 * Each holder is asked in an execution of their own (the workflow calls itself, without waiting), so
 * every holder has the same deadline: one execution can wait for one answer at a time only. The
 * outcomes meet again in a Data Table, which the digest reads after the deadline. No Code node.
 */
const {
	SMTP_CREDENTIAL,
	node,
	manualTrigger,
	trutoNode,
	httpRequestNode,
	setNode,
	field,
	byId,
	workflow,
	connect,
	equals,
	isTrue,
	notEmpty,
	ifNode,
	filterNode,
	loopNode,
	weeklyTrigger,
} = require('../../dev/workflows');

const id = (n) => `d4b8f2e0-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The Data Tables the example keeps, created on the first run (Reuse Existing Tables). */
const TABLES = {
	kept: {
		name: 'seat_kept',
		columns: [
			['finding_key', 'string'],
			['kept_until', 'date'],
			['holder', 'string'],
			['app', 'string'],
			['answered_at', 'date'],
		],
	},
	savings: {
		name: 'seat_savings',
		columns: [
			['date', 'date'],
			['app', 'string'],
			['account', 'string'],
			['user', 'string'],
			['license', 'string'],
			['seats', 'number'],
			['amount', 'number'],
			['currency', 'string'],
			['finding_key', 'string'],
		],
	},
	answers: {
		name: 'seat_answers',
		columns: [
			['run_id', 'string'],
			['finding_key', 'string'],
			['holder', 'string'],
			['app', 'string'],
			['answer', 'string'],
			['outcome', 'string'],
			['detail', 'string'],
			['seats', 'number'],
			['amount', 'number'],
			['currency', 'string'],
			['answered_at', 'date'],
		],
	},
};

/** A Data Table referred to by name, so the imported workflow finds the tables its first run made. */
const table = (name) => ({ __rl: true, mode: 'name', value: name });

/** n8n's Data Table node (1.1: dates come out as ISO text). @param {string} name @param {Record<string, unknown>} parameters @param {import('../../dev/workflows/nodes').NodeOptions} options */
const dataTableNode = (name, parameters, options) => node('n8n-nodes-base.dataTable', 1.1, name, parameters, options);

/** Table → Create, returning the table when it exists already. */
function createTable(name, spec, options) {
	return dataTableNode(
		name,
		{
			resource: 'table',
			operation: 'create',
			tableName: spec.name,
			columns: { column: spec.columns.map(([column, type]) => ({ name: column, type })) },
			options: { createIfNotExists: true },
		},
		options,
	);
}

/** Row → Insert of `values` (column → expression) into the table `spec`. */
function insertRow(name, spec, values, options) {
	const schema = spec.columns.map(([column, type]) => ({
		id: column,
		displayName: column,
		required: false,
		defaultMatch: false,
		display: true,
		type: type === 'date' ? 'dateTime' : type,
		readOnly: false,
		removed: false,
	}));
	return dataTableNode(
		name,
		{
			resource: 'row',
			operation: 'insert',
			dataTableId: table(spec.name),
			columns: { mappingMode: 'defineBelow', value: values, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: false },
			options: {},
		},
		options,
	);
}

/** A condition of the Data Table node's row operations. */
const where = (keyName, condition, keyValue) => ({ keyName, condition, keyValue });

/** Row → Get, every row matching all `conditions`. */
function getRows(name, spec, conditions, options) {
	return dataTableNode(
		name,
		{ resource: 'row', operation: 'get', dataTableId: table(spec.name), matchType: 'allConditions', filters: { conditions }, returnAll: true },
		options,
	);
}

/** Posts `{ text }` to the Slack incoming webhook of the Settings node. */
function slackPost(name, text, options) {
	return httpRequestNode(
		name,
		{
			method: 'POST',
			url: "={{ $('Settings').first().json.slackWebhookUrl }}",
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ text: ${text} }) }}`,
			options: {},
		},
		options,
	);
}

function sticky(name, lines, position, width, height, n) {
	return node('n8n-nodes-base.stickyNote', 1, name, { content: lines.join('\n'), height, width }, { id: id(n), position });
}

/** The finding a holder is asked about, in the holder's own execution. */
const FINDING = "$('When Asked by the Review').first().json";
/** The holder's answer: Keep it (approved), Release it (declined) or nothing by the deadline. */
const ANSWER = "($('Ask the Holder').first().json.data ? ($('Ask the Holder').first().json.data.approved ? 'keep' : 'release') : 'silent')";
/** The outcome item of Reclaim Seats, or its error item. */
const OUTCOME = "$('Its Outcome').first().json";

/** The rows of this run's answers: every holder's answer and outcome. */
const ROWS = "$('Answers of This Run').all().map(i => i.json).filter(r => r.finding_key)";
const count = (condition) => `={{ ${ROWS}.filter(r => ${condition}).length }}`;
/** Money per currency of rows with `amount` and `currency`, never added across currencies. */
const perCurrency = (rows) =>
	`Object.entries(${rows}.filter(r => r.currency && typeof r.amount === 'number').reduce((t, r) => Object.assign(t, { [r.currency]: (t[r.currency] || 0) + r.amount }), {})).map(([c, a]) => c + ' ' + a.toFixed(2)).join(' + ')`;

const digestText = [
	"'*Seat reclamation — holders asked: ' + $json.asked + '*\\n'",
	"'• released: ' + $json.released + ', kept: ' + $json.kept + ', no answer: ' + $json.silent + ($json.waiting ? ', still being answered: ' + $json.waiting : '') + '\\n'",
	"'• reclaimed and verified: ' + $json.reclaimed_released + ' released, ' + $json.reclaimed_on_silence + ' on silence\\n'",
	"'• still assigned: ' + $json.still_assigned + ', not verified: ' + $json.not_verified + ', failed: ' + $json.failed + ', skipped: ' + $json.skipped + '\\n'",
	"'• realised this run: ' + ($json.saved_this_run || 'nothing') + ' a month\\n'",
	"'• realised this month (ledger): ' + ($json.saved_this_month || 'nothing yet') + ' a month, of ' + ($json.potential || 'nothing') + ' a month found'",
	"($json.to_check ? '\\nTo check:\\n' + $json.to_check : '')",
].join(' + ');

const settingsNote = [
	'## Ask the holder first',
	'Every Monday: **Find Reclaimable Seats** → each holder of an unused seat (with an email, in an app where a reversible action frees it) gets an email: *Keep it* or *Release it*.',
	'- **Release it**, or **no answer** by the deadline → **Reclaim Seats** (Dry Run off) frees the seat and reads it back; a verified reclaim is a row of `seat_savings`.',
	'- **Keep it** → a row in `seat_kept`: not asked again for `keepDays`.',
	'- After `digestAfter`: a digest to the admin (email and Slack).',
	'',
	'### Set up, in order',
	'1. **Settings**: `adminEmail`, `emailFrom`, `slackWebhookUrl`; `answerWithin` + `answerUnit` (minutes, hours or days) is the deadline; `digestAfter` (same unit) must be later; `keepDays`; `identityProviderAccountId` (optional).',
	'2. Your **Truto** credential on *Find Reclaimable Seats* and *Reclaim the Seat*; your **SMTP** credential on *Ask the Holder* and *Email the Admin*.',
	'3. Save, try with **Run Now** (it really asks and reclaims), then publish: the schedule runs it weekly.',
];

const tablesNote = [
	'## Data Tables',
	'Made on the first run, reused after (Table → Create, *Reuse Existing Tables*):',
	'- `seat_kept`: finding_key, kept_until, holder, app, answered_at. Expired rows are deleted each run.',
	'- `seat_savings`: the ledger of verified reclaims — date, app, account, user, license, seats, amount (a month), currency, finding_key.',
	'- `seat_answers`: every holder asked — run_id, answer (keep, release, silent), outcome.',
	'Read them in **Overview → Data tables**, or with a Data Table node (Row → Get).',
];

const holderNote = [
	'## Each holder, in an execution of their own',
	'*Ask Each Holder* runs this workflow again per holder from **When Asked by the Review**, without waiting: every holder gets the same deadline.',
	'No answer by the deadline counts as *Release it*. Reclaim Seats skips a holder who was active again since the review.',
];

const digestNote = [
	'## The digest',
	'Waits `digestAfter`, then counts this run\'s rows of `seat_answers` and reads this month\'s `seat_savings`: realised savings per currency, next to the potential the review found.',
];

const askHolder = workflow(
	'trutoSeatAskHolder1',
	[
		sticky('About This Workflow', settingsNote, [-420, -380], 520, 520, 50),
		sticky('The Data Tables', tablesNote, [660, -380], 520, 300, 51),
		sticky('One Execution per Holder', holderNote, [-420, 560], 520, 220, 52),
		sticky('About the Digest', digestNote, [1700, 560], 460, 180, 53),
		weeklyTrigger('Every Monday at 9:00', 1, 9, { id: id(1), position: [0, 200] }),
		manualTrigger('Run Now', { id: id(2), position: [0, 360] }),
		setNode(
			'Settings',
			[
				field('s1', 'answerWithin', 7, 'number'),
				field('s2', 'answerUnit', 'days'),
				field('s3', 'digestAfter', 8, 'number'),
				field('s4', 'keepDays', 90, 'number'),
				field('s5', 'adminEmail', 'it-lead@example.com'),
				field('s6', 'emailFrom', 'n8n@example.com'),
				field('s7', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
				// Your Okta / Entra / Google Workspace account in Truto, for orphaned accounts; empty to skip that check.
				field('s8', 'identityProviderAccountId', ''),
			],
			{ id: id(3), position: [220, 280] },
		),
		createTable('Kept Seats Table', TABLES.kept, { id: id(4), position: [440, 280] }),
		createTable('Savings Ledger Table', TABLES.savings, { id: id(5), position: [660, 280] }),
		createTable('Answers Table', TABLES.answers, { id: id(6), position: [880, 280] }),
		dataTableNode(
			'Forget Expired Keeps',
			{
				resource: 'row',
				operation: 'deleteRows',
				dataTableId: table(TABLES.kept.name),
				matchType: 'allConditions',
				filters: { conditions: [where('kept_until', 'lt', '={{ $now.toISO() }}')] },
				options: {},
			},
			// It outputs the rows it deleted, possibly none: the review still runs, once.
			{ id: id(7), position: [1100, 280], alwaysOutputData: true, executeOnce: true },
		),
		trutoNode(
			'Find Reclaimable Seats',
			{
				resource: 'seatReclamation',
				operation: 'findReclaimableSeats',
				accountScope: 'all',
				identityProvider: byId("={{ $('Settings').first().json.identityProviderAccountId }}"),
				inactiveDays: 90,
				reviewOutput: 'findingsAndSummary',
				options: {},
			},
			{ id: id(8), position: [1320, 280], executeOnce: true },
		),
		// Above the digest branch: n8n runs the upper branch first, so every holder is asked before the wait.
		filterNode(
			'Holders to Ask',
			[
				equals('h1', '={{ $json.kind }}', 'unused_seat'),
				notEmpty('h2', "={{ $json.user_email ?? '' }}"),
				notEmpty('h3', "={{ $json.reclaim_action ?? '' }}"),
				// Delete-only seats are not asked about: Reclaim Seats skips them unless Allow Delete is on.
				{ id: 'h4', leftValue: '={{ $json.reclaim_action }}', rightValue: 'delete', operator: { type: 'string', operation: 'notEquals' } },
			],
			{ id: id(9), position: [1540, 160] },
		),
		dataTableNode(
			'Not Kept',
			{
				resource: 'row',
				operation: 'rowNotExists',
				dataTableId: table(TABLES.kept.name),
				matchType: 'allConditions',
				filters: { conditions: [where('finding_key', 'eq', '={{ $json.finding_key }}')] },
			},
			{ id: id(10), position: [1760, 160] },
		),
		node(
			'n8n-nodes-base.set',
			3.4,
			'What the Ask Needs',
			{
				assignments: {
					assignments: [
						field('n1', 'ask_run_id', '={{ $execution.id }}'),
						field('n2', 'ask_within', "={{ $('Settings').first().json.answerWithin }}", 'number'),
						field('n3', 'ask_unit', "={{ $('Settings').first().json.answerUnit }}"),
						field('n6', 'ask_from', "={{ $('Settings').first().json.emailFrom }}"),
						field('n4', 'ask_keep_days', "={{ $('Settings').first().json.keepDays }}", 'number'),
						// The finding is as old as the deadline when a silent holder's seat is reclaimed.
						field(
							'n5',
							'ask_max_finding_age_days',
							"={{ Math.ceil($('Settings').first().json.answerWithin * ({ minutes: 1 / 1440, hours: 1 / 24, days: 1 })[$('Settings').first().json.answerUnit]) + 1 }}",
							'number',
						),
					],
				},
				includeOtherFields: true,
				options: {},
			},
			{ id: id(11), position: [1980, 160] },
		),
		loopNode('One Holder at a Time', { id: id(12), position: [2200, 160] }),
		node(
			'n8n-nodes-base.executeWorkflow',
			1.2,
			'Ask Each Holder',
			{
				source: 'database',
				workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
				workflowInputs: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
				mode: 'once',
				// Not waiting: the holder's execution waits for the answer, this one goes on to the next holder.
				options: { waitForSubWorkflow: false },
			},
			{ id: id(13), position: [2420, 240] },
		),

		// The digest, after the deadline.
		filterNode('The Review Summary', [equals('g1', '={{ $json.kind }}', 'summary')], { id: id(14), position: [1540, 420] }),
		node(
			'n8n-nodes-base.wait',
			1.1,
			'Wait for the Answers',
			{
				resume: 'timeInterval',
				amount: "={{ $('Settings').first().json.digestAfter }}",
				unit: "={{ $('Settings').first().json.answerUnit }}",
			},
			{ id: id(15), position: [1760, 420], webhookId: id(95) },
		),
		getRows('Answers of This Run', TABLES.answers, [where('run_id', 'eq', '={{ $execution.id }}')], { id: id(16), position: [1980, 420], alwaysOutputData: true, executeOnce: true }),
		getRows('Savings This Month', TABLES.savings, [where('date', 'gte', "={{ $now.startOf('month').toISO() }}")], {
			id: id(17),
			position: [2200, 420],
			alwaysOutputData: true,
			executeOnce: true,
		}),
		setNode(
			'Count the Answers',
			[
				field('c1', 'asked', "={{ $('What the Ask Needs').isExecuted ? $('What the Ask Needs').all().length : 0 }}", 'number'),
				field('c2', 'answered', `={{ ${ROWS}.length }}`, 'number'),
				field('c16', 'waiting', `={{ ($('What the Ask Needs').isExecuted ? $('What the Ask Needs').all().length : 0) - ${ROWS}.length }}`, 'number'),
				field('c3', 'released', count("r.answer === 'release'"), 'number'),
				field('c4', 'kept', count("r.answer === 'keep'"), 'number'),
				field('c5', 'silent', count("r.answer === 'silent'"), 'number'),
				field('c6', 'reclaimed_released', count("r.answer === 'release' && r.outcome === 'reclaimed'"), 'number'),
				field('c7', 'reclaimed_on_silence', count("r.answer === 'silent' && r.outcome === 'reclaimed'"), 'number'),
				field('c8', 'still_assigned', count("r.outcome === 'still_assigned'"), 'number'),
				field('c9', 'not_verified', count("r.outcome === 'not_verified'"), 'number'),
				field('c10', 'failed', count("r.outcome === 'failed'"), 'number'),
				field('c11', 'skipped', count("r.outcome === 'skipped'"), 'number'),
				field('c12', 'saved_this_run', `={{ ${perCurrency(`${ROWS}.filter(r => r.outcome === 'reclaimed')`)} }}`),
				field('c13', 'saved_this_month', `={{ ${perCurrency("$('Savings This Month').all().map(i => i.json)")} }}`),
				field('c14', 'potential', "={{ ($('The Review Summary').first().json.to_reclaim || []).map(t => t.currency + ' ' + t.monthly_amount.toFixed(2)).join(' + ') }}"),
				field(
					'c15',
					'to_check',
					`={{ ${ROWS}.filter(r => ['still_assigned', 'not_verified', 'failed', 'skipped'].includes(r.outcome)).map(r => '• ' + r.outcome + ': ' + r.holder + ' (' + r.app + '): ' + r.detail).join('\\n') }}`,
				),
			],
			{ id: id(18), position: [2420, 420], executeOnce: true },
		),
		node(
			'n8n-nodes-base.set',
			3.4,
			'Digest',
			{
				assignments: {
					assignments: [field('t1', 'text', `={{ ${digestText} }}`), field('t2', 'subject', "={{ 'Seat reclamation: ' + $json.asked + ' asked, ' + ($json.reclaimed_released + $json.reclaimed_on_silence) + ' reclaimed' }}")],
				},
				includeOtherFields: true,
				options: {},
			},
			{ id: id(19), position: [2640, 420] },
		),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Email the Admin',
			{
				fromEmail: "={{ $('Settings').first().json.emailFrom }}",
				toEmail: "={{ $('Settings').first().json.adminEmail }}",
				subject: '={{ $json.subject }}',
				emailFormat: 'text',
				text: '={{ $json.text }}',
				options: { appendAttribution: false },
			},
			{ id: id(20), position: [2860, 340], credentials: { smtp: SMTP_CREDENTIAL } },
		),
		slackPost('Post to Slack', '$json.text', { id: id(21), position: [2860, 500] }),

		// Each holder's own execution.
		node('n8n-nodes-base.executeWorkflowTrigger', 1.1, 'When Asked by the Review', { inputSource: 'passthrough' }, { id: id(30), position: [0, 900] }),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Ask the Holder',
			{
				operation: 'sendAndWait',
				fromEmail: '={{ $json.ask_from }}',
				toEmail: '={{ $json.user_email }}',
				subject: '={{ "Do you still need " + $json.licenses + " in " + $json.integration + "?" }}',
				message:
					'={{ "Hello " + ($json.user_name || $json.user_email) + ",\\n\\nYou have not used " + $json.integration + " (" + $json.account_name + ") since " + ($json.last_seen ? $json.last_seen.slice(0, 10) : "you got it") + ". Your seat: " + $json.licenses + ".\\n\\nKeep it if you still need it; release it and it goes back to the team. Without an answer within " + $json.ask_within + " " + $json.ask_unit + " it is released." }}',
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Keep it', disapproveLabel: 'Release it' } },
				options: {
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: '={{ $json.ask_within }}', resumeUnit: '={{ $json.ask_unit }}' } },
					appendAttribution: false,
				},
			},
			{ id: id(31), position: [220, 900], credentials: { smtp: SMTP_CREDENTIAL }, webhookId: id(91) },
		),
		ifNode('Keep It?', [isTrue('k1', '={{ $json.data?.approved === true }}')], { id: id(32), position: [440, 900] }),
		insertRow(
			'Remember the Keep',
			TABLES.kept,
			{
				finding_key: `={{ ${FINDING}.finding_key }}`,
				kept_until: `={{ $now.plus(${FINDING}.ask_keep_days, 'days').toISO() }}`,
				holder: `={{ ${FINDING}.user_email }}`,
				app: `={{ ${FINDING}.account_name }}`,
				answered_at: '={{ $now.toISO() }}',
			},
			{ id: id(33), position: [660, 800] },
		),
		// The answer replaced the item: the finding goes to Reclaim Seats.
		node('n8n-nodes-base.set', 3.4, 'The Finding', { mode: 'raw', jsonOutput: `={{ JSON.stringify(${FINDING}) }}`, options: {} }, { id: id(34), position: [660, 1000] }),
		trutoNode(
			'Reclaim the Seat',
			{
				resource: 'seatReclamation',
				operation: 'reclaimSeats',
				reclaimInput: 'findings',
				dryRun: false,
				reclaimOptions: { maxFindingAgeDays: '={{ $json.ask_max_finding_age_days }}' },
			},
			{ id: id(35), position: [880, 1000], onError: 'continueRegularOutput' },
		),
		// Reclaim Seats ends with a summary item; this seat's outcome (or error) is what counts.
		filterNode('Its Outcome', [notEmpty('o1', "={{ $json.kind === 'reclaim_outcome' || $json.error ? 'yes' : '' }}")], { id: id(36), position: [1100, 1000] }),
		ifNode('Verified?', [isTrue('v1', "={{ $json.outcome === 'reclaimed' }}")], { id: id(37), position: [1320, 1000] }),
		insertRow(
			'Add to the Ledger',
			TABLES.savings,
			{
				date: '={{ $now.toISO() }}',
				app: `={{ ${FINDING}.integration }}`,
				account: `={{ ${FINDING}.account_name }}`,
				user: `={{ ${FINDING}.user_email }}`,
				license: `={{ ${FINDING}.licenses }}`,
				seats: '={{ $json.seats }}',
				amount: '={{ $json.monthly_saving }}',
				currency: '={{ $json.currency }}',
				finding_key: `={{ ${FINDING}.finding_key }}`,
			},
			{ id: id(38), position: [1540, 920] },
		),
		insertRow(
			'Record the Answer',
			TABLES.answers,
			{
				run_id: `={{ ${FINDING}.ask_run_id }}`,
				finding_key: `={{ ${FINDING}.finding_key }}`,
				holder: `={{ ${FINDING}.user_email }}`,
				app: `={{ ${FINDING}.account_name }}`,
				answer: `={{ ${ANSWER} }}`,
				outcome: `={{ ${ANSWER} === 'keep' ? 'kept' : (${OUTCOME}.error ? 'failed' : ${OUTCOME}.outcome) }}`,
				detail: `={{ ${ANSWER} === 'keep' ? 'kept until ' + $now.plus(${FINDING}.ask_keep_days, 'days').toISODate() : (${OUTCOME}.error || ${OUTCOME}.reason || '') }}`,
				seats: `={{ ${ANSWER} === 'keep' ? null : ${OUTCOME}.seats }}`,
				amount: `={{ ${ANSWER} === 'keep' ? null : ${OUTCOME}.monthly_saving }}`,
				currency: `={{ ${ANSWER} === 'keep' ? null : ${OUTCOME}.currency }}`,
				answered_at: '={{ $now.toISO() }}',
			},
			{ id: id(39), position: [1760, 900] },
		),
	],
	{
		...connect(
			['Every Monday at 9:00', 'Settings'],
			['Run Now', 'Settings'],
			['Settings', 'Kept Seats Table'],
			['Kept Seats Table', 'Savings Ledger Table'],
			['Savings Ledger Table', 'Answers Table'],
			['Answers Table', 'Forget Expired Keeps'],
			['Forget Expired Keeps', 'Find Reclaimable Seats'],
			['Find Reclaimable Seats', 'Holders to Ask'],
			['Find Reclaimable Seats', 'The Review Summary'],
			['Holders to Ask', 'Not Kept'],
			['Not Kept', 'What the Ask Needs'],
			['What the Ask Needs', 'One Holder at a Time'],
			['Ask Each Holder', 'One Holder at a Time'],
			['The Review Summary', 'Wait for the Answers'],
			['Wait for the Answers', 'Answers of This Run'],
			['Answers of This Run', 'Savings This Month'],
			['Savings This Month', 'Count the Answers'],
			['Count the Answers', 'Digest'],
			['Digest', 'Email the Admin'],
			['Digest', 'Post to Slack'],
			['When Asked by the Review', 'Ask the Holder'],
			['Ask the Holder', 'Keep It?'],
			['The Finding', 'Reclaim the Seat'],
			['Reclaim the Seat', 'Its Outcome'],
			['Its Outcome', 'Verified?'],
			['Remember the Keep', 'Record the Answer'],
			['Add to the Ledger', 'Record the Answer'],
		),
		// Outputs beyond the first: the loop's done (0) and loop (1), the Ifs' true and false.
		'One Holder at a Time': { main: [[], [{ node: 'Ask Each Holder', type: 'main', index: 0 }]] },
		'Keep It?': { main: [[{ node: 'Remember the Keep', type: 'main', index: 0 }], [{ node: 'The Finding', type: 'main', index: 0 }]] },
		'Verified?': { main: [[{ node: 'Add to the Ledger', type: 'main', index: 0 }], [{ node: 'Record the Answer', type: 'main', index: 0 }]] },
	},
	'Seat reclamation: ask the holder first (Truto)',
);

module.exports = { askHolder, TABLES, createTable, insertRow, dataTableNode, table, getRows, where };
