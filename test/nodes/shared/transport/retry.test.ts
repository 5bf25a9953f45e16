import { networkErrorCode } from '../../../../nodes/shared/transport/networkErrors';
import { decideRetry, DEFAULT_RETRY_POLICY, isRepeatable, refusedBeforeActing, requestedWaitMs } from '../../../../nodes/shared/transport/retry';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 400 };

describe('decideRetry', () => {
	it('waits what Retry-After asks on 429', () => {
		expect(decideRetry(policy, 1, 429, {}, { 'Retry-After': '3' })).toEqual({ retry: true, delayMs: 3000 });
	});

	it('falls back to ratelimit-reset, then to Truto\'s 10 s window', () => {
		expect(decideRetry(policy, 1, 429, {}, { 'ratelimit-reset': '2' })).toEqual({ retry: true, delayMs: 2000 });
		expect(decideRetry(policy, 1, 429, {}, {})).toEqual({ retry: true, delayMs: 10_000 });
	});

	it('understands Retry-After as an HTTP date', () => {
		const inFive = new Date(Date.now() + 5000).toUTCString();
		const wait = requestedWaitMs({ 'retry-after': inFive });
		expect(wait).toBeGreaterThan(3000);
		expect(wait).toBeLessThanOrEqual(5000);
	});

	it('refuses a 429 wait longer than the cap, with a reason', () => {
		const decision = decideRetry(policy, 1, 429, {}, { 'retry-after': '3600' });
		expect(decision).toEqual({ retry: false, reason: 'the server asked to wait 3600 s' });
	});

	it.each([502, 504, 500])('retries %i with capped backoff', (status) => {
		for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
			const decision = decideRetry(policy, attempt, status, {}, {});
			expect(decision.retry).toBe(true);
			if (decision.retry) expect(decision.delayMs).toBeLessThanOrEqual(policy.maxDelayMs);
		}
	});

	it('retries the app failing (remote 5xx, 503 included), but never Truto\'s own 503 (a blocked account)', () => {
		expect(decideRetry(policy, 1, 500, { truto_is_remote_error: true }, {}).retry).toBe(true);
		expect(decideRetry(policy, 1, 503, { truto_is_remote_error: true }, {}).retry).toBe(true);
		expect(decideRetry(policy, 1, 503, {}, {}).retry).toBe(false);
	});

	it.each([400, 401, 403, 404, 405, 409, 422])('never retries %i', (status) => {
		expect(decideRetry(policy, 1, status, {}, {}).retry).toBe(false);
	});

	it('stops after the last attempt', () => {
		expect(decideRetry(policy, policy.maxAttempts, 502, {}, {}).retry).toBe(false);
	});
});

describe('networkErrorCode', () => {
	it('finds the code in a wrapped cause', () => {
		expect(networkErrorCode({ message: 'wrapped', cause: { code: 'ECONNRESET' } })).toBe('ECONNRESET');
	});

	it('recognises timeouts and hang-ups by their message', () => {
		expect(networkErrorCode(new Error('timeout of 30000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
	});

	it('answers undefined for other errors', () => {
		expect(networkErrorCode(new Error('boom'))).toBeUndefined();
	});

	it('reads the code back from the texts n8n 2.8 leaves of a socket error', () => {
		const closed = 'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.';
		expect(networkErrorCode({ message: closed, messages: ['socket hang up'] })).toBe('ECONNRESET');
		expect(networkErrorCode({ message: closed, messages: [] })).toBe('ECONNRESET');
		expect(
			networkErrorCode({ message: 'The connection was aborted, perhaps the server is offline', messages: ['timeout of 30000ms exceeded'] }),
		).toBe('ETIMEDOUT');
		expect(
			networkErrorCode({ message: 'The service refused the connection - perhaps it is offline', messages: ['connect ECONNREFUSED 127.0.0.1:9'] }),
		).toBe('ECONNREFUSED');
	});
});

describe('networkErrorCode inside n8n\'s wrapper', () => {
	it('looks into errorResponse, where NodeApiError keeps the original error', () => {
		const wrapped = { message: 'fetch failed', errorResponse: { message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } } };
		expect(networkErrorCode(wrapped)).toBe('UND_ERR_SOCKET');
	});
});

describe('writes without an idempotency key (management POSTs)', () => {
	it('are never sent again after a lost answer or a 5xx, but are after a 429, which refused them unread', () => {
		expect(isRepeatable('POST', undefined)).toBe(false);
		expect(refusedBeforeActing(429)).toBe(true);
		for (const status of [500, 502, 503, 504, 409]) expect(refusedBeforeActing(status)).toBe(false);
	});
});
