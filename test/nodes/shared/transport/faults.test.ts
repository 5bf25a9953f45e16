/**
 * The fault catalogue: a Return All listing (Zoom's 237 users: pages of 25, one empty page, one short
 * page) against a sandbox that misbehaves in scripted ways, over real HTTP. For every fault the
 * listing either returns every record exactly once (ids compared with a clean listing, in order) or
 * fails with a clear error: never a partial result, never an endless loop, always in bounded time.
 * The bounds are generous (3× the expected time plus a second) so a busy machine does not fail them;
 * they are there to catch hangs and runaway retries, not to measure speed.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	type ClientOptions,
	resetThrottle,
	TrutoClient,
	unifiedPath,
} from '../../../../nodes/shared/transport';
import { rateLimitsText } from '../../../../nodes/shared/transport/limits';
import { executeContext } from '../../../helpers/n8nContext';
import { ACCOUNTS, type Fault, TOKEN, useSandbox } from '../../../helpers/sandbox';

/** Small knobs so each case takes at most about two seconds. */
const TIMEOUT_MS = 150;
const DEFAULT_429_WAIT_MS = 200;
const OPTIONS: ClientOptions = {
	timeoutMs: TIMEOUT_MS,
	retry: { baseDelayMs: 20, maxDelayMs: 100, defaultRateLimitWaitMs: DEFAULT_429_WAIT_MS },
};
const MAX_ATTEMPTS = 5;
const USERS = '/unified/user-directory/users';

const sb = useSandbox();
let clean: string[];

beforeAll(async () => {
	clean = ids(await listZoom());
	expect(clean).toHaveLength(237);
});
// A case's ratelimit-* headers must not slow the next case down.
beforeEach(() => resetThrottle());

async function listZoom(options: ClientOptions = OPTIONS): Promise<IDataObject[]> {
	const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const truto = await TrutoClient.create(context, options);
	return await truto.list({ path: unifiedPath('users'), accountId: ACCOUNTS.zoom });
}

function ids(records: IDataObject[]): string[] {
	return records.map((record) => String(record.id));
}

