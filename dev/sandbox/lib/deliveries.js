'use strict';
// @ts-check
/**
 * Signed deliveries of Truto events to the registered webhooks, emitted on request (control
 * endpoint or code): the body `{ id, event, payload, environment_id, webhook_id, created_at }` (Truto's
 * pages also call the type field `event_type`, which its sample code reads: an emit can use either),
 * `User-Agent: truto` and `X-Truto-Signature: format=sha256,v=<hex>` = HMAC-SHA256 of the raw body
 * with the webhook's secret. An emit can repeat one event id (Truto's retries) and spoil the
 * signature on purpose.
 */
const crypto = require('node:crypto');
const { resolveDates } = require('./dates');
const { HttpError } = require('./errors');
const { ENVIRONMENT_ID, EVENT_TYPES } = require('./webhooks');

/** How an emit signs its deliveries: correctly, or in one of the ways a receiver must refuse. */
const SIGNATURES = ['valid', 'wrong', 'missing', 'malformed', 'tampered'];
/** The name of the body's type field: Truto's webhook overview says event, its event list and sample code event_type. */
const TYPE_FIELDS = ['event', 'event_type', 'both'];
/** A target that has not answered after this long counts as failed (Truto gives up too). */
const DELIVERY_TIMEOUT_MS = 15_000;

/** What an account event does to the account in the sandbox, as it does in Truto. */
const STATUS_AFTER = {
	'integrated_account:authentication_error': 'needs_reauth',
	'integrated_account:validation_error': 'validation_error',
	'integrated_account:post_install_error': 'post_install_error',
	'integrated_account:active': 'active',
	'integrated_account:reactivated': 'active',
};

/** Truto's words for why an account stopped working, per error event (`last_error`). */
const LAST_ERROR = {
	'integrated_account:authentication_error': 'invalid_grant: the refresh token was revoked or has expired (401 from the app)',
	'integrated_account:validation_error': 'The credentials were accepted but the app refused the validation request (403 from the app)',
	'integrated_account:post_install_error': 'The post-install step failed: the app did not return the organization list',
};

/**
 * @typedef {{
 *   event: string, account?: string, id?: string, payload?: Record<string, unknown>,
 *   context?: Record<string, unknown>, lastError?: unknown, times?: number, signature?: string,
 *   webhookId?: string, typeField?: string, createdAt?: string | null
 * }} EmitSpec
 *   account: key (github) or id; payload: merged over the built payload; context: merged into the
 *   account's context; times: deliveries of the same event id (Truto's retries); webhookId: only to
 *   that webhook (also one that does not subscribe to the event); typeField: event (default),
 *   event_type or both; createdAt: the body's created_at (ISO or "@-25h"; null leaves it out), to
 *   replay an old delivery
 * @typedef {{ webhook_id: string, target_url: string, event_id: string, event: string, attempt: number,
 *   signature: string, status: number, body: string, error?: string, at: string, ms: number }} Delivery
 */

