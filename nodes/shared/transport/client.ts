import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, readConnection, redactSecret, type TrutoConnection } from './credentials';
import { type ErrorContext, loopingPagesError, notAListError } from './errors';
import { MAX_PAGE_SIZE, type RateLimits, REQUEST_TIMEOUT_MS, TRUTO_RATE_LIMITS } from './limits';
import { type ListPage, type PagingSeams, readListPage, readRawPage, walkPages } from './paging';
import { buildUrl, segmentProblem } from './path';
import { type Outcome, requestLoop } from './requestLoop';
import { DEFAULT_RETRY_POLICY, isRepeatable, type RetryPolicy } from './retry';
import { type Bucket, bucketFor, fingerprint } from './throttle';
import type { TrutoFunctions } from './types';

export interface TrutoRequest {
	method?: IHttpRequestMethods;
	/** Path segments, unencoded: the client encodes each one so an ID can never leave its place. */
	path: string[];
	/**
	 * The integrated account a unified call reads or changes: sent as integrated_account_id and counted
	 * against that account's request budget as well as the token's.
	 */
	accountId?: string;
	query?: IDataObject;
	body?: IDataObject;
	/** Sent with writes so that a retried request cannot act twice. */
	idempotencyKey?: string;
	itemIndex?: number;
	/** Fewer attempts than the policy's, for look-ups that only help. */
	maxAttempts?: number;
	/** Names a Truto parameter as the field a user fills in, for error hints (see model/naming.ts). */
	describeParameter?: (name: string) => string;
}

export interface ListRequest extends TrutoRequest {
	/** How many records to return; undefined returns all. */
	limit?: number;
}

/** Settings given in code (tests, benchmarks); a node never sets them. */
export interface ClientOptions {
	retry?: Partial<RetryPolicy>;
	/** Per-attempt timeout in milliseconds (default REQUEST_TIMEOUT_MS). */
	timeoutMs?: number;
	/**
	 * The server limits the local request budget stays under (default: the credential's setting, else
	 * Truto's 50 / 10 s per account, 500 / 10 s per token). `false` turns the local budget off;
	 * `ratelimit-*` headers and 429s still hold requests back.
	 */
	rateLimits?: Partial<RateLimits> | false;
	/** Largest page asked for when listing (default MAX_PAGE_SIZE). */
	maxPageSize?: number;
}

