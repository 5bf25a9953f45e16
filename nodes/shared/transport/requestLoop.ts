import { type IDataObject, type IHttpRequestMethods, type IN8nHttpFullResponse, type NodeApiError, sleep } from 'n8n-workflow';

import { asErrorBody, type ErrorContext, httpError, networkError, unparseableError } from './errors';
import { isTransientNetworkError, networkErrorCode } from './networkErrors';
import { decideResend, decideRetry, isAlreadyDone, LOST_ANSWER, refusedBeforeActing, requestedWaitMs, type RetryPolicy } from './retry';
import { acquire, type Bucket } from './throttle';

/** How one request ended: the parsed body, or Truto's error body with the error the user sees. */
export type Outcome =
	| { ok: true; status: number; body: unknown; alreadyDone?: boolean }
	| { ok: false; status: number; body: IDataObject; error: NodeApiError };

export interface LoopJob {
	method: IHttpRequestMethods;
	/** Sends the request once (n8n's httpRequestWithAuthentication); throws on network failures. */
	send: () => Promise<IN8nHttpFullResponse>;
	policy: RetryPolicy;
	/** The budgets the request counts against; the first is the one a 429 pauses. */
	budgets: Bucket[];
	/** Whether sending again is safe (see retry.ts → isRepeatable). */
	repeatable: boolean;
	errorContext: (attempt: number) => ErrorContext;
}

const UNPARSEABLE = Symbol('unparseable');

/** Errors of requests that may have reached Truto but whose answer never came back whole. */
const lostAnswers = new WeakSet<object>();

/**
 * Whether a request failed because its answer was lost: a passing network failure (a reset connection,
 * a timeout) or a cut-off success body. Truto may have acted on it. A caller whose request is not
 * repeatable (a management POST) then finds out what happened instead of sending it again.
 */
export function isAnswerLost(error: unknown): boolean {
	return typeof error === 'object' && error !== null && lostAnswers.has(error);
}

function lost(error: NodeApiError): NodeApiError {
	lostAnswers.add(error);
	return error;
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

function describeThrown(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * The request loop: wait for the budgets, send, let the budgets read the answer's rate-limit headers,
 * then do what the retry rules decide — return, wait and send again, or fail with a mapped error.
 * A 429 pauses the whole budget for its wait, so parallel items wait too instead of collecting 429s.
 */
export async function requestLoop(job: LoopJob): Promise<Outcome> {
	const { policy, budgets } = job;
	const [primary] = budgets;
	// Whether an earlier attempt may have reached the app although its answer never came back whole.
	let mayHaveActed = false;
	for (let attempt = 1; ; attempt++) {
		await acquire(budgets);
		let response: IN8nHttpFullResponse;
		try {
			response = await job.send();
		} catch (error) {
			for (const budget of budgets) budget.done();
			// n8n wraps network failures in a NodeApiError whose cause holds the socket error code.
			const code = networkErrorCode(error);
			const resend = job.repeatable ? decideResend(policy, attempt, code) : { retry: false as const };
			if (resend.retry) {
				mayHaveActed = true;
				await sleep(resend.delayMs);
				continue;
			}
			const failure = networkError(code, describeThrown(error), job.errorContext(attempt));
			throw isTransientNetworkError(code) ? lost(failure) : failure;
		}
		const answeredAt = Date.now();
		primary.observe(response.headers, answeredAt, policy.maxRateLimitWaitMs);
		for (const budget of budgets) budget.done();

		const status = response.statusCode;
		if (status >= 200 && status < 300) {
			const body = parseBody(response.body);
			if (body !== UNPARSEABLE) return { ok: true, status, body };
			// A cut-off or non-JSON success body: the answer was lost on its way.
			const resend = job.repeatable ? decideResend(policy, attempt, LOST_ANSWER) : { retry: false as const };
			if (resend.retry) {
				mayHaveActed = true;
				await sleep(resend.delayMs);
				continue;
			}
			throw lost(unparseableError(status, response.body, job.errorContext(attempt)));
		}

		if (isAlreadyDone(job.method, status, mayHaveActed)) return { ok: true, status, body: {}, alreadyDone: true };
		const body = asErrorBody(response.body);
		const decision = decideRetry(policy, attempt, status, body, response.headers);
		if (status === 429) primary.rateLimited();
		if (decision.retry && (job.repeatable || refusedBeforeActing(status))) {
			// A 429's wait pauses the whole budget, and acquire() does the waiting for every request of it.
			if (status === 429) primary.block(answeredAt + decision.delayMs);
			else {
				// A 5xx may come after the app already acted (a gateway timing out on a slow answer).
				mayHaveActed = true;
				await sleep(decision.delayMs);
			}
			continue;
		}
		const context = job.errorContext(attempt);
		if (!decision.retry && decision.reason) context.retryStopReason = decision.reason;
		if (status === 429) context.requestedWaitMs = requestedWaitMs(response.headers);
		return { ok: false, status, body, error: httpError(status, response.body, context) };
	}
}
