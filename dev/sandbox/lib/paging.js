'use strict';
// @ts-check
/**
 * Cursors and page slicing.
 *
 * A cursor is standard base64 of a 3-byte salt plus a small JSON payload. The salt encodes to
 * "+/+/" and the payload is padded so the base64 always ends in "==": every cursor therefore
 * contains "+", "/" and "=", the characters a client breaks when it forgets to URL-encode
 * (a "+" arriving as a space) or encodes twice (a "%2B" arriving literally). Both are rejected.
 */
const { HttpError } = require('./errors');

const SALT = Buffer.from([0xfb, 0xff, 0xbf]); // base64 "+/+/"
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * @typedef {{ a: string, r: string, o: number, p: number }} CursorState
 *   a: account key, r: resource, o: scan position in the collection, p: page number (1-based)
 */

/** @param {CursorState} state */
function encodeCursor(state) {
	let json = JSON.stringify(state);
	// Pad with spaces (still valid JSON) until the byte length leaves a remainder of 1 → "==".
	while ((SALT.length + Buffer.byteLength(json)) % 3 !== 1) json += ' ';
	return Buffer.concat([SALT, Buffer.from(json)]).toString('base64');
}

/**
 * @param {unknown} cursor the `next_cursor` query value exactly as it arrived (after one URL-decode)
 * @param {{ a: string, r: string }} expected cursors only work for the list that issued them
 * @returns {CursorState}
 */
function decodeCursor(cursor, expected) {
	const invalid = (/** @type {string} */ why) =>
		new HttpError(400, 'Invalid cursor', {
			details: `next_cursor ${why}. Pass the next_cursor of the previous page back exactly as received, URL-encoded once.`,
		});
	if (typeof cursor !== 'string' || !cursor) throw invalid('must be a non-empty string');
	if (!BASE64.test(cursor) || cursor.length % 4 !== 0)
		throw invalid('is malformed (was it URL-encoded correctly?)');
	const bytes = Buffer.from(cursor, 'base64');
	if (!bytes.subarray(0, SALT.length).equals(SALT)) throw invalid('was not issued by this server');
	/** @type {CursorState} */
	let state;
	try {
		state = JSON.parse(bytes.subarray(SALT.length).toString('utf8'));
	} catch {
		throw invalid('is corrupt');
	}
	if (
		!state ||
		state.a !== expected.a ||
		state.r !== expected.r ||
		!Number.isInteger(state.o) ||
		!Number.isInteger(state.p)
	) {
		throw invalid('belongs to a different list');
	}
	return state;
}

/**
 * The page size for a request: `limit` (default 20) never above the server cap.
 * @param {Record<string, any>} query
 * @param {number} cap
 */
function pageSize(query, cap) {
	if (query.truto_ignore_limit === 'true' || query.limit === undefined || query.limit === '') {
		return query.truto_ignore_limit === 'true' ? cap : Math.min(20, cap);
	}
	const limit = Number(query.limit);
	if (!Number.isInteger(limit) || limit < 1)
		throw new HttpError(400, `Invalid limit "${query.limit}": must be a positive integer`);
	return Math.min(limit, cap);
}

/**
 * @typedef {{ length: number, at(i: number): any }} Collection arrays qualify; big directories are virtual
 * @typedef {{ emptyPages?: number[], shortPages?: Record<string, number> }} Quirks
 */

/**
 * Takes one page from `source`, scanning from the cursor position and keeping matching records.
 * Positions are scan positions (not match counts) so a filtered walk over a huge virtual
 * directory never rescans what earlier pages already covered.
 * @param {Collection} source
 * @param {(record: any) => boolean} matches
 * @param {{ pos: number, page: number, size: number, quirks?: Quirks }} at
 * @returns {{ items: any[], nextPos: number | null }} nextPos null = end of data
 */
function takePage(source, matches, { pos, page, size, quirks }) {
	// Fixture quirks: an empty page that still carries a cursor, or a page shorter than asked.
	if (quirks?.emptyPages?.includes(page))
		return { items: [], nextPos: hasMatchFrom(source, matches, pos) ? pos : null };
	const want = Math.min(size, quirks?.shortPages?.[String(page)] ?? size);
	const items = [];
	let i = pos;
	for (; i < source.length && items.length < want; i++) {
		const record = source.at(i);
		if (matches(record)) items.push(record);
	}
	// Look ahead so the last page says next_cursor: null rather than leading to an empty page.
	return { items, nextPos: hasMatchFrom(source, matches, i) ? i : null };
}

/**
 * @param {Collection} source
 * @param {(record: any) => boolean} matches
 * @param {number} from
 */
function hasMatchFrom(source, matches, from) {
	for (let j = from; j < source.length; j++) if (matches(source.at(j))) return true;
	return false;
}

module.exports = { encodeCursor, decodeCursor, pageSize, takePage };