function positive(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/**
 * The one place that talks HTTP to Truto. It puts the seams together: the credential's connection
 * (credentials.ts), the request loop with budgets and retry rules (requestLoop.ts, throttle.ts,
 * retry.ts), paging (paging.ts) and error mapping (errors.ts). Callers describe what they want; they
 * never see status codes or cursors.
 */
export class TrutoClient {
	private readonly policy: RetryPolicy;

	private readonly timeoutMs: number;

	private readonly maxPageSize: number;

	private readonly rateLimits: Partial<RateLimits>;

	private constructor(
		private readonly context: TrutoFunctions,
		private readonly connection: TrutoConnection,
		options: ClientOptions,
	) {
		this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
		this.timeoutMs = positive(options.timeoutMs, REQUEST_TIMEOUT_MS);
		this.maxPageSize = positive(options.maxPageSize, MAX_PAGE_SIZE);
		// Options given in code win over the credential's setting.
		const limits = options.rateLimits ?? connection.rateLimits;
		this.rateLimits = limits === false ? {} : { ...TRUTO_RATE_LIMITS, ...limits };
	}

	static async create(context: TrutoFunctions, options: ClientOptions = {}): Promise<TrutoClient> {
		return new TrutoClient(context, await readConnection(context), options);
	}

	/** The Truto address requests go to (webhook registration checks that Truto can reach n8n from there). */
	get baseUrl(): string {
		return this.connection.baseUrl;
	}

	/**
	 * How many requests the token's budget lets go at once now. A reader that could ask for something
	 * before it knows it needs it asks here first, so that reading ahead never costs waiting.
	 */
	tokenRoom(): number {
		const [token] = this.budgetsFor({ path: [] });
		return token.room(Date.now());
	}

	/** Replaces the API token wherever it might have slipped into a text. */
	redact(text: string): string {
		return redactSecret(text, this.connection.secret);
	}

	buildUrl(path: string[], query: IDataObject = {}): string {
		for (const segment of path) {
			const problem = segmentProblem(segment);
			if (problem) throw new NodeOperationError(this.context.getNode(), problem.message, { description: problem.description });
		}
		return buildUrl(this.connection.baseUrl, path, query);
	}

	/** One request with Truto's retry rules and request budget; resolves to the parsed JSON body. */
	async request(request: TrutoRequest): Promise<unknown> {
		const outcome = await this.exchange(request);
		if (outcome.ok) return outcome.body;
		throw outcome.error;
	}

	/** One request, answered with its outcome instead of throwing Truto's error (paging reads the status). */
	async exchange(request: TrutoRequest): Promise<Outcome> {
		const method = request.method ?? 'GET';
		const headers: IDataObject = { Accept: 'application/json' };
		if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
		const query = request.accountId === undefined ? request.query : { ...request.query, integrated_account_id: request.accountId };
		const options: IHttpRequestOptions = {
			method,
			url: this.buildUrl(request.path, query),
			headers,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.timeoutMs,
		};
		if (request.body !== undefined) options.body = request.body;
		const maxAttempts = Math.min(this.policy.maxAttempts, request.maxAttempts ?? Number.POSITIVE_INFINITY);
		return await requestLoop({
			method,
			send: async () =>
				(await this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					CREDENTIAL_TYPE,
					options,
					{ credentialsDecrypted: this.connection.credential },
				)) as IN8nHttpFullResponse,
			policy: { ...this.policy, maxAttempts },
			budgets: this.budgetsFor(request),
			repeatable: isRepeatable(method, request.idempotencyKey),
			errorContext: (attempts) => this.errorContext(request, attempts),
		});
	}

	/** Every page of a list, each through the same request path (see paging.ts). */
	pages(request: ListRequest): AsyncGenerator<ListPage> {
		return walkPages({ query: request.query ?? {}, limit: request.limit, maxPageSize: this.maxPageSize }, this.pagingSeams(request));
	}

	private pagingSeams(request: TrutoRequest): PagingSeams {
		const errorContext = this.errorContext(request, 1);
		const raw = request.query?.truto_response_format === 'raw';
		return {
			fetch: async (query) => await this.exchange({ ...request, query }),
			read: raw ? readRawPage : readListPage,
			notAList: () => notAListError(errorContext),
			looping: () => loopingPagesError(errorContext),
		};
	}

	/**
	 * The next page with records from `cursor` on (the first page without one), for editor dropdowns
	 * that page one call at a time; empty pages on the way are skipped.
	 */
	async page(request: TrutoRequest, cursor?: string): Promise<ListPage> {
		const walk = walkPages(
			{ query: request.query ?? {}, maxPageSize: this.maxPageSize, cursor },
			this.pagingSeams(request),
		);
		for await (const page of walk) return page;
		return { records: [], partial: false };
	}

	/** All records of a list (up to `limit`), in any response format. */
	async list(request: ListRequest): Promise<IDataObject[]> {
		const records: IDataObject[] = [];
		for await (const page of this.pages(request)) records.push(...page.records);
		return records;
	}

	/**
	 * The budgets a request counts against: calls of an integrated account against its budget and the
	 * token's, management calls (/integrated-account) against the token's only. The first one is the
	 * one a 429 pauses.
	 */
	private budgetsFor(request: TrutoRequest): Bucket[] {
		const { baseUrl, secret } = this.connection;
		const token = bucketFor(`${baseUrl} token ${fingerprint(secret)}`, `${baseUrl} token`, this.rateLimits.token);
		const { accountId } = request;
		if (accountId === undefined || accountId === '') return [token];
		const account = bucketFor(`${baseUrl} account ${accountId}`, `${baseUrl} account ${accountId}`, this.rateLimits.account);
		return [account, token];
	}

	private errorContext(request: TrutoRequest, attempts: number): ErrorContext {
		return {
			node: this.context.getNode(),
			itemIndex: request.itemIndex,
			attempts,
			describeParameter: request.describeParameter ?? ((name) => name),
			redact: (text) => this.redact(text),
		};
	}
}
