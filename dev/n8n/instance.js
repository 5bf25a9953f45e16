'use strict';
// @ts-check
/**
 * One real n8n, the whole of it: the command line (instance-cli.js), server mode and its HTTP APIs
 * (instance-server.js), and here what the editor asks a running n8n for (dynamic parameters,
 * credential tests, node types) and the executions it keeps.
 */
const { N8nServerInstance, HttpError } = require('./instance-server');
const { sleep } = require('./processes');

/** @typedef {import('./processes').ProcessLog} ProcessLog */

/** Whether an execution as the public API gives it has ended (successfully or not). @param {any} execution */
const hasEnded = (execution) => Boolean(execution.stoppedAt) && execution.status !== 'running' && execution.status !== 'new';

/** The last lines of what each process printed, for a failure's message. @param {ProcessLog[]} logs */
const logTails = (logs) => logs.map((log) => `--- ${log.name}\n${(log.stdout + log.stderr).split('\n').slice(-30).join('\n')}`).join('\n');

class N8nInstance extends N8nServerInstance {
	/**
	 * @private
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 */
	dynamicBody(o) {
		return {
			nodeTypeAndVersion: { name: o.nodeType, version: o.nodeVersion ?? 1 },
			methodName: o.methodName,
			path: o.path ?? 'parameters',
			currentNodeParameters: o.parameters ?? {},
			...(o.credentials ? { credentials: o.credentials } : {}),
		};
	}

