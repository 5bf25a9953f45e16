'use strict';
// @ts-check
/**
 * SuperQuery: lists answered from Truto's synced store (`truto_super_query=apac|wnam`) instead of the
 * live app. No provider is asked, so there is no provider latency, no provider validation (an app's
 * required list parameters do not apply) and no provider rate limit — Truto's own limit still counts.
 * It has its own structured filters on any record field:
 *   field=value (equals), field[eq|ne|gt|gte|lt|lte]=value, field[in]=a,b (or field[in][]=a…),
 *   a dotted path for nested fields (organizations.id), `emails`/`email` on any address (case-insensitive),
 *   and `sort_by[field]=asc|desc`.
 * Pages are larger than the live API's (up to SUPER_QUERY_PAGE_CAP).
 */
const { HttpError } = require('./errors');
const { encodeCursor, decodeCursor, pageSize, takePage } = require('./paging');
const { present, valuesAt } = require('./records');

const REGIONS = new Set(['apac', 'wnam']);
const SUPER_QUERY_PAGE_CAP = 1000;
/** Query parameters that are not filters. */
const RESERVED = new Set(['integrated_account_id', 'limit', 'next_cursor', 'sort_by', 'remote_query']);
/** Sorted result lists kept for paging through them, per account, resource and query. */
const SORTED_LISTS_KEPT = 20;

/** @param {unknown} v */
function scalars(v) {
	if (Array.isArray(v)) return v.map(String);
	return String(v).split(',');
}

/** @param {unknown} a @param {unknown} b */
function compare(a, b) {
	const x = Date.parse(String(a));
	const y = Date.parse(String(b));
	if (!Number.isNaN(x) && !Number.isNaN(y) && /\d{4}-\d{2}-\d{2}/.test(String(a))) return x - y;
	const m = Number(a);
	const n = Number(b);
	if (a !== '' && b !== '' && Number.isFinite(m) && Number.isFinite(n)) return m - n;
	return String(a).localeCompare(String(b));
}

/** @type {Record<string, (values: unknown[], wanted: unknown) => boolean>} */
const OPERATORS = {
	eq: (values, wanted) => values.some((v) => String(v) === String(wanted)),
	ne: (values, wanted) => !values.some((v) => String(v) === String(wanted)),
	in: (values, wanted) => values.some((v) => scalars(wanted).includes(String(v))),
	gt: (values, wanted) => values.some((v) => compare(v, wanted) > 0),
	gte: (values, wanted) => values.some((v) => compare(v, wanted) >= 0),
	lt: (values, wanted) => values.some((v) => compare(v, wanted) < 0),
	lte: (values, wanted) => values.some((v) => compare(v, wanted) <= 0),
};

/**
 * The values a filter name reads from a record.
 * @param {any} record
 * @param {string} field
 */
