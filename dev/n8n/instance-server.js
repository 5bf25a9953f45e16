'use strict';
// @ts-check
/**
 * n8n in server mode: `n8n start` (optionally in queue mode, with workers), the owner's login and
 * the two HTTP APIs it serves: the internal REST API the editor uses (cookie) and the public API
 * (API key).
 */
const crypto = require('node:crypto');
const { OWNER } = require('./environment');
const { N8nCliInstance, DEFAULT_TIMEOUT_MS } = require('./instance-cli');
const { sleep, tail } = require('./processes');

class HttpError extends Error {
	/**
	 * @param {string} message
	 * @param {number} status
	 * @param {any} body
	 */
	constructor(message, status, body) {
		super(message);
		this.name = 'HttpError';
		this.status = status;
		this.body = body;
	}
}

class N8nServerInstance extends N8nCliInstance {
	/** @param {ConstructorParameters<typeof N8nCliInstance>[0]} o */
	constructor(o) {
		super(o);
		/** @protected @type {string | undefined} */ this.cookie = undefined;
		/** @private @type {string | undefined} */ this.apiKey = undefined;
		/** @private */ this.browserId = crypto.randomUUID();
	}

	/**
	 * `n8n start` and wait until it answers; then makes sure the owner exists and logs in.
	 * @param {{ queue?: { redisPort: number }, timeoutMs?: number, login?: boolean }} [opts]
	 *   queue: run in queue mode against that Redis (start workers with startWorker()).
	 */
	async start(opts = {}) {
		if (this.servers.length) throw new Error('n8n is already started');
		this.queue = opts.queue;
		const proc = await this.spawnN8n('start', ['start']);
		this.servers.push(proc);
		const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		for (;;) {
			if (proc.log.exitCode !== null) {
				throw new Error(`n8n start exited (${proc.log.exitCode}):\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			// /healthz/readiness answers before the REST routes exist (2.8.4: they 404 for a moment;
			// 2.41.1: every route answers 200 "n8n is starting up. Please wait"), so wait for the
			// settings JSON the editor loads first.
			const res = await this.restRaw('GET', '/rest/settings').catch(() => undefined);
			if (res?.status === 200 && typeof res.body === 'object' && res.body?.data) break;
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(`n8n start not ready after ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms:\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			await sleep(250);
		}
		if (!this.ownerFromEnv) await this.setupOwner();
		if (opts.login !== false) await this.login();
		return this;
	}

	/**
	 * n8n 2.8 has no N8N_INSTANCE_OWNER_*: create the owner as the setup screen does.
	 * @private
	 */
	async setupOwner() {
		const settings = await this.restRaw('GET', '/rest/settings');
		if (settings.body?.data?.userManagement?.showSetupOnFirstLoad === false) return;
		const r = await this.restRaw('POST', '/rest/owner/setup', { ...OWNER });
		if (r.status >= 400) throw new HttpError(`owner setup failed: ${r.status} ${JSON.stringify(r.body)}`, r.status, r.body);
	}

	/**
	 * `n8n worker` against the same DB and Redis (queue mode only); resolves once it says it is ready.
	 * @param {{ concurrency?: number, timeoutMs?: number }} [opts]
	 */
	async startWorker(opts = {}) {
		if (!this.queue) throw new Error('startWorker() needs start({ queue: { redisPort } }) first');
		const proc = await this.spawnN8n('worker', ['worker', `--concurrency=${opts.concurrency ?? 2}`]);
		this.servers.push(proc);
		const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		while (!/n8n worker is now ready/.test(proc.log.stdout + proc.log.stderr)) {
			if (proc.log.exitCode !== null) {
				throw new Error(`n8n worker exited (${proc.log.exitCode}):\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			if (Date.now() > deadline) throw new Error(`n8n worker not ready:\n${tail(proc.log.stdout + proc.log.stderr)}`);
			await sleep(250);
		}
		return proc.log.name;
	}

	/** Stops all server processes (main and workers), workers first, and forgets the session. */
	async stop() {
		await super.stop();
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	/**
	 * Activates (publishes) a workflow. With the server up: the public API's activate endpoint, which
	 * registers its webhooks live. Otherwise `n8n publish:workflow --id` (both 2.8.4 and 2.41.1 have
	 * it; `update:workflow --active` is deprecated), picked up by the next `start()`.
	 * @param {string} workflowId
	 */
	async publishWorkflow(workflowId) {
		if (this.servers.length && this.cookie) {
			return this.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/activate`);
		}
		return this.runOrThrow(['publish:workflow', `--id=${workflowId}`], 'publish:workflow');
	}

	/**
	 * Raw request to the running n8n (cookie and browser-id sent when logged in).
	 * @param {string} method
	 * @param {string} urlPath e.g. '/rest/settings' or '/webhook/abc'
	 * @param {unknown} [body] JSON body
	 * @param {Record<string, string>} [headers]
	 * @returns {Promise<{ status: number, body: any, headers: Headers }>}
	 */
	async restRaw(method, urlPath, body, headers = {}) {
		const res = await fetch(this.baseUrl + urlPath, {
			method,
			redirect: 'manual',
			headers: {
				accept: 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
		const text = await res.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text;
		}
		return { status: res.status, body: parsed, headers: res.headers };
	}

	/** `POST /rest/login` as the owner; keeps the `n8n-auth` cookie. */
	async login() {
		const r = await this.restRaw('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		const setCookie = r.headers.get('set-cookie') ?? '';
		const m = /n8n-auth=[^;]+/.exec(setCookie);
		if (r.status !== 200 || !m) throw new HttpError(`login failed: ${r.status} ${JSON.stringify(r.body)}`, r.status, r.body);
		this.cookie = m[0];
		return r.body?.data;
	}

	/**
	 * Internal REST API call (what the editor uses); returns the response's `data`, throws
	 * HttpError (with .status and .body) on a non-2xx answer.
	 * @param {string} method
	 * @param {string} urlPath path under the server, e.g. '/rest/credentials'
	 * @param {unknown} [body]
	 */
	async rest(method, urlPath, body) {
		if (!this.cookie) await this.login();
		const r = await this.restRaw(method, urlPath, body);
		if (r.status < 200 || r.status >= 300) {
			throw new HttpError(`${method} ${urlPath} → ${r.status}: ${JSON.stringify(r.body)}`, r.status, r.body);
		}
		return r.body && typeof r.body === 'object' && 'data' in r.body ? r.body.data : r.body;
	}

	/**
	 * Creates (once) a public-API key for the owner: `POST /rest/api-keys` with
	 * `{ label, scopes, expiresAt: null }` (same body on 2.8.4 and 2.41.1; scopes from
	 * `GET /rest/api-keys/scopes`). Returns the raw key.
	 */
	async ensureApiKey() {
		if (this.apiKey) return this.apiKey;
		const scopes = await this.rest('GET', '/rest/api-keys/scopes');
		const created = await this.rest('POST', '/rest/api-keys', { label: `e2e ${Date.now()}`, scopes, expiresAt: null });
		this.apiKey = created.rawApiKey;
		if (!this.apiKey) throw new Error(`POST /rest/api-keys returned no rawApiKey: ${JSON.stringify(created)}`);
		return this.apiKey;
	}

	/**
	 * Public API call (`/api/v1/...` with X-N8N-API-KEY); returns the parsed body; throws HttpError.
	 * @param {string} method
	 * @param {string} apiPath e.g. '/workflows' (without /api/v1)
	 * @param {unknown} [body]
	 */
	async publicApi(method, apiPath, body) {
		const key = await this.ensureApiKey();
		const r = await this.restRaw(method, `/api/v1${apiPath}`, body, { 'X-N8N-API-KEY': key, cookie: '' });
		if (r.status < 200 || r.status >= 300) {
			throw new HttpError(`${method} /api/v1${apiPath} → ${r.status}: ${JSON.stringify(r.body)}`, r.status, r.body);
		}
		return r.body;
	}

	/**
	 * A Data Table by its exact name (public API `/data-tables`, both versions), or undefined.
	 * @param {string} name
	 */
	async dataTable(name) {
		const list = await this.publicApi('GET', `/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}&limit=100`);
		return (list.data ?? []).find((/** @type {any} */ t) => t.name === name);
	}

	/**
	 * Every row of the Data Table named `name`, page by page (public API); throws when there is no such table.
	 * @param {string} name
	 * @returns {Promise<Record<string, any>[]>}
	 */
	async dataTableRows(name) {
		const table = await this.dataTable(name);
		if (!table) throw new Error(`no data table named ${name}`);
		const rows = [];
		let cursor = '';
		do {
			const page = await this.publicApi('GET', `/data-tables/${table.id}/rows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
			rows.push(...(page.data ?? []));
			cursor = page.nextCursor ?? '';
		} while (cursor);
		return rows;
	}
}

module.exports = { N8nServerInstance, HttpError };
