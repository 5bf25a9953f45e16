'use strict';
// @ts-check
/**
 * The HTTP layer: control endpoints, request log, faults, bearer check, routing, answers.
 */
const http = require('node:http');
const qs = require('qs');
const { HttpError, errorBody, insight } = require('./errors');
const { HTML_PAGE } = require('./faults');
const { handleManagement } = require('./management');
const { handleUnified } = require('./unified');
const { handleWebhooks, handleLinkToken } = require('./webhooks');
const { testSender } = require('./deliveries');
const { webhookControl } = require('./webhook-control');

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * @typedef {{
 *   method: string, path: string, query: Record<string, any>, rawQuery: string,
 *   headers: Record<string, string | string[] | undefined>, status: number | null,
 *   accountId: string | null, body?: unknown, fault?: string, at: number, ms?: number
 * }} RecordedRequest
 */

/** @param {any} state */
function createServer(state) {
	return http.createServer((req, res) => {
		handle(state, req, res).catch((err) => {
			// Last resort: a bug in the sandbox itself still answers in Truto's shape.
			if (!res.headersSent && !res.destroyed)
				sendJson(res, 500, errorBody(500, `Sandbox error: ${err?.message ?? err}`));
		});
	});
}

/**
 * @param {any} state
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function handle(state, req, res) {
	const method = req.method ?? 'GET';
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	const pathname = q < 0 ? url : url.slice(0, q);
	const rawQuery = q < 0 ? '' : url.slice(q + 1);
	const text = await readBody(req);

	if (pathname.startsWith('/__sandbox/')) {
		const answer = await webhookControl(state, method, pathname, text);
		if (answer) return sendJson(res, answer.status, answer.body);
		return control(state, method, pathname, text, res);
	}
	// Every answer of a slow app (the benchmark's realistic conditions), counted from arrival.
	const arrived = Date.now();

	const query = qs.parse(rawQuery, { depth: 5, arrayLimit: 200, parameterLimit: 2000 });
	const accountId =
		typeof query.integrated_account_id === 'string' ? query.integrated_account_id : null;
	/** @type {RecordedRequest} */
	const entry = {
		method,
		path: pathname,
		query,
		rawQuery,
		headers: maskHeaders(req.headers),
		status: null,
		accountId,
		at: Date.now(),
	};
	state.requests.push(entry);
	// When the answer is done (or the socket dropped): lets benchmarks see request rate and concurrency.
	res.once('close', () => {
		entry.ms = Date.now() - entry.at;
	});

	const fault = state.faults.pick({
		method,
		path: pathname,
		rawQuery,
		accountId,
		hasCursor: Boolean(query.next_cursor),
	});
	if (fault) {
		entry.fault = fault.kind;
		if (fault.kind === 'delay') await state.sleep(fault.ms ?? 1000);
		if (fault.kind === 'reset') {
			entry.status = 0;
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'status') {
			const status = fault.status ?? 500;
			entry.status = status;
			return sendJson(
				res,
				status,
				fault.body ?? errorBody(status, `Injected ${status} from the sandbox.`),
				fault.headers,
			);
		}
		if (fault.kind === 'html') {
			const status = fault.status ?? 502;
			entry.status = status;
			res.writeHead(status, {
				'content-type': 'text/html; charset=utf-8',
				...(fault.headers ?? {}),
			});
			return void res.end(HTML_PAGE(status));
		}
	}

	/** @type {Record<string, string>} */
	const extraHeaders = {};
	/** @type {{ status: number, body: unknown, headers?: Record<string, string> }} */
	let answer;
	try {
		let body;
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				throw new HttpError(400, 'The request body is not valid JSON.');
			}
			entry.body = body;
		}
		checkToken(state, req);
		checkTokenLimit(state);
		answer = route(state, {
			verb: method,
			pathname,
			query,
			body,
			idempotencyKey:
				typeof req.headers['idempotency-key'] === 'string'
					? req.headers['idempotency-key']
					: undefined,
			pathKey: url,
			headers: extraHeaders,
		});
	} catch (err) {
		if (!(err instanceof HttpError)) throw err;
		answer = { status: err.statusCode, body: err.toBody(), headers: err.headers };
	}
	let payload = answer.body;
	// repeat-cursor: a buggy provider that hands back the cursor it was given.
	if (
		fault?.kind === 'repeat-cursor' &&
		payload &&
		typeof payload === 'object' &&
		'next_cursor' in payload
	) {
		payload = { ...payload, next_cursor: query.next_cursor };
	}
	// partial: the app returned less than it has for this page, and Truto says so. The records it
	// drops are the last half of the page; the cursor still leads on.
	if (fault?.kind === 'partial' && payload && typeof payload === 'object' && Array.isArray(payload.result)) {
		const kept = payload.result.slice(0, Math.ceil(payload.result.length / 2));
		payload = { ...payload, result: kept, result_count: kept.length, is_partial_response: true };
	}
	if (state.latencyMs) await state.sleep(Math.max(0, state.latencyMs - (Date.now() - arrived)));
	entry.status = answer.status;
	const headers = { ...extraHeaders, ...(answer.headers ?? {}) };
	if (fault?.kind === 'truncate') {
		const json = JSON.stringify(payload);
		res.writeHead(answer.status, { 'content-type': JSON_TYPE, ...headers });
		return void res.end(json.slice(0, Math.floor(json.length / 2)));
	}
	sendJson(res, answer.status, payload, headers);
}

