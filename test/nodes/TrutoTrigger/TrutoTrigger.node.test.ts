import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { TrutoTrigger } from '../../../nodes/TrutoTrigger/TrutoTrigger.node';
import { ANY_EVENT, TRUTO_EVENTS } from '../../../nodes/TrutoTrigger/events';
import { ACCOUNTS, TOKEN, useSandbox } from '../../helpers/sandbox';
import type { Parameters } from '../../helpers/n8nContext';
import { type Receiver, startReceiver } from '../../helpers/webhookContext';

const NEEDS_REAUTH = 'integrated_account:authentication_error';

const sb = useSandbox();
const receivers: Receiver[] = [];
afterEach(async () => {
	for (const receiver of receivers.splice(0)) {
		await receiver.deactivate();
		await receiver.close();
	}
});

async function receiver(parameters: Parameters, extra: { mode?: 'manual' | 'trigger'; token?: string } = {}): Promise<Receiver> {
	const started = await startReceiver({ parameters, credentials: { apiToken: extra.token ?? TOKEN, baseUrl: sb.url }, mode: extra.mode });
	receivers.push(started);
	return started;
}

async function active(parameters: Parameters, extra: { mode?: 'manual' | 'trigger' } = {}): Promise<Receiver> {
	const started = await receiver(parameters, extra);
	await started.activate();
	return started;
}

const webhooksFor = (url: string) => sb.webhooks().filter((webhook) => webhook.target_url === url);

