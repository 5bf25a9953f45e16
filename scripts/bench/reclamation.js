'use strict';
// @ts-check
/**
 * Seat reclamation across a large estate: N accounts × M users each with licenses, every answer taking
 * 300 ms, the sandbox enforcing Truto's 50 requests / 10 s per account and 500 / 10 s per token.
 * Find Reclaimable Seats against its floor — the larger of the slowest account's own listing (its
 * pages are sequential) and all requests needed ÷ the token budget — and against the old way: two
 * listings per account and a Code node stitching them together.
 */
const {
	PAGE,
	ESTATE,
	say,
	startBenchEstate,
	estateFloor,
	accountListing,
	measureInEstate,
	memoryOver,
	executeMeasured,
	trutoNode,
	codeNode,
	time,
	count,
	fmt,
	ratio,
	instanceFor,
	table,
	linearWorkflow,
} = require('./common');
const { connect, workflow, manualTrigger } = require('../../dev/workflows');

/** The estate of the review benchmarks (this one and Find Privileged Access's). */
const ACCOUNTS = Number(process.env.BENCH_ESTATE_ACCOUNTS ?? 20);
const USERS = Number(process.env.BENCH_ESTATE_USERS ?? 5000);
/** Licenses per account in the scale mode's template (fixtures/data/estate.json): one page. */
const LICENCE_PAGES = 1;

