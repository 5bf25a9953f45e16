'use strict';
// @ts-check
/**
 * The example "Seat reclamation with approval" (examples/seat-reclamation-approval.json): every week,
 * Find Reclaimable Seats across every app, the digest to Slack, then for each unused seat an email
 * asking the approver "reclaim or keep?" with a deadline; only an approved seat goes to Reclaim Seats,
 * which frees it the way the app supports and reads it back; a closing summary to Slack says what was
 * seen (reclaimed and verified, still assigned, not verified, failed). Declined and unanswered seats
 * are left alone.
 * No Code node: the node's items carry the digest text and everything each step needs.
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
	stickyNote,
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

const id = (n) => `c3a7e1d0-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The finding the loop is on: the approval's answer replaces the item, so later steps read it here. */
const FINDING = "$('One Seat at a Time').first().json";

/** Posts `{ text }` to the Slack incoming webhook of the Settings node. */
function slackPost(name, text, position, nodeId) {
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
		{ id: nodeId, position },
	);
}

const closingText = [
	"'*Seat reclamation: ' + $input.all().filter(i => i.json.outcome === 'reclaimed').length + ' reclaimed, '",
	"$input.all().filter(i => i.json.outcome === 'declined').length + ' kept, '",
	"$input.all().filter(i => i.json.outcome === 'no answer in time').length + ' without an answer, '",
	"$input.all().filter(i => i.json.outcome === 'failed').length + ' failed, '",
	"$input.all().filter(i => ['still_assigned', 'not_verified', 'skipped'].includes(i.json.outcome)).length + ' to check*\\n'",
	"$input.all().map(i => '• ' + i.json.outcome + ': ' + i.json.title + (['reclaimed', 'declined', 'no answer in time'].includes(i.json.outcome) ? '' : ' (' + i.json.detail + ')')).join('\\n')",
].join(' + ');

