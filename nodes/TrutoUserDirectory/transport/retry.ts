import type { IDataObject } from 'n8n-workflow';

/** How hard the transport tries before it gives up; the numbers are deliberately small. */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest wait a 429 may ask for; longer asks fail at once with a clear message. */
	maxRateLimitWaitMs: number;
	/** Wait after a 429 that gives neither Retry-After nor ratelimit-reset (Truto's window). */
	defaultRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	maxRateLimitWaitMs: 60_000,
	defaultRateLimitWaitMs: 10_000,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason?: string };

type Headers = Record<string, unknown>;

export function headerValue(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined || value === null) continue;
		return String(Array.isArray(value) ? value[0] : value);
	}
	return undefined;
}

/** Seconds to wait as the server asks: `Retry-After` (seconds or HTTP date), else `ratelimit-reset`. */
export function requestedWaitMs(headers: Headers | undefined, now = Date.now()): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(headerValue(headers, 'ratelimit-reset'));
	if (Number.isFinite(reset) && reset >= 0) return reset * 1000;
	return undefined;
}

export function backoffMs(policy: RetryPolicy, attempt: number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// Half fixed, half jitter: retries of parallel items spread out instead of colliding.
	return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

/**
 * Truto's retry rules: 429 after the wait it asks for; 502 and 504 (provider unreachable);
 * other 5xx only when they are Truto's own (no remote flag); never 503 (the account is blocked)
 * and never a 4xx, which would fail the same way again.
 */
export function decideRetry(
	policy: RetryPolicy,
	attempt: number,
	status: number,
	body: IDataObject | undefined,
	headers: Headers | undefined,
): RetryDecision {
	if (attempt >= policy.maxAttempts) return { retry: false };
	if (status === 429) {
		const asked = requestedWaitMs(headers);
		const delayMs = asked ?? policy.defaultRateLimitWaitMs;
		if (delayMs > policy.maxRateLimitWaitMs) {
			return { retry: false, reason: `the server asked to wait ${Math.ceil(delayMs / 1000)} s` };
		}
		// A zero wait would hammer the server; keep a small floor.
		return { retry: true, delayMs: Math.max(delayMs, 250) };
	}
	if (status === 502 || status === 504) return { retry: true, delayMs: backoffMs(policy, attempt) };
	if (status >= 500 && status !== 503 && body?.truto_is_remote_error !== true) {
		return { retry: true, delayMs: backoffMs(policy, attempt) };
	}
	return { retry: false };
}

const RETRIABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/**
 * The network error code of a failed request, wherever the HTTP stack put it: n8n wraps the socket
 * error in a NodeApiError (as `errorResponse` or `cause`), and fetch/axios nest it in `cause` again.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const queue: unknown[] = [error];
	let firstCode: string | undefined;
	for (let seen = 0; queue.length > 0 && seen < 10; seen++) {
		const current = queue.shift();
		if (!current || typeof current !== 'object') continue;
		const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errorResponse?: unknown };
		if (typeof candidate.code === 'string') {
			if (RETRIABLE_NETWORK_CODES.has(candidate.code)) return candidate.code;
			firstCode ??= candidate.code;
		}
		if (typeof candidate.message === 'string') {
			if (/timeout/i.test(candidate.message)) return 'ETIMEDOUT';
			if (/socket hang up|other side closed/i.test(candidate.message)) return 'ECONNRESET';
		}
		queue.push(candidate.cause, candidate.errorResponse);
	}
	return firstCode;
}

export function isRetriableNetworkError(code: string | undefined): boolean {
	return code !== undefined && RETRIABLE_NETWORK_CODES.has(code);
}
