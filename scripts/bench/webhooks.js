'use strict';
// @ts-check
/**
 * Events pushed by Truto (the Truto Trigger) against changes found by polling (the Truto User
 * Directory Trigger), in one n8n in server mode: how fast a signed event becomes a finished
 * execution, how fast n8n answers deliveries it refuses or has seen, and what the polling trigger
 * spends to notice anything at all.
 */
const { PAGE, say, startSandboxProcess, executeMeasured, nodeListWorkflow, time, fmt, ratio, instanceFor, table, node } = require('./common');
const { workflow, connect, trutoTriggerNode } = require('../../dev/workflows');

const USERS = 10_000;
const EVENTS = 20;
const REFUSED = 50;
/** n8n's shortest poll interval: a polling trigger notices a change up to this long after it happened. */
const POLL_INTERVAL_MS = 60_000;

const HOOK = workflow(
	'benchHook1',
	[
		trutoTriggerNode('Truto Trigger', { events: ['integrated_account:updated'] }, { id: 'bench-hook-trigger', webhookId: 'b0a7c0de-0000-4000-8000-0000000000b1' }),
		node('n8n-nodes-base.noOp', 1, 'After', {}, { id: 'bench-hook-noop', position: [300, 0] }),
	],
	connect(['Truto Trigger', 'After']),
);

/**
 * What one poll of the polling trigger reads: the whole user list, every page (`n8n execute` cannot
 * start at a poll trigger, so the Truto node lists the same users the same way).
 */
const POLL = nodeListWorkflow('benchPoll1');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

async function emit(sandbox, spec) {
	const response = await fetch(`${sandbox.url}/__sandbox/webhooks/emit`, { method: 'POST', body: JSON.stringify(spec) });
	if (!response.ok) throw new Error(`emit: ${response.status} ${await response.text()}`);
	return (await response.json()).deliveries;
}

async function webhookBenchmark() {
	const sandbox = await startSandboxProcess(['--big-users', String(USERS), '--page-cap', String(PAGE)]);
	const n8n = await instanceFor(sandbox, 0);
	try {
		await n8n.importWorkflow([HOOK, POLL]);
		await sandbox.clear();
		const poll = await executeMeasured(n8n, POLL.id);
		const pollRequests = (await sandbox.requestCount()).length;
		const pollMs = time(poll.execution, 'Truto');

		await n8n.start();
		const activation = await n8n.activate(HOOK.id);
		if (!activation.ok) throw new Error(`activation failed: ${activation.message}`);
		await sandbox.clear();
		const started = [];
		const answered = [];
		let newest = 0;
		for (let index = 0; index < EVENTS; index++) {
			const at = Date.now();
			const [delivery] = await emit(sandbox, { event: 'integrated_account:updated', account: 'bench' });
			answered.push(delivery.ms);
			const execution = await n8n.waitForExecution(HOOK.id, { after: newest });
			newest = Number(execution.id);
			started.push(Date.parse(execution.stoppedAt) - at);
		}
		const refused = [];
		for (let index = 0; index < REFUSED; index++) refused.push((await emit(sandbox, { event: 'integrated_account:updated', account: 'bench', signature: 'wrong' }))[0].ms);
		const repeated = (await emit(sandbox, { event: 'integrated_account:updated', account: 'bench', times: 10 })).map((delivery) => delivery.ms);
		await n8n.waitForExecution(HOOK.id, { after: newest });
		const executions = (await n8n.publicApi('GET', `/executions?workflowId=${HOOK.id}&limit=250`)).data.length;
		const trutoRequests = (await sandbox.requestCount()).length;
		return { pollMs, pollRequests, started, answered, refused, repeated, executions, trutoRequests };
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function run() {
	const result = await webhookBenchmark();
	say();
	say(`## Events pushed by Truto (Truto Trigger) vs changes found by polling (${USERS.toLocaleString('en-US')} users)`);
	say(
		table(
			['deliveries', 'n8n answers (median / p95)', 'executions started'],
			[
				[`${EVENTS} signed events`, `${fmt(median(result.answered))} / ${fmt(p95(result.answered))}`, EVENTS],
				[`${REFUSED} with a wrong signature (401)`, `${fmt(median(result.refused))} / ${fmt(p95(result.refused))}`, 0],
				['1 event delivered 10 times (200)', `${fmt(median(result.repeated))} / ${fmt(p95(result.repeated))}`, 1],
			],
		),
	);
	say(`executions counted in n8n: ${result.executions} (expected ${EVENTS + 1}); requests to Truto while handling them: ${result.trutoRequests}`);
	say();
	say(
		table(
			['', 'noticed after', 'requests to Truto per account and hour, nothing changing'],
			[
				['Truto Trigger (webhook)', `${fmt(median(result.started))} median, ${fmt(p95(result.started))} p95 (event → finished execution)`, 0],
				[
					'polling trigger (every minute)',
					`up to ${fmt(POLL_INTERVAL_MS)} + one poll of ${fmt(result.pollMs)}`,
					`${(result.pollRequests * 60).toLocaleString('en-US')} (${result.pollRequests} per poll)`,
				],
			],
		),
	);
	say(`worst-case delay polling / webhook: ${ratio(POLL_INTERVAL_MS + result.pollMs, p95(result.started))}`);
}

module.exports = { name: 'webhooks', run };
