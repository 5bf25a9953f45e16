import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { formatDuration, listNames, shorten } from '../helpers/text';
import { credentialNamed } from './credentials';
import { rateLimitsText } from './limits';
import { networkErrorReason } from './networkErrors';

/** What Truto's error bodies may carry (`{ statusCode, error, message, truto_error_insight, … }`). */
interface TrutoErrorBody extends IDataObject {
	statusCode?: number;
	error?: string;
	message?: string;
	truto_is_remote_error?: boolean;
	truto_error_insight?: IDataObject;
}

export interface ErrorContext {
	node: INode;
	itemIndex?: number;
	attempts: number;
	/** Turns an API parameter name into the field a user fills in, e.g. organization_id → "Organization". */
	describeParameter: (name: string) => string;
	/** Removes secrets from any text that leaves the node. */
	redact: (text: string) => string;
	/** Extra reason the retry loop stopped early, e.g. an over-long Retry-After. */
	retryStopReason?: string;
	/** How long the last 429 asked to wait (Retry-After, else ratelimit-reset), when it said. */
	requestedWaitMs?: number;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export function asErrorBody(body: unknown): TrutoErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as TrutoErrorBody;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as TrutoErrorBody;
		} catch {
			// Not JSON: an HTML error page from a proxy, or a cut-off body. Keep a short excerpt.
		}
		return { message: excerpt(body) };
	}
	return {};
}

function excerpt(text: string): string {
	return shorten(text, 200);
}

/** Longest piece of the app's own answer shown in a message. */
const PROVIDER_TEXT_LENGTH = 300;

/**
 * What the app itself said, from `raw_response` (an object or a text): its message-like fields when
 * it has them, else the whole answer, shortened. Shown when Truto's own message is empty.
 */
function providerText(raw: unknown): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'string') return shorten(raw, PROVIDER_TEXT_LENGTH) || undefined;
	if (typeof raw !== 'object') return String(raw);
	const answer = raw as IDataObject;
	const nested = answer.error && typeof answer.error === 'object' ? (answer.error as IDataObject) : undefined;
	for (const candidate of [answer.message, answer.error_description, nested?.message, answer.error, answer.detail, answer.title]) {
		if (typeof candidate === 'string' && candidate.trim()) return shorten(candidate, PROVIDER_TEXT_LENGTH);
	}
	return shorten(JSON.stringify(raw), PROVIDER_TEXT_LENGTH);
}

function insightValues(insight: IDataObject | undefined, key: string): string[] {
	const entry = insight?.[key] as IDataObject | undefined;
	const value = entry?.value;
	if (Array.isArray(value)) return value.map(String);
	if (value && typeof value === 'object') {
		const scopes = (value as IDataObject).missing_scopes;
		if (Array.isArray(scopes)) return scopes.map(String);
	}
	return [];
}

function hintFor(status: number, body: TrutoErrorBody, context: ErrorContext): string {
	const remote = body.truto_is_remote_error === true;
	const insight = body.truto_error_insight;
	const missingQuery = insightValues(insight, 'missing_required_query_parameters');
	const missingBody = insightValues(insight, 'missing_required_body_fields');
	const tries = context.attempts > 1 ? ` (tried ${context.attempts} times)` : '';
	switch (true) {
		case missingQuery.length > 0:
			return `This integration needs ${listNames(missingQuery.map(context.describeParameter))}. Fill ${missingQuery.length > 1 ? 'them' : 'it'} in on the node.`;
		case missingBody.length > 0:
			return `This integration needs the body field${missingBody.length > 1 ? 's' : ''} ${listNames(missingBody)}.`;
		case status === 400:
			return 'Truto rejected a parameter of this request. Check the fields the message names.';
		case status === 401 && remote:
			return "The app behind this integrated account rejected its stored credentials, so Truto marked the account as needs_reauth. The account's owner must reconnect it in Truto (for example through your Truto Link flow); retrying will not help.";
		case status === 401:
			return `Truto did not accept the API token of ${credentialNamed(context.node)}. Open that credential, paste a valid token from the Truto dashboard (Settings → API Tokens), and check the Base URL.`;
		case status === 403: {
			const scopes = insightValues(insight, 'forbidden_error');
			return scopes.length
				? `The connected app denied access; the integrated account lacks the scope${scopes.length > 1 ? 's' : ''} ${listNames(scopes)}. Reconnect it with ${scopes.length > 1 ? 'those scopes' : 'that scope'}.`
				: 'The connected app denied access. Reconnect the integrated account with the permissions this operation needs.';
		}
		case status === 404:
			return 'Nothing was found there. Check the ID and the integrated account, and that this integration supports the chosen resource.';
		case status === 405:
			return 'Truto or the app does not allow this method on this integrated account. Check that the app supports this operation for the account (sandbox accounts are read-only; the node refuses writes to them before sending).';
		case status === 409 || status === 422:
			return 'The connected app refused the change; its own message above says why.';
		case status === 429 && remote: {
			const wait = context.requestedWaitMs === undefined ? '' : ` It asks to wait ${formatDuration(context.requestedWaitMs)}.`;
			return `The app behind this integrated account hit its own rate limit, not Truto's${tries}.${wait} Apps often count per hour: run again after the wait, or read less at once (a smaller Limit, fewer input items).`;
		}
		case status === 429:
			return `Truto's rate limit was hit${tries}${context.retryStopReason ? `; ${context.retryStopReason}` : ''}. Truto allows ${rateLimitsText()}. Run again later or with fewer input items.`;
		case status === 503 && !remote:
			// Truto's blocklist, not a setting of the account: its operator guide sends you to Truto support.
			return 'The integrated account is blocked in Truto. Truto blocks accounts from its own blocklist: contact Truto support (support@truto.one) to lift the block; retrying or reconnecting will not help.';
		case status === 502 || status === 504:
			return `The app behind the integrated account did not answer in time${tries}. Try again later.`;
		case status >= 500:
			return remote
				? `The app behind the integrated account failed to answer${tries}: this ${status} is its own, passed on by Truto. It may be down or overloaded; try again later.`
				: `Truto had an internal error${tries}. Try again later.`;
		default:
			return '';
	}
}

