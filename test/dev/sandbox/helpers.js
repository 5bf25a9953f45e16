'use strict';
// @ts-check
/**
 * What the sandbox's own tests share. They check its contract over real HTTP: other suites rely on
 * these facts, so a change that breaks one of them should fail here first.
 */
const { startSandbox, ACCOUNTS, TOKEN } = require('../../../dev/sandbox');
const { fetchAllPages } = require('../../../dev/paging');

const DAY = 86_400_000;
/** The fixture clock: dates in the fixtures are relative to it. */
const NOW = Date.parse('2025-06-01T12:00:00.000Z');

/** @typedef {Awaited<ReturnType<typeof startSandbox>>} Sandbox */

/** The test file's shared sandbox; empty until useSharedSandbox()'s beforeAll has run. */
const sb = /** @type {Sandbox} */ ({});

/**
 * One sandbox for all tests of a file (jest gives each file its own copy of this module), with
 * faults and the request log cleared before each test.
 * @returns {Sandbox}
 */
function useSharedSandbox() {
	beforeAll(async () => {
		Object.assign(sb, await startSandbox({ port: 0, now: NOW }));
	});
	afterAll(() => sb.close());
	beforeEach(() => {
		sb.clearFaults();
		sb.clearRequests();
	});
	return sb;
}

/**
 * @param {string} p path + query
 * @param {{ method?: string, body?: unknown, headers?: Record<string, string>, token?: string | null, base?: string }} [opts]
 */
async function call(p, opts = {}) {
	/** @type {Record<string, string>} */
	const headers = { accept: 'application/json', ...(opts.headers ?? {}) };
	if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? TOKEN}`;
	if (opts.body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch((opts.base ?? sb.url) + p, {
		method: opts.method ?? 'GET',
		headers,
		body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
	});
	const text = await res.text();
	/** @type {any} */
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** @param {keyof typeof ACCOUNTS} key @param {string} resource @param {string} [query] */
const unified = (key, resource, query = '') =>
	`/unified/user-directory/${resource}?integrated_account_id=${ACCOUNTS[key]}${query}`;

/** Follows next_cursor to the end. @param {keyof typeof ACCOUNTS} key @param {string} resource @param {string} [query] */
function listAll(key, resource, query = '') {
	return fetchAllPages(sb.url + unified(key, resource, query), {
		token: TOKEN,
		onPage: (r) => expect(r.status).toBe(200),
	});
}

/**
 * A fresh sandbox for one test (writes change its data), closed after it whatever happens.
 * @template T
 * @param {(sandbox: Sandbox) => Promise<T>} run
 * @returns {Promise<T>}
 */
async function withFreshSandbox(run) {
	const sandbox = await startSandbox({ now: NOW });
	try {
		return await run(sandbox);
	} finally {
		await sandbox.close();
	}
}

module.exports = { ACCOUNTS, TOKEN, DAY, NOW, startSandbox, useSharedSandbox, withFreshSandbox, call, unified, listAll };
