import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { isTransientNetworkError } from './networkErrors';

/**
 * Truto's retry rules, in one place: which answers and failures are asked again, and how long to
 * wait first. The request loop (requestLoop.ts) only carries out what these decide.
 */

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

/** How long a 429 asks to wait: Retry-After, else ratelimit-reset, else the policy's default; at least 250 ms. */
export function rateLimitWaitMs(policy: RetryPolicy, headers: Headers | undefined): number {
	// A zero wait would hammer the server; keep a small floor.
	return Math.max(requestedWaitMs(headers) ?? policy.defaultRateLimitWaitMs, 250);
}

export function backoffMs(policy: RetryPolicy, attempt: number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// Half fixed, half jitter: retries of parallel items spread out instead of colliding.
	return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

/**
 * GETs are safe to repeat; writes only when an idempotency key makes Truto replay the first answer.
 * Truto documents the key for unified, proxy and custom writes only: management writes (POST /webhook,
 * /link-token) are sent without one, so they are never sent again after a lost answer.
 */
export function isRepeatable(method: IHttpRequestMethods, idempotencyKey: string | undefined): boolean {
	return method === 'GET' || idempotencyKey !== undefined;
}

/** A 429 refused the request before anything was done: asked again (after its wait) even when not repeatable. */
export function refusedBeforeActing(status: number): boolean {
	return status === 429;
}

/**
 * An HTTP answer: 429 after the wait it asks for; every 5xx — the app failing (remote flag, 503
 * included) or Truto's own — except Truto's own 503, which means the integrated account is blocked;
 * never a 4xx, which would fail the same way again.
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
		const delayMs = rateLimitWaitMs(policy, headers);
		if (delayMs > policy.maxRateLimitWaitMs) {
			return { retry: false, reason: `the server asked to wait ${Math.ceil(delayMs / 1000)} s` };
		}
		return { retry: true, delayMs };
	}
	const blocked = status === 503 && body?.truto_is_remote_error !== true;
	if (status >= 500 && !blocked) return { retry: true, delayMs: backoffMs(policy, attempt) };
	return { retry: false };
}

/**
 * A request that got no answer (a reset connection, a timeout) or an answer cut off before its end:
 * asked again, after a short linear pause, while attempts are left and the failure is a passing one.
 */
export function decideResend(policy: RetryPolicy, attempt: number, code: string | undefined): RetryDecision {
	if (attempt >= policy.maxAttempts || !isTransientNetworkError(code)) return { retry: false };
	return { retry: true, delayMs: policy.baseDelayMs * attempt };
}

/** The code a cut-off or non-JSON success body counts as: the answer was lost on its way. */
export const LOST_ANSWER = 'ECONNRESET';

/**
 * A DELETE whose earlier attempt may have reached Truto (its answer was lost, or it failed after
 * sending) and that now answers 404: the record is gone, most likely by that earlier attempt.
 * Truto's idempotency keys cover POST and PATCH only, so this is how a repeated DELETE ends well.
 */
export function isAlreadyDone(method: IHttpRequestMethods, status: number, earlierAttemptMayHaveActed: boolean): boolean {
	return method === 'DELETE' && status === 404 && earlierAttemptMayHaveActed;
}