const seatApproval = workflow(
	'trutoSeatApproval1',
	[
		weeklyTrigger('Every Monday at 9:00', 1, 9, { id: id(1), position: [0, 0] }),
		manualTrigger('Run Now', { id: id(2), position: [0, 200] }),
		stickyNote(
			'About This Workflow',
			[
				'## Seat reclamation with approval',
				'Every Monday at 9:00 (or **Run Now**) it looks for paid seats to give back across every app connected to Truto and posts a digest to Slack. For each unused seat it emails the approver *reclaim or keep?*; only an approved seat is reclaimed (deactivate, remove from the group, or delete: what the app supports). A summary goes to Slack at the end.',
				'',
				'### Set up, in order',
				'1. Open **Find Reclaimable Seats** and create a **Truto API** credential (Truto dashboard → Settings → API Tokens); the reclaiming nodes use the same one.',
				'2. In **Find Reclaimable Seats**, pick your **Identity Provider Account** (Okta, Microsoft Entra ID, Google Workspace … are listed first) to find orphaned accounts, or leave it empty.',
				'3. In **Settings**: the approver, the sender, the Slack incoming-webhook URL and how many days an approval may take.',
				'4. Open **Ask the Approver** and create an **SMTP** credential.',
				'5. Click **Run Now** to try it, then **Publish** to run it every Monday.',
			],
			{ id: id(19), position: [-560, -200], width: 500, height: 500 },
		),
		setNode(
			'Settings',
			[
				field('a1', 'approverEmail', 'it-lead@example.com'),
				field('a2', 'emailFrom', 'n8n@example.com'),
				field('a3', 'slackWebhookUrl', 'https://hooks.slack.com/services/REPLACE/WITH/YOURS'),
				field('a5', 'approvalDays', 3, 'number'),
			],
			{ id: id(3), position: [220, 100] },
		),
		trutoNode(
			'Find Reclaimable Seats',
			{
				resource: 'seatReclamation',
				operation: 'findReclaimableSeats',
				accountScope: 'all',
				// Picked from the list (identity providers first); empty skips the orphaned-account check.
				identityProvider: { __rl: true, mode: 'list', value: '' },
				inactiveDays: 90,
				reviewOutput: 'findingsAndSummary',
				options: {},
			},
			{ id: id(4), position: [440, 100] },
		),
		filterNode('Digest', [equals('d1', '={{ $json.kind }}', 'summary')], { id: id(5), position: [660, 0] }),
		slackPost('Post Digest to Slack', '$json.text', [880, 0], id(6)),
		filterNode(
			'Unused Seats',
			[equals('u1', '={{ $json.kind }}', 'unused_seat'), notEmpty('u2', "={{ $json.reclaim_action ?? '' }}")],
			{ id: id(7), position: [660, 200] },
		),
		loopNode('One Seat at a Time', { id: id(8), position: [880, 200] }),
		node(
			'n8n-nodes-base.emailSend',
			2.1,
			'Ask the Approver',
			{
				operation: 'sendAndWait',
				fromEmail: "={{ $('Settings').first().json.emailFrom }}",
				toEmail: "={{ $('Settings').first().json.approverEmail }}",
				subject: '={{ "Reclaim this seat? " + $json.title }}',
				message:
					'={{ $json.title + "\\n\\nWhy: " + $json.reason + "\\nApp: " + $json.account_name + "\\nIf you approve: " + $json.reclaim_how + " (" + $json.user_email + ")\\nNo answer within " + $(\'Settings\').first().json.approvalDays + " days leaves the seat alone." }}',
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Reclaim the seat', disapproveLabel: 'Keep it' } },
				options: {
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: "={{ $('Settings').first().json.approvalDays }}", resumeUnit: 'days' } },
					appendAttribution: false,
				},
			},
			{ id: id(9), position: [1100, 300], credentials: { smtp: SMTP_CREDENTIAL }, webhookId: id(90) },
		),
		ifNode('Approved?', [isTrue('q1', '={{ $json.data?.approved === true }}')], { id: id(10), position: [1320, 300] }),
		// The approval's answer replaced the item: the finding the loop is on goes to Reclaim Seats.
		node('n8n-nodes-base.set', 3.4, 'The Approved Finding', { mode: 'raw', jsonOutput: `={{ JSON.stringify(${FINDING}) }}`, options: {} }, { id: id(11), position: [1540, 200] }),
		trutoNode(
			'Reclaim the Seat',
			{ resource: 'seatReclamation', operation: 'reclaimSeats', reclaimInput: 'findings', dryRun: false, reclaimOptions: {} },
			{ id: id(12), position: [1760, 200], onError: 'continueRegularOutput' },
		),
		// Reclaim Seats ends with a summary item; the loop wants the seat's outcome only.
		filterNode('Its Outcome', [notEmpty('o1', "={{ $json.kind === 'reclaim_outcome' || $json.error ? 'yes' : '' }}")], { id: id(13), position: [1980, 200] }),
		setNode(
			'Reclaimed',
			[
				field('r1', 'outcome', "={{ $json.error ? 'failed' : $json.outcome }}"),
				field('r2', 'title', `={{ ${FINDING}.title }}`),
				field('r3', 'detail', '={{ $json.error ?? $json.reason }}'),
			],
			{ id: id(15), position: [2200, 250] },
		),
		setNode(
			'Left Alone',
			[
				field('l1', 'outcome', "={{ $json.data ? 'declined' : 'no answer in time' }}"),
				field('l2', 'title', `={{ ${FINDING}.title }}`),
				field('l3', 'detail', 'left alone'),
			],
			{ id: id(16), position: [1540, 450] },
		),
		setNode('Closing Summary', [field('c1', 'text', `={{ ${closingText} }}`)], { id: id(17), position: [1100, 0], executeOnce: true }),
		slackPost('Post Summary to Slack', '$json.text', [1320, 0], id(18)),
	],
	{
		...connect(
			['Every Monday at 9:00', 'Settings'],
			['Run Now', 'Settings'],
			['Settings', 'Find Reclaimable Seats'],
			['Find Reclaimable Seats', 'Digest'],
			['Find Reclaimable Seats', 'Unused Seats'],
			['Digest', 'Post Digest to Slack'],
			['Unused Seats', 'One Seat at a Time'],
			['Ask the Approver', 'Approved?'],
			['The Approved Finding', 'Reclaim the Seat'],
			['Reclaim the Seat', 'Its Outcome'],
			['Its Outcome', 'Reclaimed'],
			['Reclaimed', 'One Seat at a Time'],
			['Left Alone', 'One Seat at a Time'],
			['Closing Summary', 'Post Summary to Slack'],
		),
		// Outputs beyond the first: the loop's done (0) and loop (1), the If's true and false.
		'One Seat at a Time': { main: [[{ node: 'Closing Summary', type: 'main', index: 0 }], [{ node: 'Ask the Approver', type: 'main', index: 0 }]] },
		'Approved?': { main: [[{ node: 'The Approved Finding', type: 'main', index: 0 }], [{ node: 'Left Alone', type: 'main', index: 0 }]] },
	},
	'Seat reclamation with approval (Truto)',
);

module.exports = { seatApproval };