function fieldValues(record, field) {
	if (field === 'emails' || field === 'email')
		return valuesAt(record, 'emails[].email').map((e) => String(e).toLowerCase());
	const path = field
		.split('.')
		.map((part, index, parts) => (index < parts.length - 1 && Array.isArray(record?.[part]) ? `${part}[]` : part))
		.join('.');
	return valuesAt(record, path).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/**
 * @param {Record<string, any>} query
 * @returns {(record: any) => boolean}
 */
function storeFilter(query) {
	/** @type {((record: any) => boolean)[]} */
	const tests = [];
	for (const [field, spec] of Object.entries(query)) {
		if (RESERVED.has(field) || field.startsWith('truto_') || spec === undefined || spec === '') continue;
		const lower = field === 'emails' || field === 'email';
		const norm = (/** @type {unknown} */ v) => (lower ? String(v).toLowerCase() : v);
		const conditions =
			spec && typeof spec === 'object' && !Array.isArray(spec) ? Object.entries(spec) : [['eq', spec]];
		for (const [operator, wanted] of conditions) {
			const test = OPERATORS[operator];
			if (!test)
				throw new HttpError(
					400,
					`Unknown SuperQuery operator "${operator}" on ${field}. Use one of: ${Object.keys(OPERATORS).join(', ')}.`,
				);
			const value = Array.isArray(wanted) ? wanted.map(norm) : norm(wanted);
			tests.push((record) => test(fieldValues(record, field), value));
		}
	}
	return (record) => tests.every((t) => t(record));
}

/** `sort_by[field]=asc|desc` → [field, direction]; undefined for none. @param {unknown} sortBy */
function readSort(sortBy) {
	if (!sortBy) return undefined;
	if (typeof sortBy === 'string') return sortBy.startsWith('-') ? [sortBy.slice(1), -1] : [sortBy, 1];
	const [field, direction] = Object.entries(/** @type {Record<string, string>} */ (sortBy))[0] ?? [];
	if (!field) return undefined;
	if (!['asc', 'desc'].includes(String(direction).toLowerCase()))
		throw new HttpError(400, `sort_by[${field}] must be asc or desc, not "${direction}".`);
	return [field, String(direction).toLowerCase() === 'desc' ? -1 : 1];
}

/**
 * @param {any} state
 * @param {import('./fixtures').Account} account
 * @param {string} resource
 * @param {Record<string, any>} query
 */
function superQueryList(state, account, resource, query) {
	const region = String(query.truto_super_query);
	if (!REGIONS.has(region))
		throw new HttpError(400, `Invalid value "${region}" for truto_super_query. Allowed values: ${[...REGIONS].join(', ')}.`);
	// Truto documents features.super_query as the store's region and no answer for reading a store
	// that is not there: the sandbox's answer is a clear 400.
	const store = account.features?.super_query;
	if (!store) throw new HttpError(400, `Integrated account ${account.id} has no SuperQuery store.`);
	if (store !== region) throw new HttpError(400, `Integrated account ${account.id} has its SuperQuery store in ${store}, not ${region}.`);
	if ((query.truto_response_format ?? 'unified') === 'raw')
		throw new HttpError(400, 'SuperQuery answers unified records only: truto_response_format=raw is not supported with truto_super_query.');
	const size = pageSize(query, SUPER_QUERY_PAGE_CAP);
	const listKey = { a: account.key, r: `sq:${resource}` };
	const pos = query.next_cursor ? decodeCursor(query.next_cursor, listKey).o : 0;
	const matches = storeFilter(query);
	const sort = readSort(query.sort_by);
	const source = account.data[resource];
	const { items, nextPos } = sort
		? sortedPage(state, account, resource, source, matches, sort, { query, pos, size })
		: takePage(source, matches, { pos, page: 0, size });
	const next = nextPos === null ? null : encodeCursor({ ...listKey, o: nextPos, p: 0 });
	return {
		status: 200,
		body: {
			result: items.map((r) => present(r, { account, resource, query })),
			next_cursor: next,
			prev_cursor: null,
			result_count: items.length,
		},
	};
}

/**
 * A page of the sorted matches; the sorted list is kept for the pages that follow.
 * @param {any} state
 * @param {import('./fixtures').Account} account
 * @param {string} resource
 * @param {any} source
 * @param {(record: any) => boolean} matches
 * @param {[string, number]} sort
 * @param {{ query: Record<string, any>, pos: number, size: number }} at
 */
function sortedPage(state, account, resource, source, matches, [field, direction], { query, pos, size }) {
	state.superQuerySorted ??= new Map();
	const { next_cursor: _cursor, limit: _limit, ...rest } = query;
	const key = JSON.stringify([account.key, account.version, resource, rest]);
	let sorted = state.superQuerySorted.get(key);
	if (!sorted) {
		sorted = [];
		for (let i = 0; i < source.length; i++) {
			const record = source.at ? source.at(i) : source[i];
			if (matches(record)) sorted.push(record);
		}
		sorted.sort((a, b) => direction * compare(fieldValues(a, field)[0] ?? '', fieldValues(b, field)[0] ?? ''));
		if (state.superQuerySorted.size >= SORTED_LISTS_KEPT) state.superQuerySorted.clear();
		state.superQuerySorted.set(key, sorted);
	}
	const items = sorted.slice(pos, pos + size);
	return { items, nextPos: pos + size < sorted.length ? pos + size : null };
}

module.exports = { superQueryList, SUPER_QUERY_PAGE_CAP };
