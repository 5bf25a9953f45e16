'use strict';
// @ts-check
/**
 * The Truto Trigger (webhooks) in a real n8n in server mode, one n8n per version: activation
 * registers the webhook at the sandbox, the sandbox delivers signed events to n8n's URL, n8n is
 * restarted, the workflow deactivated, a registration fails; then the Account health alerts example
 * delivers its email and Slack message to the local receivers. Queue mode (main receives, worker
 * executes) is proven in queue.e2e.test.js, on that suite's n8n.
 */
const {
	workflow,
	connect,
	node,
	trutoTriggerNode,
	TRUTO_TRIGGER_NODE,
	accountHealthWorkflow,
	ALERT_FALLBACK_TO,
} = require('../../dev/workflows');
const { ACCOUNTS, TOKEN, describeInN8n, withReceivers } = require('./setup');

const NEEDS_REAUTH = 'integrated_account:authentication_error';

/**
 * "<Truto Trigger> → NoOp" with a fixed webhook id.
 * @param {string} id
 * @param {Record<string, unknown>} parameters
 * @param {{ credential?: { id: string, name: string } }} [options]
 */
function triggerWorkflow(id, parameters, options = {}) {
	return workflow(
		id,
		[
			trutoTriggerNode('Truto Trigger', parameters, {
				id: `${id}-trigger`,
				webhookId: `c0ffee00-0000-4000-8000-${id.replace(/\D/g, '').padStart(12, '0')}`,
				...(options.credential ? { credentials: { trutoApi: options.credential } } : {}),
			}),
			node('n8n-nodes-base.noOp', 1, 'After', {}, { id: `${id}-noop`, position: [300, 0] }),
		],
		connect(['Truto Trigger', 'After']),
	);
}

/** A credential whose Base URL is Truto's cloud: it can never reach a local n8n (and is never called). */
const CLOUD_CREDENTIAL = { id: 'trutoCloud1', name: 'Truto API (cloud)' };

const WORKFLOWS = {
	alerts: triggerWorkflow('trutoHook1', { events: [NEEDS_REAUTH, 'integrated_account:reactivated'], integratedAccounts: [ACCOUNTS.github, ACCOUNTS.zoom] }),
	cloud: triggerWorkflow('trutoHook2', { events: [NEEDS_REAUTH] }, { credential: CLOUD_CREDENTIAL }),
};

const withCloudCredential = withReceivers({
	credentials: [{ ...CLOUD_CREDENTIAL, type: 'trutoApi', data: { apiToken: TOKEN, baseUrl: 'https://api.truto.one' } }],
});

