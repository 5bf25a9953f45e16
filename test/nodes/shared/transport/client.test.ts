import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, TrutoClient, unifiedPath } from '../../../../nodes/shared/transport';
import { TrutoApi } from '../../../../credentials/TrutoApi.credentials';
import { DEFAULT_BASE_URL } from '../../../../nodes/shared/transport/credentials';
import { readListPage, readRawPage } from '../../../../nodes/shared/transport/paging';
import { executeContext, helpers } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox, badRequest } from '../../../helpers/sandbox';

const ZOOM_USERS = 237;

const sb = useSandbox();

async function client(token = TOKEN): Promise<TrutoClient> {
	const context = executeContext({ parameters: {}, credentials: { apiToken: token, baseUrl: sb.url } });
	// Short backoff keeps the suite quick; 429 waits still follow the server's Retry-After.
	return await TrutoClient.create(context, { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
}

function listZoomUsers(truto: TrutoClient, limit?: number): Promise<IDataObject[]> {
	return truto.list({
		path: unifiedPath('users'),
		accountId: ACCOUNTS.zoom,
		limit,
	});
}

function ids(records: IDataObject[]): string[] {
	return records.map((record) => String(record.id));
}

function expectUnique(records: IDataObject[], count: number): void {
	expect(records).toHaveLength(count);
	expect(new Set(ids(records)).size).toBe(count);
}

describe('TrutoClient paging', () => {
	it('returns every record once across empty and short pages', async () => {
		const truto = await client();
		const records = await listZoomUsers(truto);
		expectUnique(records, ZOOM_USERS);

		const requests = unifiedRequests(sb, 'users');
		// The account answers 25 per page with one empty and one short page in between.
		expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(ZOOM_USERS / 25) + 1);
		expect(requests.every((request) => request.status === 200)).toBe(true);
		expect(requests[0].query.next_cursor).toBeUndefined();
		expect(requests.slice(1).every((request) => typeof request.query.next_cursor === 'string')).toBe(true);
	});

	it('sends cursors with + / = intact', async () => {
		const truto = await client();
		await listZoomUsers(truto);
		const cursors = unifiedRequests(sb, 'users')
			.map((request) => request.query.next_cursor as string | undefined)
			.filter((cursor): cursor is string => cursor !== undefined);
		expect(cursors.length).toBeGreaterThan(0);
		const all = cursors.join('');
		expect(all).toMatch(/\+/);
		expect(all).toMatch(/\//);
		expect(all).toMatch(/=/);
	});

	it('returns exactly the limit and never asks for more than it still needs', async () => {
		const truto = await client();
		const records = await listZoomUsers(truto, 60);
		expectUnique(records, 60);

		const all = await listZoomUsers(await client());
		expect(ids(records)).toEqual(ids(all).slice(0, 60));

		sb.clearRequests();
		await listZoomUsers(truto, 60);
		// Zoom answers 25, 25, then an empty page, then 25 per page: the asks shrink with what is still missing.
		expect(unifiedRequests(sb, 'users').map((request) => Number(request.query.limit))).toEqual([60, 35, 10, 10]);
	});

	it('stops at the end of the data when the limit is larger', async () => {
		expectUnique(await listZoomUsers(await client(), 10_000), ZOOM_USERS);
	});

	it(`asks pages of ${MAX_PAGE_SIZE} records when returning all`, async () => {
		await listZoomUsers(await client());
		expect(unifiedRequests(sb, 'users').every((request) => Number(request.query.limit) === MAX_PAGE_SIZE)).toBe(true);
	});

	it('asks again with 100 when an app refuses the large page size, and keeps to 100', async () => {
		sb.setFaults([
			badRequest("Invalid page size specified: '500'. Must be between 1 and 300 inclusive.", { truto_is_remote_error: true }, { path: '/unified/user-directory/users', query: 'limit=500' }),
		]);
		expectUnique(await listZoomUsers(await client()), ZOOM_USERS);
		const limits = unifiedRequests(sb, 'users').map((request) => Number(request.query.limit));
		expect(limits[0]).toBe(MAX_PAGE_SIZE);
		expect(limits.slice(1).every((limit) => limit === 100)).toBe(true);
	});

	it('passes on a 400 that is not about the page size, after one request', async () => {
		sb.setFaults([
			badRequest('organization_id is required', { truto_error_insight: { missing_required_query_parameters: { description: 'x', value: ['limit'] } } }, { path: '/unified/user-directory/users' }),
		]);
		await expect(listZoomUsers(await client())).rejects.toThrow(/400/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(1);
	});

	it('fails on a repeated cursor instead of looping', async () => {
		sb.setFaults([{ kind: 'repeat-cursor', match: { path: '/unified/user-directory/users' }, after: 1, times: -1 }]);
		await expect(listZoomUsers(await client())).rejects.toThrow(/already returned/);
		expect(unifiedRequests(sb, 'users').length).toBeLessThan(10);
	});
});

describe('TrutoClient retries', () => {
	it('retries 429 after Retry-After and loses or repeats nothing', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
				body: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' },
				match: { path: '/unified/user-directory/users' },
				after: 2,
				times: 2,
			},
		]);
		const started = Date.now();
		expectUnique(await listZoomUsers(await client()), ZOOM_USERS);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(unifiedRequests(sb, 'users').filter((request) => request.status === 429)).toHaveLength(2);
	});

	it('retries a 502 burst mid-listing', async () => {
		sb.setFaults([
			{ kind: 'status', status: 502, match: { path: '/unified/user-directory/users' }, after: 3, times: 3 },
		]);
		expectUnique(await listZoomUsers(await client()), ZOOM_USERS);
		expect(unifiedRequests(sb, 'users').filter((request) => request.status === 502)).toHaveLength(3);
	});

	it('retries 504 and a cut-off body', async () => {
		sb.setFaults([
			{ kind: 'status', status: 504, match: { path: '/unified/user-directory/users' }, after: 1, times: 1 },
			{ kind: 'truncate', match: { path: '/unified/user-directory/users' }, after: 4, times: 1 },
		]);
		expectUnique(await listZoomUsers(await client()), ZOOM_USERS);
	});

	it('retries a reset connection', async () => {
		sb.setFaults([{ kind: 'reset', match: { path: '/unified/user-directory/users' }, after: 2, times: 1 }]);
		expectUnique(await listZoomUsers(await client()), ZOOM_USERS);
	});

	it('gives up after the last attempt with a clear error', async () => {
		sb.setFaults([{ kind: 'html', status: 502, match: { path: '/unified/user-directory/users' }, times: -1 }]);
		await expect(listZoomUsers(await client())).rejects.toThrow(/502/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(5);
	});

	it.each([
		[400, 'Bad Request'],
		[401, 'Unauthorized'],
		[404, 'Not Found'],
		[503, 'Service Unavailable'],
	])('does not retry %i', async (status, error) => {
		sb.setFaults([
			{ kind: 'status', status, body: { statusCode: status, error, message: 'nope' }, match: { path: '/unified/' } },
		]);
		await expect(listZoomUsers(await client())).rejects.toThrow(new RegExp(`${status}`));
		expect(unifiedRequests(sb, 'users')).toHaveLength(1);
	});
});

