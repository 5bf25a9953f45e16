'use strict';
// @ts-check
/**
 * The example "Offboarding check" (examples/offboarding-check.json): a webhook receives an email,
 * Person → Find Accounts looks the person up in every app connected to Truto, and n8n's Aggregate
 * and Set nodes shape the answer: where the person still has access, where a user is left but not
 * active, which accounts could not be checked, and the node's summary. No Code node.
 */
const { node, manualTrigger, trutoNode, setNode, field, stickyNote, workflow, connect, ifNode, isTrue } = require('../../dev/workflows');

const id = (n) => `b2e6d4e0-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Every item Find Accounts gave, as the Aggregate node collected them. */
const RESULTS = '$json.results';
const ofKind = (kind, extra = '') => `${RESULTS}.filter(i => i.kind === '${kind}'${extra})`;
const STILL_ACTIVE = ofKind('account', ' && i.active');
const NOT_CHECKED = ofKind('not_checked');
const SUMMARY = `${RESULTS}.find(i => i.kind === 'summary')`;

/** One Respond to Webhook node answering with the item as JSON. */
function respond(name, options, responseOptions = {}) {
	return node('n8n-nodes-base.respondToWebhook', 1.1, name, { respondWith: 'json', responseBody: '={{ JSON.stringify($json) }}', options: responseOptions }, options);
}

const offboardingCheck = workflow(
	'trutoOffboarding1',
	[
		node(
			'n8n-nodes-base.webhook',
			2,
			'Webhook',
			{ httpMethod: 'POST', path: 'offboarding-check', responseMode: 'responseNode', options: {} },
			{ id: id(1), position: [0, 0], webhookId: 'b2e6d4e0-0000-4000-8000-0000000000aa' },
		),
		manualTrigger('Run Now', { id: id(2), position: [0, 200] }),
		stickyNote(
			'About This Workflow',
			[
				'## Offboarding check',
				'Give it an email address (POST `{ "email": "…" }` to the **Webhook**, or **Run Now** with **Sample Input**): **Find Accounts** looks the person up in every app connected to Truto, and the webhook answers with where they still have an active account (`stillHasAccess`), where a user is left but not active (`notActive`), where it could not check (`couldNotCheck`, with the fix), and the summary (`summary`, `text`). No email, or no app that could be searched: `422` with `error` and `fix`.',
				'',
				'### Set up, in order',
				'1. Open **Find Accounts** and create a **Truto API** credential (Truto dashboard → Settings → API Tokens).',
				'2. Put an address of yours in **Sample Input** and click **Run Now** to try it.',
				"3. **Publish**, then call the Webhook's production URL from your offboarding process.",
				'',
				'This workflow only reads. To close the accounts too: the example *Offboard when the identity provider deactivates someone* (Person → Find Accounts, then Person → Offboard).',
			],
			{ id: id(9), position: [-520, -160], width: 460, height: 460 },
		),
		setNode('Sample Input', [field('o1', 'email', 'dana.whitfield@acme.com')], { id: id(3), position: [200, 200] }),
		setNode('Email To Check', [field('o2', 'email', '={{ (($json.body && $json.body.email) || $json.email || "").trim() }}')], {
			id: id(4),
			position: [400, 100],
		}),
		trutoNode(
			'Find Accounts',
			{ resource: 'person', operation: 'findAccounts', emails: '={{ $json.email }}', accountScope: 'all', options: {} },
			// A missing or malformed email, or no account searchable at all, becomes an item with `error`, answered below.
			{ id: id(5), position: [600, 100], onError: 'continueRegularOutput' },
		),
		ifNode('Search Failed?', [isTrue('f1', '={{ !!$json.error }}')], { id: id(12), position: [800, 100] }),
		node(
			'n8n-nodes-base.aggregate',
			1,
			'All Results',
			{ aggregate: 'aggregateAllItemData', destinationFieldName: 'results', options: {} },
			{ id: id(6), position: [1020, 0] },
		),
		setNode(
			'Access Report',
			[
				field('r1', 'email', "={{ $('Email To Check').first().json.email }}"),
				field('r2', 'clean', `={{ ${STILL_ACTIVE}.length === 0 && ${NOT_CHECKED}.length === 0 }}`, 'boolean'),
				field('r3', 'stillHasAccess', `={{ ${STILL_ACTIVE} }}`, 'array'),
				field('r4', 'notActive', `={{ ${ofKind('account', ' && !i.active')} }}`, 'array'),
				field('r5', 'couldNotCheck', `={{ ${NOT_CHECKED} }}`, 'array'),
				field('r6', 'summary', `={{ ${SUMMARY} }}`, 'object'),
				field('r7', 'text', `={{ ${SUMMARY}.text }}`),
			],
			{ id: id(7), position: [1240, 0] },
		),
		respond('Respond', { id: id(8), position: [1460, 0] }),
		setNode(
			'Why Not Checked',
			[
				field('e1', 'email', "={{ $('Email To Check').first().json.email }}"),
				field('e2', 'error', '={{ $json.error }}'),
				field('e3', 'fix', "={{ $json.description || '' }}"),
			],
			{ id: id(10), position: [1020, 200] },
		),
		// 422: the request was understood but could not be answered (no usable email, or no account could be searched).
		respond('Respond With Error', { id: id(11), position: [1240, 200] }, { responseCode: 422 }),
	],
	{
		...connect(
			['Webhook', 'Email To Check'],
			['Run Now', 'Sample Input'],
			['Sample Input', 'Email To Check'],
			['Email To Check', 'Find Accounts'],
			['Find Accounts', 'Search Failed?'],
			['All Results', 'Access Report'],
			['Access Report', 'Respond'],
			['Why Not Checked', 'Respond With Error'],
		),
		// The If's outputs: true (the search failed) and false (Find Accounts' items).
		'Search Failed?': { main: [[{ node: 'Why Not Checked', type: 'main', index: 0 }], [{ node: 'All Results', type: 'main', index: 0 }]] },
	},
	'Offboarding check (Truto)',
);

module.exports = { offboardingCheck };
