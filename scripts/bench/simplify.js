'use strict';
// @ts-check
/**
 * What Output → Simplified saves: the same listing of N users (default 100,000) by the node with
 * Raw output (every field, as version 1 nodes output) and with Simplified (the version 1.1 default),
 * in one n8n. Peak memory is the resident size of the `n8n execute` process; the items' size is their
 * JSON in n8n's run data (what n8n keeps and stores with the execution).
 */
const { say, startSandboxProcess, executeMeasured, benchTrutoNode, linearWorkflow, time, count, fmt, ratio, instanceFor, table, PAGE } =
	require('./common');

const USERS = Number(process.env.BENCH_SIMPLIFY_USERS ?? 100_000);

/** @param {string} id @param {'raw' | 'simplified'} output */
function listingWorkflow(id, output) {
	return linearWorkflow(id, [{ ...benchTrutoNode({ operation: 'getAll', returnAll: true, output }), typeVersion: 1.1 }]);
}

const itemBytes = (runData) => Buffer.byteLength(JSON.stringify(runData.Truto[0].data.main[0]));

async function run() {
	const sandbox = await startSandboxProcess(['--big-users', String(USERS), '--page-cap', String(PAGE)]);
	// This sandbox enforces no limit: the node's own budget is off (credential → 0), as in the listing section.
	const n8n = await instanceFor(sandbox, 0);
	try {
		await n8n.importWorkflow([listingWorkflow('benchRaw1', 'raw'), listingWorkflow('benchSimple1', 'simplified'), linearWorkflow('benchIdle2', [])]);
		// The empty workflow is only a reference; n8n 2.41 sometimes crashes while exiting after it (exit 139).
		const idle = await executeMeasured(n8n, 'benchIdle2').catch(() => ({ peakMb: Number.NaN }));
		const raw = await executeMeasured(n8n, 'benchRaw1');
		const simplified = await executeMeasured(n8n, 'benchSimple1');
		const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
		const rawBytes = itemBytes(raw.execution);
		const simpleBytes = itemBytes(simplified.execution);
		say();
		say(`## Output → Simplified vs Raw, listing ${USERS.toLocaleString('en-US')} users`);
		say(
			table(
				['output', 'time', 'items', 'items as JSON', 'n8n peak memory'],
				[
					['Raw (every field; version 1)', fmt(time(raw.execution, 'Truto')), count(raw.execution, 'Truto'), mb(rawBytes), `${raw.peakMb.toFixed(0)} MB`],
					['Simplified (version 1.1 default)', fmt(time(simplified.execution, 'Truto')), count(simplified.execution, 'Truto'), mb(simpleBytes), `${simplified.peakMb.toFixed(0)} MB`],
					['(n8n running an empty workflow)', '—', 0, '—', `${idle.peakMb.toFixed(0)} MB`],
				],
			),
		);
		say(
			`peak memory Simplified / Raw: ${ratio(simplified.peakMb, raw.peakMb)} (${(raw.peakMb - simplified.peakMb).toFixed(0)} MB less) · ` +
				`above the empty workflow: ${ratio(simplified.peakMb - idle.peakMb, raw.peakMb - idle.peakMb)} · items as JSON: ${ratio(simpleBytes, rawBytes)}`,
		);
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

module.exports = { name: 'simplify', run };