/** Find Reclaimable Seats over every account; `output` as its Output parameter. */
function reviewWorkflow(id, output) {
	return linearWorkflow(id, [
		trutoNode('Find Reclaimable Seats', { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all', inactiveDays: 90, reviewOutput: output, options: {} }),
	]);
}

/** What users build today: the accounts, then users and licenses of each, then a Code node doing the review. */
const OLD_WAY_CODE = `
const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const accounts = $('List Accounts').all().map((item) => item.json);
const accountOf = (item) => accounts[(item.pairedItem && item.pairedItem.item) || 0];
const prices = new Map();
const findings = [];
for (const item of $('List Licenses').all()) {
	const license = item.json;
	const account = accountOf(item);
	prices.set(account.id + ' ' + license.id, license);
	const unassigned = Math.max(0, (license.available_quantity || 0) - (license.assigned_quantity || 0));
	if (license.is_paid !== false && unassigned > 0) findings.push({ kind: 'unassigned_seats', account: account.id, license: license.id, seats: unassigned, monthly_cost: unassigned * (license.unit_amount || 0), currency: license.currency });
}
for (const item of $('List Users').all()) {
	const user = item.json;
	const account = accountOf(item);
	const seen = Date.parse(user.last_active_at || user.last_login_at || '');
	const held = (user.licenses || []).map((entry) => prices.get(account.id + ' ' + entry.id)).filter((license) => license && license.is_paid !== false);
	if (!held.length) continue;
	const cost = held.reduce((sum, license) => sum + (license.unit_amount || 0), 0);
	if (Number.isNaN(seen)) {
		if (Date.parse(user.created_at) < now - 30 * DAY) findings.push({ kind: 'never_used', account: account.id, user: user.id, monthly_cost: cost, currency: held[0].currency });
	} else if (seen <= now - 90 * DAY) {
		findings.push({ kind: 'unused_seat', account: account.id, user: user.id, monthly_cost: cost, currency: held[0].currency });
	}
}
return findings.map((json) => ({ json }));
`;

function oldWayWorkflow() {
	const start = manualTrigger('Start', { id: 'benchReclaimOld1-trigger', position: [0, 0] });
	const accounts = trutoNode('List Accounts', { resource: 'integratedAccount', operation: 'getAll', returnAll: true }, { position: [220, 0] });
	const forEach = (name, resource, position) =>
		trutoNode(name, { resource, operation: 'getAll', integratedAccount: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, returnAll: true, options: {} }, { position });
	const users = forEach('List Users', 'user', [440, -100]);
	const licenses = forEach('List Licenses', 'license', [440, 100]);
	const review = codeNode('Review', OLD_WAY_CODE, { position: [660, 100] });
	// The users branch runs first (v1 order: top to bottom), so the Code node after the licenses sees both.
	return workflow('benchReclaimOld1', [start, accounts, users, licenses, review], connect(['Start', 'List Accounts'], ['List Accounts', 'List Users'], ['List Accounts', 'List Licenses'], ['List Licenses', 'Review']));
}

/**
 * What n8n itself needs to hold and save `count` items of `bytes` bytes of JSON each, with no HTTP at
 * all: a Code node making them. The part of the review's memory that is its output.
 */
function itemsWorkflow(count, bytes) {
	const pad = Math.max(0, Math.round(bytes) - 60);
	return linearWorkflow('benchReclaimItems1', [
		codeNode('Review', `const pad = 'x'.repeat(${pad}); return Array.from({ length: ${count} }, (_, i) => ({ json: { kind: 'unused_seat', id: i, account: { id: 'a' }, text: pad } }));`),
	]);
}

async function run() {
	const sandbox = await startBenchEstate(ACCOUNTS, USERS);
	// The credential's default budget: 50 per account, 500 per token, as a user has it.
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([
			reviewWorkflow('benchReclaim1', 'findingsAndSummary'),
			reviewWorkflow('benchReclaimSummary1', 'summary'),
			reviewWorkflow('benchReclaimCsv1', 'csvFile'),
			oldWayWorkflow(),
			linearWorkflow('benchReclaimIdle1', []),
		]);
		const idle = await executeMeasured(n8n, 'benchReclaimIdle1');
		const review = await measureInEstate(n8n, sandbox, 'benchReclaim1');
		const summaryOnly = await measureInEstate(n8n, sandbox, 'benchReclaimSummary1');
		const csv = await measureInEstate(n8n, sandbox, 'benchReclaimCsv1');
		const old = await measureInEstate(n8n, sandbox, 'benchReclaimOld1');
		const output = review.execution['Find Reclaimable Seats'][0].data.main[0];
		const bytes = output.reduce((sum, item) => sum + JSON.stringify(item.json).length, 0) / output.length;
		await n8n.importWorkflow(itemsWorkflow(output.length, bytes));
		const itemsOnly = await executeMeasured(n8n, 'benchReclaimItems1');

		// The least any review must ask: the account list, then every account's license and user pages.
		const pagesPerAccount = LICENCE_PAGES + Math.ceil(USERS / PAGE);
		const floor = estateFloor({ minimum: accountListing(ACCOUNTS) + ACCOUNTS * pagesPerAccount, sequential: pagesPerAccount, what: 'listing' });
		const { minimum, floorMs } = floor;

		const reviewMs = time(review.execution, 'Find Reclaimable Seats');
		const summaryMs = time(summaryOnly.execution, 'Find Reclaimable Seats');
		const csvMs = time(csv.execution, 'Find Reclaimable Seats');
		const csvItem = csv.execution['Find Reclaimable Seats'][0].data.main[0][0];
		const csvRows = csvItem.json.csv_rows;
		const csvSize = csvItem.binary?.data?.fileSize ?? 'size unknown';
		const oldMs = ['List Accounts', 'List Users', 'List Licenses', 'Review'].reduce((sum, name) => sum + time(old.execution, name), 0);
		const memory = (peakMb) => memoryOver(peakMb, idle.peakMb);
		say();
		say(
			`## Seat reclamation: ${ACCOUNTS} accounts × ${USERS.toLocaleString('en-US')} users, answers taking ${ESTATE.latencyMs} ms, ` +
				`sandbox enforcing ${ESTATE.perAccount.requests} / 10 s per account and ${ESTATE.perToken.requests} / 10 s per token`,
		);
		say(
			table(
				['how', 'time', 'vs floor', `requests (minimum ${minimum.toLocaleString('en-US')})`, '429s', 'output items', 'n8n peak memory'],
				[
					...floor.rows.map((row) => [...row, '', '', '', '', '']),
					['Find Reclaimable Seats', fmt(reviewMs), ratio(reviewMs, floorMs), `${review.requests.toLocaleString('en-US')} (${ratio(review.requests, minimum)})`, review.limited, count(review.execution, 'Find Reclaimable Seats'), memory(review.peakMb)],
					['… with Output: Summary Only', fmt(summaryMs), ratio(summaryMs, floorMs), `${summaryOnly.requests.toLocaleString('en-US')} (${ratio(summaryOnly.requests, minimum)})`, summaryOnly.limited, count(summaryOnly.execution, 'Find Reclaimable Seats'), memory(summaryOnly.peakMb)],
					[`… with Output: Summary with a CSV File (${Number(csvRows).toLocaleString('en-US')} rows, ${csvSize})`, fmt(csvMs), ratio(csvMs, floorMs), `${csv.requests.toLocaleString('en-US')} (${ratio(csv.requests, minimum)})`, csv.limited, count(csv.execution, 'Find Reclaimable Seats'), memory(csv.peakMb)],
					['old way: 2 listings per account + Code node', fmt(oldMs), ratio(oldMs, floorMs), `${old.requests.toLocaleString('en-US')} (${ratio(old.requests, minimum)})`, old.limited, count(old.execution, 'Review'), memory(old.peakMb)],
					[`(n8n holding ${output.length.toLocaleString('en-US')} items of ${Math.round(bytes)} bytes from a Code node, no HTTP)`, '—', '', '', '', output.length, memory(itemsOnly.peakMb)],
					['(n8n running an empty workflow)', '—', '', '', '', 0, `${idle.peakMb.toFixed(0)} MB`],
				],
			),
		);
		say(
			`review / floor: ${ratio(reviewMs, floorMs)} (target ≤ 1.15×) · requests / minimum: ${ratio(review.requests, minimum)} · ` +
				`memory over an empty workflow: +${(review.peakMb - idle.peakMb).toFixed(0)} MB as items, +${(csv.peakMb - idle.peakMb).toFixed(0)} MB as a CSV file (target ≤ +250 MB) · old way / review: ${ratio(oldMs, reviewMs)}`,
		);
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

module.exports = { name: 'reclamation', run, ACCOUNTS, USERS };
