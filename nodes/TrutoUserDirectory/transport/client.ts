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
	decideRetry,
	DEFAULT_RETRY_POLICY,
	isRetriableNetworkError,
	networkErrorCode,
	type RetryPolicy,
} from './retry';

export type TrutoFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'trutoApi';
export const UNIFIED_MODEL = 'user-directory';
/** Largest page the node asks for; providers may answer with fewer. */
export const MAX_PAGE_SIZE = 100;
/** Empty pages in a row that are still believable; beyond this the server is looping. */
const MAX_EMPTY_PAGES_IN_A_ROW = 50;
const REQUEST_TIMEOUT_MS = 30_000;

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
}

/**
 * The one place that talks HTTP to Truto: base URL, query encoding, retries, error mapping and
 * cursor paging. Operations describe what they want; they never see status codes or cursors.
 */
export class TrutoClient {
	private readonly policy: RetryPolicy;

	private readonly describeParameter: (name: string) => string;

	private constructor(
		private readonly context: TrutoFunctions,
		private readonly baseUrl: string,
		private readonly secret: string,
		options: ClientOptions,
	) {
		this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
		this.describeParameter = options.describeParameter ?? ((name) => name);
	}

	static async create(context: TrutoFunctions, options: ClientOptions = {}): Promise<TrutoClient> {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const secret = String(credentials.apiToken ?? '');
		const baseUrl = checkBaseUrl(context, credentials.baseUrl, (text) => redactSecret(text, secret));
		return new TrutoClient(context, baseUrl, secret, options);
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

	/** One request with Truto's retry rules; resolves to the parsed JSON body. */
	async request(request: TrutoRequest): Promise<unknown> {
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
			timeout: REQUEST_TIMEOUT_MS,
		};
		if (request.body !== undefined) options.body = request.body;

		for (let attempt = 1; ; attempt++) {
			const errorContext = this.errorContext(request, attempt);
			let response: IN8nHttpFullResponse;
			try {
				response = (await this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					CREDENTIAL_TYPE,
					options,
				)) as IN8nHttpFullResponse;
			} catch (error) {
				// n8n wraps network failures in a NodeApiError whose cause holds the socket error code.
				const code = networkErrorCode(error);
				if (repeatable && isRetriableNetworkError(code) && attempt < this.policy.maxAttempts) {
					await sleep(this.policy.baseDelayMs * attempt);
					continue;
				}
				throw networkError(code, describeThrown(error), errorContext);
			}

			const status = response.statusCode;
			if (status >= 200 && status < 300) {
				const body = parseBody(response.body);
				if (body !== UNPARSEABLE) return body;
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
			if (decision.retry && repeatable) {
				await sleep(decision.delayMs);
				continue;
			}
			if (!decision.retry && decision.reason) errorContext.retryStopReason = decision.reason;
			throw httpError(status, response.body, errorContext);
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
		while (remaining > 0) {
			const query: IDataObject = { ...request.query, limit: Math.min(remaining, MAX_PAGE_SIZE) };
			if (cursor !== undefined) query.next_cursor = cursor;
			const body = await this.request({ ...request, query });
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
			if (request.limit !== undefined) query.limit = Math.min(request.limit, MAX_PAGE_SIZE);
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
	return encodeURIComponent(value);
}

function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('***');
}

function checkBaseUrl(context: TrutoFunctions, raw: unknown, redact: (text: string) => string): string {
	const given = String(raw ?? '').trim() || 'https://api.truto.one';
	const text = redact(given);
	let url: URL;
	try {
		url = new URL(given);
	} catch {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" is not a valid URL`, {
			description: 'Open the Truto API credential and set Base URL to https://api.truto.one (or your Truto address).',
		});
	}
	const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" must use https`, {
			description: 'The API token travels with every request, so only https is allowed (plain http only to localhost).',
		});
	}
	if (url.search || url.hash || url.username || url.password) {
		throw new NodeOperationError(context.getNode(), 'The Base URL must not contain a query, fragment or user name', {
			description: 'Set Base URL to just the address, for example https://api.truto.one.',
		});
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function describeThrown(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
