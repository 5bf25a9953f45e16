'use strict';
// @ts-check
/**
 * Reclaim Seats at scale: 500 unused-seat findings across 10 accounts (50 each; the estate has 13, three
 * of them BambooHR with nothing to reclaim), every answer taking
 * 300 ms, the sandbox enforcing Truto's 50 requests / 10 s per account and 500 / 10 s per token.
 * Only the Reclaim Seats node is timed (the review before it makes the findings). Its floor is the
 * largest of: the slowest account's writes and read-backs one after another (one write at a time per
 * account), its requests ÷ the account budget, and all requests ÷ the token budget.
 */
const { ESTATE, say, startBenchEstate, executeMeasured, trutoNode, codeNode, time, fmt, ratio, instanceFor, table, linearWorkflow } = require('./common');

// The estate's accounts take turns at Zoom, Salesforce, HubSpot and BambooHR; its BambooHR accounts offer no
// action that frees a seat, so 13 accounts give 10 with seats to reclaim.
const ACCOUNTS = 13;
const USERS = Number(process.env.BENCH_RECLAIM_USERS ?? 1000);
const PER_ACCOUNT = 50;
const { latencyMs: LATENCY_MS, perToken: PER_TOKEN, perAccount: PER_ACCOUNT_BUDGET } = ESTATE;

function reclaimWorkflow(id) {
	return linearWorkflow(id, [
		trutoNode('Find Reclaimable Seats', { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all', inactiveDays: 90, reviewOutput: 'findings', options: { findingTypes: ['unusedSeat'] } }),
		// Bench scaffolding, not timed: the first 50 reclaimable seats of each account.
		codeNode(
			'Fifty per Account',
			`const per = {}; return $input.all().filter((item) => item.json.reclaim_action && item.json.reclaim_action !== 'delete' && (per[item.json.account_id] = (per[item.json.account_id] || 0) + 1) <= ${PER_ACCOUNT});`,
		),
		trutoNode('Reclaim Seats', { resource: 'seatReclamation', operation: 'reclaimSeats', reclaimInput: 'findings', dryRun: false, reclaimOptions: { maxFindingAgeDays: 0 } }),
	]);
}

async function run() {
	const sandbox = await startBenchEstate(ACCOUNTS, USERS);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow(reclaimWorkflow('benchReclaimSeats1'));
		await sandbox.clear();
		const { execution } = await executeMeasured(n8n, 'benchReclaimSeats1');
		const started = execution['Reclaim Seats'][0].startTime;
		const requests = (await sandbox.allRequests()).filter((request) => request.at >= started);
		const outcomes = execution['Reclaim Seats'][0].data.main[0].filter((item) => item.json.kind === 'reclaim_outcome').map((item) => item.json);
		const findings = outcomes.length;
		const perAccount = new Map();
		for (const request of requests) perAccount.set(request.accountId, (perAccount.get(request.accountId) ?? 0) + 1);
		// The writes sent: one per seat acted on (Reclaim Seats sends each once, with an Idempotency-Key).
		const writesOf = (account) => outcomes.filter((item) => item.account_id === account && item.idempotency_key).length;
		const accounts = [...new Set(outcomes.map((item) => item.account_id))];
		// One write at a time per account, each followed by its read-back.
		const slowestSequentialMs = Math.max(...accounts.map((account) => writesOf(account) * 2 * LATENCY_MS));
		const accountBudgetMs = Math.max(...accounts.map((account) => ((perAccount.get(account) ?? 0) / PER_ACCOUNT_BUDGET.requests) * PER_ACCOUNT_BUDGET.windowMs));
		const tokenBudgetMs = (requests.length / PER_TOKEN.requests) * PER_TOKEN.windowMs;
		const floorMs = Math.max(slowestSequentialMs, accountBudgetMs, tokenBudgetMs);
		const ms = time(execution, 'Reclaim Seats');
		const limited = requests.filter((request) => request.status === 429).length;
		const counts = outcomes.reduce((all, item) => ({ ...all, [item.outcome]: (all[item.outcome] ?? 0) + 1 }), {});
		say();
		say(`## Reclaim Seats: ${findings} findings across ${accounts.length} accounts, answers taking ${LATENCY_MS} ms, sandbox enforcing 50 / 10 s per account and ${PER_TOKEN.requests} / 10 s per token`);
		say(
			table(
				['how', 'time', 'vs floor', 'requests', 'per finding', '429s'],
				[
					[`floor (a): slowest account's writes and read-backs one after another (${Math.max(...accounts.map(writesOf))} writes × 2 × ${LATENCY_MS} ms)`, fmt(slowestSequentialMs), '', '', '', ''],
					[`floor (b): the busiest account's requests ÷ ${PER_ACCOUNT_BUDGET.requests} per 10 s`, fmt(accountBudgetMs), '', '', '', ''],
					[`floor (c): all ${requests.length.toLocaleString('en-US')} requests ÷ ${PER_TOKEN.requests} per 10 s`, fmt(tokenBudgetMs), '', '', '', ''],
					['Reclaim Seats (Dry Run off)', fmt(ms), ratio(ms, floorMs), requests.length.toLocaleString('en-US'), (requests.length / findings).toFixed(2), limited],
				],
			),
		);
		const writesSent = requests.filter((request) => request.method !== 'GET').length;
		say(`write requests: ${writesSent} for ${outcomes.filter((item) => item.idempotency_key).length} seats acted on`);
		say(`outcomes: ${Object.entries(counts).map(([outcome, n]) => `${outcome} ${n}`).join(', ')} · Reclaim Seats / floor: ${ratio(ms, floorMs)} (target ≤ 1.2×) · 429s: ${limited} (target 0)`);
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

module.exports = { name: 'reclaim', run };