describe('TrutoClient base URL and token', () => {
	it.each([
		['not a url', /contains a space/],
		['https://api.truto.one:99999', /not a valid URL/],
		['http://api.truto.one', /must use https, not http/],
		['ftp://api.truto.one', /must use https, not ftp/],
		['https://api.truto.one/?x=1', /must not contain/],
	])('rejects the Base URL %s', async (baseUrl, message) => {
		const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl } });
		await expect(TrutoClient.create(context)).rejects.toThrow(message);
	});

	it('falls back to the default Base URL (the credential\'s default) when it is empty', async () => {
		const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: '  ' } });
		const truto = await TrutoClient.create(context);
		expect(truto.buildUrl(['integrated-account'])).toBe(`${DEFAULT_BASE_URL}/integrated-account`);
		expect(new TrutoApi().properties.find((property) => property.name === 'baseUrl')?.default).toBe(DEFAULT_BASE_URL);
	});

	it('accepts a trailing slash on the Base URL', async () => {
		const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: `${sb.url}//` } });
		const truto = await TrutoClient.create(context);
		expect(truto.buildUrl(['integrated-account'])).toBe(`${sb.url}/integrated-account`);
	});

	it('never puts the token into an error, even one built from the Base URL', async () => {
		const leaked = ['tk', 'live', '0123456789abcdef'].join('_');
		const context = executeContext({
			parameters: {},
			credentials: { apiToken: leaked, baseUrl: `http://example.com/${leaked}` },
		});
		const error = await TrutoClient.create(context).catch((caught: Error) => caught);
		expect(String((error as Error).message)).not.toContain(leaked);
		expect(JSON.stringify(error)).not.toContain(leaked);
	});

	it('reads the credential once and hands it to n8n\'s request helper with every request', async () => {
		const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
		let reads = 0;
		const read = context.getCredentials.bind(context);
		context.getCredentials = (async (type: string) => {
			reads++;
			return await read(type);
		}) as typeof context.getCredentials;
		// The helper's own credential is wrong: only the one the client hands over lets a request through.
		Object.assign(context.helpers, helpers({ apiToken: 'not-the-token', baseUrl: sb.url }, context.requests));
		const records = await listZoomUsers(await TrutoClient.create(context));
		expectUnique(records, ZOOM_USERS);
		expect(context.requests.length).toBeGreaterThan(5);
		expect(context.requests.every((request) => request.headers.Authorization === `Bearer ${TOKEN}`)).toBe(true);
		expect(reads).toBe(1);
	});

	it('encodes IDs as one path segment and refuses . and ..', async () => {
		const truto = await client();
		expect(truto.buildUrl(unifiedPath('users', 'a/b c?d#é'))).toBe(
			`${sb.url}/unified/user-directory/users/a%2Fb%20c%3Fd%23%C3%A9`,
		);
		expect(() => truto.buildUrl(unifiedPath('users', '..'))).toThrow(/not a valid ID/);
		expect(() => truto.buildUrl(unifiedPath('users', ' '))).toThrow(/empty/);
	});
});

describe('reading list answers', () => {
	it('takes a list envelope (result or results) with its cursor and partial flag', () => {
		expect(readListPage({ result: [{ id: 1 }], next_cursor: 'c', is_partial_response: true })).toEqual({
			records: [{ id: 1 }],
			nextCursor: 'c',
			partial: true,
		});
		expect(readListPage({ results: [], next_cursor: '' })).toEqual({ records: [], nextCursor: undefined, partial: false });
	});

	it('does not take apart a result keyed by truto_key_by: the node never asks for one', () => {
		expect(readListPage({ result: { a: { id: 'a' } }, next_cursor: null })).toBeUndefined();
	});

	it("reads a raw answer as one page unless Truto kept its envelope around it", () => {
		expect(readRawPage([{ id: 1 }, { id: 2 }])).toEqual({ records: [{ id: 1 }, { id: 2 }], partial: false });
		expect(readRawPage({ value: [1] })).toEqual({ records: [{ value: [1] }], partial: false });
		expect(readRawPage({ result: [{ id: 3 }], next_cursor: 'n' })).toEqual({ records: [{ id: 3 }], nextCursor: 'n', partial: false });
	});
});
