'use strict';
// @ts-check
/**
 * Listing N users: a bare fetch loop (the floor), the same walk inside n8n (a custom node calling n8n's
 * authenticated request helper page by page and nothing else: the floor for any node), this node in
 * real n8n, and n8n's HTTP Request node with cursor pagination followed by Split Out (one item per user). For the n8n nodes the time is
 * their execution time from n8n's run data (n8n's boot is not counted); memory is the peak resident
 * size of the n8n process.
 */
const {
	SIZES,
	PAGE,
	say,
	startSandboxProcess,
	fetchFloor,
	executeMeasured,
	nodeListWorkflow,
	httpRequestWorkflow,
	time,
	count,
	fmt,
	ratio,
	instanceFor,
	table,
	linearWorkflow,
	BENCH_ACCOUNT,
} = require('./common');
const path = require('node:path');
const { node, TRUTO_CREDENTIAL } = require('../../dev/workflows');

/** The custom node of ./pageWalk, loaded by n8n from N8N_CUSTOM_EXTENSIONS as CUSTOM.pageWalk. */
function pageWalkWorkflow(id, sandboxUrl) {
	return linearWorkflow(id, [
		node(
			'CUSTOM.pageWalk',
			1,
			'Page Walk',
			{ url: `${sandboxUrl}/unified/user-directory/users`, query: JSON.stringify({ integrated_account_id: BENCH_ACCOUNT, limit: String(PAGE) }) },
			{ credentials: { trutoApi: TRUTO_CREDENTIAL } },
		),
	]);
}

async function listingBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE)]);
	// This sandbox enforces no limit, like the floor: the node's own budget is off (credential → 0).
	const n8n = await instanceFor(sandbox, 0, { N8N_CUSTOM_EXTENSIONS: path.join(__dirname, 'pageWalk') });
	try {
		await n8n.importWorkflow([nodeListWorkflow('benchNode1'), httpRequestWorkflow('benchHttp1', sandbox.url), pageWalkWorkflow('benchWalk1', sandbox.url), linearWorkflow('benchIdle1', [])]);
		await fetchFloor(sandbox); // warm the sandbox's generator and the JIT
		await sandbox.clear();
		const floor = await fetchFloor(sandbox);

		await sandbox.clear();
		const node = await executeMeasured(n8n, 'benchNode1');
		const nodeRequests = (await sandbox.requestCount()).length;

		await sandbox.clear();
		const http = await executeMeasured(n8n, 'benchHttp1');
		const httpRequests = (await sandbox.requestCount()).length;

		await sandbox.clear();
		const walk = await executeMeasured(n8n, 'benchWalk1');
		const walkRequests = (await sandbox.requestCount()).length;
		const walked = walk.execution['Page Walk'][0].data.main[0][0].json;

		const idle = await executeMeasured(n8n, 'benchIdle1');
		const walkMs = time(walk.execution, 'Page Walk');
		const nodeMs = time(node.execution, 'Truto');
		const httpMs = time(http.execution, 'HTTP Request') + time(http.execution, 'Split Out');
		return {
			size,
			rows: [
				['fetch loop (floor)', fmt(floor.ms), floor.records, floor.requests, '—'],
				[`n8n's request helper page by page (floor in n8n; ${walked.records.toLocaleString('en-US')} records, 1 item)`, fmt(walkMs), 1, walkRequests, `${walk.peakMb.toFixed(0)} MB`],
				['Truto User Directory node', fmt(nodeMs), count(node.execution, 'Truto'), nodeRequests, `${node.peakMb.toFixed(0)} MB`],
				['HTTP Request + Split Out', fmt(httpMs), count(http.execution, 'Split Out'), httpRequests, `${http.peakMb.toFixed(0)} MB`],
				['(n8n running an empty workflow)', '—', 0, 0, `${idle.peakMb.toFixed(0)} MB`],
			],
			ratios: { nodeWalk: ratio(nodeMs, walkMs), walkFloor: ratio(walkMs, floor.ms), nodeFloor: ratio(nodeMs, floor.ms), nodeHttp: ratio(nodeMs, httpMs), memory: ratio(node.peakMb, http.peakMb) },
		};
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function run() {
	for (const size of SIZES) {
		const result = await listingBenchmark(size);
		say();
		say(`## Listing ${size.toLocaleString('en-US')} users`);
		say(table(['how', 'time', 'items', 'requests', 'n8n peak memory'], result.rows));
		say(`node / floor in n8n: ${result.ratios.nodeWalk} · floor in n8n / fetch loop: ${result.ratios.walkFloor} · node / floor: ${result.ratios.nodeFloor} · node / HTTP Request: ${result.ratios.nodeHttp} · memory node / HTTP Request: ${result.ratios.memory}`);
	}
}

module.exports = { name: 'listing', run };
