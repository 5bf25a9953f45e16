'use strict';
// @ts-check
/**
 * /unified/user-directory/... : list, get, writes, custom methods and meta.
 *
 * Checks run in Truto's order: integrated_account_id present → rate limit → account exists →
 * not blocked (503) → integration supports resource/method (404) → provider accepts the
 * account's credentials (remote 401) → sandbox accounts are read-only (405) → required query
 * parameters (400) → body fields (400) → the call itself.
 */
const { HttpError, insight, remoteError } = require('./errors');
const {
	methodSpec,
	unsupported,
	meta,
	queryDefs,
	bodyDefs,
	validateQuery,
	validateBody,
} = require('./meta');
const { encodeCursor, decodeCursor, pageSize, takePage } = require('./paging');
const { listFilter, present, valuesAt } = require('./records');
const { rawList, rawGet, notFoundBody } = require('./provider-shapes');
const { performWrite } = require('./writes');
const { superQueryList } = require('./super-query');

const FORMATS = new Set(['unified', 'normalized', 'raw', 'stream']);

/**
 * @typedef {import('./fixtures').Account} Account
 * @typedef {{ status: number, body: unknown, headers?: Record<string, string> }} Answer
 * @typedef {{
 *   method: string, pathKey: string, query: Record<string, any>, body: Record<string, any>,
 *   idempotencyKey?: string, headers: Record<string, string>
 * }} Call  headers: extra response headers (rate limit) the handler adds to
 */

/**
 * @param {any} state
 * @param {Call} call
 * @param {string[]} rest path segments after /unified/user-directory
 * @returns {Answer}
 */
function handleUnified(state, call, rest) {
	const [resource, second, third, fourth] = rest;
	if (!resource || !state.model.resources[resource])
		throw new HttpError(
			404,
			`Unknown resource "${resource ?? ''}" in unified model "user-directory".`,
		);

	// Meta: <resource>/meta/<method>?integrated_account_id=… or <resource>/<integration>/meta/<method>
	if (call.method === 'GET' && rest.length === 3 && second === 'meta') {
		return {
			status: 200,
			body: meta(state.model, findAccount(state, call.query).table, resource, third),
		};
	}
	if (call.method === 'GET' && rest.length === 4 && third === 'meta') {
		const table = state.tables.get(second);
		if (!table) throw new HttpError(404, `Unknown integration "${second}".`);
		return { status: 200, body: meta(state.model, table, resource, fourth) };
	}

	const method = unifiedMethod(call.method, rest);
	const account = findAccount(state, call.query, call);
	const spec = methodSpec(account.table, resource, method);
	if (!spec) throw unsupported(account.table, resource, method);
	// SuperQuery reads Truto's synced store: the app is not asked, so its credentials and its own
	// parameter rules do not matter.
	if (method === 'list' && call.query.truto_super_query !== undefined)
		return superQueryList(state, account, resource, call.query);
	if (account.status === 'needs_reauth') throw reauth(account);
	const isWrite = method !== 'list' && method !== 'get';
	if (isWrite && account.is_sandbox) {
		throw new HttpError(
			405,
			`Write operations are not allowed on sandbox integrated accounts. The integrated account ${account.id} is a sandbox account.`,
		);
	}
	validateQuery(spec.query ?? {}, call.query);
	const format = call.query.truto_response_format ?? 'unified';
	if (!FORMATS.has(format))
		throw new HttpError(
			400,
			`Invalid value "${format}" for truto_response_format. Allowed values: ${[...FORMATS].join(', ')}.`,
		);

	if (method === 'list') return list(state, account, resource, spec, call.query);
	if (method === 'get') return get(account, resource, spec, second, call.query);
	return write(
		state,
		account,
		resource,
		method,
		method === 'update' || method === 'delete' ? second : undefined,
		call,
	);
}

/**
 * HTTP verb + path shape → unified method name.
 * @param {string} verb
 * @param {string[]} rest
 */
