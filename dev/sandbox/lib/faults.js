'use strict';
// @ts-check
/**
 * Scripted failures, so tests can see how the node copes with a flaky Truto.
 *
 * A fault: { match?: { method?, path?, query?, accountId? }, after?: n, times?: n, kind, ... }
 *   path / query are regular expressions (strings) tested against the URL path and the raw
 *   query string; `after` lets n matching requests through first; `times` (default 1, -1 =
 *   always) is how often it fires. Faults are checked in order and the first that fires wins.
 */

const KINDS = new Set(['status', 'delay', 'reset', 'truncate', 'html', 'repeat-cursor', 'partial']);

/**
 * @typedef {{
 *   match?: { method?: string, path?: string, query?: string, accountId?: string },
 *   after?: number, times?: number, kind: string,
 *   status?: number, headers?: Record<string, string>, body?: unknown, ms?: number
 * }} Fault
 * @typedef {Fault & { seen: number, fired: number, pathRe?: RegExp, queryRe?: RegExp }} ArmedFault
 * @typedef {{ method: string, path: string, rawQuery: string, accountId: string | null, hasCursor: boolean }} FaultRequest
 */

class Faults {
	constructor() {
		/** @type {ArmedFault[]} */
		this.list = [];
	}

	/** @param {Fault[]} faults replaces the current set; throws on an unknown kind */
	set(faults) {
		if (!Array.isArray(faults)) throw new TypeError('faults must be an array');
		this.list = faults.map((f, i) => {
			if (!f || !KINDS.has(f.kind))
				throw new TypeError(
					`fault ${i}: unknown kind ${JSON.stringify(f?.kind)} (one of ${[...KINDS].join(', ')})`,
				);
			return {
				...f,
				seen: 0,
				fired: 0,
				pathRe: f.match?.path ? new RegExp(f.match.path) : undefined,
				queryRe: f.match?.query ? new RegExp(f.match.query) : undefined,
			};
		});
	}

	clear() {
		this.list = [];
	}

	/**
	 * Counts the request against every matching fault up to the one that fires.
	 * @param {FaultRequest} req
	 * @returns {ArmedFault | undefined}
	 */
	pick(req) {
		for (const f of this.list) {
			if (!matches(f, req)) continue;
			f.seen += 1;
			const times = f.times ?? 1;
			if (f.seen <= (f.after ?? 0) || (times !== -1 && f.fired >= times)) continue;
			f.fired += 1;
			return f;
		}
		return undefined;
	}
}

/**
 * @param {ArmedFault} f
 * @param {FaultRequest} req
 */
function matches(f, req) {
	const m = f.match ?? {};
	if (m.method && m.method.toUpperCase() !== req.method) return false;
	if (f.pathRe && !f.pathRe.test(req.path)) return false;
	if (f.queryRe && !f.queryRe.test(req.rawQuery)) return false;
	if (m.accountId && m.accountId !== req.accountId) return false;
	// Repeating "the cursor that was sent" only makes sense for a request that sent one.
	if (f.kind === 'repeat-cursor' && !req.hasCursor) return false;
	return true;
}

const HTML_PAGE = (/** @type {number} */ status) =>
	`<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head>` +
	`<body><center><h1>${status} Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>\n`;

module.exports = { Faults, HTML_PAGE };
