'use strict';
// @ts-check
/**
 * Filtering list records and shaping them for the answer (Truto's own parameters:
 * truto_ignore_remote_data, truto_exclude_fields, the normalized format).
 */
const { HttpError } = require('./errors');

/**
 * Every value found at a path; "[]" after a segment walks into an array: "groups[].id".
 * @param {any} record
 * @param {string} path
 * @returns {unknown[]}
 */
function valuesAt(record, path) {
	let current = [record];
	for (const part of path.split('.')) {
		const each = part.endsWith('[]');
		const key = each ? part.slice(0, -2) : part;
		current = current.flatMap((v) => {
			const next = v == null ? undefined : v[key];
			if (next === undefined) return [];
			return each ? (Array.isArray(next) ? next : []) : [next];
		});
	}
	return current;
}

const DATE_OPS = /** @type {Record<string, (a: number, b: number) => boolean>} */ ({
	gt: (a, b) => a > b,
	gte: (a, b) => a >= b,
	lt: (a, b) => a < b,
	lte: (a, b) => a <= b,
	eq: (a, b) => a === b,
});

/**
 * `created_at=…` or `created_at[gt]=…&created_at[lte]=…`.
 * @param {string} field
 * @param {unknown} spec
 * @returns {(record: any) => boolean}
 */
function dateFilter(field, spec) {
	const ops =
		typeof spec === 'string' ? { eq: spec } : /** @type {Record<string, unknown>} */ (spec);
	const checks = Object.entries(ops)
		.filter(([op]) => DATE_OPS[op])
		.map(([op, value]) => {
			const at = Date.parse(String(value));
			if (Number.isNaN(at))
				throw new HttpError(400, `Invalid date ${JSON.stringify(value)} for ${field}[${op}]`);
			return (/** @type {number} */ t) => DATE_OPS[op](t, at);
		});
	return (record) => {
		const t = Date.parse(record[field]);
		return !Number.isNaN(t) && checks.every((c) => c(t));
	};
}

/** `status=a`, `status[]=a&status[]=b` or `status[in]=a,b`. @param {unknown} v */
function oneOf(v) {
	if (Array.isArray(v)) return v.map(String);
	if (v && typeof v === 'object' && 'in' in v) {
		const inner = /** @type {any} */ (v).in;
		return Array.isArray(inner) ? inner.map(String) : String(inner).split(',');
	}
	return [String(v)];
}

/** @param {unknown} a @param {unknown} b */
const sameText = (a, b) => typeof a === 'string' && a.toLowerCase() === String(b).toLowerCase();

/**
 * The filter for a list call. Unknown parameters are ignored, as Truto does.
 * @param {string} resource
 * @param {Record<string, any>} query
 * @param {Record<string, any>} defs the call's query definitions (those with `filter` narrow the list)
 * @param {Record<string, string>} [remoteQueryPaths] remote_query keys the provider honours
 * @returns {(record: any) => boolean}
 */
function listFilter(resource, query, defs, remoteQueryPaths = {}) {
	/** @type {((record: any) => boolean)[]} */
	const tests = [];
	const has = (/** @type {string} */ k) => query[k] !== undefined && query[k] !== '';

	for (const [name, def] of Object.entries(defs)) {
		if (def.filter && has(name))
			tests.push((r) => valuesAt(r, def.filter).some((v) => String(v) === String(query[name])));
	}
	for (const [key, path] of Object.entries(remoteQueryPaths)) {
		const v = query.remote_query?.[key];
		if (v !== undefined) tests.push((r) => valuesAt(r, path).some((x) => String(x) === String(v)));
	}
	if (has('name'))
		tests.push(
			(r) =>
				typeof r.name === 'string' &&
				r.name.toLowerCase().includes(String(query.name).toLowerCase()),
		);
	for (const field of ['created_at', 'updated_at'])
		if (has(field)) tests.push(dateFilter(field, query[field]));

	if (resource === 'users') {
		if (has('status')) {
			const wanted = oneOf(query.status);
			tests.push((r) => wanted.includes(r.status));
		}
		for (const field of ['first_name', 'last_name', 'username'])
			if (has(field)) tests.push((r) => sameText(r[field], query[field]));
		// Only under the name this integration's mapping knows: others are ignored, as Truto does.
		for (const key of ['email', 'emails']) {
			if (has(key) && key in defs)
				tests.push((r) =>
					(r.emails ?? []).some((/** @type {any} */ e) => sameText(e.email, query[key])),
				);
		}
		if (has('organization_id'))
			tests.push((r) => valuesAt(r, 'organizations[].id').includes(String(query.organization_id)));
		if (has('group_id'))
			tests.push((r) => valuesAt(r, 'groups[].id').includes(String(query.group_id)));
	}
	return (record) => tests.every((t) => t(record));
}

/**
 * How many users hold each license, for licenses whose fixture says "@assigned".
 * Cached per account version: recomputed only after a write.
 * @param {import('./fixtures').Account & { _assigned?: { version: number, counts: Map<string, number> } }} account
 */
function assignedCounts(account) {
	if (account._assigned?.version === account.version) return account._assigned.counts;
	/** @type {Map<string, number>} */
	const counts = new Map();
	const users = account.data.users ?? [];
	for (let i = 0; i < users.length; i++) {
		const ids = users.licenseIds
			? users.licenseIds(i)
			: (users.at(i).licenses ?? []).map((/** @type {any} */ l) => l.id);
		for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	account._assigned = { version: account.version, counts };
	return counts;
}

/**
 * One record as the API shows it.
 * @param {any} record internal record
 * @param {{ account: import('./fixtures').Account, resource: string, query: Record<string, any> }} ctx
 */
function present(record, { account, resource, query }) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) out[k] = v;
	if (resource === 'licenses' && out.assigned_quantity === '@assigned')
		out.assigned_quantity = assignedCounts(account).get(record.id) ?? 0;
	if (query.truto_response_format === 'normalized' || query.truto_ignore_remote_data === 'true')
		delete out.remote_data;
	const exclude = query.truto_exclude_fields;
	for (const field of Array.isArray(exclude) ? exclude : exclude ? [exclude] : [])
		delete out[String(field)];
	return out;
}

module.exports = { listFilter, present, valuesAt, assignedCounts };