function unifiedMethod(verb, rest) {
	if (rest.length === 1 && verb === 'GET') return 'list';
	if (rest.length === 1 && verb === 'POST') return 'create';
	if (rest.length === 2 && verb === 'GET') return 'get';
	if (rest.length === 2 && verb === 'PATCH') return 'update';
	if (rest.length === 2 && verb === 'DELETE') return 'delete';
	if (rest.length === 2 && verb === 'POST') return rest[1]; // custom method, e.g. groups/remove-user
	throw new HttpError(404, `No route for ${verb} /unified/user-directory/${rest.join('/')}.`);
}

/**
 * The integrated account of a call; counts the call against the account's rate limit.
 * @param {any} state
 * @param {Record<string, any>} query
 * @param {Call} [call] given for data calls (meta calls are not rate limited)
 * @returns {Account}
 */
function findAccount(state, query, call) {
	const id = query.integrated_account_id;
	if (!id) {
		throw new HttpError(
			400,
			'Missing required query parameters: integrated_account_id',
			insight(
				'missing_required_query_parameters',
				'The following query parameters are required but were not provided.',
				['integrated_account_id'],
			),
		);
	}
	if (call && state.rateLimiter && Number.isFinite(state.rateLimiter.limit)) {
		const rl = state.rateLimiter.take(String(id));
		Object.assign(call.headers, rl.headers);
		if (!rl.allowed) {
			throw new HttpError(
				429,
				`Rate limit exceeded for integrated account ${id}. Retry after ${rl.retryAfter} seconds.`,
				insight(
					'rate_limit_error',
					'Too many requests for this integrated account in the current window.',
					{
						limit: state.rateLimiter.limit,
						window_seconds: Math.round(state.rateLimiter.windowMs / 1000),
						retry_after: rl.retryAfter,
					},
				),
				{ 'retry-after': String(rl.retryAfter) },
			);
		}
	}
	const account = state.byId.get(String(id));
	if (!account) throw new HttpError(404, `Integrated account ${id} not found.`);
	if (account.blocked && call) {
		throw new HttpError(
			503,
			// Truto's blocklist: reconnecting does not lift it; its operator guide names Truto support.
			`The integrated account ${id} is blocked. Contact Truto support (support@truto.one) to lift the block; retrying will not help.`,
		);
	}
	return account;
}

/** The provider refuses the account's credentials (Okta fixture). @param {Account} account */
function reauth(account) {
	return remoteError(
		401,
		`The ${account.integration.label} credentials of integrated account ${account.id} are no longer valid. The account needs to be reconnected.`,
		{
			errorCode: 'E0000011',
			errorSummary: 'Invalid token provided',
			errorLink: 'E0000011',
			errorId: 'oaeR2nZ8mKkQ3Wc2hq5dQx1Lw',
			errorCauses: [],
		},
	);
}

/**
 * The records an email filter can match: a virtual directory answers from its email index (the
 * filter still checks each one), anything else is scanned whole. Cursor positions count in what this
 * returns, which is the same for every page of one filtered walk.
 * @param {import('./fixtures').Collection} source
 * @param {Record<string, any>} query
 * @param {Record<string, any>} defs
 * @returns {import('./fixtures').Collection}
 */
function emailCandidates(source, query, defs) {
	const key = ['email', 'emails'].find((name) => name in defs && typeof query[name] === 'string' && query[name] !== '');
	if (!key || !source.indexesOfEmail) return source;
	const indexes = source.indexesOfEmail(query[key]);
	return { length: indexes.length, at: (j) => source.at(indexes[j]) };
}

/**
 * @param {any} state
 * @param {Account} account
 * @param {string} resource
 * @param {any} spec
 * @param {Record<string, any>} query
 * @returns {Answer}
 */
