import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { toRecords } from '../helpers/items';
import { toQueryString } from '../helpers/query';
import { asErrorBody, type ErrorContext, httpError, networkError } from './errors';
import {
	FALLBACK_PAGE_SIZE,
	ITEM_CONCURRENCY,
	MAX_ID_LENGTH,
	MAX_PAGE_SIZE,
	type RateLimits,
	REQUEST_TIMEOUT_MS,
	TRUTO_RATE_LIMITS,
} from './limits';
import {
	decideRetry,
	DEFAULT_RETRY_POLICY,
	isRetriableNetworkError,
	networkErrorCode,
	rateLimitWaitMs,
	type RetryPolicy,
} from './retry';
import { acquire, type Bucket, bucketFor, fingerprint } from './throttle';

export type TrutoFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'trutoApi';
export const UNIFIED_MODEL = 'user-directory';
/** Empty pages in a row that are still believable; beyond this the server is looping. */
const MAX_EMPTY_PAGES_IN_A_ROW = 50;

/** The path of a unified user-directory call: /unified/user-directory/<resource>[/<id>]. */
export function unifiedPath(resource: string, ...rest: string[]): string[] {
	return ['unified', UNIFIED_MODEL, resource, ...rest];
}

export interface TrutoRequest {
	method?: IHttpRequestMethods;
	/** Path segments, unencoded: the client encodes each one so an ID can never leave its place. */
	path: string[];
	query?: IDataObject;
	body?: IDataObject;
	/** Sent with writes so that a retried request cannot act twice. */
	idempotencyKey?: string;
	itemIndex?: number;
}

export interface ListRequest extends TrutoRequest {
	/** How many records to return; undefined returns all. */
	limit?: number;
}

export interface ClientOptions {
	retry?: Partial<RetryPolicy>;
	describeParameter?: (name: string) => string;
	/** Per-attempt timeout in milliseconds (default REQUEST_TIMEOUT_MS). */
	timeoutMs?: number;
	/**
	 * The server limits the local request budget stays under (default Truto's 50 / 10 s per account,
	 * 500 / 10 s per token). `false` turns the local budget off; `ratelimit-*` headers and 429s still
	 * hold requests back.
	 */
	rateLimits?: Partial<RateLimits> | false;
	/** Largest page asked for when listing (default MAX_PAGE_SIZE). */
	maxPageSize?: number;
	/** Input items worked on at the same time by the router (default ITEM_CONCURRENCY). */
	itemConcurrency?: number;
}

/** Options every client of this process starts from: a seam for tests and benchmarks. */
let clientDefaults: ClientOptions = {};

/** Sets the options every new client starts from (its own options still win). Tests and benchmarks only. */
export function setClientDefaults(defaults: ClientOptions): void {
	clientDefaults = { ...defaults };
}

type Outcome =
	| { ok: true; body: unknown }
	| { ok: false; status: number; body: IDataObject; error: NodeApiError };

/**
 * The one place that talks HTTP to Truto: base URL, query encoding, retries, error mapping and
 * cursor paging. Operations describe what they want; they never see status codes or cursors.
 */
export class TrutoClient {
	/** How many input items the router may work on at the same time. */
	readonly itemConcurrency: number;

	private readonly policy: RetryPolicy;

	private readonly describeParameter: (name: string) => string;

	private readonly timeoutMs: number;

	private readonly maxPageSize: number;

	private readonly rateLimits: Partial<RateLimits>;

	private constructor(
		private readonly context: TrutoFunctions,
		private readonly baseUrl: string,
		private readonly secret: string,
		given: ClientOptions,
	) {
		const options: ClientOptions = { ...clientDefaults, ...given };
		this.policy = { ...DEFAULT_RETRY_POLICY, ...clientDefaults.retry, ...given.retry };
		this.describeParameter = options.describeParameter ?? ((name) => name);
		this.timeoutMs = positive(options.timeoutMs, REQUEST_TIMEOUT_MS);
		this.maxPageSize = positive(options.maxPageSize, MAX_PAGE_SIZE);
		this.itemConcurrency = positive(options.itemConcurrency, ITEM_CONCURRENCY);
		this.rateLimits = options.rateLimits === false ? {} : { ...TRUTO_RATE_LIMITS, ...options.rateLimits };
	}

	static async create(context: TrutoFunctions, options: ClientOptions = {}): Promise<TrutoClient> {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const secret = checkToken(context, credentials.apiToken);
		const baseUrl = checkBaseUrl(context, credentials.baseUrl, (text) => redactSecret(text, secret));
		const fromCredential = rateLimitsFromCredential(credentials.rateLimitPerAccount);
		// Options given in code (tests, benchmarks) win over the credential's setting.
		const rateLimits = options.rateLimits ?? clientDefaults.rateLimits ?? fromCredential;
		return new TrutoClient(context, baseUrl, secret, { ...options, rateLimits });
	}

