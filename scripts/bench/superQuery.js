'use strict';
// @ts-check
/**
 * A large directory read live from the app (every page asked of the app, answers taking 300 ms, under
 * Truto's 50 requests / 10 s per account) against the same directory read from SuperQuery (Truto's
 * synced store: no app, no app latency; Truto's limit still counts), both by the node in real n8n.
 */
const {
	PAGE,
	BENCH_ACCOUNT,
	say,
	startSandboxProcess,
	executeMeasured,
	benchTrutoNode,
	time,
	count,
	fmt,
	ratio,
	instanceFor,
	table,
	linearWorkflow,
} = require('./common');

const ANSWER_MS = 300;

/** @param {string} id @param {string} dataSource */
function listingWorkflow(id, dataSource) {
	return linearWorkflow(id, [benchTrutoNode({ operation: 'getAll', returnAll: true, options: { dataSource } })]);
}

/** @param {number} size */
async function superQueryBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	// The credential's default budget (50 per 10 s), as users run it.
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([listingWorkflow('benchLive1', 'live'), listingWorkflow('benchStore1', 'wnam')]);
		// Only the live app is slow: SuperQuery answers from Truto's store.
		await sandbox.faults([
			{ kind: 'delay', ms: ANSWER_MS, times: -1, match: { path: '^/unified/user-directory/users$', query: '^(?!.*truto_super_query)' } },
		]);
		const rows = [];
		for (const [label, id] of [
			['live app (truto_super_query not sent)', 'benchLive1'],
			['SuperQuery (truto_super_query=wnam)', 'benchStore1'],
		]) {
			await sandbox.clear();
			const measured = await executeMeasured(n8n, id);
			const requests = (await sandbox.requestCount()).filter((request) => request.path === '/unified/user-directory/users');
			rows.push({
				label,
				ms: time(measured.execution, 'Truto'),
				items: count(measured.execution, 'Truto'),
				requests: requests.length,
				limited: requests.filter((request) => request.status === 429).length,
			});
		}
		return rows;
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function run() {
	const size = Number(process.env.BENCH_SUPERQUERY_USERS ?? 100_000);
	const rows = await superQueryBenchmark(size);
	say();
	say(`## ${size.toLocaleString('en-US')} users: live app (answers take ${ANSWER_MS} ms) vs SuperQuery, under Truto's 50 requests / 10 s`);
	say(table(['read from', 'time', 'items', 'requests', '429s'], rows.map((r) => [r.label, fmt(r.ms), r.items, r.requests, r.limited])));
	say(`live / SuperQuery: ${ratio(rows[0].ms, rows[1].ms)}`);
}

module.exports = { name: 'superQuery', run };