/** Builds the error a user sees for a failed HTTP answer: Truto's message, the names it gives, and a hint. */
export function httpError(status: number, rawBody: unknown, context: ErrorContext): NodeApiError {
	const body = asErrorBody(rawBody);
	const statusText = STATUS_TEXT[status] ?? (typeof body.error === 'string' ? body.error : 'Error');
	const trutoMessage =
		(typeof body.message === 'string' && body.message.trim() ? body.message : providerText(body.raw_response)) ?? statusText;
	const source = body.truto_is_remote_error === true ? 'The connected app' : 'Truto';
	const message = context.redact(`${source} answered ${status} ${statusText}: ${trutoMessage}`);
	const description = context.redact(hintFor(status, body, context));
	// Only Truto's own body goes into the error's details: never the request and its headers.
	const details: JsonObject = JSON.parse(context.redact(JSON.stringify(body))) as JsonObject;
	return keepMessage(
		new NodeApiError(context.node, details, {
			message,
			description,
			httpCode: String(status),
			itemIndex: context.itemIndex,
		}),
		message,
	);
}

/**
 * n8n replaces an error's message with a generic one ("The connection timed out, consider setting
 * the 'Retry on Fail' option…") when its code, or any text in the message, names a common network
 * error such as ETIMEDOUT or ECONNREFUSED: that would hide which setting to fix. Ours stays.
 */
function keepMessage(error: NodeApiError, message: string): NodeApiError {
	error.message = message;
	return error;
}

export function networkError(code: string | undefined, detail: string, context: ErrorContext): NodeApiError {
	const tries = context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
	const message = context.redact(`Could not reach Truto${tries}: ${networkErrorReason(code)}`);
	return keepMessage(
		new NodeApiError(
			context.node,
			// Not under `code`: n8n would swap the message for its generic one (see keepMessage).
			{ networkErrorCode: code ?? 'UNKNOWN', message: context.redact(detail) },
			{ message, description: context.redact(detail), itemIndex: context.itemIndex },
		),
		message,
	);
}

/** A success status whose body is cut off or not JSON (an HTML page from a proxy), after the last attempt. */
export function unparseableError(status: number, rawBody: unknown, context: ErrorContext): NodeApiError {
	return new NodeApiError(
		context.node,
		{ message: 'Response is not JSON' },
		{
			message: `Truto answered ${status} with a body that is not valid JSON${context.attempts > 1 ? ` (tried ${context.attempts} times)` : ''}`,
			description: context.redact(`The answer began with: ${String(rawBody).slice(0, 200)}`),
			itemIndex: context.itemIndex,
		},
	);
}

/** A list answer without `result`: nothing to page through. */
export function notAListError(context: ErrorContext): NodeApiError {
	return new NodeApiError(
		context.node,
		{ message: 'Unexpected list answer' },
		{
			message: 'Truto answered a list request without a result list',
			description:
				'Expected { "result": [...], "next_cursor": ... }. If you asked for the raw response format, the node returns the provider answer as it is instead of paging.',
			itemIndex: context.itemIndex,
		},
	);
}

/** A cursor that came back twice, or endless empty pages: the listing stops instead of looping. */
export function loopingPagesError(context: ErrorContext): NodeApiError {
	return new NodeApiError(
		context.node,
		{ message: 'Repeated page cursor' },
		{
			message: 'Truto returned a page cursor it had already returned, so paging would never end',
			description:
				'The listing was stopped instead of looping. The app behind the integrated account may be misbehaving; try again later, or narrow the listing with filters.',
			itemIndex: context.itemIndex,
		},
	);
}

/**
 * An error for one of the editor's lists (a resource locator's "Could not load list"): n8n shows it as
 * "<httpCode> - <message>", so a message that starts with the status ("Truto answered 401
 * Unauthorized: …") would say it twice. The list reads "401 - Unauthorized: Invalid API token" instead.
 */
export function forEditorList(error: unknown): unknown {
	if (!(error instanceof NodeApiError) || !error.httpCode) return error;
	const status = error.httpCode;
	const shown = error.message.replace(new RegExp(`^(Truto|The connected app) answered ${status} `), '');
	if (shown !== error.message) error.message = shown;
	return error;
}