	/** Replaces the API token wherever it might have slipped into a text. */
	redact(text: string): string {
		return redactSecret(text, this.secret);
	}

	buildUrl(path: string[], query: IDataObject = {}): string {
		const encodedPath = path.map((segment) => encodeSegment(this.context, segment)).join('/');
		const queryString = toQueryString(query);
		return `${this.baseUrl}/${encodedPath}${queryString ? `?${queryString}` : ''}`;
	}

	/** One request with Truto's retry rules and request budget; resolves to the parsed JSON body. */
	async request(request: TrutoRequest): Promise<unknown> {
		const outcome = await this.exchange(request);
		if (outcome.ok) return outcome.body;
		throw outcome.error;
	}

	/**
	 * The budgets a request counts against: unified calls against their integrated account's and the
	 * token's, management calls (/integrated-account) against the token's only. The first one is the
	 * one a 429 pauses.
	 */
	private budgetsFor(request: TrutoRequest): Bucket[] {
		const token = bucketFor(
			`${this.baseUrl} token ${fingerprint(this.secret)}`,
			`${this.baseUrl} token`,
			this.rateLimits.token,
		);
		const accountId = request.query?.integrated_account_id;
		if (request.path[0] !== 'unified' || typeof accountId !== 'string' || accountId === '') return [token];
		const account = bucketFor(
			`${this.baseUrl} account ${accountId}`,
			`${this.baseUrl} account ${accountId}`,
			this.rateLimits.account,
		);
		return [account, token];
	}

