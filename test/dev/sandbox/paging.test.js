'use strict';
// @ts-check
/** The sandbox's paging: caps, cursors (and bad ones), a generated 100,000-user directory. */
const { ACCOUNTS, NOW, startSandbox, call, unified, listAll, useSharedSandbox } = require('./helpers');

useSharedSandbox();

describe('paging', () => {
	test('zoom: cap 25, empty 3rd page with a cursor, short 5th page, 237 distinct users', async () => {
		const { pages, cursors, records } = await listAll('zoom', 'users', '&limit=100');
		expect(pages.map((p) => p.length)).toEqual([25, 25, 0, 25, 7, 25, 25, 25, 25, 25, 25, 5]);
		expect(records).toHaveLength(237);
		expect(new Set(records.map((u) => u.id)).size).toBe(237);
		for (const c of cursors) expect(c).toMatch(/^(?=.*\+)(?=.*\/)(?=.*=)/);
	});

	test('default limit is 20 and result_count matches', async () => {
		const r = await call(unified('github', 'users'));
		expect(r.json.result).toHaveLength(12);
		expect(r.json).toMatchObject({ next_cursor: null, prev_cursor: null, result_count: 12 });
		const z = await call(unified('zoom', 'users'));
		expect(z.json.result).toHaveLength(20);
	});

	test('small limits walk the whole list without repeats', async () => {
		const { pages, records } = await listAll('github', 'users', '&limit=5');
		expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
		expect(new Set(records.map((u) => u.id)).size).toBe(12);
	});

	test('a cursor that was not URL-encoded, or encoded twice, or belongs elsewhere is a 400', async () => {
		const first = await call(unified('zoom', 'users', '&limit=10'));
		const cursor = first.json.next_cursor;
		expect(cursor).toMatch(/^(?=.*\+)(?=.*\/)(?=.*=)/);
		for (const bad of [
			cursor,
			encodeURIComponent(encodeURIComponent(cursor)),
			cursor.replace(/\+/g, ' '),
		]) {
			const r = await call(unified('zoom', 'users', `&next_cursor=${bad}`));
			expect(r.status).toBe(400);
			expect(r.json).toMatchObject({
				statusCode: 400,
				error: 'Bad Request',
				message: 'Invalid cursor',
			});
		}
		const other = await call(
			unified('zoom', 'groups', `&next_cursor=${encodeURIComponent(cursor)}`),
		);
		expect(other.status).toBe(400);
	});

	test('the server cap bounds any limit', async () => {
		const small = await startSandbox({ pageCap: 4, now: NOW });
		try {
			const r = await call(`${unified('github', 'users')}&limit=50`, { base: small.url });
			expect(r.json.result).toHaveLength(4);
			expect(r.json.next_cursor).toEqual(expect.any(String));
		} finally {
			await small.close();
		}
	});

	test('bench: a 100,000-user directory generated on demand', async () => {
		const big = await startSandbox({ bigDirectory: { users: 100_000 }, now: NOW });
		try {
			const r = await call(`${unified('bench', 'users')}&limit=100`, { base: big.url });
			expect(r.json.result).toHaveLength(100);
			expect(r.json.result[0].id).toBe('100000');
			const last = await call(
				`/unified/user-directory/users/199999?integrated_account_id=${ACCOUNTS.bench}`,
				{ base: big.url },
			);
			expect(last.status).toBe(200);
			expect(
				(
					await call(
						`/unified/user-directory/users/200000?integrated_account_id=${ACCOUNTS.bench}`,
						{ base: big.url },
					)
				).status,
			).toBe(404);
			const licenses = await call(unified('bench', 'licenses'), { base: big.url });
			const seats = licenses.json.result.reduce(
				(/** @type {number} */ n, /** @type {any} */ l) => n + l.assigned_quantity,
				0,
			);
			expect(seats).toBe(100_000);
		} finally {
			await big.close();
		}
		expect((await call(unified('bench', 'users'))).json.result).toEqual([]);
	});
});