/** @param {string} secret @param {string} raw */
function signatureOf(secret, raw) {
	return `format=sha256,v=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** @param {any} state @param {string | undefined} keyOrId */
function findAccount(state, keyOrId) {
	if (keyOrId === undefined) return undefined;
	const account = state.byId.get(keyOrId) ?? state.accounts.find((/** @type {any} */ a) => a.key === keyOrId);
	if (!account) throw new HttpError(400, `Unknown account "${keyOrId}": give an account key (github, okta, …) or id.`);
	return account;
}

/** The integrated account as Truto's account events carry it. @param {any} account @param {string} event @param {EmitSpec} spec */
function accountPayload(account, event, spec) {
	if (event === 'integrated_account:deleted') return { id: account.id };
	const payload = {
		id: account.id,
		tenant_id: account.tenant_id,
		environment_id: ENVIRONMENT_ID,
		status: account.status,
		is_sandbox: account.is_sandbox,
		authentication_method: 'oauth2',
		region: account.region,
		context: { ...(account.context ?? {}), ...(spec.context ?? {}) },
		integration: { id: account.integration.id, name: account.integration.name, config: { label: account.integration.label } },
		created_at: account.created_at,
		updated_at: account.updated_at,
	};
	const lastError = spec.lastError ?? LAST_ERROR[/** @type {keyof typeof LAST_ERROR} */ (event)];
	return lastError === undefined ? payload : { ...payload, last_error: lastError };
}

/** @param {any} state @param {EmitSpec} spec @param {any} account */
function buildPayload(state, spec, account) {
	const { event } = spec;
	if (event === 'test') return { foo: 'bar' };
	if (!account) throw new HttpError(400, `Event ${event} needs an account (a key such as github, or an id).`);
	if (event.startsWith('integrated_account:')) {
		const status = STATUS_AFTER[/** @type {keyof typeof STATUS_AFTER} */ (event)];
		if (status) {
			account.status = status;
			account.updated_at = state.clockIso();
		}
		return accountPayload(account, event, spec);
	}
	// Truto documents these events' names, not their payloads: the shapes below are the sandbox's guess.
	if (event === 'sync_job_run:record') {
		// A sync job posts what it read as { resource, records, meta }.
		const users = account.data.users;
		return {
			id: crypto.randomUUID(),
			sync_job_id: 'sync-job-users-nightly',
			integrated_account_id: account.id,
			resource: 'user-directory/users',
			records: users && users.length ? users.slice(0, 2) : [],
			meta: { cursor: null },
		};
	}
	if (event.startsWith('sync_job_run:')) {
		const failed = event === 'sync_job_run:failed';
		return {
			id: crypto.randomUUID(),
			sync_job_id: 'sync-job-users-nightly',
			integrated_account_id: account.id,
			status: event.split(':')[1],
			started_at: state.clockIso(),
			finished_at: state.clockIso(),
			...(failed ? { error: 'The app answered 503 while listing users' } : {}),
		};
	}
	if (event === 'sync_job_cron_trigger:failed') {
		return { id: crypto.randomUUID(), sync_job_id: 'sync-job-users-nightly', integrated_account_id: account.id, cron_expression: '0 2 * * *', error: 'The sync job run could not be started' };
	}
	if (event.startsWith('batch_job:')) {
		const failed = event.endsWith('failed');
		return {
			id: crypto.randomUUID(),
			integrated_account_id: account.id,
			dry_run: event.includes('dry_run'),
			status: failed ? 'failed' : 'completed',
			...(failed ? { error: 'The app refused the batch' } : {}),
		};
	}
	// record:* — a data change the app pushed to Truto, mapped to a unified record.
	const users = account.data.users;
	const record = users && users.length ? users.at(0) : { id: 'record-1' };
	return { integrated_account_id: account.id, resource: 'user-directory/users', method: event.split(':')[1], record };
}

/**
 * The body's created_at: now, or the time asked for (an old one replays a captured delivery); null
 * leaves the field out. The real clock, not the fixtures' (which a test may set in the past): Truto
 * stamps an event when it happens, and receivers compare that with their own clock.
 * @param {unknown} asked @returns {string | null}
 */
function createdAtOf(asked) {
	if (asked === undefined) return new Date().toISOString();
	if (asked === null) return null;
	const resolved = typeof asked === 'string' ? resolveDates(asked, Date.now()) : undefined;
	if (typeof resolved !== 'string' || Number.isNaN(Date.parse(resolved)) || !/^\d{4}-\d{2}-\d{2}T/.test(resolved)) {
		throw new HttpError(400, `createdAt must be an ISO time, a relative date such as "@-25h", or null; got ${JSON.stringify(asked)}.`);
	}
	return resolved;
}

/**
 * Delivers one event to every active webhook that subscribes to it (or to `webhookId` only),
 * `times` times each with the same event id, and waits for the answers.
 * @param {any} state
 * @param {EmitSpec} spec
 * @returns {Promise<{ event: Record<string, unknown>, deliveries: Delivery[] }>}
 */
async function emit(state, spec) {
	if (!spec || typeof spec.event !== 'string' || spec.event === '') throw new HttpError(400, 'Give the event type to emit, e.g. { "event": "integrated_account:authentication_error", "account": "github" }.');
	const signature = spec.signature ?? 'valid';
	if (!SIGNATURES.includes(signature)) throw new HttpError(400, `signature must be one of ${SIGNATURES.join(', ')}.`);
	const typeField = spec.typeField ?? 'event';
	if (!TYPE_FIELDS.includes(typeField)) throw new HttpError(400, `typeField must be one of ${TYPE_FIELDS.join(', ')}.`);
	const times = spec.times ?? 1;
	if (!Number.isInteger(times) || times < 1 || times > 10) throw new HttpError(400, 'times must be a whole number from 1 to 10.');
	const account = findAccount(state, spec.account);
	const payload = { ...buildPayload(state, spec, account), ...(spec.payload ?? {}) };
	const eventId = spec.id ?? crypto.randomUUID();
	const createdAt = createdAtOf(spec.createdAt);
	/** @type {import('./webhooks').Webhook[]} */
	const targets = spec.webhookId
		? [state.webhooks.get(spec.webhookId)].filter(Boolean)
		: [...state.webhooks.values()].filter(
				(webhook) => webhook.is_active && (!webhook.event_types || webhook.event_types.includes(spec.event)),
			);
	if (spec.webhookId && !targets.length) throw new HttpError(404, `Webhook ${spec.webhookId} not found.`);
	const deliveries = [];
	for (const webhook of targets) {
		const type = typeField === 'both' ? { event: spec.event, event_type: spec.event } : { [typeField]: spec.event };
		const raw = JSON.stringify({ id: eventId, ...type, payload, environment_id: ENVIRONMENT_ID, webhook_id: webhook.id, ...(createdAt === null ? {} : { created_at: createdAt }) });
		// Retries are sent one after the other, as Truto retries a delivery after the previous attempt.
		for (let attempt = 1; attempt <= times; attempt++) deliveries.push(await deliver(state, webhook, raw, { eventId, event: spec.event, attempt, signature }));
	}
	return { event: { id: eventId, event: spec.event, payload, created_at: createdAt }, deliveries };
}

/**
 * @param {any} state
 * @param {import('./webhooks').Webhook} webhook
 * @param {string} raw the JSON body, signed as it is sent
 * @param {{ eventId: string, event: string, attempt: number, signature: string }} how
 * @returns {Promise<Delivery>}
 */
async function deliver(state, webhook, raw, how) {
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', 'user-agent': 'truto' };
	let body = raw;
	if (how.signature === 'valid') headers['x-truto-signature'] = signatureOf(webhook.secret, raw);
	if (how.signature === 'wrong') headers['x-truto-signature'] = signatureOf(`${webhook.secret}-not-it`, raw);
	if (how.signature === 'malformed') headers['x-truto-signature'] = `sha256=${crypto.createHmac('sha256', webhook.secret).update(raw).digest('base64')}`;
	if (how.signature === 'tampered') {
		headers['x-truto-signature'] = signatureOf(webhook.secret, raw);
		body = raw.replace(/"(event|event_type)":"[^"]*"/, '"$1":"integrated_account:active"');
	}
	const started = Date.now();
	/** @type {Delivery} */
	const delivery = {
		webhook_id: webhook.id,
		target_url: webhook.target_url,
		event_id: how.eventId,
		event: how.event,
		attempt: how.attempt,
		signature: how.signature,
		status: 0,
		body: '',
		at: new Date(started).toISOString(),
		ms: 0,
	};
	try {
		const response = await fetch(webhook.target_url, { method: 'POST', headers, body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
		delivery.status = response.status;
		delivery.body = (await response.text()).slice(0, 2000);
	} catch (error) {
		delivery.error = /** @type {Error} */ (error).message;
	}
	delivery.ms = Date.now() - started;
	state.deliveries.push(delivery);
	return delivery;
}

/** Truto's `test` event to one webhook (POST /webhook/test), in the background. @param {any} state */
function testSender(state) {
	return (/** @type {import('./webhooks').Webhook} */ webhook) => {
		void emit(state, { event: 'test', webhookId: webhook.id }).catch(() => undefined);
	};
}

module.exports = { emit, signatureOf, testSender, SIGNATURES, TYPE_FIELDS, EVENT_TYPES };