	private async exchange(request: TrutoRequest): Promise<Outcome> {
		const method = request.method ?? 'GET';
		const url = this.buildUrl(request.path, request.query);
		// GETs are safe to repeat; writes only when an idempotency key makes them so.
		const repeatable = method === 'GET' || request.idempotencyKey !== undefined;
		const headers: IDataObject = { Accept: 'application/json' };
		if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
		const options: IHttpRequestOptions = {
			method,
			url,
			headers,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.timeoutMs,
		};
		if (request.body !== undefined) options.body = request.body;
		const budgets = this.budgetsFor(request);

		for (let attempt = 1; ; attempt++) {
			const errorContext = this.errorContext(request, attempt);
			await acquire(budgets);
			let response: IN8nHttpFullResponse;
			try {
				response = (await this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					CREDENTIAL_TYPE,
					options,
				)) as IN8nHttpFullResponse;
			} catch (error) {
				for (const budget of budgets) budget.done();
				// n8n wraps network failures in a NodeApiError whose cause holds the socket error code.
				const code = networkErrorCode(error);
				if (repeatable && isRetriableNetworkError(code) && attempt < this.policy.maxAttempts) {
					await sleep(this.policy.baseDelayMs * attempt);
					continue;
				}
				throw networkError(code, describeThrown(error), errorContext);
			}
			const answeredAt = Date.now();
			budgets[0].observe(response.headers, answeredAt, this.policy.maxRateLimitWaitMs);
			for (const budget of budgets) budget.done();

			const status = response.statusCode;
			if (status >= 200 && status < 300) {
				const body = parseBody(response.body);
				if (body !== UNPARSEABLE) return { ok: true, body };
				// A cut-off or non-JSON success body: asking again is safe for repeatable requests.
				if (repeatable && attempt < this.policy.maxAttempts) {
					await sleep(this.policy.baseDelayMs * attempt);
					continue;
				}
				throw new NodeApiError(
					this.context.getNode(),
					{ message: 'Response is not JSON' },
					{
						message: `Truto answered ${status} with a body that is not valid JSON${attempt > 1 ? ` (tried ${attempt} times)` : ''}`,
						description: this.redact(`The answer began with: ${String(response.body).slice(0, 200)}`),
						itemIndex: request.itemIndex,
					},
				);
			}

			const body = asErrorBody(response.body);
			const decision = decideRetry(this.policy, attempt, status, body, response.headers);
			if (status === 429) {
				// A 429 pauses the whole budget, so that parallel items wait too instead of collecting 429s;
				// the retry below then waits in acquire().
				budgets[0].rateLimited();
				const waitMs = rateLimitWaitMs(this.policy, response.headers);
				if (waitMs <= this.policy.maxRateLimitWaitMs) budgets[0].block(answeredAt + waitMs);
			}
			if (decision.retry && repeatable) {
				if (status !== 429) await sleep(decision.delayMs);
				continue;
			}
			if (!decision.retry && decision.reason) errorContext.retryStopReason = decision.reason;
			return { ok: false, status, body, error: httpError(status, response.body, errorContext) };
		}
	}

	/**
	 * Walks a unified list page by page. Follows `next_cursor` until it is null, missing or empty,
	 * across empty and short pages; with a limit it asks for no more than it still needs and stops
	 * at exactly that many. A cursor that comes back twice is an error, never an endless loop.
	 */
	async *pages(request: ListRequest): AsyncGenerator<IDataObject[]> {
		const seenCursors = new Set<string>();
		let remaining = request.limit ?? Number.POSITIVE_INFINITY;
		let cursor: string | undefined;
		let emptyPagesInARow = 0;
		let pageSize = this.maxPageSize;
		while (remaining > 0) {
			const query: IDataObject = { ...request.query, limit: Math.min(remaining, pageSize) };
			if (cursor !== undefined) query.next_cursor = cursor;
			let body: unknown;
			if (cursor === undefined && (query.limit as number) > FALLBACK_PAGE_SIZE) {
				// Some apps refuse a page size above their own maximum: ask again with one every app takes.
				const outcome = await this.exchange({ ...request, query });
				if (!outcome.ok && outcome.status === 400 && refusesPageSize(outcome.body)) {
					pageSize = FALLBACK_PAGE_SIZE;
					continue;
				}
				if (!outcome.ok) throw outcome.error;
				body = outcome.body;
			} else {
				body = await this.request({ ...request, query });
			}
			const { records, nextCursor } = readListPage(this.context, body, request.itemIndex);
			const wanted = records.length > remaining ? records.slice(0, remaining) : records;
			remaining -= wanted.length;
			if (wanted.length) yield wanted;

			if (nextCursor === undefined || remaining <= 0) return;
			emptyPagesInARow = records.length === 0 ? emptyPagesInARow + 1 : 0;
			if (seenCursors.has(nextCursor) || emptyPagesInARow > MAX_EMPTY_PAGES_IN_A_ROW) {
				throw new NodeApiError(
					this.context.getNode(),
					{ message: 'Repeated page cursor' },
					{
						message: 'Truto returned a page cursor it had already returned, so paging would never end',
						description:
							'The listing was stopped instead of looping. The app behind the integrated account may be misbehaving; try again later, or narrow the listing with filters.',
						itemIndex: request.itemIndex,
					},
				);
			}
			seenCursors.add(nextCursor);
			cursor = nextCursor;
		}
	}

	/**
	 * All records of a list (up to `limit`). A raw-format answer is the provider's own shape with no
	 * Truto cursor, so it is read once and split into records.
	 */
	async list(request: ListRequest): Promise<IDataObject[]> {
		if (request.query?.truto_response_format === 'raw') {
			const query = { ...request.query };
			if (request.limit !== undefined) query.limit = Math.min(request.limit, this.maxPageSize);
			const records = toRecords(await this.request({ ...request, query }));
			return request.limit !== undefined ? records.slice(0, request.limit) : records;
		}
		const records: IDataObject[] = [];
		for await (const page of this.pages(request)) records.push(...page);
		return records;
	}

	private errorContext(request: TrutoRequest, attempts: number): ErrorContext {
		return {
			node: this.context.getNode(),
			itemIndex: request.itemIndex,
			attempts,
			describeParameter: this.describeParameter,
			redact: (text) => this.redact(text),
		};
	}
}

const UNPARSEABLE = Symbol('unparseable');

function positive(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/**
 * Whether a 400 on a first page reads like a refused page size ("Invalid page size specified: '500'.
 * Must be between 1 and 999", "maxResults must be within the range [1, 500]", …). A 400 that names
 * missing parameters, or says nothing of the kind, is passed on as it is.
 */
function refusesPageSize(body: IDataObject): boolean {
	const insight = body.truto_error_insight as IDataObject | undefined;
	if (insight?.missing_required_query_parameters) return false;
	const text = [body.message, body.error, typeof body.raw_response === 'string' ? body.raw_response : JSON.stringify(body.raw_response ?? '')]
		.map((part) => String(part ?? ''))
		.join(' ');
	return /\blimit\b|page.?size|per.?page|max.?results|\$top|out of range|within the range|between \d+ and \d+|too (large|big|many)|exceeds?/i.test(text);
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return {};
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return UNPARSEABLE;
	}
}

