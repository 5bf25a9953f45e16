'use strict';
// @ts-check
/** fetchAllPages() against the sandbox: where it stops, what it counts, what it sends. */
const { fetchAllPages } = require('../../dev/paging');
const { ACCOUNTS, TOKEN, useSharedSandbox } = require('./sandbox/helpers');

const USERS = '/unified/user-directory/users';

const sb = useSharedSandbox();

test('follows next_cursor through an empty page to the null at the end', async () => {
	const { records, pages, cursors, bytes } = await fetchAllPages(`${sb.url}${USERS}`, {
		token: TOKEN,
		query: { integrated_account_id: ACCOUNTS.zoom, limit: '100' },
	});
	expect(records).toHaveLength(237);
	expect(pages).toContainEqual([]);
	expect(pages).toHaveLength(cursors.length + 1);
	expect(sb.requests.slice(1).map((request) => request.query.next_cursor)).toEqual(cursors);
	expect(bytes).toBeGreaterThan(0);
});

test.each([
	['missing', {}],
	['empty', { next_cursor: '' }],
])('stops when next_cursor is %s', async (_, cursor) => {
	sb.setFaults([{ kind: 'status', status: 200, body: { result: [{ id: 'only' }], ...cursor } }]);
	const { records, pages } = await fetchAllPages(`${sb.url}${USERS}?integrated_account_id=${ACCOUNTS.github}`, { token: TOKEN });
	expect(records).toEqual([{ id: 'only' }]);
	expect(pages).toHaveLength(1);
});

test('adds the query to a URL that has one, and shows every answer to onPage before a failure throws', async () => {
	/** @type {number[]} */
	const statuses = [];
	const walk = fetchAllPages(`${sb.url}${USERS}?integrated_account_id=${ACCOUNTS.github}`, {
		token: 'wrong',
		query: { limit: '5' },
		onPage: (answer) => statuses.push(answer.status),
	});
	await expect(walk).rejects.toThrow(/: 401 /);
	expect(statuses).toEqual([401]);
	expect(sb.requests[0].query).toMatchObject({ integrated_account_id: ACCOUNTS.github, limit: '5' });
});
