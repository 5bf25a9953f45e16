'use strict';
// @ts-check
/**
 * Listing N users: a bare fetch loop (the floor), this node in real n8n, and n8n's HTTP Request node
 * with cursor pagination followed by Split Out (one item per user). For the n8n nodes the time is
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
} = require('./common');

async function listingBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE)]);
	// This sandbox enforces no limit, like the floor: the node's own budget is off (credential → 0).
	const n8n = await instanceFor(sandbox, 0);
	try {
		await n8n.importWorkflow([nodeListWorkflow('benchNode1'), httpRequestWorkflow('benchHttp1', sandbox.url), linearWorkflow('benchIdle1', [])]);
		await fetchFloor(sandbox); // warm the sandbox's generator and the JIT
		await sandbox.clear();
		const floor = await fetchFloor(sandbox);

		await sandbox.clear();
		const node = await executeMeasured(n8n, 'benchNode1');
		const nodeRequests = (await sandbox.requestCount()).length;

		await sandbox.clear();
		const http = await executeMeasured(n8n, 'benchHttp1');
		const httpRequests = (await sandbox.requestCount()).length;

		const idle = await executeMeasured(n8n, 'benchIdle1');
		const nodeMs = time(node.execution, 'Truto');
		const httpMs = time(http.execution, 'HTTP Request') + time(http.execution, 'Split Out');
		return {
			size,
			rows: [
				['fetch loop (floor)', fmt(floor.ms), floor.records, floor.requests, '—'],
				['Truto User Directory node', fmt(nodeMs), count(node.execution, 'Truto'), nodeRequests, `${node.peakMb.toFixed(0)} MB`],
				['HTTP Request + Split Out', fmt(httpMs), count(http.execution, 'Split Out'), httpRequests, `${http.peakMb.toFixed(0)} MB`],
				['(n8n running an empty workflow)', '—', 0, 0, `${idle.peakMb.toFixed(0)} MB`],
			],
			ratios: { nodeFloor: ratio(nodeMs, floor.ms), nodeHttp: ratio(nodeMs, httpMs), memory: ratio(node.peakMb, http.peakMb) },
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
		say(`node / floor: ${result.ratios.nodeFloor} · node / HTTP Request: ${result.ratios.nodeHttp} · memory node / HTTP Request: ${result.ratios.memory}`);
	}
}

module.exports = { name: 'listing', run };
