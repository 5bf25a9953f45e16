'use strict';
// @ts-check
/**
 * Reads a whole Truto list over HTTP the way the API pages it: follows `next_cursor` until an answer
 * has none (null, missing or empty). Tests use it for the answer a node must give, the bench as the
 * floor a node is measured against.
 */

/** @typedef {{ status: number, body: any }} PageAnswer */

/**
 * @param {string} url the list's URL, with or without a query (e.g. `${sandbox.url}/unified/user-directory/users`)
 * @param {{ token: string, query?: Record<string, string>, onPage?: (answer: PageAnswer) => void }} options
 *   query: added to every page's URL; onPage: sees every answer before a failing status throws
 * @returns {Promise<{ records: any[], pages: any[][], cursors: string[], bytes: number }>}
 *   pages: each answer's `result`; cursors: the cursors followed; bytes: the size of all answers
 */
async function fetchAllPages(url, options) {
	const extra = new URLSearchParams(options.query ?? {}).toString();
	const first = extra ? `${url}${url.includes('?') ? '&' : '?'}${extra}` : url;
	/** @type {any[][]} */
	const pages = [];
	/** @type {string[]} */
	const cursors = [];
	let bytes = 0;
	/** @type {string | undefined} */
	let cursor;
	do {
		// Added by hand, not through URLSearchParams, so that the caller's query is sent as written.
		const pageUrl = cursor ? `${first}${first.includes('?') ? '&' : '?'}next_cursor=${encodeURIComponent(cursor)}` : first;
		const response = await fetch(pageUrl, { headers: { accept: 'application/json', authorization: `Bearer ${options.token}` } });
		const text = await response.text();
		bytes += text.length;
		const body = parseJson(text);
		options.onPage?.({ status: response.status, body });
		if (!response.ok || body === undefined) throw new Error(`GET ${pageUrl}: ${response.status} ${text.slice(0, 1000)}`);
		pages.push(body.result ?? []);
		cursor = body.next_cursor || undefined;
		if (cursor) cursors.push(cursor);
	} while (cursor);
	return { records: pages.flat(), pages, cursors, bytes };
}

/** @param {string} text */
function parseJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

module.exports = { fetchAllPages };
