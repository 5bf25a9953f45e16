/**
 * The request budget against a rate-limited sandbox (a fixed window per integrated account, with
 * `ratelimit-*` headers and 429 + Retry-After beyond it), scaled down from 50 per 10 s to 10 per
 * 300 ms so that each test waits a fraction of a second instead of ten.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	type ClientOptions,
	resetThrottle,
	throttleStats,
	TrutoClient,
	unifiedPath,
} from '../../../../nodes/shared/transport';
import { budgetUnder, TRUTO_RATE_LIMITS } from '../../../../nodes/shared/transport/limits';
import { bucketFor, parseLimitHeader, parseResetMs } from '../../../../nodes/shared/transport/throttle';
import { executeContext } from '../../../helpers/n8nContext';
import { ACCOUNTS, type Sandbox, type SandboxRequest, startSandbox, TOKEN, useSandbox } from '../../../helpers/sandbox';

const PER_WINDOW = 10;
const WINDOW_MS = 300;
const ZOOM_USERS = 237;

// A fresh rate-limited sandbox per test: its fixed windows start empty, as the node's budgets do.
const sb = useSandbox({ rateLimit: { perAccount: PER_WINDOW, windowMs: WINDOW_MS } }, { fresh: true });
let clean: string[];

beforeAll(async () => {
	// Every id, read from a sandbox without a rate limit.
	const unlimited = await startSandbox({ port: 0 });
	clean = ids(await listZoom(await client({ rateLimits: false }, unlimited)));
	await unlimited.close();
});
beforeEach(() => resetThrottle());

async function client(options: ClientOptions = {}, on: Sandbox = sb): Promise<TrutoClient> {
	const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: on.url } });
	return await TrutoClient.create(context, { retry: { baseDelayMs: 20, maxDelayMs: 100 }, ...options });
}

const scaledDown: ClientOptions = {
	rateLimits: { account: { requests: PER_WINDOW, windowMs: WINDOW_MS }, token: { requests: 100, windowMs: WINDOW_MS } },
};

function listZoom(truto: TrutoClient, limit?: number): Promise<IDataObject[]> {
	return truto.list({ path: unifiedPath('users'), accountId: ACCOUNTS.zoom, limit });
}

function ids(records: IDataObject[]): string[] {
	return records.map((record) => String(record.id));
}

function unified(): SandboxRequest[] {
	return sb.requests.filter((request) => request.path.startsWith('/unified/'));
}

/** The most requests that arrived within any `windowMs`. */
function busiestWindow(requests: SandboxRequest[], windowMs: number): number {
	const times = requests.map((request) => request.at).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

describe('budget numbers', () => {
	it("stays under Truto's limits: 49 / 10.2 s per account, 495 / 10.2 s per token", () => {
		expect(budgetUnder({ requests: 50, windowMs: 10_000 })).toEqual({ requests: 49, windowMs: 10_200 });
		expect(budgetUnder({ requests: 500, windowMs: 10_000 })).toEqual({ requests: 495, windowMs: 10_200 });
		expect(budgetUnder({ requests: 1, windowMs: 1000 })).toEqual({ requests: 1, windowMs: 1100 });
	});

	it('reads ratelimit-limit in its forms', () => {
		expect(parseLimitHeader('50;w=10')).toEqual({ requests: 50, windowMs: 10_000 });
		expect(parseLimitHeader('110;w=10, 50;w=10')).toEqual({ requests: 50, windowMs: 10_000 });
		expect(parseLimitHeader('10, 10;w=1, 50;w=60')).toEqual({ requests: 50, windowMs: 60_000 });
		expect(parseLimitHeader('50')).toBeUndefined();
		expect(parseLimitHeader('lots')).toBeUndefined();
		expect(parseLimitHeader(undefined)).toBeUndefined();
	});

	it('reads ratelimit-reset as seconds, or as a Unix time when it looks like one', () => {
		const now = Date.now();
		expect(parseResetMs('3', now)).toBe(3000);
		expect(parseResetMs(String(Math.round(now / 1000) + 5), now)).toBeGreaterThan(3000);
		expect(parseResetMs('-1', now)).toBeUndefined();
		expect(parseResetMs('soon', now)).toBeUndefined();
	});
});

describe('room: how many requests a budget lets go at once', () => {
	it('counts what was sent in the window, a pause, and what the server said remains', () => {
		const bucket = bucketFor('room test', 'room test', { requests: 10, windowMs: 1000 });
		const t = 1_000_000;
		expect(bucket.room(t)).toBe(9);
		for (let sent = 0; sent < 4; sent++) bucket.take(t + sent);
		expect(bucket.room(t + 10)).toBe(5);
		// The budget's window is 1.1 s: the four leave it one by one.
		expect(bucket.room(t + 1099)).toBe(5);
		expect(bucket.room(t + 1100)).toBe(6);
		expect(bucket.room(t + 1104)).toBe(9);
		for (let done = 0; done < 4; done++) bucket.done();
		bucket.observe({ 'ratelimit-remaining': '2', 'ratelimit-reset': '5' }, t + 2000, 60_000);
		expect(bucket.room(t + 2000)).toBe(2);
		expect(bucket.room(t + 7001)).toBe(9);
		bucket.block(t + 9000);
		expect(bucket.room(t + 8000)).toBe(0);
		expect(bucket.room(t + 9000)).toBe(9);
	});

	it("is the token's budget for a client, and unlimited without one", async () => {
		// A token's budget is made by the first client that uses it (and shared by every later one).
		expect((await client({ rateLimits: TRUTO_RATE_LIMITS })).tokenRoom()).toBe(495);
		resetThrottle();
		expect((await client({ rateLimits: false })).tokenRoom()).toBe(Number.POSITIVE_INFINITY);
		resetThrottle();
		const truto = await client(scaledDown);
		expect(truto.tokenRoom()).toBe(99);
		await truto.request({ path: unifiedPath('users'), accountId: ACCOUNTS.zoom, query: { limit: 5 } });
		expect(truto.tokenRoom()).toBe(98);
	});
});

describe('request budget against a rate-limited sandbox', () => {
	it('lists every record with no 429, never more than the limit per window', async () => {
		const started = Date.now();
		expect(ids(await listZoom(await client(scaledDown)))).toEqual(clean);
		const requests = unified();
		expect(requests.length).toBeGreaterThan(PER_WINDOW);
		expect(requests.filter((request) => request.status === 429)).toHaveLength(0);
		expect(busiestWindow(requests, WINDOW_MS)).toBeLessThanOrEqual(PER_WINDOW);
		// More requests than one window holds: it had to wait at least once, but not much longer.
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(WINDOW_MS * 0.9);
		expect(elapsed).toBeLessThan(WINDOW_MS * 10);
		const [account] = throttleStats().filter((stats) => stats.label.includes(ACCOUNTS.zoom));
		expect(account.waits).toBeGreaterThan(0);
		expect(account.rateLimited).toBe(0);
	});

	it('with no local budget, waits for the reset when ratelimit-remaining reaches 0', async () => {
		expect(ids(await listZoom(await client({ rateLimits: false })))).toEqual(clean);
		expect(unified().filter((request) => request.status === 429)).toHaveLength(0);
	});

	it('adopts a stricter ratelimit-limit than its own budget', async () => {
		// 6 per 300 ms advertised → 5 per 400 ms adopted (its own budget here is 9 per 400 ms).
		const strict = await startSandbox({ port: 0, rateLimit: { perAccount: 6, windowMs: WINDOW_MS } });
		try {
			const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: strict.url } });
			const truto = await TrutoClient.create(context, scaledDown);
			const records = await truto.list({
				path: unifiedPath('users'),
				accountId: ACCOUNTS.zoom,
				limit: 150,
			});
			expect(records).toHaveLength(150);
			const requests = strict.requests.filter((request) => request.path.startsWith('/unified/'));
			expect(requests.filter((request) => request.status === 429)).toHaveLength(0);
			expect(requests.length).toBeGreaterThan(6);
			expect(busiestWindow(requests, WINDOW_MS)).toBeLessThanOrEqual(5);
		} finally {
			await strict.close();
		}
	});

	it('shares one budget between parallel listings of the same account', async () => {
		const clients = await Promise.all([client(scaledDown), client(scaledDown), client(scaledDown)]);
		const results = await Promise.all(clients.map((truto) => listZoom(truto, 100)));
		for (const records of results) expect(ids(records)).toEqual(clean.slice(0, 100));
		const requests = unified();
		expect(requests.length).toBeGreaterThan(PER_WINDOW);
		expect(requests.filter((request) => request.status === 429)).toHaveLength(0);
		expect(busiestWindow(requests, WINDOW_MS)).toBeLessThanOrEqual(PER_WINDOW);
	});

	it('keeps separate budgets per account', async () => {
		const truto = await client(scaledDown);
		const started = Date.now();
		const lists = [ACCOUNTS.github, ACCOUNTS.salesforce, ACCOUNTS.atlassian, ACCOUNTS.microsoft365].map((account) =>
			truto.list({ path: unifiedPath('organizations'), accountId: account }),
		);
		await Promise.all(lists);
		// Four accounts × one page each: nobody waits for anybody.
		expect(Date.now() - started).toBeLessThan(WINDOW_MS);
		expect(throttleStats().every((stats) => stats.waits === 0)).toBe(true);
	});

	it('notices another client using up the same account, and waits instead of collecting 429s', async () => {
		// Someone else spends 8 of the 10 requests of this window.
		for (let call = 0; call < 8; call++) {
			await fetch(`${sb.url}/unified/user-directory/organizations?integrated_account_id=${ACCOUNTS.zoom}`, {
				headers: { authorization: `Bearer ${TOKEN}` },
			});
		}
		expect(ids(await listZoom(await client(scaledDown), 60))).toEqual(clean.slice(0, 60));
		expect(unified().filter((request) => request.status === 429)).toHaveLength(0);
	});

	it('pauses the whole account after a 429, not just the request that got it', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '0.5' },
				match: { path: '/unified/user-directory/users/', accountId: ACCOUNTS.salesforce },
				after: 2,
			},
		]);
		const truto = await client({ rateLimits: false });
		const userIds = ids(
			await truto.list({ path: unifiedPath('users'), accountId: ACCOUNTS.salesforce, limit: 8 }),
		);
		sb.clearRequests();
		const got = await Promise.all(
			userIds.map((id) =>
				truto.request({ path: unifiedPath('users', id), accountId: ACCOUNTS.salesforce }),
			),
		);
		expect(got.map((record) => (record as IDataObject).id)).toEqual(userIds);
		const requests = unified();
		const limited = requests.find((request) => request.status === 429) as SandboxRequest;
		expect(limited).toBeDefined();
		// Requests sent after the 429 came back all wait out its half second (100 ms of slack for the
		// client to read the answer on a busy machine).
		const answeredAt = limited.at + (limited.ms ?? 0);
		const after = requests.filter((request) => request.at > answeredAt + 100);
		expect(after.length).toBeGreaterThan(0);
		expect(after.every((request) => request.at >= answeredAt + 450)).toBe(true);
		expect(throttleStats().find((stats) => stats.label.includes(ACCOUNTS.salesforce))?.rateLimited).toBe(1);
	});

	it('does not remember a reset further away than the node waits (a provider hourly window)', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				headers: { 'ratelimit-limit': '5000;w=3600', 'ratelimit-remaining': '0', 'ratelimit-reset': '3600' },
				body: { result: [{ id: 'only-one' }], next_cursor: null, prev_cursor: null, result_count: 1 },
				match: { path: '/unified/user-directory/organizations' },
			},
		]);
		const truto = await client(scaledDown);
		const organizations = { path: unifiedPath('organizations'), accountId: ACCOUNTS.github };
		expect(ids(await truto.list(organizations))).toEqual(['only-one']);
		const started = Date.now();
		expect((await truto.list(organizations)).length).toBeGreaterThan(1);
		expect(Date.now() - started).toBeLessThan(500);
	});

	it('counts management calls against the token budget only', async () => {
		const truto = await client({ rateLimits: { account: { requests: 1, windowMs: 60_000 }, token: { requests: 5, windowMs: 500 } } });
		const started = Date.now();
		for (let call = 0; call < 6; call++) await truto.request({ path: ['integrated-account'], query: { limit: 1 } });
		// The sixth call waits for the token window; no account budget exists.
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
		const stats = throttleStats();
		expect(stats.map((entry) => entry.label)).toEqual([`${sb.url} token`]);
		expect(stats[0].requests).toBe(6);
	});
});

it(`listing ${ZOOM_USERS} users is unaffected when nothing limits`, async () => {
	expect(clean).toHaveLength(ZOOM_USERS);
});
