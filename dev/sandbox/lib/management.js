'use strict';
// @ts-check
/**
 * Truto's management endpoints the node uses for dropdowns and credential tests:
 * GET /integrated-account, GET /integrated-account/:id, GET /integrated-account/:id/capabilities.
 */
const { HttpError } = require('./errors');
const { capabilities } = require('./meta');
const { encodeCursor, decodeCursor, pageSize } = require('./paging');

/** @param {import('./fixtures').Account} a */
function accountView(a) {
	return {
		id: a.id,
		tenant_id: a.tenant_id,
		status: a.status,
		is_sandbox: a.is_sandbox,
		region: a.region,
		// The region of the account's SuperQuery store, when it has one.
		features: { ...a.features },
		context: {},
		integration: { ...a.integration },
		created_at: a.created_at,
		updated_at: a.updated_at,
	};
}

/**
 * @param {any} state
 * @param {string} verb
 * @param {string[]} rest path segments after /integrated-account
 * @param {Record<string, any>} query
 */
function handleManagement(state, verb, rest, query) {
	if (verb !== 'GET')
		throw new HttpError(405, `${verb} is not supported on /integrated-account in the sandbox.`);
	if (rest.length === 0) return { status: 200, body: listAccounts(state, query) };
	const account = state.byId.get(rest[0]);
	if (!account) throw new HttpError(404, `Integrated account ${rest[0]} not found.`);
	if (rest.length === 1) return { status: 200, body: accountView(account) };
	if (rest.length === 2 && rest[1] === 'capabilities')
		return { status: 200, body: capabilities(account) };
	throw new HttpError(404, `No route for GET /integrated-account/${rest.join('/')}.`);
}

/**
 * Filters: integration.name (also integration[name]), tenant_id, status, is_sandbox.
 * @param {any} state
 * @param {Record<string, any>} query
 */
function listAccounts(state, query) {
	const integration = query['integration.name'] ?? query.integration?.name;
	const accounts = /** @type {import('./fixtures').Account[]} */ (state.accounts).filter(
		(a) =>
			(integration === undefined || a.integration.name === integration) &&
			(query.tenant_id === undefined || a.tenant_id === query.tenant_id) &&
			(query.status === undefined || a.status === query.status) &&
			(query.is_sandbox === undefined || String(a.is_sandbox) === String(query.is_sandbox)),
	);
	const size = pageSize(query, 100);
	const listKey = { a: '*', r: 'integrated-account' };
	const start = query.next_cursor ? decodeCursor(query.next_cursor, listKey).o : 0;
	const page = accounts.slice(start, start + size);
	const end = start + page.length;
	return {
		result: page.map(accountView),
		next_cursor: end < accounts.length ? encodeCursor({ ...listKey, o: end, p: 0 }) : null,
		limit: size,
	};
}

module.exports = { handleManagement };
