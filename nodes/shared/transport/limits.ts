/**
 * Every number that decides how hard and how fast the node talks to Truto, in one place.
 * README → "Throttling and concurrency" explains and measures them.
 */

/** A server-side rate limit: at most `requests` in any `windowMs`. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

export interface RateLimits {
	/** Unified calls of one integrated account. */
	account: RateLimit;
	/** Every call made with one API token, management calls included. */
	token: RateLimit;
}

/**
 * Truto's documented limits, stated only here: the credential's default, the per-token budget it
 * derives and the 429 hint are all built from this table.
 */
export const TRUTO_RATE_LIMITS: RateLimits = {
	account: { requests: 50, windowMs: 10_000 },
	token: { requests: 500, windowMs: 10_000 },
};

/** A window in words: 10_000 → "10 seconds". */
export function windowText(windowMs: number): string {
	const seconds = windowMs / 1000;
	return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** "50 requests per 10 seconds per integrated account and 500 per API token", from the table. */
export function rateLimitsText(limits: RateLimits = TRUTO_RATE_LIMITS): string {
	const { account, token } = limits;
	const tokenWindow = token.windowMs === account.windowMs ? '' : ` per ${windowText(token.windowMs)}`;
	return `${account.requests} requests per ${windowText(account.windowMs)} per integrated account and ${token.requests}${tokenWindow} per API token`;
}

/**
 * Share of a limit kept in reserve (rounded up, at least one request): 50 → 49, 500 → 495. Small, as
 * Truto's answers (remaining/reset, a 429's wait) steer the budget too, and an estate-wide review is
 * paced by the token's budget: every request held back there is time lost.
 */
const BUDGET_SPARE_SHARE = 0.01;
/** The window is stretched by 2 % (at least 100 ms) so network jitter cannot squeeze two windows into one. */
const BUDGET_WINDOW_STRETCH = 0.02;
const BUDGET_WINDOW_STRETCH_MIN_MS = 100;

/**
 * What the node allows itself under a server's limit: a sliding window of slightly fewer requests
 * over a slightly longer window. 50 / 10 s gives 49 / 10.2 s (4.8 requests per second).
 */
export function budgetUnder(limit: RateLimit): RateLimit {
	const spare = Math.max(1, Math.ceil(limit.requests * BUDGET_SPARE_SHARE));
	return {
		requests: Math.max(1, limit.requests - spare),
		windowMs:
			limit.windowMs + Math.max(BUDGET_WINDOW_STRETCH_MIN_MS, Math.round(limit.windowMs * BUDGET_WINDOW_STRETCH)),
	};
}

/** Advertised limits (`ratelimit-limit: 50;w=10`) with a longer window are left to remaining/reset. */
export const MAX_ADVERTISED_WINDOW_MS = 60_000;

/**
 * Page size asked for when listing. Truto documents no maximum; providers cap lower (GitHub 100,
 * Okta 200, Zoom 300, Google 500, Microsoft Graph 999) and answer fewer, which paging handles.
 */
export const MAX_PAGE_SIZE = 500;
/** Asked for instead when the first page with MAX_PAGE_SIZE answers 400: the size every mapping accepts. */
export const FALLBACK_PAGE_SIZE = 100;

/** Per attempt; a slower answer counts as a network failure and is retried. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Longest ID the node sends; longer ones are refused before any request (URLs beyond ~8 KB fail in proxies). */
export const MAX_ID_LENGTH = 2048;
