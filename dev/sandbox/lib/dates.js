'use strict';
// @ts-check
/**
 * Fixtures store dates relative to "now" ("@-120d", "@-3h", "@+30d") so the data never goes
 * stale: a user inactive for 120 days stays inactive for 120 days whenever the tests run.
 */

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const RELATIVE = /^@([+-]\d+(?:\.\d+)?)([smhdw])$/;

/**
 * @param {number} now epoch ms
 * @param {number} offsetMs
 */
function isoAt(now, offsetMs) {
	return new Date(now + offsetMs).toISOString();
}

/**
 * Deep-copies `value`, replacing every relative-date string with an ISO timestamp.
 * @template T
 * @param {T} value
 * @param {number} now epoch ms
 * @returns {T}
 */
function resolveDates(value, now) {
	if (typeof value === 'string') {
		const m = RELATIVE.exec(value);
		if (!m) return value;
		return /** @type {T} */ (
			/** @type {unknown} */ (
				isoAt(now, Number(m[1]) * UNIT_MS[/** @type {keyof typeof UNIT_MS} */ (m[2])])
			)
		);
	}
	if (Array.isArray(value))
		return /** @type {T} */ (/** @type {unknown} */ (value.map((v) => resolveDates(v, now))));
	if (value && typeof value === 'object') {
		/** @type {Record<string, unknown>} */
		const out = {};
		for (const [k, v] of Object.entries(value)) out[k] = resolveDates(v, now);
		return /** @type {T} */ (out);
	}
	return value;
}

module.exports = { resolveDates, isoAt, UNIT_MS };