/** Reads `{ result | results, next_cursor }`; `result` keyed by `truto_key_by` is an object. */
function readListPage(
	context: TrutoFunctions,
	body: unknown,
	itemIndex: number | undefined,
): { records: IDataObject[]; nextCursor: string | undefined } {
	const envelope = (body ?? {}) as IDataObject;
	const result = envelope.result ?? envelope.results;
	let records: IDataObject[];
	if (Array.isArray(result)) records = result as IDataObject[];
	else if (result && typeof result === 'object') records = Object.values(result as IDataObject) as IDataObject[];
	else {
		throw new NodeApiError(
			context.getNode(),
			{ message: 'Unexpected list answer' },
			{
				message: 'Truto answered a list request without a result list',
				description:
					'Expected { "result": [...], "next_cursor": ... }. If you asked for the raw response format, the node returns the provider answer as it is instead of paging.',
				itemIndex,
			},
		);
	}
	const next = envelope.next_cursor;
	const nextCursor = next === null || next === undefined || next === '' ? undefined : String(next);
	return { records, nextCursor };
}

function encodeSegment(context: TrutoFunctions, segment: string): string {
	const value = String(segment);
	// `.` and `..` would be resolved away by URL parsing and move the request to another path.
	if (value.trim() === '' || value === '.' || value === '..') {
		throw new NodeOperationError(
			context.getNode(),
			value.trim() === '' ? 'An ID is empty' : `"${value}" is not a valid ID`,
			{ description: 'Enter the ID of an existing record, or pick one from the list.' },
		);
	}
	if (value.length > MAX_ID_LENGTH) {
		throw new NodeOperationError(
			context.getNode(),
			`An ID is ${value.length} characters long; IDs longer than ${MAX_ID_LENGTH} characters are not sent`,
			{ description: `It begins with "${value.slice(0, 40)}…". Check the expression that gives the ID: it may point at a whole text instead of an ID field.` },
		);
	}
	return encodeURIComponent(value);
}

/**
 * The credential's "Requests per 10 Seconds per Account": unset means Truto's standard limits, 0 no
 * local budget at all, any other number that many per account (and ten times as many per token,
 * never fewer than Truto's 500).
 */
function rateLimitsFromCredential(value: unknown): Partial<RateLimits> | false | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const perAccount = Number(value);
	if (!Number.isFinite(perAccount) || perAccount < 0) return undefined;
	if (perAccount === 0) return false;
	const windowMs = TRUTO_RATE_LIMITS.account.windowMs;
	return {
		account: { requests: Math.floor(perAccount), windowMs },
		token: { requests: Math.max(TRUTO_RATE_LIMITS.token.requests, Math.floor(perAccount) * 10), windowMs },
	};
}

function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('***');
}

/** The API token as stored; an empty one, or one with spaces or line breaks (a paste gone wrong), is refused. */
function checkToken(context: TrutoFunctions, raw: unknown): string {
	const secret = typeof raw === 'string' ? raw : String(raw ?? '');
	const description =
		'Open the Truto API credential and paste the API token again (Truto dashboard → Settings → API Tokens).';
	if (secret.trim() === '') {
		throw new NodeOperationError(context.getNode(), 'The Truto API credential has no API token', { description });
	}
	if (/\s/.test(secret) || [...secret].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
		throw new NodeOperationError(
			context.getNode(),
			'The API token in the Truto API credential contains spaces or line breaks',
			{ description },
		);
	}
	return secret;
}

/** Paths of Truto's own API: a Base URL that ends with one was copied from a full request URL. */
const API_PATH = /\/(unified|integrated-account|integration|environment|sync-job|link-token)(\/|$)/i;

function checkBaseUrl(context: TrutoFunctions, raw: unknown, redact: (text: string) => string): string {
	const given = String(raw ?? '').trim() || 'https://api.truto.one';
	const text = redact(given);
	const fix = 'Open the Truto API credential and set Base URL to https://api.truto.one (or your Truto address).';
	if (/\s/.test(given)) {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" contains a space`, { description: fix });
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given);
	if (!scheme) {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" does not start with https://`, {
			description: fix,
		});
	}
	let url: URL;
	try {
		url = new URL(given);
	} catch {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" is not a valid URL`, { description: fix });
	}
	const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL "${text}" must use https, not ${redact(scheme[1].toLowerCase())}`,
			{
				description:
					'The API token travels with every request, so only https is allowed (plain http only to localhost). Check the spelling: https://api.truto.one.',
			},
		);
	}
	if (url.search || url.hash || url.username || url.password) {
		throw new NodeOperationError(context.getNode(), 'The Base URL must not contain a query, fragment or user name', {
			description: 'Set Base URL to just the address, for example https://api.truto.one.',
		});
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (API_PATH.test(path)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL "${redact(`${url.origin}${path}`)}" ends with an API path`,
			{ description: `Set Base URL to just the address (${redact(url.origin)}); the node adds /unified/… itself.` },
		);
	}
	return `${url.origin}${path}`;
}

function describeThrown(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