const onUsers = (fault: Omit<Fault, 'match'>, query?: string): Fault => ({
	match: { path: USERS, ...(query ? { query } : {}) },
	...fault,
});
const tooManyRequests = { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' };
/** The app behind the account failing, as Truto passes it on (its own status, the remote flag). */
const appUnavailable = {
	statusCode: 503,
	error: 'Service Unavailable',
	message: 'The remote API is unavailable',
	truto_is_remote_error: true,
	raw_response: { error: { code: 'serviceNotAvailable', message: 'Service unavailable' } },
};
/** The app's own hourly limit, as Truto passes it on. */
const appRateLimited = {
	statusCode: 429,
	error: 'Too Many Requests',
	message: 'API rate limit exceeded for installation',
	truto_is_remote_error: true,
	truto_error_insight: { rate_limit_error: { description: 'The remote API rate limit was hit', value: { retry_after: 3600 } } },
};

interface Case {
	name: string;
	faults: Fault[];
	/** 'all' = every record once; otherwise the error message it must fail with. */
	outcome: 'all' | RegExp;
	/** What the case should take on a quiet machine (the waits it asks for). */
	expectedMs: number;
	/** Requests the listing may send at most (a loop or runaway retries would send more). */
	maxRequests?: number;
	/** The faults that must have fired. */
	fired?: number;
}

// A clean listing takes 12 requests.
const PAGES = 12;

const CASES: Case[] = [
	{
		name: '429 with Retry-After: waits what it says',
		faults: [onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: tooManyRequests, after: 3 })],
		outcome: 'all',
		expectedMs: 1000,
		fired: 1,
	},
	{
		name: '429 with only ratelimit-reset: waits the reset',
		faults: [
			onUsers({
				kind: 'status',
				status: 429,
				headers: { 'ratelimit-limit': '50;w=10', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' },
				body: tooManyRequests,
				after: 5,
			}),
		],
		outcome: 'all',
		expectedMs: 1000,
		fired: 1,
	},
	{
		name: '429 with neither header: waits the default',
		faults: [onUsers({ kind: 'status', status: 429, body: tooManyRequests, after: 1, times: 2 })],
		outcome: 'all',
		expectedMs: 2 * DEFAULT_429_WAIT_MS,
		fired: 2,
	},
	{
		name: '429 asking for an hour: fails at once and says so',
		faults: [onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: tooManyRequests, after: 2 })],
		outcome: /429 Too Many Requests/,
		expectedMs: 100,
		maxRequests: 3,
	},
	{
		name: '429 on every attempt: gives up after the last one',
		faults: [onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '0' }, body: tooManyRequests, times: -1 })],
		outcome: /Truto answered 429 Too Many Requests: Rate limit exceeded/,
		expectedMs: (MAX_ATTEMPTS - 1) * 250,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: '502 burst',
		faults: [onUsers({ kind: 'status', status: 502, after: 2, times: 3 })],
		outcome: 'all',
		expectedMs: 300,
		fired: 3,
	},
	{
		name: '504 burst',
		faults: [onUsers({ kind: 'status', status: 504, after: 6, times: 4 })],
		outcome: 'all',
		expectedMs: 400,
		fired: 4,
	},
	{
		name: '502 and 504 on several pages',
		faults: [
			onUsers({ kind: 'status', status: 502, after: 1, times: 2 }),
			onUsers({ kind: 'status', status: 504, after: 6, times: 2 }),
			onUsers({ kind: 'status', status: 502, after: 10, times: 1 }),
		],
		outcome: 'all',
		expectedMs: 500,
	},
	{
		name: '502 on every attempt: fails naming the status and the attempts',
		faults: [onUsers({ kind: 'status', status: 502, times: -1 })],
		outcome: /Truto answered 502 Bad Gateway/,
		expectedMs: 400,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'connection reset once',
		faults: [onUsers({ kind: 'reset', after: 4 })],
		outcome: 'all',
		expectedMs: 100,
		fired: 1,
	},
	{
		name: 'connection resets in a burst',
		faults: [onUsers({ kind: 'reset', after: 7, times: 3 })],
		outcome: 'all',
		expectedMs: 200,
		fired: 3,
	},
	{
		name: 'connection reset on every attempt',
		faults: [onUsers({ kind: 'reset', times: -1 })],
		outcome: /Could not reach Truto after 5 attempts: the connection was closed/,
		expectedMs: 300,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'an answer slower than the timeout, once',
		faults: [onUsers({ kind: 'delay', ms: 3 * TIMEOUT_MS, after: 3 })],
		outcome: 'all',
		expectedMs: TIMEOUT_MS,
		fired: 1,
	},
	{
		name: 'answers slower than the timeout, every time',
		faults: [onUsers({ kind: 'delay', ms: 3 * TIMEOUT_MS, times: -1 })],
		outcome: /Could not reach Truto after 5 attempts: the request timed out/,
		expectedMs: MAX_ATTEMPTS * TIMEOUT_MS,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'slow answers within the timeout',
		faults: [onUsers({ kind: 'delay', ms: TIMEOUT_MS / 2, times: 4 })],
		outcome: 'all',
		expectedMs: 2 * TIMEOUT_MS,
		maxRequests: PAGES,
	},
	{
		name: 'a truncated body once',
		faults: [onUsers({ kind: 'truncate', after: 5 })],
		outcome: 'all',
		expectedMs: 100,
		fired: 1,
	},
	{
		name: 'truncated bodies every time',
		faults: [onUsers({ kind: 'truncate', times: -1 })],
		outcome: /Truto answered 200 with a body that is not valid JSON \(tried 5 times\)/,
		expectedMs: 300,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'an HTML error page once',
		faults: [onUsers({ kind: 'html', status: 502, after: 2 })],
		outcome: 'all',
		expectedMs: 100,
		fired: 1,
	},
	{
		name: 'HTML error pages every time: the message is text, not markup',
		faults: [onUsers({ kind: 'html', status: 502, times: -1 })],
		outcome: /^Truto answered 502 Bad Gateway: 502 Bad Gateway [^<>]*$/,
		expectedMs: 400,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'an HTML page with status 200 (a proxy login page)',
		faults: [onUsers({ kind: 'html', status: 200, times: -1 })],
		outcome: /Truto answered 200 with a body that is not valid JSON/,
		expectedMs: 300,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: 'a cursor that repeats once',
		faults: [onUsers({ kind: 'repeat-cursor', after: 3 })],
		outcome: /Truto returned a page cursor it had already returned, so paging would never end/,
		expectedMs: 100,
		maxRequests: 5,
	},
	{
		name: 'a cursor that repeats forever',
		faults: [onUsers({ kind: 'repeat-cursor', times: -1 })],
		outcome: /already returned/,
		expectedMs: 100,
		maxRequests: 3,
	},
	{
		name: '503 (account blocked): no retry',
		faults: [onUsers({ kind: 'status', status: 503, after: 4 })],
		outcome: /Truto answered 503 Service Unavailable/,
		expectedMs: 100,
		maxRequests: 5,
	},
	{
		name: "the app's own 503 (Microsoft Graph down for a moment): retried like any outage",
		faults: [onUsers({ kind: 'status', status: 503, body: appUnavailable, after: 2, times: 2 })],
		outcome: 'all',
		expectedMs: 200,
		fired: 2,
	},
	{
		name: "the app's own 500 on every attempt: fails naming the app, after the last attempt",
		faults: [onUsers({ kind: 'status', status: 500, body: { ...appUnavailable, statusCode: 500 }, times: -1 })],
		outcome: /The connected app answered 500 Internal Server Error/,
		expectedMs: 400,
		maxRequests: MAX_ATTEMPTS,
	},
	{
		name: "the app's own 429 asking for an hour: fails at once",
		faults: [onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: appRateLimited, after: 1 })],
		outcome: /The connected app answered 429 Too Many Requests/,
		expectedMs: 100,
		maxRequests: 2,
	},
	{
		name: 'a page without a result list',
		faults: [onUsers({ kind: 'status', status: 200, body: { next_cursor: null }, after: 2 })],
		outcome: /Truto answered a list request without a result list/,
		expectedMs: 100,
		maxRequests: 3,
	},
	{
		name: 'an empty 200 body',
		faults: [onUsers({ kind: 'status', status: 200, body: '', after: 2 })],
		outcome: /without a result list/,
		expectedMs: 100,
		maxRequests: 3,
	},
	{
		name: 'a storm: 502, reset, truncation, 429, a timeout and an HTML page on different pages',
		faults: [
			onUsers({ kind: 'status', status: 502, after: 1 }),
			onUsers({ kind: 'reset', after: 3 }),
			onUsers({ kind: 'truncate', after: 5 }),
			onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '0' }, body: tooManyRequests, after: 7 }),
			onUsers({ kind: 'delay', ms: 3 * TIMEOUT_MS, after: 9 }),
			onUsers({ kind: 'html', status: 504, after: 11 }),
		],
		outcome: 'all',
		expectedMs: 250 + TIMEOUT_MS + 300,
		fired: 6,
	},
];

