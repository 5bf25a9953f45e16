'use strict';
// @ts-check
/**
 * Truto's per-integrated-account limit (50 requests / 10 s), as a fixed window. Uses the real
 * clock, not the fixture "now", because it is about request timing.
 */

class RateLimiter {
	/** @param {{ perAccount: number, windowMs: number }} opts */
	constructor({ perAccount, windowMs }) {
		this.limit = perAccount;
		this.windowMs = windowMs;
		/** @type {Map<string, { start: number, count: number }>} */
		this.windows = new Map();
	}

	/**
	 * Counts one request for the account.
	 * @param {string} accountId
	 * @returns {{ allowed: boolean, headers: Record<string, string>, retryAfter: number }}
	 */
	take(accountId) {
		const now = Date.now();
		let w = this.windows.get(accountId);
		if (!w || now - w.start >= this.windowMs) {
			w = { start: now, count: 0 };
			this.windows.set(accountId, w);
		}
		const allowed = w.count < this.limit;
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
				'ratelimit-limit': `${this.limit};w=${windowSec}`,
				'ratelimit-remaining': String(Math.max(0, this.limit - w.count)),
				'ratelimit-reset': String(resetSec),
			},
		};
	}
}

/**
 * Parses the CLI form "50/10s" (also "50/500ms", "50/1m").
 * @param {string} text
 */
function parseRateLimit(text) {
	const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(text.trim());
	if (!m) throw new Error(`--rate-limit expects N/10s, got ${text}`);
	const unit = { ms: 1, s: 1000, m: 60_000 }[m[3] ?? 's'] ?? 1000;
	return { perAccount: Number(m[1]), windowMs: Number(m[2]) * unit };
}

module.exports = { RateLimiter, parseRateLimit };
