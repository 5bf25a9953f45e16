'use strict';
// @ts-check
/**
 * Truto's webhook API for the token's environment: POST/GET /webhook, GET/PATCH/DELETE
 * /webhook/:id, POST /webhook/test. The signing secret is in the answer to POST only; lists and
 * gets strip it. Truto documents Idempotency-Key for unified, proxy and custom writes only, so a
 * repeated POST /webhook or /link-token acts again, whatever its key. Deliveries live in deliveries.js.
 */
const crypto = require('node:crypto');
const { HttpError } = require('./errors');
const { encodeCursor, decodeCursor, pageSize } = require('./paging');

/** The sandbox's one Truto environment (every webhook and delivery names it). */
const ENVIRONMENT_ID = '5b1d7c3e-0000-4c2e-9a00-00000000e001';

/**
 * The event types Truto documents (its webhook object's list and its list of event types). Truto
 * documents record:created|updated|deleted by name but not their payload; any `record:…` is taken.
 */
const EVENT_TYPES = [
	'integrated_account:created',
	'integrated_account:active',
	'integrated_account:updated',
	'integrated_account:deleted',
	'integrated_account:post_install_error',
	'integrated_account:validation_error',
	'integrated_account:post_connect_form_submitted',
	'integrated_account:reactivated',
	'integrated_account:authentication_error',
	'sync_job_run:created',
	'sync_job_run:started',
	'sync_job_run:updated',
	'sync_job_run:record',
	'sync_job_run:completed',
	'sync_job_run:failed',
	'sync_job_run:deleted',
	'sync_job_cron_trigger:failed',
	'batch_job:dry_run_completed',
	'batch_job:completed',
	'batch_job:dry_run_failed',
	'batch_job:failed',
	'record:created',
	'record:updated',
	'record:deleted',
	'test',
];

/*
 * Which hosts are private: the product's rule (LOOPBACK_HOSTS and PRIVATE_HOSTS of
 * nodes/shared/helpers/addresses.ts), copied because the sandbox runs as plain JavaScript without a
 * build. test/nodes/shared/helpers/addresses.test.ts fails when the copies differ.
 */
/** Hosts that only this machine can reach: the sandbox runs here, so they are accepted over plain http. */
const LOOPBACK_HOSTS = [/^localhost$/, /\.localhost$/, /^127(\.\d{1,3}){3}$/, /^::1$/];
/** Private, link-local and internal addresses and names: Truto's cloud could never reach them. */
const PRIVATE_HOSTS = [
	/^10(\.\d{1,3}){3}$/,
	/^192\.168(\.\d{1,3}){2}$/,
	/^172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}$/,
	/^169\.254(\.\d{1,3}){2}$/,
	/^0\.0\.0\.0$/,
	/^(f[cd]|fe[89ab])[0-9a-f]*:/,
	/^::$/,
	/^[^.:]*$/,
	/\.(local|internal|lan|home\.arpa)$/,
];

/** Whether a URL's hostname matches one of the patterns (which see it without IPv6 brackets, lower-cased). @param {string} hostname @param {RegExp[]} patterns */
function hostIn(hostname, patterns) {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return patterns.some((pattern) => pattern.test(host));
}

/** @param {{ webhookLimit?: number }} options */
function webhookState(options) {
	return {
		/** @type {Map<string, Webhook>} */
		webhooks: new Map(),
		webhookSeq: 0,
		/** How many webhooks the plan allows (Truto answers 402 beyond it). */
		webhookLimit: options.webhookLimit ?? 20,
		/** @type {import('./deliveries').Delivery[]} */
		deliveries: [],
		/** @type {Array<Record<string, unknown>>} */
		linkTokens: [],
	};
}

/**
 * @typedef {{ id: string, environment_id: string, target_url: string, event_types: string[] | null,
 *   is_active: boolean, secret: string, created_at: string, updated_at: string }} Webhook
 */

/** What list and get show: everything but the secret. @param {Webhook} webhook */
function publicView(webhook) {
	const { secret, ...rest } = webhook;
	return rest;
}

/** Truto's checks of a target: a URL, https unless this machine, and an address the internet can reach. @param {unknown} raw */
function checkTargetUrl(raw) {
	if (typeof raw !== 'string' || raw.trim() === '') throw new HttpError(400, 'target_url is required.');
	let url;
	try {
		url = new URL(raw);
	} catch {
		throw new HttpError(400, `target_url "${raw}" is not a valid URL.`);
	}
	const loopback = hostIn(url.hostname, LOOPBACK_HOSTS);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new HttpError(400, `target_url must use https: Truto does not deliver to ${url.protocol}// addresses.`);
	}
	if (!loopback && hostIn(url.hostname, PRIVATE_HOSTS)) {
		throw new HttpError(400, `target_url must be reachable from the internet; ${url.hostname} is a private or internal address.`);
	}
	return url.toString();
}

/** @param {unknown} raw @returns {string[] | null} */
function checkEventTypes(raw) {
	if (raw === undefined || raw === null) return null;
	if (!Array.isArray(raw) || raw.some((type) => typeof type !== 'string')) {
		throw new HttpError(400, 'event_types must be an array of event type names.');
	}
	const unknown = raw.filter((type) => !EVENT_TYPES.includes(type) && !/^record:[a-z_:*-]+$/.test(type));
	if (unknown.length) throw new HttpError(400, `Unknown event types: ${unknown.join(', ')}.`);
	return raw.length ? [...new Set(raw)] : null;
}

