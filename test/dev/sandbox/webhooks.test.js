'use strict';
// @ts-check
/**
 * The sandbox's webhook API, its signed deliveries and link tokens: what the Truto Trigger and
 * Create Reconnect Link are tested against, so these facts are checked here first.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { ACCOUNTS, call, useSharedSandbox } = require('./helpers');

const sb = useSharedSandbox();

/** A local HTTP server recording what arrives; answers `status` (default 200). */
async function target(status = 200) {
	/** @type {Array<{ headers: http.IncomingHttpHeaders, raw: string }>} */
	const received = [];
	const server = http.createServer((request, response) => {
		const chunks = /** @type {Buffer[]} */ ([]);
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end('{"ok":true}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** @param {Record<string, unknown>} body */
const create = (body) => call('/webhook', { method: 'POST', body });
/** @param {string} route @param {unknown} [body] @param {string} [method] */
const control = (route, body, method = 'POST') => call(`/__sandbox/${route}`, { method, body, token: null });
/** @param {string} secret @param {string} raw */
const hmac = (secret, raw) => crypto.createHmac('sha256', secret).update(raw).digest('hex');

afterEach(async () => {
	for (const webhook of (await control('webhooks', undefined, 'GET')).json.webhooks) await call(`/webhook/${webhook.id}`, { method: 'DELETE' });
	await control('webhooks/deliveries', undefined, 'DELETE');
});

describe('webhook API', () => {
	test('create answers the secret once; list and get never show it', async () => {
		const created = await create({ target_url: 'https://n8n.acme.example/webhook/1', event_types: ['integrated_account:active'] });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			id: expect.any(String),
			target_url: 'https://n8n.acme.example/webhook/1',
			event_types: ['integrated_account:active'],
			is_active: true,
			secret: expect.stringMatching(/^[0-9a-f]{48}$/),
			environment_id: expect.any(String),
		});
		const listed = await call('/webhook');
		expect(listed.json.result).toHaveLength(1);
		expect(listed.json.result[0]).not.toHaveProperty('secret');
		expect((await call(`/webhook/${created.json.id}`)).json).not.toHaveProperty('secret');
		expect(listed.json.next_cursor).toBeNull();
	});

	test('checks target_url as Truto would: a URL, https unless this machine, reachable from the internet', async () => {
		for (const [url, message] of [
			[undefined, 'target_url is required.'],
			['not a url', 'target_url "not a url" is not a valid URL.'],
			['http://n8n.acme.example/webhook', 'target_url must use https: Truto does not deliver to http:// addresses.'],
			['https://192.168.1.20/webhook', 'target_url must be reachable from the internet; 192.168.1.20 is a private or internal address.'],
			['https://n8n:5678/webhook', 'target_url must be reachable from the internet; n8n is a private or internal address.'],
			['https://nas.lan/webhook', 'target_url must be reachable from the internet; nas.lan is a private or internal address.'],
			['https://[fd00::1]/webhook', 'target_url must be reachable from the internet; [fd00::1] is a private or internal address.'],
		]) {
			const answer = await create({ target_url: url });
			expect([answer.status, answer.json.message]).toEqual([400, message]);
		}
		for (const url of ['http://127.0.0.1:5678/webhook/x', 'http://localhost:5678/webhook/x', 'http://n8n.localhost:5678/webhook/x', 'http://[::1]:5678/webhook/x']) {
			expect((await create({ target_url: url })).status).toBe(201);
		}
	});

	test('refuses unknown event types, takes any record:* type', async () => {
		const bad = await create({ target_url: 'https://a.example/x', event_types: ['integrated_account:exploded', 'test'] });
		expect([bad.status, bad.json.message]).toEqual([400, 'Unknown event types: integrated_account:exploded.']);
		expect((await create({ target_url: 'https://a.example/x', event_types: ['record:updated'] })).status).toBe(201);
	});

	test("the plan's limit answers 402; an Idempotency-Key is not honoured on /webhook (Truto does not promise it)", async () => {
		expect((await control('webhooks/limit', { limit: 2 }, 'PUT')).json).toEqual({ limit: 2 });
		try {
			const headers = { 'idempotency-key': 'same-key' };
			const first = await call('/webhook', { method: 'POST', body: { target_url: 'https://a.example/x' }, headers });
			const again = await call('/webhook', { method: 'POST', body: { target_url: 'https://a.example/x' }, headers });
			// Truto documents the key for unified, proxy and custom writes only: a resent POST /webhook makes a second webhook.
			expect(again.json.id).not.toBe(first.json.id);
			expect(again.headers.get('idempotent-replayed')).toBeNull();
			const over = await create({ target_url: 'https://b.example/x' });
			expect([over.status, over.json.message]).toEqual([402, 'Your plan allows 2 webhooks per environment. Delete one or upgrade your plan.']);
		} finally {
			await control('webhooks/limit', { limit: 20 }, 'PUT');
		}
	});

	test('PATCH changes a webhook, DELETE removes it (404 afterwards), a wrong token is 401', async () => {
		const { json } = await create({ target_url: 'https://a.example/x' });
		const patched = await call(`/webhook/${json.id}`, { method: 'PATCH', body: { is_active: false, event_types: ['sync_job_run:failed'] } });
		expect(patched.json).toMatchObject({ is_active: false, event_types: ['sync_job_run:failed'] });
		expect((await call(`/webhook/${json.id}`, { method: 'DELETE' })).json).toEqual({ id: json.id });
		expect((await call(`/webhook/${json.id}`)).status).toBe(404);
		expect((await call('/webhook', { token: 'wrong' })).status).toBe(401);
	});
});

describe('deliveries', () => {
	test('an emitted event reaches the subscribed webhooks, signed with HMAC-SHA256 of the raw body', async () => {
		const hook = await target();
		try {
			const mine = await create({ target_url: hook.url, event_types: ['integrated_account:authentication_error'] });
			await create({ target_url: hook.url.replace('/hook', '/other'), event_types: ['sync_job_run:failed'] });
			const { json } = await control('webhooks/emit', { event: 'integrated_account:authentication_error', account: 'okta', context: { contact_email: 'it@acme.example' } });
			expect(json.deliveries).toHaveLength(1);
			expect(json.deliveries[0]).toMatchObject({ webhook_id: mine.json.id, status: 200, attempt: 1, signature: 'valid' });
			const [{ headers, raw }] = hook.received;
			expect(headers['user-agent']).toBe('truto');
			expect(headers['x-truto-signature']).toBe(`format=sha256,v=${hmac(mine.json.secret, raw)}`);
			const body = JSON.parse(raw);
			expect(body).toEqual({
				id: json.event.id,
				event: 'integrated_account:authentication_error',
				payload: expect.objectContaining({
					id: ACCOUNTS.okta,
					tenant_id: 'acme.okta.com',
					status: 'needs_reauth',
					integration: expect.objectContaining({ name: 'okta', config: { label: 'Okta' } }),
					context: { contact_email: 'it@acme.example' },
					last_error: expect.stringContaining('invalid_grant'),
				}),
				environment_id: expect.any(String),
				webhook_id: mine.json.id,
				created_at: expect.any(String),
			});
		} finally {
			await hook.close();
		}
	});

	test("names the type event (default), event_type (Truto's sample code) or both, as asked", async () => {
		const hook = await target();
		try {
			await create({ target_url: hook.url });
			for (const typeField of ['event', 'event_type', 'both']) {
				await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', typeField });
			}
			const [event, eventType, both] = hook.received.map((r) => JSON.parse(r.raw));
			expect(event).toMatchObject({ event: 'integrated_account:updated' });
			expect(event).not.toHaveProperty('event_type');
			expect(eventType).toMatchObject({ event_type: 'integrated_account:updated' });
			expect(eventType).not.toHaveProperty('event');
			expect(both).toMatchObject({ event: 'integrated_account:updated', event_type: 'integrated_account:updated' });
			const bad = await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', typeField: 'type' });
			expect([bad.status, bad.json.message]).toEqual([400, 'typeField must be one of event, event_type, both.']);
		} finally {
			await hook.close();
		}
	});

	test('stamps created_at now, or as asked: an ISO time, a relative date, or none at all (null)', async () => {
		const hook = await target();
		try {
			await create({ target_url: hook.url });
			const before = Date.now();
			for (const createdAt of [undefined, '2026-01-02T03:04:05.000Z', '@-25h', null]) {
				await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', ...(createdAt === undefined ? {} : { createdAt }) });
			}
			const [now, fixed, old, none] = hook.received.map((r) => JSON.parse(r.raw));
			expect(Math.abs(Date.parse(now.created_at) - before)).toBeLessThan(60_000);
			expect(fixed.created_at).toBe('2026-01-02T03:04:05.000Z');
			expect(before - Date.parse(old.created_at)).toBeGreaterThan(25 * 3_600_000 - 60_000);
			expect(none).not.toHaveProperty('created_at');
			const bad = await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', createdAt: 'yesterday' });
			expect(bad.status).toBe(400);
			expect(bad.json.message).toMatch(/createdAt must be an ISO time, a relative date such as "@-25h", or null/);
		} finally {
			await hook.close();
		}
	});

	test('retries repeat one event id; spoiled signatures are wrong in each documented way', async () => {
		const hook = await target(401);
		try {
			const { json: webhook } = await create({ target_url: hook.url });
			const retried = await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', times: 3 });
			expect(retried.json.deliveries.map((/** @type {any} */ d) => [d.attempt, d.status])).toEqual([[1, 401], [2, 401], [3, 401]]);
			expect(new Set(hook.received.map((r) => JSON.parse(r.raw).id)).size).toBe(1);
			hook.received.length = 0;
			for (const signature of ['wrong', 'missing', 'malformed', 'tampered']) {
				await control('webhooks/emit', { event: 'integrated_account:updated', account: 'zoom', signature });
			}
			const [wrong, missing, malformed, tampered] = hook.received;
			expect(wrong.headers['x-truto-signature']).toMatch(/^format=sha256,v=[0-9a-f]{64}$/);
			expect(wrong.headers['x-truto-signature']).not.toBe(`format=sha256,v=${hmac(webhook.secret, wrong.raw)}`);
			expect(missing.headers['x-truto-signature']).toBeUndefined();
			expect(malformed.headers['x-truto-signature']).toMatch(/^sha256=/);
			expect(JSON.parse(tampered.raw).event).toBe('integrated_account:active');
			expect(tampered.headers['x-truto-signature']).not.toBe(`format=sha256,v=${hmac(webhook.secret, tampered.raw)}`);
			expect((await control('webhooks/deliveries', undefined, 'GET')).json.deliveries).toHaveLength(7);
		} finally {
			await hook.close();
		}
	});

	test('account events change the account as in Truto; POST /webhook/test sends { foo: "bar" }', async () => {
		const hook = await target();
		try {
			const { json: webhook } = await create({ target_url: hook.url });
			await control('webhooks/emit', { event: 'integrated_account:authentication_error', account: 'github' });
			expect((await call(`/integrated-account/${ACCOUNTS.github}`)).json.status).toBe('needs_reauth');
			expect((await call(`/unified/user-directory/users?integrated_account_id=${ACCOUNTS.github}`)).status).toBe(401);
			await control('webhooks/emit', { event: 'integrated_account:reactivated', account: 'github' });
			expect((await call(`/integrated-account/${ACCOUNTS.github}`)).json.status).toBe('active');

			hook.received.length = 0;
			expect((await call('/webhook/test', { method: 'POST', body: { id: webhook.id } })).json).toEqual({ success: true });
			const deadline = Date.now() + 5000;
			while (!hook.received.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
			expect(JSON.parse(hook.received[0].raw)).toMatchObject({ event: 'test', payload: { foo: 'bar' } });
		} finally {
			await hook.close();
		}
	});

	test('emit says what is wrong with its request', async () => {
		for (const [body, message] of [
			[{}, /Give the event type to emit/],
			[{ event: 'integrated_account:active' }, /needs an account/],
			[{ event: 'integrated_account:active', account: 'nobody' }, /Unknown account "nobody"/],
			[{ event: 'integrated_account:active', account: 'okta', signature: 'sloppy' }, /signature must be one of/],
			[{ event: 'integrated_account:active', account: 'okta', times: 0 }, /times must be a whole number/],
		]) {
			const answer = await control('webhooks/emit', body);
			expect(answer.status).toBe(400);
			expect(answer.json.message).toMatch(message);
		}
	});
});

describe('link tokens', () => {
	test('POST /link-token reconnects an existing account, or starts a new connection for a tenant', async () => {
		const reconnect = await call('/link-token', { method: 'POST', body: { integrated_account_id: ACCOUNTS.okta, persist_previous_context: true } });
		expect(reconnect.status).toBe(201);
		expect(reconnect.json).toEqual({ link_token: expect.stringMatching(/^lt_[0-9a-f]{32}$/) });
		const issued = (await control('link-tokens', undefined, 'GET')).json.linkTokens;
		expect(issued.at(-1)).toMatchObject({ link_token: reconnect.json.link_token, integrated_account_id: ACCOUNTS.okta, tenant_id: 'acme.okta.com', persist_previous_context: true });
		expect((await call('/link-token', { method: 'POST', body: { tenant_id: 'new-customer' } })).status).toBe(201);
		expect((await call('/link-token', { method: 'POST', body: { integrated_account_id: 'nope' } })).status).toBe(404);
		expect((await call('/link-token', { method: 'POST', body: {} })).status).toBe(400);
		// No replay for a repeated Idempotency-Key: Truto does not document it for /link-token.
		const headers = { 'idempotency-key': 'same-key' };
		const once = await call('/link-token', { method: 'POST', body: { integrated_account_id: ACCOUNTS.okta }, headers });
		const twice = await call('/link-token', { method: 'POST', body: { integrated_account_id: ACCOUNTS.okta }, headers });
		expect(twice.json.link_token).not.toBe(once.json.link_token);
	});
});