describeInN8n('Truto Trigger in n8n %s', withCloudCredential, (e2e) => {
	const example = () => accountHealthWorkflow({ slackUrl: e2e.slack.url });

	/** n8n's production URL for a workflow's trigger. @param {any} wf */
	const urlOf = (wf) => `${e2e.n8n.baseUrl}/webhook/${wf.nodes[0].webhookId}/webhook`;
	/** @param {any} wf */
	const webhooksOf = (wf) => e2e.sandbox.webhooks().filter((/** @type {any} */ webhook) => webhook.target_url === urlOf(wf));

	/** @param {string} workflowId @returns {Promise<any[]>} */
	async function executionsOf(workflowId) {
		const list = await e2e.n8n.publicApi('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=50`);
		return list.data ?? [];
	}

	/** Emits an event and waits for the execution it must start; returns the trigger's item. @param {any} spec @param {string} workflowId */
	async function emitAndRun(spec, workflowId) {
		const before = Math.max(0, ...(await executionsOf(workflowId)).map((execution) => Number(execution.id)));
		const { deliveries } = await e2e.sandbox.emit(spec);
		expect(deliveries.map((/** @type {any} */ delivery) => delivery.status)).toEqual([200]);
		const execution = await e2e.n8n.waitForExecution(workflowId, { after: before, timeoutMs: 60_000 });
		expect(execution.status).toBe('success');
		const trigger = execution.workflowData.nodes.find((/** @type {any} */ candidate) => candidate.type === TRUTO_TRIGGER_NODE).name;
		return { execution, item: execution.data.resultData.runData[trigger][0].data.main[0][0].json };
	}

	beforeAll(async () => {
		await e2e.n8n.importWorkflow([...Object.values(WORKFLOWS), example()]);
		await e2e.n8n.start();
		expect(await e2e.n8n.activate(WORKFLOWS.alerts.id)).toEqual({ ok: true });
	});

	it('activating registers exactly one webhook, for n8n\'s URL and the chosen event types', () => {
		const webhooks = e2e.sandbox.webhooks();
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0]).toMatchObject({ target_url: urlOf(WORKFLOWS.alerts), is_active: true });
		expect(webhooks[0].event_types.sort()).toEqual([NEEDS_REAUTH, 'integrated_account:reactivated'].sort());
	});

	it('each signed event starts one execution with the event as its item', async () => {
		const { item } = await emitAndRun({ event: NEEDS_REAUTH, account: 'github', context: { contact_email: 'it@acme.example' } }, WORKFLOWS.alerts.id);
		expect(item).toMatchObject({
			event: NEEDS_REAUTH,
			needs_reconnect: true,
			account: { id: ACCOUNTS.github, tenant_id: 'acme-corp', integration: 'github', integration_label: 'GitHub', status: 'needs_reauth', context: { contact_email: 'it@acme.example' } },
		});
		expect(item.account.last_error).toMatch(/invalid_grant/);
		const back = await emitAndRun({ event: 'integrated_account:reactivated', account: 'github' }, WORKFLOWS.alerts.id);
		// reactivated: the app's 401s stopped by themselves — the account works again, but nobody reconnected it.
		expect(back.item).toMatchObject({ event: 'integrated_account:reactivated', needs_reconnect: false, account_reconnected: false, account_recovered: true, account: { status: 'active' } });
	});

	it('a bad signature answers 401, a repeated event id 200, another account 200, an old replay 200 — and none starts an execution', async () => {
		const before = await executionsOf(WORKFLOWS.alerts.id);
		const newest = Math.max(0, ...before.map((execution) => Number(execution.id)));
		for (const signature of ['wrong', 'missing', 'tampered']) {
			const { deliveries } = await e2e.sandbox.emit({ event: NEEDS_REAUTH, account: 'zoom', signature });
			expect([signature, deliveries[0].status]).toEqual([signature, 401]);
		}
		const other = await e2e.sandbox.emit({ event: NEEDS_REAUTH, account: 'salesforce' });
		expect([other.deliveries[0].status, JSON.parse(other.deliveries[0].body).ignored]).toEqual([200, `integrated account ${ACCOUNTS.salesforce} is not one of the chosen accounts`]);
		// A captured delivery sent again after its id was forgotten: refused with a 2xx, so Truto does not retry it.
		const replay = await e2e.sandbox.emit({ event: NEEDS_REAUTH, account: 'zoom', createdAt: '@-25h' });
		expect([replay.deliveries[0].status, JSON.parse(replay.deliveries[0].body).refused]).toEqual([200, expect.stringMatching(/older than 24 hours/)]);
		// Truto retrying one event three times: one execution.
		const { deliveries } = await e2e.sandbox.emit({ event: NEEDS_REAUTH, account: 'zoom', times: 3 });
		expect(deliveries.map((/** @type {any} */ delivery) => delivery.status)).toEqual([200, 200, 200]);
		expect(deliveries.slice(1).map((/** @type {any} */ delivery) => JSON.parse(delivery.body).ignored)).toEqual([
			`event ${deliveries[0].event_id} was already received`,
			`event ${deliveries[0].event_id} was already received`,
		]);
		await e2e.n8n.waitForExecution(WORKFLOWS.alerts.id, { after: newest, timeoutMs: 60_000 });
		// A later event runs too, so the deliveries before it had every chance to start something; its
		// type is under event_type, the name Truto's sample code reads.
		await emitAndRun({ event: 'integrated_account:reactivated', account: 'zoom', typeField: 'event_type' }, WORKFLOWS.alerts.id);
		expect((await executionsOf(WORKFLOWS.alerts.id)).length).toBe(before.length + 2);
	});

	it('"Listen for test event" registers a webhook for the test URL, runs once, removes it, and leaves the active one alone', async () => {
		const [production] = e2e.sandbox.webhooks();
		expect(await e2e.n8n.listenForTestEvent(WORKFLOWS.alerts.id, 'Truto Trigger')).toMatchObject({ waitingForWebhook: true });
		const testUrl = urlOf(WORKFLOWS.alerts).replace('/webhook/', '/webhook-test/');
		const listening = e2e.sandbox.webhooks().find((/** @type {any} */ webhook) => webhook.target_url === testUrl);
		expect(listening).toMatchObject({ event_types: [NEEDS_REAUTH, 'integrated_account:reactivated'] });
		// Truto's "send test" event: taken while the editor listens.
		const { deliveries } = await e2e.sandbox.emit({ event: 'test', webhookId: listening.id });
		expect(deliveries[0].status).toBe(200);
		const deadline = Date.now() + 30_000;
		while (e2e.sandbox.webhooks().length > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		expect(e2e.sandbox.webhooks().map((/** @type {any} */ webhook) => webhook.id)).toEqual([production.id]);
		const manual = (await executionsOf(WORKFLOWS.alerts.id)).filter((execution) => execution.mode === 'manual');
		expect(manual).toHaveLength(1);
		const run = await e2e.n8n.getExecution(manual[0].id);
		expect(run.data.resultData.runData['Truto Trigger'][0].data.main[0][0].json).toMatchObject({ event: 'test', payload: { foo: 'bar' } });
	});

	it('restarting n8n keeps the one webhook, its deliveries still check out, and seen event ids stay seen', async () => {
		const [registered] = e2e.sandbox.webhooks();
		const newest = Math.max(...(await executionsOf(WORKFLOWS.alerts.id)).filter((execution) => execution.mode === 'webhook').map((execution) => Number(execution.id)));
		const acceptedId = (await e2e.n8n.getExecution(newest)).data.resultData.runData['Truto Trigger'][0].data.main[0][0].json.event_id;
		await e2e.n8n.stop();
		await e2e.n8n.start();
		const { item } = await emitAndRun({ event: NEEDS_REAUTH, account: 'zoom' }, WORKFLOWS.alerts.id);
		expect(item.account.id).toBe(ACCOUNTS.zoom);
		// Checked once n8n has set up the trigger again (it just ran): still the one webhook of before.
		expect(e2e.sandbox.webhooks().map((/** @type {any} */ webhook) => webhook.id)).toEqual([registered.id]);
		// An event accepted before the restart, delivered again: the ids live in the saved static data.
		const { deliveries } = await e2e.sandbox.emit({ event: 'integrated_account:reactivated', account: 'zoom', id: acceptedId });
		expect(JSON.parse(deliveries[0].body)).toEqual({ received: true, ignored: `event ${acceptedId} was already received` });
		await e2e.sandbox.emit({ event: 'integrated_account:reactivated', account: 'zoom' });
	});

	it('deactivating deletes the webhook', async () => {
		await e2e.n8n.deactivate(WORKFLOWS.alerts.id);
		expect(webhooksOf(WORKFLOWS.alerts)).toEqual([]);
		expect(e2e.sandbox.webhooks()).toEqual([]);
	});

	// One failure is enough here (2.41 retries a failed activation for ~15 s); every failure mode is in
	// test/nodes/TrutoTrigger/TrutoTrigger.node.test.ts.
	it('a failed activation says why: an n8n URL a Truto in the cloud cannot reach', async () => {
		const cloud = await e2e.n8n.activate(WORKFLOWS.cloud.id);
		expect(cloud.ok).toBe(false);
		expect(cloud.message).toContain(`Truto cannot reach n8n's webhook URL ${urlOf(WORKFLOWS.cloud)}`);
		expect(e2e.sandbox.webhooks()).toEqual([]);
	});

	describe('the Account health alerts example', () => {
		beforeAll(async () => {
			expect(await e2e.n8n.activate(example().id)).toEqual({ ok: true });
		});

		it('emails a reconnect link to the account\'s contact and posts to Slack', async () => {
			const { execution } = await emitAndRun({ event: NEEDS_REAUTH, account: 'okta', context: { contact_email: 'admin@acme-okta.example', contact_name: 'Kim' } }, example().id);
			const runData = execution.data.resultData.runData;
			const link = runData['Create Reconnect Link'][0].data.main[0][0].json;
			const issued = e2e.sandbox.linkTokens.find((/** @type {any} */ token) => token.link_token === link.link_token);
			expect(issued).toMatchObject({ integrated_account_id: ACCOUNTS.okta, persist_previous_context: true });
			expect(link.link_url).toBe(`https://app.truto.one/connect-account?link_token=${link.link_token}`);

			expect(e2e.smtp.mails).toHaveLength(1);
			expect(e2e.smtp.mails[0].to).toEqual(['admin@acme-okta.example']);
			expect(e2e.smtp.mails[0].subject).toBe('Please reconnect Okta (acme.okta.com)');
			expect(e2e.smtp.mails[0].text).toContain('Hello Kim,');
			expect(e2e.smtp.mails[0].text).toContain(link.link_url);
			expect(e2e.smtp.mails[0].text).toContain('invalid_grant');
			expect(e2e.slack.messages).toHaveLength(1);
			expect(e2e.slack.messages[0].body.text).toContain('Okta · acme.okta.com needs to be reconnected');
			expect(e2e.slack.messages[0].body.text).toContain(`Reconnect link sent to admin@acme-okta.example: ${link.link_url}`);
		});

		it('mails the fallback address when the account has no contact', async () => {
			await emitAndRun({ event: NEEDS_REAUTH, account: 'salesforce' }, example().id);
			expect(e2e.smtp.mails.at(-1).to).toEqual([ALERT_FALLBACK_TO]);
			expect(e2e.smtp.mails.at(-1).subject).toBe('Please reconnect Salesforce (acme.my.salesforce.com)');
			expect(e2e.slack.messages).toHaveLength(2);
		});
	});
});