/**
 * @param {any} state
 * @param {{ verb: string, rest: string[], query: Record<string, any>, body: any, idempotencyKey?: string, pathKey: string }} call
 * @param {(webhook: Webhook) => void} sendTest delivers Truto's `test` event to one webhook (in the background)
 */
function handleWebhooks(state, call, sendTest) {
	const { verb, rest, body } = call;
	if (rest.length === 0 && verb === 'GET') return { status: 200, body: listWebhooks(state, call.query) };
	if (rest.length === 0 && verb === 'POST') return createWebhook(state, body ?? {});
	if (rest.length === 1 && rest[0] === 'test' && verb === 'POST') {
		const webhook = state.webhooks.get(String(body?.id ?? ''));
		if (!webhook) throw new HttpError(404, `Webhook ${body?.id ?? '(no id)'} not found.`);
		sendTest(webhook);
		return { status: 200, body: { success: true } };
	}
	if (rest.length !== 1) throw new HttpError(404, `No route for ${verb} /webhook/${rest.join('/')}.`);
	const webhook = state.webhooks.get(rest[0]);
	if (!webhook) throw new HttpError(404, `Webhook ${rest[0]} not found.`);
	if (verb === 'GET') return { status: 200, body: publicView(webhook) };
	if (verb === 'DELETE') {
		state.webhooks.delete(webhook.id);
		return { status: 200, body: { id: webhook.id } };
	}
	if (verb === 'PATCH') {
		if (body?.target_url !== undefined) webhook.target_url = checkTargetUrl(body.target_url);
		if (body?.event_types !== undefined) webhook.event_types = checkEventTypes(body.event_types);
		if (body?.is_active !== undefined) webhook.is_active = body.is_active === true;
		webhook.updated_at = state.clockIso();
		return { status: 200, body: publicView(webhook) };
	}
	throw new HttpError(405, `${verb} is not supported on /webhook/:id.`);
}

/** @param {any} state @param {any} body */
function createWebhook(state, body) {
	if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The request body must be a JSON object.');
	const target = checkTargetUrl(body.target_url);
	const eventTypes = checkEventTypes(body.event_types);
	if (state.webhooks.size >= state.webhookLimit) {
		throw new HttpError(
			402,
			`Your plan allows ${state.webhookLimit} webhook${state.webhookLimit === 1 ? '' : 's'} per environment. Delete one or upgrade your plan.`,
		);
	}
	const now = state.clockIso();
	/** @type {Webhook} */
	const webhook = {
		id: `wh-${String(++state.webhookSeq).padStart(4, '0')}-${crypto.randomBytes(4).toString('hex')}`,
		environment_id: ENVIRONMENT_ID,
		target_url: target,
		event_types: eventTypes,
		is_active: body.is_active !== false,
		secret: crypto.randomBytes(24).toString('hex'),
		created_at: now,
		updated_at: now,
	};
	state.webhooks.set(webhook.id, webhook);
	// The only answer that carries the secret.
	return { status: 201, body: { ...webhook } };
}

/** @param {any} state @param {Record<string, any>} query */
function listWebhooks(state, query) {
	/** @type {Webhook[]} */
	const all = [...state.webhooks.values()].filter(
		(webhook) => query.is_active === undefined || String(webhook.is_active) === String(query.is_active),
	);
	const size = pageSize(query, 100);
	const listKey = { a: '*', r: 'webhook' };
	const start = query.next_cursor ? decodeCursor(query.next_cursor, listKey).o : 0;
	const page = all.slice(start, start + size);
	const end = start + page.length;
	return {
		result: page.map(publicView),
		next_cursor: end < all.length ? encodeCursor({ ...listKey, o: end, p: 0 }) : null,
		limit: size,
	};
}

/**
 * POST /link-token: a token for Truto Link. With `integrated_account_id` it reconnects that account
 * (`persist_previous_context: true` keeps its settings); otherwise `tenant_id` names the customer
 * of a new connection.
 * @param {any} state
 * @param {{ verb: string, rest: string[], body: any, idempotencyKey?: string, pathKey: string }} call
 */
function handleLinkToken(state, call) {
	if (call.verb !== 'POST' || call.rest.length) throw new HttpError(404, `No route for ${call.verb} /link-token/${call.rest.join('/')}.`);
	const body = call.body ?? {};
	const accountId = body.integrated_account_id;
	if (accountId !== undefined && !state.byId.has(String(accountId))) {
		throw new HttpError(404, `Integrated account ${accountId} not found.`);
	}
	if (accountId === undefined && (typeof body.tenant_id !== 'string' || body.tenant_id === '')) {
		throw new HttpError(400, 'Give integrated_account_id to reconnect an account, or tenant_id for a new connection.');
	}
	const token = {
		link_token: `lt_${crypto.randomBytes(16).toString('hex')}`,
		integrated_account_id: accountId ?? null,
		tenant_id: body.tenant_id ?? state.byId.get(String(accountId))?.tenant_id ?? null,
		persist_previous_context: body.persist_previous_context === true,
		created_at: state.clockIso(),
	};
	state.linkTokens.push(token);
	return { status: 201, body: { link_token: token.link_token } };
}

module.exports = { ENVIRONMENT_ID, EVENT_TYPES, LOOPBACK_HOSTS, PRIVATE_HOSTS, webhookState, handleWebhooks, handleLinkToken, checkTargetUrl };