describe('a Return All listing under faults', () => {
	it.each(CASES)('$name', async ({ faults, outcome, expectedMs, maxRequests, fired }) => {
		sb.setFaults(faults);
		const started = Date.now();
		let records: IDataObject[] | undefined;
		let failure: Error | undefined;
		try {
			records = await listZoom();
		} catch (error) {
			failure = error as Error;
		}
		const elapsed = Date.now() - started;

		if (outcome === 'all') {
			expect(failure).toBeUndefined();
			expect(ids(records ?? [])).toEqual(clean);
		} else {
			// A failure is a whole failure: nothing comes back.
			expect(records).toBeUndefined();
			expect(failure?.message).toMatch(outcome);
			expect(`${failure?.message} ${(failure as { description?: string }).description ?? ''}`).not.toContain(TOKEN);
		}
		expect(elapsed).toBeLessThan(3 * expectedMs + 1000);
		const sent = sb.requests.filter((request) => request.path === USERS);
		expect(sent.length).toBeLessThanOrEqual(maxRequests ?? PAGES + MAX_ATTEMPTS * faults.length);
		if (fired !== undefined) expect(sent.filter((request) => request.fault).length).toBe(fired);
	});

	it('describes a 429 that asks for too long with the wait it asked for', async () => {
		sb.setFaults([onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: tooManyRequests })]);
		const error = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.description).toMatch(/the server asked to wait 3600 s/);
	});

	it('describes a 502 that persists with the attempts made', async () => {
		sb.setFaults([onUsers({ kind: 'status', status: 502, times: -1 })]);
		const error = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.description).toMatch(/did not answer in time \(tried 5 times\)/);
	});

	it("says a Truto 503 means a blocked account, and an app's 503 an app that is down", async () => {
		sb.setFaults([onUsers({ kind: 'status', status: 503 })]);
		const blocked = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(blocked.description).toMatch(/blocked in Truto/);
		expect(blocked.description).toMatch(/contact Truto support \(support@truto\.one\)/i);
		expect(blocked.description).not.toMatch(/unblock|dashboard/i);
		sb.setFaults([onUsers({ kind: 'status', status: 503, body: appUnavailable, times: -1 })]);
		const down = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(down.message).toMatch(/^The connected app answered 503/);
		expect(down.description).toMatch(/failed to answer \(tried 5 times\): this 503 is its own/);
		expect(down.description).not.toMatch(/blocked/);
	});

	it("says whose rate limit it was and how long the app asks to wait", async () => {
		sb.setFaults([onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: appRateLimited })]);
		const app = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(app.description).toMatch(/hit its own rate limit, not Truto's/);
		expect(app.description).toMatch(/asks to wait 1 h/);
		sb.setFaults([onUsers({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: tooManyRequests })]);
		const truto = (await listZoom().catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(truto.description).toMatch(/Truto allows 50 requests per 10 seconds per integrated account/);
		expect(truto.description).toContain(`Truto allows ${rateLimitsText()}.`);
	});

	it("shows the app's own words when Truto's message is empty, shortened and without the token", async () => {
		const leak = `token ${TOKEN} ${'x'.repeat(600)}`;
		sb.setFaults([
			onUsers({
				kind: 'status',
				status: 502,
				times: -1,
				body: { statusCode: 502, error: 'Bad Gateway', message: '', truto_is_remote_error: true, raw_response: { message: `Upstream said no. ${leak}` } },
			}),
		]);
		const object = (await listZoom().catch((caught: unknown) => caught)) as Error;
		expect(object.message).toMatch(/^The connected app answered 502 Bad Gateway: Upstream said no\./);
		expect(object.message).not.toContain(TOKEN);
		expect(object.message.length).toBeLessThan(400);
		sb.setFaults([
			onUsers({ kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: '', raw_response: '<html><b>Invalid filter</b></html>' } }),
		]);
		const text = (await listZoom().catch((caught: unknown) => caught)) as Error;
		expect(text.message).toBe('Truto answered 400 Bad Request: Invalid filter');
	});
});