/**
 * @param {any} state
 * @param {{ verb: string, pathname: string, query: Record<string, any>, body: any, idempotencyKey?: string, pathKey: string, headers: Record<string, string> }} r
 */
function route(state, r) {
	let segments;
	try {
		// Split before decoding so an encoded "/" (%2F) inside an id stays part of the id.
		segments = r.pathname.split('/').filter(Boolean).map(decodeURIComponent);
	} catch {
		throw new HttpError(400, 'Malformed URL encoding in the path.');
	}
	if (segments[0] === 'integrated-account')
		return handleManagement(state, r.verb, segments.slice(1), r.query);
	const call = { verb: r.verb, rest: segments.slice(1), query: r.query, body: r.body, idempotencyKey: r.idempotencyKey, pathKey: r.pathKey };
	if (segments[0] === 'webhook') return handleWebhooks(state, call, testSender(state));
	if (segments[0] === 'link-token') return handleLinkToken(state, call);
	if (segments[0] === 'unified' && segments[1] === 'user-directory') {
		return handleUnified(
			state,
			{
				method: r.verb,
				pathKey: r.pathKey,
				query: r.query,
				body: r.body,
				idempotencyKey: r.idempotencyKey,
				headers: r.headers,
			},
			segments.slice(2),
		);
	}
	if (segments[0] === 'unified')
		throw new HttpError(
			404,
			`Unknown unified model "${segments[1] ?? ''}". The sandbox serves "user-directory".`,
		);
	throw new HttpError(404, `No route for ${r.verb} ${r.pathname}.`);
}

/**
 * @param {any} state
 * @param {http.IncomingMessage} req
 */
function checkToken(state, req) {
	const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	if (!m || m[1].trim() !== state.token) throw new HttpError(401, 'Invalid API token.');
}

/**
 * Truto's per-token limit (500 requests / 10 s), when the sandbox enforces one: every call made with
 * the token counts, management and metadata calls included.
 * @param {any} state
 */
function checkTokenLimit(state) {
	if (!state.rateLimiter || !Number.isFinite(state.rateLimiter.tokenLimit)) return;
	const verdict = state.rateLimiter.takeToken(state.token);
	if (verdict.allowed) return;
	throw new HttpError(
		429,
		`Rate limit exceeded for this API token. Retry after ${verdict.retryAfter} seconds.`,
		insight('rate_limit_error', 'Too many requests for this API token in the current window.', {
			limit: state.rateLimiter.tokenLimit,
			window_seconds: Math.round(state.rateLimiter.windowMs / 1000),
			retry_after: verdict.retryAfter,
		}),
		{ 'retry-after': String(verdict.retryAfter) },
	);
}

/** The log must never hold the token. @param {http.IncomingHttpHeaders} headers */
function maskHeaders(headers) {
	const out = { ...headers };
	if (out.authorization !== undefined) out.authorization = 'Bearer ***';
	return out;
}

/**
 * /__sandbox/* : no auth, for tests running in another process.
 * @param {any} state
 * @param {string} method
 * @param {string} pathname
 * @param {string} text
 * @param {http.ServerResponse} res
 */
function control(state, method, pathname, text, res) {
	const route = `${method} ${pathname}`;
	if (route === 'GET /__sandbox/health')
		return sendJson(res, 200, {
			ok: true,
			accounts: state.accounts.length,
			requests: state.requests.length,
		});
	if (route === 'GET /__sandbox/requests') return sendJson(res, 200, { requests: state.requests });
	if (route === 'DELETE /__sandbox/requests') {
		state.requests.length = 0;
		return sendJson(res, 200, { cleared: true });
	}
	if (route === 'GET /__sandbox/faults')
		return sendJson(res, 200, {
			faults: state.faults.list.map((/** @type {any} */ { pathRe, queryRe, ...f }) => f),
		});
	if (route === 'PUT /__sandbox/faults') {
		try {
			const faults = JSON.parse(text || '{}').faults;
			state.faults.set(faults);
			return sendJson(res, 200, { faults: faults.length });
		} catch (err) {
			return sendJson(
				res,
				400,
				errorBody(
					400,
					`Bad faults: ${/** @type {Error} */ (err).message}. Send { "faults": [ … ] }.`,
				),
			);
		}
	}
	if (route === 'DELETE /__sandbox/faults') {
		state.faults.clear();
		return sendJson(res, 200, { cleared: true });
	}
	return sendJson(res, 404, errorBody(404, `No control route ${route}.`));
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': JSON_TYPE,
		'content-length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

module.exports = { createServer };