function list(state, account, resource, spec, query) {
	const cap = Math.min(state.pageCap, account.pageCap ?? Infinity);
	const size = pageSize(query, cap);
	const listKey = { a: account.key, r: resource };
	const cursor = query.next_cursor ? decodeCursor(query.next_cursor, listKey) : { o: 0, p: 1 };
	const defs = queryDefs(state.model, account.table, resource, 'list');
	const matches = listFilter(resource, query, defs, spec.remote_query);
	const { items, nextPos } = takePage(emailCandidates(account.data[resource], query, defs), matches, {
		pos: cursor.o,
		page: cursor.p,
		size,
		quirks: account.quirks[resource],
	});
	const next = nextPos === null ? null : encodeCursor({ ...listKey, o: nextPos, p: cursor.p + 1 });

	if (query.truto_response_format === 'raw') {
		const raw = rawList(account.integration.name, resource, items, next);
		// Some mappings keep Truto's list envelope around the app's own records, cursor included.
		const body = account.table.raw_list_envelope ? { result: raw, next_cursor: next } : raw;
		return { status: 200, body };
	}
	const records = items.map((r) => present(r, { account, resource, query }));
	const keyBy = query.truto_key_by;
	const result = keyBy ? Object.fromEntries(records.map((r) => [String(r[keyBy]), r])) : records;
	return {
		status: 200,
		body: { result, next_cursor: next, prev_cursor: null, result_count: items.length },
	};
}

/**
 * @param {Account} account
 * @param {string} resource
 * @param {any} spec
 * @param {string} id
 * @param {Record<string, any>} query
 * @returns {Answer}
 */
function get(account, resource, spec, id, query) {
	const coll = account.data[resource];
	const record = coll.findById
		? coll.findById(id)
		: /** @type {any[]} */ (coll).find((r) => r.id === id);
	// A get-time parameter with a filter (Meraki's `organizations`) must agree with the record.
	const mismatch = Object.entries(spec.query ?? {}).some(
		([name, def]) =>
			def.filter &&
			query[name] !== undefined &&
			!valuesAt(record ?? {}, def.filter).some((v) => String(v) === String(query[name])),
	);
	if (!record || mismatch) {
		throw remoteError(
			404,
			`${resource} record "${id}" was not found in ${account.integration.label}.`,
			notFoundBody(account.integration.name),
		);
	}
	if (query.truto_response_format === 'raw')
		return { status: 200, body: rawGet(account.integration.name, resource, record) };
	const out = present(record, { account, resource, query });
	if (
		resource === 'licenses' &&
		spec.query?.include_assigned_to &&
		query.include_assigned_to === 'user'
	) {
		out.assigned_to = holders(account, id);
	}
	return { status: 200, body: out };
}

/** Users holding a license, as Webex's include_assigned_to=user lists them. @param {Account} account @param {string} licenseId */
function holders(account, licenseId) {
	const users = /** @type {any[]} */ (account.data.users);
	return users
		.filter((u) => (u.licenses ?? []).some((/** @type {any} */ l) => l.id === licenseId))
		.map((u) => ({ type: 'user', id: u.id, name: u.name, email: u.emails?.[0]?.email ?? null }));
}

/**
 * Writes, with Idempotency-Key on POST and PATCH (Truto's idempotency covers those): a key seen
 * before for the same method and URL replays the first answer instead of acting twice. A repeated
 * DELETE is not replayed: it finds the record gone (404).
 * @param {any} state
 * @param {Account} account
 * @param {string} resource
 * @param {string} method
 * @param {string | undefined} id
 * @param {Call} call
 * @returns {Answer}
 */
function write(state, account, resource, method, id, call) {
	const defs = bodyDefs(state.model, account.table, resource, method) ?? {};
	if (method !== 'delete') {
		if (!call.body || typeof call.body !== 'object' || Array.isArray(call.body))
			throw new HttpError(400, 'The request body must be a JSON object.');
		validateBody(defs, call.body);
	}
	const replayKey =
		call.idempotencyKey && call.method !== 'DELETE'
			? `${call.idempotencyKey}\n${call.method}\n${call.pathKey}`
			: undefined;
	const seen = replayKey && state.idempotency.get(replayKey);
	if (seen) return { ...seen, headers: { 'idempotent-replayed': 'true' } };

	const answer = performWrite({
		account,
		resource,
		method,
		id,
		body: call.body ?? {},
		fields: Object.keys(defs),
		nowIso: state.clockIso(),
	});
	const presented = present(answer.body, { account, resource, query: call.query });
	const shown = { status: answer.status, body: answer.wrap ? { result: presented } : presented };
	if (replayKey) state.idempotency.set(replayKey, shown);
	return shown;
}

module.exports = { handleUnified };
