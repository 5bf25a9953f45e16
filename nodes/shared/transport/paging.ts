import type { IDataObject } from 'n8n-workflow';

import { toRecords } from '../helpers/items';
import { FALLBACK_PAGE_SIZE } from './limits';
import type { Outcome } from './requestLoop';

/** One page of a Truto list. */
export interface ListPage {
	records: IDataObject[];
	/** undefined at the end of the list. */
	nextCursor?: string;
	/** Truto flagged the page `is_partial_response`: the app returned less than it has. */
	partial: boolean;
}

/** Empty pages in a row that are still believable; beyond this the server is looping. */
const MAX_EMPTY_PAGES_IN_A_ROW = 50;

/**
 * Reads `{ result | results, next_cursor, is_partial_response }` (management lists call the array
 * `results` in one document). undefined when the answer has no result list. (A `result` keyed by
 * `truto_key_by` would be an object; the node never asks for that, so it is not a list here.)
 */
export function readListPage(body: unknown): ListPage | undefined {
	const envelope = (body ?? {}) as IDataObject;
	const result = envelope.result ?? envelope.results;
	if (!Array.isArray(result)) return undefined;
	const next = envelope.next_cursor;
	const nextCursor = next === null || next === undefined || next === '' ? undefined : String(next);
	return { records: result as IDataObject[], nextCursor, partial: envelope.is_partial_response === true };
}

/**
 * A page in the raw response format: when Truto still wraps the app's answer in its list envelope
 * (`result` and a `next_cursor` key), the cursor is followed like any other; any other shape is the
 * app's own answer, without a Truto cursor: one page, a list giving one record per element.
 */
export function readRawPage(body: unknown): ListPage {
	const envelope = body as IDataObject | undefined;
	const enveloped = envelope && typeof envelope === 'object' && !Array.isArray(envelope) && 'next_cursor' in envelope;
	if (enveloped) {
		const page = readListPage(body);
		if (page) return page;
	}
	return { records: toRecords(body), partial: false };
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

export interface PagingPlan {
	/** The list's own query (without limit and next_cursor). */
	query: IDataObject;
	/** How many records to return; undefined returns all. */
	limit?: number;
	maxPageSize: number;
	/** Where to start: a cursor from an earlier page (editor dropdowns page one call at a time). */
	cursor?: string;
}

export interface PagingSeams {
	/** Sends one page request with this query. */
	fetch: (query: IDataObject) => Promise<Outcome>;
	/** Reads one answer as a page (unified or raw); undefined when it is not a list answer. */
	read: (body: unknown) => ListPage | undefined;
	/** The error for an answer without a result list, or for a cursor that loops. */
	notAList: () => Error;
	looping: () => Error;
}

/**
 * Walks a list page by page, every page through the same path. Follows `next_cursor` until it is
 * null, missing or empty, across empty and short pages; with a limit it asks for no more than it
 * still needs and stops at exactly that many. A first page refused for its size is asked again with
 * the size every app takes. A cursor that comes back twice is an error, never an endless loop.
 */
export async function* walkPages(plan: PagingPlan, seams: PagingSeams): AsyncGenerator<ListPage> {
	const seenCursors = new Set<string>();
	let remaining = plan.limit ?? Number.POSITIVE_INFINITY;
	let cursor = plan.cursor || undefined;
	let emptyPagesInARow = 0;
	let pageSize = plan.maxPageSize;
	let firstPage = true;
	while (remaining > 0) {
		const query: IDataObject = { ...plan.query, limit: Math.min(remaining, pageSize) };
		if (cursor !== undefined) query.next_cursor = cursor;
		const outcome = await seams.fetch(query);
		if (!outcome.ok) {
			const askedMore = (query.limit as number) > FALLBACK_PAGE_SIZE;
			if (firstPage && askedMore && outcome.status === 400 && refusesPageSize(outcome.body)) {
				pageSize = FALLBACK_PAGE_SIZE;
				continue;
			}
			throw outcome.error;
		}
		const page = seams.read(outcome.body);
		if (!page) throw seams.notAList();
		firstPage = false;
		const wanted = page.records.length > remaining ? page.records.slice(0, remaining) : page.records;
		remaining -= wanted.length;
		if (wanted.length || page.partial) yield { ...page, records: wanted };

		const next = page.nextCursor;
		if (next === undefined || remaining <= 0) return;
		emptyPagesInARow = page.records.length === 0 ? emptyPagesInARow + 1 : 0;
		if (seenCursors.has(next) || emptyPagesInARow > MAX_EMPTY_PAGES_IN_A_ROW) throw seams.looping();
		seenCursors.add(next);
		cursor = next;
	}
}
