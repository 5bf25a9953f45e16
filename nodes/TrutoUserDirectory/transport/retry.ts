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
		const delayMs = rateLimitWaitMs(policy, headers);
		if (delayMs > policy.maxRateLimitWaitMs) {
			return { retry: false, reason: `the server asked to wait ${Math.ceil(delayMs / 1000)} s` };
		}
		return { retry: true, delayMs };
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
 * Texts n8n puts in place of a network error's message (its COMMON_ERRORS); older n8n versions
 * (2.8) keep nothing else of the socket error, so the code is read back from them.
 */
const N8N_NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/connection to the server was closed unexpectedly/i, 'ECONNRESET'],
	[/connection timed out/i, 'ETIMEDOUT'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
	[/refused the connection/i, 'ECONNREFUSED'],
	[/connection cannot be established, this usually occurs due to an incorrect host/i, 'ENOTFOUND'],
	[/server closed the connection unexpectedly/i, 'ECONNRESET'],
];

const CODE_IN_TEXT = /\b(ECONNRESET|ETIMEDOUT|ECONNABORTED|EPIPE|EAI_AGAIN|ESOCKETTIMEDOUT|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|UND_ERR_SOCKET)\b/;

function codeFromText(text: string): string | undefined {
	if (/timeout/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up|other side closed/i.test(text)) return 'ECONNRESET';
	const named = CODE_IN_TEXT.exec(text);
	if (named) return named[1];
	return N8N_NETWORK_MESSAGES.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The network error code of a failed request, wherever the HTTP stack put it: n8n wraps the socket
 * error in a NodeApiError (as `errorResponse` or `cause`; n8n 2.8 keeps only its messages), and
 * fetch/axios nest it in `cause` again.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const queue: unknown[] = [error];
	let firstCode: string | undefined;
	let fromText: string | undefined;
	for (let seen = 0; queue.length > 0 && seen < 10; seen++) {
		const current = queue.shift();
		if (!current || typeof current !== 'object') continue;
		const candidate = current as {
			code?: unknown;
			message?: unknown;
			messages?: unknown;
			cause?: unknown;
			errorResponse?: unknown;
		};
		if (typeof candidate.code === 'string') {
			if (RETRIABLE_NETWORK_CODES.has(candidate.code)) return candidate.code;
			firstCode ??= candidate.code;
		}
		// The original messages first: they are more specific than n8n's replacement text.
		const texts = [...(Array.isArray(candidate.messages) ? (candidate.messages as unknown[]) : []), candidate.message];
		for (const text of texts) if (typeof text === 'string') fromText ??= codeFromText(text);
		queue.push(candidate.cause, candidate.errorResponse);
	}
	if (fromText && RETRIABLE_NETWORK_CODES.has(fromText)) return fromText;
	return firstCode ?? fromText;
}

export function isRetriableNetworkError(code: string | undefined): boolean {
	return code !== undefined && RETRIABLE_NETWORK_CODES.has(code);
}
