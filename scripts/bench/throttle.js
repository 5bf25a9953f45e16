'use strict';
// @ts-check
/** A long listing with the sandbox enforcing Truto's 50 requests / 10 s per account. */
const {
	PAGE,
	say,
	startSandboxProcess,
	executeMeasured,
	nodeListWorkflow,
	time,
	count,
	fmt,
	instanceFor,
} = require('./common');

async function throttleBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow(nodeListWorkflow('benchThrottle1'));
		const { execution } = await executeMeasured(n8n, 'benchThrottle1');
		const requests = await sandbox.requestCount();
		const answered = requests.filter((request) => request.status === 200).length;
		const limited = requests.filter((request) => request.status === 429).length;
		const ms = time(execution, 'Truto');
		const achieved = answered / (ms / 1000);
		return { size, ms, answered, limited, achieved, allowed: 5, records: count(execution, 'Truto') };
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function run() {
	const throttleSize = Number(process.env.BENCH_THROTTLE_USERS ?? 25_000);
	const throttle = await throttleBenchmark(throttleSize);
	say();
	say(`## Under Truto's limit (50 requests / 10 s per account, enforced by the sandbox)`);
	say(
		`${throttle.records.toLocaleString('en-US')} users in ${fmt(throttle.ms)}: ${throttle.answered} answered requests, ${throttle.limited} × 429; ` +
			`achieved ${throttle.achieved.toFixed(2)} requests/s of ${throttle.allowed} allowed (${Math.round((throttle.achieved / throttle.allowed) * 100)}%)`,
	);
}

module.exports = { name: 'throttle', run };
