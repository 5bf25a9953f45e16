'use strict';
// @ts-check
/**
 * Truto's limits as fixed windows: 50 requests / 10 s per integrated account (unified data calls)
 * and, when asked for, 500 / 10 s per API token (every call made with it). Uses the real clock, not
 * the fixture "now", because it is about request timing.
 */

/**
 * @typedef {{ allowed: boolean, headers: Record<string, string>, retryAfter: number }} Verdict
 */

class RateLimiter {
	/** @param {{ perAccount?: number, perToken?: number, windowMs: number }} opts */
	constructor({ perAccount, perToken, windowMs }) {
		this.limit = perAccount ?? Infinity;
		this.tokenLimit = perToken ?? Infinity;
		this.windowMs = windowMs;
		/** @type {Map<string, { start: number, count: number }>} */
		this.windows = new Map();
		/** @type {Map<string, { start: number, count: number }>} */
		this.tokenWindows = new Map();
	}

	/**
	 * Counts one request for the account.
	 * @param {string} accountId
	 * @returns {Verdict}
	 */
	take(accountId) {
		return this.count(this.windows, accountId, this.limit);
	}

	/**
	 * Counts one request made with the token; always allowed when no per-token limit was set.
	 * @param {string} token
	 * @returns {Verdict}
	 */
	takeToken(token) {
		return this.count(this.tokenWindows, token, this.tokenLimit);
	}

	/**
	 * @param {Map<string, { start: number, count: number }>} windows
	 * @param {string} key
	 * @param {number} limit
	 * @returns {Verdict}
	 */
	count(windows, key, limit) {
		const now = Date.now();
		let w = windows.get(key);
		if (!w || now - w.start >= this.windowMs) {
			w = { start: now, count: 0 };
			windows.set(key, w);
		}
		const allowed = w.count < limit;
		if (allowed) w.count += 1;
		// Whole seconds as Truto sends them; a window of less than a second (fast tests) gets
		// fractional seconds, so that the headers still tell the truth about it.
		const subSecond = this.windowMs < 1000;
		const left = (w.start + this.windowMs - now) / 1000;
		const resetSec = subSecond ? Math.max(0.001, Math.ceil(left * 1000) / 1000) : Math.max(1, Math.ceil(left));
		const windowSec = subSecond ? this.windowMs / 1000 : Math.round(this.windowMs / 1000);
		return {
			allowed,
			retryAfter: resetSec,
			headers: {
				'ratelimit-limit': `${limit};w=${windowSec}`,
				'ratelimit-remaining': String(Math.max(0, limit - w.count)),
				'ratelimit-reset': String(resetSec),
			},
		};
	}
}

/**
 * Parses the CLI form "50/10s" (also "50/500ms", "50/1m").
 * @param {string} text
 * @param {string} [flag] the option it came with, for the error
 */
function parseRateLimit(text, flag = '--rate-limit') {
	const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(text.trim());
	if (!m) throw new Error(`${flag} expects N/10s, got ${text}`);
	const unit = { ms: 1, s: 1000, m: 60_000 }[m[3] ?? 's'] ?? 1000;
	return { perAccount: Number(m[1]), windowMs: Number(m[2]) * unit };
}

module.exports = { RateLimiter, parseRateLimit };
