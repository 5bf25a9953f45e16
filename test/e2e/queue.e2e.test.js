'use strict';
// @ts-check
/**
 * Queue mode, how users scale n8n past one machine: a real Redis, `n8n start` in queue mode and a
 * separate `n8n worker`. The seat-reclamation example is started by a webhook (production
 * executions go to workers) and must run on the worker and deliver the same report. A Truto Trigger
 * delivery is received (and its signature checked) by the main instance and executed on the worker.
 */
const { startRedis } = require('../../dev/n8n');
const { seatReclamationWorkflow, REPORT_TO, node, connect, workflow, trutoTriggerNode } = require('../../dev/workflows');
const { describeInN8n, withReceivers } = require('./setup');

const WEBHOOK_PATH = 'seat-reclamation-now';

/** The example with a Webhook start added beside its Schedule and manual starts. */
function webhookStartedWorkflow(slackUrl) {
	const workflow = seatReclamationWorkflow({ slackUrl });
	workflow.id = 'trutoSeatReportQueue1';
	workflow.nodes.push(
		node('n8n-nodes-base.webhook', 2, 'Webhook', { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} }, {
			id: 'a1f5c3d0-0000-4000-8000-0000000000f1',
			position: [0, 400],
			webhookId: 'a1f5c3d0-0000-4000-8000-0000000000f2',
		}),
	);
	Object.assign(workflow.connections, connect(['Webhook', 'Settings']));
	return workflow;
}

/** Truto Trigger → NoOp, for the account-health event. */
const TRUTO_TRIGGER_WORKFLOW = workflow(
	'trutoHookQueue1',
	[
		trutoTriggerNode('Truto Trigger', { events: ['integrated_account:authentication_error'] }, { id: 'a1f5c3d0-0000-4000-8000-0000000000f3', webhookId: 'a1f5c3d0-0000-4000-8000-0000000000f4' }),
		node('n8n-nodes-base.noOp', 1, 'After', {}, { id: 'a1f5c3d0-0000-4000-8000-0000000000f5', position: [300, 0] }),
	],
	connect(['Truto Trigger', 'After']),
);

describeInN8n('queue mode in n8n %s', withReceivers({ services: { redis: startRedis } }), (e2e) => {
	/** @type {any} */ let execution;
	/** @type {string} */ let workerName;

	beforeAll(async () => {
		const workflow = webhookStartedWorkflow(e2e.slack.url);
		await e2e.n8n.importWorkflow([workflow, TRUTO_TRIGGER_WORKFLOW]);
		await e2e.n8n.publishWorkflow(workflow.id);
		await e2e.n8n.publishWorkflow(TRUTO_TRIGGER_WORKFLOW.id);
		await e2e.n8n.start({ queue: { redisPort: e2e.redis.port } });
		workerName = await e2e.n8n.startWorker();
		const response = await e2e.n8n.restRaw('POST', `/webhook/${WEBHOOK_PATH}`, {});
		expect(response.status).toBe(200);
		execution = await e2e.n8n.waitForExecution(workflow.id, { timeoutMs: 120_000 });
	});

	it('runs the execution on the worker, not on the main process', () => {
		expect(execution.status).toBe('success');
		const host = e2e.n8n.executionHost(execution.id);
		expect(host.enqueuedByMain).toBe(true);
		expect(host.startedOnWorker).toBe(workerName);
		expect(host.finishedOnWorker).toBe(workerName);
	});

	it('receives a Truto Trigger delivery on the main instance and runs it on the worker', async () => {
		// The trigger registers its Truto webhook while n8n activates the published workflows.
		const deadline = Date.now() + 60_000;
		while (e2e.sandbox.webhooks().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
		const { deliveries } = await e2e.sandbox.emit({ event: 'integrated_account:authentication_error', account: 'zoom' });
		// The body too: the trigger answers 200 to deliveries it ignores (a replay, an event id seen before).
		expect(deliveries.map((delivery) => `${delivery.status} ${delivery.body}`)).toEqual(['200 {"received":true}']);
		const run = await e2e.n8n.waitForExecution(TRUTO_TRIGGER_WORKFLOW.id, { timeoutMs: 120_000 });
		expect(run.status).toBe('success');
		expect(run.data.resultData.runData['Truto Trigger'][0].data.main[0][0].json).toMatchObject({ event: 'integrated_account:authentication_error', event_id: deliveries[0].event_id });
		const host = e2e.n8n.executionHost(run.id);
		expect(host.enqueuedByMain).toBe(true);
		expect(host.startedOnWorker).toBe(workerName);
		expect(host.finishedOnWorker).toBe(workerName);
		// The harness's way round main's bookkeeping (dev/n8n/README.md → executions) finds the same execution.
		expect((await e2e.n8n.finishedEnqueuedExecution(TRUTO_TRIGGER_WORKFLOW.id, 0))?.id).toBe(run.id);
	});

	it('delivers the same report as a single n8n', () => {
		const report = execution.data.resultData.runData['Build Report'][0].data.main[0][0].json;
		expect(report.inactiveUsers.length).toBeGreaterThan(0);
		expect(e2e.slack.messages.map((message) => message.body.text)).toEqual([report.text]);
		expect(e2e.smtp.mails.map((mail) => mail.to)).toEqual([[REPORT_TO]]);
		expect(e2e.smtp.mails[0].subject).toBe(report.subject);
	});
});