describe('description', () => {
	const { description } = new TrutoTrigger();

	it('is a webhook trigger named trutoTrigger, not usable as an AI tool', () => {
		expect(description.name).toBe('trutoTrigger');
		// n8n's trigger list drops "Trigger": it reads "Truto Webhook", apart from Truto User Directory.
		expect(description.displayName).toBe('Truto Webhook Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
	});

	it('offers every event of the catalogue and Any Event, sorted by name', () => {
		const events = description.properties.find((property) => property.name === 'events');
		const values = (events?.options ?? []).map((option) => (option as { value: string }).value);
		expect(values.sort()).toEqual([ANY_EVENT, ...TRUTO_EVENTS.map((event) => event.value)].sort());
		const names = (events?.options ?? []).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(events?.default).toEqual([NEEDS_REAUTH]);
	});

	it('lists each event in n8n\'s node picker as a person writes it', () => {
		const events = description.properties.find((property) => property.name === 'events');
		const actions = Object.fromEntries((events?.options ?? []).map((option) => [(option as { value: string }).value, (option as { action?: string }).action]));
		expect(actions[NEEDS_REAUTH]).toBe('On account needs re-authentication');
		expect(actions['integrated_account:post_connect_form_submitted']).toBe('On account post-connect form submitted');
		expect(actions['sync_job_run:completed']).toBe('On sync job run completed');
		expect(actions[ANY_EVENT]).toBe('On any Truto event');
	});

	it('lists several accounts and integrations through loadOptions methods that exist', () => {
		const trigger = new TrutoTrigger();
		for (const name of ['integratedAccounts', 'integrations']) {
			const property = description.properties.find((candidate) => candidate.name === name);
			expect(property?.type).toBe('multiOptions');
			const method = property?.typeOptions?.loadOptionsMethod as string;
			expect(typeof (trigger.methods.loadOptions as Record<string, unknown>)[method]).toBe('function');
		}
	});
});

describe('registration', () => {
	it('registers exactly one webhook for its URL with only the chosen event types, and keeps id and secret', async () => {
		const hook = await active({ events: [NEEDS_REAUTH, 'integrated_account:reactivated'] });
		const [webhook, ...others] = webhooksFor(hook.url);
		expect(others).toHaveLength(0);
		expect(webhook.event_types?.sort()).toEqual([NEEDS_REAUTH, 'integrated_account:reactivated'].sort());
		expect(webhook.is_active).toBe(true);
		expect(hook.staticData).toMatchObject({ webhookId: webhook.id, webhookSecret: webhook.secret, webhookUrl: hook.url });
		const create = sb.requests.find((request) => request.method === 'POST' && request.path === '/webhook');
		// Truto documents Idempotency-Key for unified, proxy and custom writes only, not for /webhook.
		expect(create?.headers['idempotency-key']).toBeUndefined();
	});

	describe('when the answer to POST /webhook is lost', () => {
		const calls = () => sb.requests.filter((request) => request.path.startsWith('/webhook')).map((request) => `${request.method} ${request.path.replace(/wh-[\w-]+/, ':id')}`);

		it('does not resend it blindly: the webhook Truto made without showing its secret is deleted and made again, once', async () => {
			sb.setFaults([{ match: { method: 'POST', path: '^/webhook$' }, kind: 'truncate', times: 1 }]);
			const hook = await active({ events: [NEEDS_REAUTH] });
			const webhooks = webhooksFor(hook.url);
			expect(webhooks).toHaveLength(1);
			expect(hook.staticData).toMatchObject({ webhookId: webhooks[0].id, webhookSecret: webhooks[0].secret });
			expect(calls()).toEqual(['GET /webhook', 'POST /webhook', 'GET /webhook', 'DELETE /webhook/:id', 'POST /webhook']);
			// Its deliveries verify: the secret kept is the one of the webhook that exists.
			await sb.emit({ event: NEEDS_REAUTH, account: 'zoom' });
			expect(hook.executions).toHaveLength(1);
			await sb.emit({ event: 'integrated_account:reactivated', account: 'zoom' });
		});

		it('makes it once more when Truto shows no webhook for the URL (the request never arrived)', async () => {
			sb.setFaults([{ match: { method: 'POST', path: '^/webhook$' }, kind: 'reset', times: 1 }]);
			const hook = await active({ events: [NEEDS_REAUTH] });
			expect(webhooksFor(hook.url)).toHaveLength(1);
			expect(hook.staticData.webhookSecret).toBe(webhooksFor(hook.url)[0].secret);
			expect(calls()).toEqual(['GET /webhook', 'POST /webhook', 'GET /webhook', 'POST /webhook']);
		});

		it('lost twice: leaves no webhook behind and says that activating again is safe', async () => {
			sb.setFaults([{ match: { method: 'POST', path: '^/webhook$' }, kind: 'truncate', times: 2 }]);
			const hook = await receiver({ events: [NEEDS_REAUTH] });
			const error = (await hook.activate().then(
				() => undefined,
				(failure: unknown) => failure,
			)) as Error & { description?: string };
			expect(error.message).toBe("Truto's answer to the webhook registration was lost twice");
			expect(error.description).toMatch(/Activate the workflow again/);
			expect(webhooksFor(hook.url)).toHaveLength(0);
			expect(sb.requests.filter((request) => request.method === 'POST' && request.path === '/webhook')).toHaveLength(2);
		});
	});

	it('registers Any Event without event_types, so Truto sends every event', async () => {
		const hook = await active({ events: [ANY_EVENT, NEEDS_REAUTH] });
		expect(webhooksFor(hook.url).map((webhook) => webhook.event_types)).toEqual([null]);
	});

	it('finds and reuses its webhook after a restart instead of creating a second one', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		const [first] = webhooksFor(hook.url);
		sb.clearRequests();
		await hook.activate();
		expect(webhooksFor(hook.url).map((webhook) => webhook.id)).toEqual([first.id]);
		expect(sb.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /webhook/${first.id}`]);
	});

	it('registers again when its webhook was deleted in Truto', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		const [first] = webhooksFor(hook.url);
		await fetch(`${sb.url}/webhook/${first.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
		await hook.activate();
		const now = webhooksFor(hook.url);
		expect(now).toHaveLength(1);
		expect(now[0].id).not.toBe(first.id);
		expect(hook.staticData.webhookSecret).toBe(now[0].secret);
	});

	it('replaces its webhook when the chosen events changed', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		const [first] = webhooksFor(hook.url);
		const changed = hook.hook({ parameters: { events: ['sync_job_run:failed'] } });
		const trigger = new TrutoTrigger();
		expect(await trigger.webhookMethods.default.checkExists.call(changed)).toBe(false);
		expect(webhooksFor(hook.url)).toHaveLength(0);
		await trigger.webhookMethods.default.create.call(changed);
		const now = webhooksFor(hook.url);
		expect(now.map((webhook) => webhook.event_types)).toEqual([['sync_job_run:failed']]);
		expect(now[0].id).not.toBe(first.id);
	});

	it('deletes webhooks for its URL whose secret it lost before registering anew', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		for (const key of Object.keys(hook.staticData)) delete hook.staticData[key];
		await hook.activate();
		expect(webhooksFor(hook.url)).toHaveLength(1);
		expect(webhooksFor(hook.url)[0].secret).toBe(hook.staticData.webhookSecret);
	});

	it('deletes its webhook on deactivation; one already gone counts as deleted', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		expect(await hook.deactivate()).toBe(true);
		expect(webhooksFor(hook.url)).toHaveLength(0);
		expect(hook.staticData.webhookId).toBeUndefined();
		await hook.activate();
		await fetch(`${sb.url}/webhook/${String(hook.staticData.webhookId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
		expect(await hook.deactivate()).toBe(true);
		expect(hook.staticData.webhookSecret).toBeUndefined();
	});

	it('deactivates even when Truto cannot be reached, keeping the registration for the next activation', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		sb.setFaults([{ match: { method: 'DELETE', path: '^/webhook/' }, kind: 'status', status: 500, times: -1 }]);
		const context = hook.hook();
		expect(await new TrutoTrigger().webhookMethods.default.delete.call(context)).toBe(false);
		expect(context.warnings[0]).toMatch(/could not delete its Truto webhook: Truto answered 500/);
		expect(hook.staticData.webhookId).toBe(webhooksFor(hook.url)[0].id);
		sb.clearFaults();
	}, 30_000);

	describe('failures say why', () => {
		async function activationError(parameters: Parameters, extra: { token?: string } = {}) {
			const hook = await receiver(parameters, extra);
			try {
				await hook.activate();
			} catch (error) {
				return { error: error as Error & { description?: string }, hook };
			}
			throw new Error('expected the activation to fail');
		}

		it('a wrong token: fix the credential', async () => {
			const { error, hook } = await activationError({ events: [NEEDS_REAUTH] }, { token: 'not-the-token' });
			expect(error.message).toBe('Truto did not register the webhook: Truto answered 401 Unauthorized: Invalid API token.');
			expect(error.description).toMatch(/^Truto did not accept the API token of the Truto API credential\. Open that credential/);
			expect(webhooksFor(hook.url)).toHaveLength(0);
		});

		it("the plan's webhook limit (402), and a 403", async () => {
			const filled = await fetch(`${sb.url}/__sandbox/webhooks/limit`, { method: 'PUT', body: JSON.stringify({ limit: 0 }) });
			expect(filled.status).toBe(200);
			try {
				const { error } = await activationError({ events: [NEEDS_REAUTH] });
				expect(error.message).toMatch(/^Truto did not register the webhook: Truto answered 402 .*plan allows 0 webhooks/);
				expect(error.description).toMatch(/Your Truto plan allows no more webhooks.*Delete webhooks you no longer use/);
			} finally {
				await fetch(`${sb.url}/__sandbox/webhooks/limit`, { method: 'PUT', body: JSON.stringify({ limit: 20 }) });
			}
			sb.setFaults([{ match: { method: 'POST', path: '^/webhook$' }, kind: 'status', status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Webhooks are not available on this plan.' } }]);
			const { error } = await activationError({ events: [NEEDS_REAUTH] });
			expect(error.message).toMatch(/403 Forbidden: Webhooks are not available on this plan/);
			expect(error.description).toMatch(/Your Truto plan allows no more webhooks/);
		});

		it('an n8n URL Truto cannot deliver to: set WEBHOOK_URL', async () => {
			const hook = await startReceiver({
				parameters: { events: [NEEDS_REAUTH] },
				credentials: { apiToken: TOKEN, baseUrl: sb.url },
				webhookUrl: 'http://n8n.example.com/webhook/abc/webhook',
			});
			receivers.push(hook);
			const error = await hook.activate().then(
				() => undefined,
				(failure: Error & { description?: string }) => failure,
			);
			expect(error?.message).toMatch(/^Truto did not register the webhook: Truto answered 400 Bad Request: target_url must use https/);
			expect(error?.description).toBe(
				"Truto cannot deliver to http://n8n.example.com/webhook/abc/webhook. Set n8n's WEBHOOK_URL environment variable to the public https address of this n8n (for example https://n8n.example.com/), restart n8n, and activate the workflow again.",
			);
		});

		it('a local n8n URL with a Truto that is not local is refused before anything is sent', async () => {
			const hook = await startReceiver({
				parameters: { events: [NEEDS_REAUTH] },
				credentials: { apiToken: TOKEN, baseUrl: 'https://api.truto.one' },
			});
			receivers.push(hook);
			const context = hook.hook();
			const trigger = new TrutoTrigger();
			expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
			await expect(trigger.webhookMethods.default.create.call(context)).rejects.toMatchObject({
				message: `Truto cannot reach n8n's webhook URL ${hook.url}: set n8n's WEBHOOK_URL environment variable to this n8n's public https address, restart n8n and try again`,
				description: expect.stringMatching(/127\.0\.0\.1 is only reachable on this machine .* Base URL is https:\/\/api\.truto\.one\. .*WEBHOOK_URL/),
			});
			expect(context.requests).toEqual([]);
		});

		it('no event chosen, or one that does not exist', async () => {
			expect((await activationError({ events: [] })).error.message).toBe('Choose at least one event');
			expect((await activationError({ events: ['integrated_account:exploded'] })).error.message).toBe('Unknown event "integrated_account:exploded"');
		});

		it('an answer without the signing secret: the useless webhook is deleted again', async () => {
			sb.setFaults([{ match: { method: 'POST', path: '^/webhook$' }, kind: 'status', status: 201, body: { id: 'wh-without-secret' } }]);
			const { error } = await activationError({ events: [NEEDS_REAUTH] });
			expect(error.message).toBe('Truto answered the webhook registration without a signing secret');
			expect(sb.requests.some((request) => request.method === 'DELETE' && request.path === '/webhook/wh-without-secret')).toBe(true);
		});
	});
});

