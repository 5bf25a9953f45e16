'use strict';
// @ts-check
/** What remote_data costs: the same listing with and without it, fetch loop. */
const {
	PAGE,
	say,
	startSandboxProcess,
	fetchFloor,
	fmt,
	ratio,
	table,
} = require('./common');

async function remoteDataCost(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE)]);
	try {
		await fetchFloor(sandbox);
		const withData = await fetchFloor(sandbox);
		const without = await fetchFloor(sandbox, { truto_ignore_remote_data: 'true' });
		return { size, withData, without };
	} finally {
		await sandbox.stop();
	}
}

async function run() {
	const cost = await remoteDataCost(10_000);
	say();
	say('## What remote_data costs (10,000 users, fetch loop)');
	say(
		table(
			['', 'bytes', 'time'],
			[
				['with remote_data', cost.withData.bytes.toLocaleString('en-US'), fmt(cost.withData.ms)],
				['truto_ignore_remote_data=true', cost.without.bytes.toLocaleString('en-US'), fmt(cost.without.ms)],
			],
		),
	);
	say(`remote_data makes each answer ${ratio(cost.withData.bytes, cost.without.bytes)} larger.`);
}

module.exports = { name: 'remoteData', run };
