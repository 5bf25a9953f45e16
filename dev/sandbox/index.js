'use strict';
// @ts-check
/**
 * A local, Truto-compatible server for tests, the demo and benchmarks: no Truto account, no
 * network. See README.md for what it serves.
 *
 *   const { startSandbox, ACCOUNTS, TOKEN } = require('./dev/sandbox');
 *   const sb = await startSandbox({ port: 0 });
 *   // sb.url, sb.requests, sb.clearRequests(), sb.setFaults([...]), sb.clearFaults(), await sb.close()
 */
const { loadState, accountIds } = require('./lib/fixtures');
const { Faults } = require('./lib/faults');
const { RateLimiter } = require('./lib/rate-limit');
const { createServer } = require('./lib/server');
const { assignedCounts } = require('./lib/records');
const { webhookState } = require('./lib/webhooks');
const { emit } = require('./lib/deliveries');

const TOKEN = 'truto-sandbox-token';
/** Fixture integrated-account ids by key (github, microsoft365, …, blocked, bench). */
const ACCOUNTS = accountIds();

/**
 * @typedef {{
 *   port?: number, host?: string, token?: string, pageCap?: number, now?: number,
 *   bigDirectory?: { users?: number },
 *   rateLimit?: { perAccount?: number, perToken?: number, windowMs: number } | null,
 *   estate?: { accounts: number, users: number } | null, latencyMs?: number,
 *   webhookLimit?: number
 * }} SandboxOptions
 * @typedef {{
 *   url: string, port: number, token: string, accounts: Record<string, string>,
 *   requests: import('./lib/server').RecordedRequest[],
 *   clearRequests(): void, setFaults(faults: import('./lib/faults').Fault[]): void, clearFaults(): void,
 *   webhooks(): import('./lib/webhooks').Webhook[], deliveries: import('./lib/deliveries').Delivery[],
 *   linkTokens: Array<Record<string, unknown>>,
 *   emit(spec: import('./lib/deliveries').EmitSpec): ReturnType<typeof emit>,
 *   close(): Promise<void>
 * }} Sandbox
 */

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const now = options.now ?? Date.now();
	const startedAt = Date.now();
	const { model, tables, accounts } = loadState({
		now,
		bigUsers: options.bigDirectory?.users ?? 0,
		estate: options.estate ?? null,
	});
	// Seat counts and the email index of generated directories come from every user: build them now,
	// not while a benchmark waits for the first license page or email lookup of each account.
	for (const account of accounts) {
		const users = /** @type {import('./lib/fixtures').Collection | undefined} */ (account.data.users);
		if (users?.licenseIds) assignedCounts(account);
		users?.indexesOfEmail?.('');
	}
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();
	const state = {
		token: options.token ?? TOKEN,
		pageCap: options.pageCap ?? 100,
		model,
		tables,
		accounts,
		byId: new Map(accounts.map((a) => [a.id, a])),
		/** @type {import('./lib/server').RecordedRequest[]} */
		requests: [],
		faults: new Faults(),
		rateLimiter: options.rateLimit ? new RateLimiter(options.rateLimit) : null,
		latencyMs: options.latencyMs ?? 0,
		/** @type {Map<string, { status: number, body: unknown }>} */
		idempotency: new Map(),
		// Webhooks registered through the API, their deliveries, and the link tokens issued.
		...webhookState(options),
		// Writes are stamped on the fixture clock, which runs on from `now`.
		clockIso: () => new Date(now + (Date.now() - startedAt)).toISOString(),
		// Delay faults use tracked timers so close() leaves nothing running.
		sleep: (/** @type {number} */ ms) =>
			new Promise((resolve) => {
				const t = setTimeout(() => {
					timers.delete(t);
					resolve(undefined);
				}, ms);
				timers.add(t);
			}),
	};

	const server = createServer(state);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const host = options.host ?? '127.0.0.1';

	return {
		url: `http://${host}:${address.port}`,
		port: address.port,
		token: state.token,
		accounts: Object.fromEntries(accounts.map((account) => [account.key, account.id])),
		requests: state.requests,
		clearRequests: () => {
			state.requests.length = 0; // in place: callers may hold the array
		},
		setFaults: (faults) => state.faults.set(faults),
		clearFaults: () => state.faults.clear(),
		webhooks: () => [...state.webhooks.values()],
		deliveries: state.deliveries,
		linkTokens: state.linkTokens,
		emit: (spec) => emit(state, spec),
		close: () =>
			new Promise((resolve) => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startSandbox, ACCOUNTS, TOKEN };
