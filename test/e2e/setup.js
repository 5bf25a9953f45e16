'use strict';
// @ts-check
/**
 * What every e2e test shares: the n8n versions under test, a booted n8n with the packed package and
 * a Truto credential pointing at an in-process sandbox (describeInN8n puts them together for a suite),
 * and the sandbox's own answers to compare with. Workflow JSON comes from dev/workflows.
 */
const { VERSIONS, N8nInstance, packPackage } = require('../../dev/n8n');
const { startSandbox, ACCOUNTS, TOKEN } = require('../../dev/sandbox');
const { fetchAllPages } = require('../../dev/paging');
const { startSlackCatcher, startSmtpCatcher } = require('../../dev/receivers');
const { trutoCredential, smtpCredential } = require('../../dev/workflows');

const E2E_TIMEOUT_MS = 15 * 60_000;

/** `E2E_N8N_VERSIONS=2.41.1` narrows a local run; CI runs every pinned version. */
function versionsUnderTest() {
	const wanted = (process.env.E2E_N8N_VERSIONS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	const all = VERSIONS.map((entry) => entry.n8n);
	return wanted.length ? all.filter((version) => wanted.includes(version)) : all;
}

/**
 * A fresh n8n of that version with the package, plus the Truto credential (and any others).
 * @param {string} version
 * @param {{ url: string }} sandbox
 * @param {{ credentials?: Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>, env?: Record<string, string> }} [options]
 */
async function bootN8n(version, sandbox, options = {}) {
	const instance = await N8nInstance.create({ version, tarball: packPackage(), env: options.env });
	await instance.importCredentials([
		trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url }),
		...(options.credentials ?? []),
	]);
	return instance;
}

/**
 * Reads a list straight from the sandbox, cursor by cursor: the expected answer for a node run.
 * @param {{ url: string }} sandbox
 * @param {string} path e.g. '/unified/user-directory/users'
 * @param {Record<string, string>} query
 */
async function listDirect(sandbox, path, query) {
	const { records } = await fetchAllPages(`${sandbox.url}${path}`, { token: TOKEN, query: { ...query, limit: '100' } });
	return records;
}

/** @param {any[]} records */
const idsOf = (records) => records.map((record) => String(record.id));

/** Receivers and the model server close(); Redis stop()s. @param {any} service */
const stopService = (service) => (service?.close ? service.close() : service?.stop?.());

/**
 * What a suite's tests reach: the n8n version, its sandbox and n8n, and the services it asked for
 * (slack, smtp, model, redis: whatever names `services` gave).
 * @typedef {{ version: string, sandbox: any, n8n: any } & Record<string, any>} E2e
 */

/**
 * The frame of an e2e suite, once per n8n version under test: a describe with its own sandbox, the
 * services the suite asks for and an n8n booted with the packed package (`boot` adds credentials or
 * environment), all stopped after its tests. `body` reads them from `e2e`, which a beforeAll fills in
 * before any hook of the body runs.
 * @param {string} title %s stands for the n8n version
 * @param {{ sandbox?: Record<string, unknown>, services?: Record<string, () => Promise<any>>, boot?: (e2e: E2e) => Parameters<typeof bootN8n>[2] }} options
 * @param {(e2e: E2e) => void} body
 */
function describeInN8n(title, options, body) {
	jest.setTimeout(E2E_TIMEOUT_MS);
	describe.each(versionsUnderTest())(title, (version) => {
		/** @type {E2e} */
		const e2e = { version, sandbox: undefined, n8n: undefined };
		const services = Object.entries(options.services ?? {});
		beforeAll(async () => {
			const [sandbox, ...started] = await Promise.all([
				startSandbox({ port: 0, ...options.sandbox }),
				...services.map(([, start]) => start()),
			]);
			e2e.sandbox = sandbox;
			services.forEach(([name], index) => {
				e2e[name] = started[index];
			});
			e2e.n8n = await bootN8n(version, sandbox, options.boot?.(e2e));
		});
		afterAll(async () => {
			await e2e.n8n?.cleanup();
			await Promise.all([e2e.sandbox?.close(), ...services.map(([name]) => stopService(e2e[name]))]);
		});
		body(e2e);
	});
}

/**
 * describeInN8n's options for a suite whose workflows deliver to Slack and email: both receivers
 * (`e2e.slack`, `e2e.smtp`) and n8n's SMTP credential for the email one, plus any other services
 * and credentials.
 * @param {{ services?: Record<string, () => Promise<any>>, credentials?: any[] }} [more]
 */
function withReceivers({ services = {}, credentials = [] } = {}) {
	return {
		services: { slack: startSlackCatcher, smtp: startSmtpCatcher, ...services },
		boot: (/** @type {E2e} */ e2e) => ({ credentials: [smtpCredential(e2e.smtp), ...credentials] }),
	};
}

/**
 * Waits for `check` to return something, polling; fails after `timeoutMs` saying what it waited for.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} check
 * @returns {Promise<NonNullable<T>>}
 */
async function eventually(what, check, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return /** @type {NonNullable<T>} */ (value);
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

module.exports = {
	eventually,
	ACCOUNTS,
	TOKEN,
	E2E_TIMEOUT_MS,
	startSandbox,
	versionsUnderTest,
	bootN8n,
	describeInN8n,
	withReceivers,
	listDirect,
	idsOf,
};
