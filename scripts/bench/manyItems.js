'use strict';
// @ts-check
/**
 * Get for many ids with slow answers in real n8n: this node (input items side by side, within its
 * request budget) against the HTTP Request node.
 */
const {
	PAGE,
	say,
	startSandboxProcess,
	executeMeasured,
	benchTrutoNode,
	benchHttpRequestNode,
	time,
	count,
	fmt,
	instanceFor,
	table,
	linearWorkflow,
	codeNode,
	byId,
} = require('./common');

function idsCode(items) {
	return codeNode('IDs', `return Array.from({ length: ${items} }, (_, i) => ({ json: { id: String(100000 + i) } }));`);
}

function nodeGetWorkflow(id, items) {
	return linearWorkflow(id, [idsCode(items), benchTrutoNode({ operation: 'get', userId: byId('={{ $json.id }}') })]);
}

function httpGetWorkflow(id, items, sandboxUrl) {
	const url = `=${sandboxUrl}/unified/user-directory/users/{{ $json.id }}`;
	// Continue on error so that its 429 failures are counted instead of stopping the run.
	return linearWorkflow(id, [idsCode(items), benchHttpRequestNode(url, [], {}, { onError: 'continueRegularOutput' })]);
}

/** Get for `items` ids while every answer takes `latencyMs`, as slow apps behind Truto do. */
async function manyItemsBenchmark(items, latencies) {
	const sandbox = await startSandboxProcess(['--big-users', String(items), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([nodeGetWorkflow('benchGetNode1', items), httpGetWorkflow('benchGetHttp1', items, sandbox.url)]);
		const rows = [];
		for (const latencyMs of latencies) {
			await sandbox.faults([{ kind: 'delay', ms: latencyMs, times: -1, match: { method: 'GET', path: '^/unified/user-directory/users/' } }]);
			await sandbox.clear();
			const node = await executeMeasured(n8n, 'benchGetNode1');
			const nodeLimited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			// Let the sandbox's rate window pass so the second run starts with the same budget.
			await new Promise((resolve) => setTimeout(resolve, 10_500));
			await sandbox.clear();
			const http = await executeMeasured(n8n, 'benchGetHttp1');
			const httpLimited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			await new Promise((resolve) => setTimeout(resolve, 10_500));
			const nodeMs = time(node.execution, 'Truto');
			const httpMs = time(http.execution, 'HTTP Request');
			const httpFailed = http.execution['HTTP Request'][0].data.main[0].filter((item) => item.json.error).length;
			rows.push([
				`${latencyMs} ms`,
				`${fmt(nodeMs)}: ${count(node.execution, 'Truto')} users, ${nodeLimited} × 429`,
				`${fmt(httpMs)}: ${count(http.execution, 'HTTP Request') - httpFailed} users, ${httpFailed} failed, ${httpLimited} × 429`,
			]);
		}
		return rows;
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function run() {
	const manyItems = Number(process.env.BENCH_GET_ITEMS ?? 120);
	const latencies = (process.env.BENCH_LATENCIES ?? '250,1000').split(',').map(Number);
	say();
	say(`## Get for ${manyItems} input items in n8n, each answer delayed (sandbox enforcing 50 requests / 10 s)`);
	say(table(['answer time', 'Truto User Directory node', 'HTTP Request (all items at once)'], await manyItemsBenchmark(manyItems, latencies)));
}

module.exports = { name: 'manyItems', run };