	/**
	 * A resource locator's "From list" search, as the editor asks for it:
	 * `POST /rest/dynamic-node-parameters/resource-locator-results`. Returns `{ results, paginationToken? }`.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, filter?: string, paginationToken?: string,
	 *   path?: string }} o  nodeType e.g. 'n8n-nodes-truto.trutoUserDirectory'; credentials e.g.
	 *   `{ trutoApi: { id, name } }`; path: the parameter's path, e.g. 'parameters.user'.
	 * @returns {Promise<{ results: Array<{ name: string, value: string | number, url?: string }>, paginationToken?: unknown }>}
	 */
	async listSearch(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			...this.dynamicBody(o),
			...(o.filter !== undefined ? { filter: o.filter } : {}),
			...(o.paginationToken !== undefined ? { paginationToken: o.paginationToken } : {}),
		});
	}

	/**
	 * A `loadOptions` method: `POST /rest/dynamic-node-parameters/options`. Returns the options array.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 * @returns {Promise<Array<{ name: string, value: string | number | boolean, description?: string }>>}
	 */
	async loadOptions(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/options', this.dynamicBody(o));
	}

	/**
	 * A `resourceMapping` method: `POST /rest/dynamic-node-parameters/resource-mapper-fields`.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 * @returns {Promise<{ fields: Array<Record<string, any>>, emptyFieldsNotice?: string }>}
	 */
	async resourceMapperFields(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', this.dynamicBody(o));
	}

	/**
	 * Runs a stored credential's test as the editor's "Retry"/save does: reads it
	 * (`GET /rest/credentials/:id?includeData=true`, secrets come back redacted) and posts it to
	 * `POST /rest/credentials/test`, which swaps the stored secrets back in. Works on 2.8.4 and 2.41.1.
	 * @param {string} credentialId
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredential(credentialId) {
		const cred = await this.rest('GET', `/rest/credentials/${encodeURIComponent(credentialId)}?includeData=true`);
		return this.rest('POST', '/rest/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type: cred.type, data: cred.data },
		});
	}

	/**
	 * The public API's credential test, `POST /api/v1/credentials/:id/test` (stored data only).
	 * n8n 2.41.1 has it; 2.8.4 answers 404 (use testCredential()).
	 * @param {string} credentialId
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredentialViaPublicApi(credentialId) {
		return this.publicApi('POST', `/credentials/${encodeURIComponent(credentialId)}/test`);
	}

	/**
	 * Every node type the running n8n loaded (the editor's `GET /types/nodes.json`, cookie auth),
	 * including the `…Tool` variants n8n derives from `usableAsTool` nodes.
	 * @returns {Promise<Array<{ name: string, displayName: string, version: number | number[], [k: string]: any }>>}
	 */
	async nodeTypes() {
		if (!this.cookie) await this.login();
		const r = await this.restRaw('GET', '/types/nodes.json');
		if (r.status !== 200 || !Array.isArray(r.body)) throw new HttpError(`GET /types/nodes.json → ${r.status}`, r.status, r.body);
		return r.body;
	}

	/**
	 * Activates (publishes) a workflow on the running server and waits until n8n has set up its
	 * triggers (webhook registrations included). 2.8.4 does that before the public API answers; 2.41.1
	 * publishes through an outbox in the background, read back from
	 * `GET /rest/workflows/:id/publication-status` (`in_progress` → `published` | `failed`, with each
	 * trigger's `errorMessage`). Resolves to `{ ok: true }`, or `{ ok: false, message }` with n8n's
	 * reason, on both versions.
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number }} [opts]
	 * @returns {Promise<{ ok: true } | { ok: false, message: string }>}
	 */
	async activate(workflowId, opts = {}) {
		try {
			await this.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/activate`);
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			return { ok: false, message: String(error.body?.message ?? error.message) };
		}
		const status = await this.settledPublication(workflowId, opts.timeoutMs);
		if (!status || status.status === 'published') return { ok: true };
		const reasons = (status.triggers ?? []).map((/** @type {any} */ trigger) => trigger.errorMessage).filter(Boolean);
		return { ok: false, message: reasons.join('\n') || status.status };
	}

	/**
	 * Deactivates (unpublishes) a workflow and waits until n8n has removed its triggers (see activate()).
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number }} [opts]
	 */
	async deactivate(workflowId, opts = {}) {
		await this.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/deactivate`);
		await this.settledPublication(workflowId, opts.timeoutMs);
	}

	/**
	 * The publication status once no publication is in progress; undefined on an n8n without
	 * background publication (2.8.4 answers 404), where the public API call already waited.
	 * @private
	 * @param {string} workflowId
	 * @param {number} [timeoutMs]
	 */
	async settledPublication(workflowId, timeoutMs = 60_000) {
		if (!this.cookie) await this.login();
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const r = await this.restRaw('GET', `/rest/workflows/${encodeURIComponent(workflowId)}/publication-status`);
			if (r.status === 404) return undefined;
			if (r.status !== 200) throw new HttpError(`publication-status → ${r.status}: ${JSON.stringify(r.body)}`, r.status, r.body);
			if (r.body.data.status !== 'in_progress') return r.body.data;
			if (Date.now() > deadline) throw new Error(`workflow ${workflowId} still publishing after ${timeoutMs} ms`);
			await sleep(200);
		}
	}

	/**
	 * The editor's "Listen for test event" on a trigger: `POST /rest/workflows/:id/run` with the stored
	 * workflow and `triggerToStartFrom` (2.8.4 reads `workflowData`, 2.41.1 the stored workflow; the same
	 * body serves both). n8n registers the trigger's test webhook and answers `{ waitingForWebhook: true }`;
	 * the next call to the test URL runs the workflow once (mode `manual`) and removes the webhook.
	 * @param {string} workflowId
	 * @param {string} triggerName
	 * @returns {Promise<{ waitingForWebhook?: boolean, executionId?: string }>}
	 */
	async listenForTestEvent(workflowId, triggerName) {
		const workflowData = await this.rest('GET', `/rest/workflows/${encodeURIComponent(workflowId)}`);
		return this.rest('POST', `/rest/workflows/${encodeURIComponent(workflowId)}/run`, { workflowData, triggerToStartFrom: { name: triggerName } });
	}

	/**
	 * One execution with its data via the public API (`GET /api/v1/executions/:id?includeData=true`).
	 * @param {string | number} executionId
	 */
	async getExecution(executionId) {
		return this.publicApi('GET', `/executions/${executionId}?includeData=true`);
	}

	/**
	 * Waits for a finished execution of the workflow (public API list, newest first).
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number, after?: number }} [opts] after: only executions with a larger id
	 * @returns {Promise<Record<string, any>>} the execution (with data)
	 */
	async waitForExecution(workflowId, opts = {}) {
		const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
		for (;;) {
			const list = await this.publicApi('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=5`);
			const done = (list.data ?? []).find((/** @type {any} */ e) => Number(e.id) > (opts.after ?? 0) && hasEnded(e));
			if (done) return this.getExecution(done.id);
			const finishedUnlisted = await this.finishedEnqueuedExecution(workflowId, opts.after ?? 0);
			if (finishedUnlisted) return finishedUnlisted;
			if (Date.now() > deadline) {
				// The list leaves out executions the main process still counts as running: ask for those too.
				const running = await this.publicApi('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&status=running&limit=5`);
				const seen = [...(list.data ?? []), ...(running.data ?? [])].map((/** @type {any} */ e) => `${e.id}: ${e.status}`).join(', ') || 'none';
				throw new Error(`no finished execution of ${workflowId} within ${opts.timeoutMs ?? 60_000} ms (latest executions: ${seen})\n${logTails(this.processLogs)}`);
			}
			await sleep(300);
		}
	}

	/**
	 * Queue mode: an execution the main process enqueued that a worker has finished, read one by one.
	 * The list above leaves out what main still counts as running, and n8n's main (2.8.4, 2.41.1) can
	 * count a finished execution as running for good: it starts waiting for the worker's job only after
	 * saving the execution's start, and a job finished and removed from Redis by then (n8n removes
	 * finished jobs by default) is never reported to it. The worker has saved the execution, finished.
	 * @param {string} workflowId
	 * @param {number} after only executions with a larger id
	 */
	async finishedEnqueuedExecution(workflowId, after) {
		const ids = [...this.mainLogText().matchAll(/Enqueued execution (\d+) \(job /g)].map((match) => Number(match[1])).filter((id) => id > after);
		for (const id of ids) {
			const execution = await this.publicApi('GET', `/executions/${id}`).catch((error) => {
				if (error.status === 404) return undefined; // deleted since
				throw error;
			});
			if (!execution) continue;
			if (execution.workflowId === workflowId && hasEnded(execution)) return this.getExecution(id);
		}
		return undefined;
	}

	/** What the main process (`n8n start`) printed. */
	mainLogText() {
		return this.processLogs.filter((l) => /:start$/.test(l.name)).map((l) => l.stdout + l.stderr).join('\n');
	}

	/**
	 * Where an execution ran. The DB does not record it (no worker id on executions in 2.8.4 or
	 * 2.41.1); the logs do: the main logs `Enqueued execution <id> (job <n>)` and the worker
	 * `Worker started execution <id> (job <n>)` / `Worker finished execution <id> (job <n>)`.
	 * @param {string | number} executionId
	 * @returns {{ enqueuedByMain: boolean, startedOnWorker: string | undefined, finishedOnWorker: string | undefined }}
	 *   startedOnWorker/finishedOnWorker: the worker's process-log name, or undefined.
	 */
	executionHost(executionId) {
		const id = String(executionId);
		const has = (/** @type {ProcessLog} */ l, /** @type {string} */ s) => (l.stdout + l.stderr).includes(s);
		const workers = this.processLogs.filter((l) => /:worker$/.test(l.name));
		return {
			enqueuedByMain: this.mainLogText().includes(`Enqueued execution ${id} (job `),
			startedOnWorker: workers.find((l) => has(l, `Worker started execution ${id} (job `))?.name,
			finishedOnWorker: workers.find((l) => has(l, `Worker finished execution ${id} (job `))?.name,
		};
	}
}

module.exports = { N8nInstance };