describe('deliveries', () => {
	const accountItem = (items: IDataObject[] | undefined) => (items?.[0]?.account ?? {}) as IDataObject;

	it('turns a signed event into one item: event, time, the account, needs_reconnect', async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		const { event, deliveries } = await sb.emit({ event: NEEDS_REAUTH, account: 'github', context: { contact_email: 'it@acme.example' } });
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(hook.executions).toHaveLength(1);
		const [item] = hook.executions[0];
		expect(item).toMatchObject({
			event: NEEDS_REAUTH,
			event_id: event.id,
			occurred_at: event.created_at,
			needs_reconnect: true,
			account_reconnected: false,
			account: {
				id: ACCOUNTS.github,
				tenant_id: 'acme-corp',
				integration: 'github',
				integration_label: 'GitHub',
				status: 'needs_reauth',
				is_sandbox: false,
				last_error: expect.stringContaining('invalid_grant'),
				context: { contact_email: 'it@acme.example' },
			},
			webhook_id: hook.staticData.webhookId,
		});
		await sb.emit({ event: 'integrated_account:reactivated', account: 'github' });
	});

	it.each(['wrong', 'missing', 'malformed', 'tampered'] as const)('answers 401 to a %s signature and starts nothing', async (signature) => {
		const hook = await active({ events: [ANY_EVENT] });
		const { deliveries } = await sb.emit({ event: 'integrated_account:updated', account: 'zoom', signature });
		expect(deliveries.map((delivery) => delivery.status)).toEqual([401]);
		expect(JSON.parse(deliveries[0].body).message).toMatch(/^Signature check failed: /);
		expect(hook.executions).toHaveLength(0);
		expect(hook.staticData.seenEvents).toBeUndefined();
	});

	it("starts an execution for a delivery whose type is in event_type (Truto's sample code reads that field)", async () => {
		const hook = await active({ events: [NEEDS_REAUTH] });
		const { event, deliveries } = await sb.emit({ event: NEEDS_REAUTH, account: 'zoom', typeField: 'event_type' });
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(hook.executions).toHaveLength(1);
		expect(hook.executions[0][0]).toMatchObject({ event: NEEDS_REAUTH, event_id: event.id, needs_reconnect: true });
		await sb.emit({ event: 'integrated_account:reactivated', account: 'zoom' });
	});

	it('refuses, with a 2xx and no execution, a signed delivery older than the id memory or from the future', async () => {
		const hook = await active({ events: ['integrated_account:updated'] });
		// A captured delivery sent again after its id left the memory (24 h): the signature alone cannot tell.
		const old = await sb.emit({ event: 'integrated_account:updated', account: 'zoom', createdAt: '@-25h' });
		const early = await sb.emit({ event: 'integrated_account:updated', account: 'zoom', createdAt: '@+10m' });
		for (const { deliveries } of [old, early]) {
			expect(deliveries[0].status).toBe(200);
			expect(JSON.parse(deliveries[0].body)).toMatchObject({ received: true, refused: expect.stringMatching(/created_at/) });
		}
		expect(JSON.parse(old.deliveries[0].body).refused).toMatch(/older than 24 hours/);
		expect(JSON.parse(early.deliveries[0].body).refused).toMatch(/in the future/);
		expect(hook.executions).toHaveLength(0);
		// Refused events are not remembered: nothing of them is trusted.
		expect(hook.staticData.seenEvents).toBeUndefined();

		// Within the window, and a few seconds of clock difference ahead, events are taken.
		await sb.emit({ event: 'integrated_account:updated', account: 'zoom', createdAt: '@-23h' });
		await sb.emit({ event: 'integrated_account:updated', account: 'zoom', createdAt: '@+30s' });
		expect(hook.executions).toHaveLength(2);
	});

	it('accepts a delivery without created_at (its id is still remembered against repeats)', async () => {
		const hook = await active({ events: ['integrated_account:updated'] });
		const { deliveries } = await sb.emit({ event: 'integrated_account:updated', account: 'zoom', createdAt: null, times: 2 });
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
		expect(hook.executions).toHaveLength(1);
		expect(hook.executions[0][0]).toMatchObject({ occurred_at: null });
		expect(JSON.parse(deliveries[1].body).ignored).toMatch(/already received/);
	});

	it('starts one execution for an event Truto delivers three times', async () => {
		const hook = await active({ events: ['integrated_account:updated'] });
		const { deliveries } = await sb.emit({ event: 'integrated_account:updated', account: 'zoom', times: 3 });
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
		expect(hook.executions).toHaveLength(1);
		expect(hook.received.map((entry) => entry.body.ignored ?? entry.body)).toEqual([
			{ received: true },
			`event ${deliveries[0].event_id} was already received`,
			`event ${deliveries[0].event_id} was already received`,
		]);
	});

	it('answers 200 and starts nothing for events it does not listen to, or of other accounts and integrations', async () => {
		const hook = await active({ events: [ANY_EVENT], integratedAccounts: [ACCOUNTS.zoom, ACCOUNTS.github], integrations: ['zoom'] });
		await sb.emit({ event: 'integrated_account:updated', account: 'salesforce' });
		await sb.emit({ event: 'integrated_account:updated', account: 'github' });
		await sb.emit({ event: 'integrated_account:updated', account: 'zoom' });
		expect(hook.received.map((entry) => [entry.status, entry.body.ignored ?? entry.body])).toEqual([
			[200, `integrated account ${ACCOUNTS.salesforce} is not one of the chosen accounts`],
			[200, 'integration github is not one of the chosen integrations'],
			[200, { received: true }],
		]);

		const narrow = await active({ events: ['integrated_account:created'] });
		const { deliveries } = await sb.emit({ event: 'integrated_account:deleted', account: 'zoom', webhookId: String(narrow.staticData.webhookId) });
		expect(JSON.parse(deliveries[0].body)).toEqual({ received: true, ignored: 'event integrated_account:deleted is not one this trigger listens to' });
		expect(narrow.executions).toHaveLength(0);
	});

	it("takes Truto's test event only while the editor listens for a test event", async () => {
		const listening = await active({ events: [NEEDS_REAUTH] }, { mode: 'manual' });
		const testCall = await fetch(`${sb.url}/webhook/test`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
			body: JSON.stringify({ id: listening.staticData.webhookId }),
		});
		expect(await testCall.json()).toEqual({ success: true });
		await waitFor(() => listening.received.length === 1);
		expect(listening.executions[0][0]).toMatchObject({ event: 'test', account: null, payload: { foo: 'bar' }, needs_reconnect: false });

		const production = await active({ events: [NEEDS_REAUTH] });
		const { deliveries } = await sb.emit({ event: 'test', webhookId: String(production.staticData.webhookId) });
		expect(JSON.parse(deliveries[0].body).ignored).toBe('Truto test event (not listening for a test event)');
	});

	it('looks up the account of a sync job run for the item and the Integrations filter', async () => {
		const hook = await active({ events: ['sync_job_run:failed'], integrations: ['salesforce'] });
		await sb.emit({ event: 'sync_job_run:failed', account: 'salesforce' });
		await sb.emit({ event: 'sync_job_run:failed', account: 'zoom' });
		expect(hook.executions).toHaveLength(1);
		expect(accountItem(hook.executions[0])).toMatchObject({ id: ACCOUNTS.salesforce, integration: 'salesforce', tenant_id: 'acme.my.salesforce.com' });
		expect(hook.executions[0][0].payload).toMatchObject({ status: 'failed', error: expect.any(String) });
		expect(hook.received[1].body.ignored).toBe('integration zoom is not one of the chosen integrations');

		// When the account cannot be looked up, the event can be neither kept nor dropped: Truto delivers it again.
		sb.setFaults([{ match: { path: '^/integrated-account/' }, kind: 'status', status: 500, times: -1 }]);
		const { deliveries } = await sb.emit({ event: 'sync_job_run:failed', account: 'salesforce' });
		expect(deliveries[0].status).toBe(503);
		sb.clearFaults();
		const again = await sb.emit({ event: 'sync_job_run:failed', account: 'salesforce', id: deliveries[0].event_id });
		expect(again.deliveries[0].status).toBe(200);
		expect(hook.executions).toHaveLength(2);
	});

	it('registers and receives the sync job, cron trigger and batch job events Truto documents', async () => {
		const types = ['sync_job_run:started', 'sync_job_run:record', 'sync_job_cron_trigger:failed', 'batch_job:completed', 'integrated_account:post_connect_form_submitted'];
		const hook = await active({ events: types });
		expect(webhooksFor(hook.url)[0].event_types?.sort()).toEqual([...types].sort());
		for (const event of types) await sb.emit({ event, account: 'salesforce' });
		expect(hook.executions.map((items) => items[0].event)).toEqual(types);
		expect(hook.executions[1][0]).toMatchObject({ account: { id: ACCOUNTS.salesforce, integration: 'salesforce' }, payload: { resource: 'user-directory/users', records: expect.any(Array) } });
	});

	it('takes a record event name given by expression (Truto names them per integration)', async () => {
		const hook = await active({ events: ['record:users:updated'] });
		expect(webhooksFor(hook.url)[0].event_types).toEqual(['record:users:updated']);
		await sb.emit({ event: 'record:users:updated', account: 'github' });
		expect(hook.executions[0][0]).toMatchObject({ event: 'record:users:updated', resource: 'users' });
	});

	it('narrows record events to the chosen user-directory resources and puts the record in the item', async () => {
		const users = await active({ events: ['record:updated'], recordResources: ['users'] });
		const groups = await active({ events: ['record:updated'], recordResources: ['groups'] });
		await sb.emit({ event: 'record:updated', account: 'github' });
		expect(users.executions[0][0]).toMatchObject({ event: 'record:updated', resource: 'users', record: { id: expect.any(String) } });
		expect(groups.executions).toHaveLength(0);
		expect(groups.received[0].body.ignored).toBe('record resource users is not one of the chosen resources');
	});

	it('answers 400 to a signed body that is not a Truto event', async () => {
		const hook = await active({ events: [ANY_EVENT] });
		const crypto = await import('node:crypto');
		const raw = '{"hello":"world"}';
		const signature = crypto.createHmac('sha256', String(hook.staticData.webhookSecret)).update(raw).digest('hex');
		const response = await fetch(hook.url, { method: 'POST', body: raw, headers: { 'x-truto-signature': `format=sha256,v=${signature}` } });
		expect(response.status).toBe(400);
		expect(hook.executions).toHaveLength(0);
	});
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(20);
	}
}
