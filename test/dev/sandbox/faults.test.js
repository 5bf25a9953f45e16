'use strict';
// @ts-check
/** Scripted faults and the per-account rate limit. */
const { ACCOUNTS, NOW, startSandbox, call, unified, useSharedSandbox } = require('./helpers');

const sb = useSharedSandbox();

describe('faults', () => {
	test('status with headers, after and times', async () => {
		sb.setFaults([
			{
				match: { path: '^/unified/user-directory/users$' },
				after: 1,
				times: 2,
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
			},
		]);
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await call(unified('github', 'users'))).status);
		expect(statuses).toEqual([200, 429, 429, 200]);
		const r = sb.requests[1];
		expect(r).toMatchObject({ status: 429, fault: 'status' });
	});

	test('a status fault without a body answers a Truto error body', async () => {
		sb.setFaults([{ kind: 'status', status: 502 }]);
		const r = await call(unified('github', 'users'));
		expect(r.status).toBe(502);
		expect(r.json).toMatchObject({ statusCode: 502, error: 'Bad Gateway' });
	});

	test('reset, truncate, html', async () => {
		sb.setFaults([{ kind: 'reset' }]);
		await expect(call(unified('github', 'users'))).rejects.toThrow();
		sb.setFaults([{ kind: 'truncate' }]);
		const t = await call(unified('github', 'users'));
		expect(t.status).toBe(200);
		expect(t.json).toBeUndefined();
		expect(t.text.length).toBeGreaterThan(10);
		sb.setFaults([{ kind: 'html', status: 504 }]);
		const h = await call(unified('github', 'users'));
		expect(h.status).toBe(504);
		expect(h.headers.get('content-type')).toContain('text/html');
	});

	test('delay, then a normal answer', async () => {
		sb.setFaults([{ kind: 'delay', ms: 300 }]);
		const start = Date.now();
		expect((await call(unified('github', 'users'))).status).toBe(200);
		expect(Date.now() - start).toBeGreaterThanOrEqual(280);
	});

	test('repeat-cursor hands back the cursor that was sent', async () => {
		sb.setFaults([{ kind: 'repeat-cursor', times: -1, match: { accountId: ACCOUNTS.zoom } }]);
		const first = await call(unified('zoom', 'users'));
		const second = await call(
			unified('zoom', 'users', `&next_cursor=${encodeURIComponent(first.json.next_cursor)}`),
		);
		expect(second.json.result).toHaveLength(20);
		expect(second.json.next_cursor).toBe(first.json.next_cursor);
	});

	test('faults over HTTP, match by account', async () => {
		const put = await call('/__sandbox/faults', {
			token: null,
			method: 'PUT',
			body: {
				faults: [
					{ kind: 'status', status: 500, times: -1, match: { accountId: ACCOUNTS.atlassian } },
				],
			},
		});
		expect(put.status).toBe(200);
		expect((await call(unified('atlassian', 'users'))).status).toBe(500);
		expect((await call(unified('github', 'users'))).status).toBe(200);
		expect((await call(unified('atlassian', 'users'))).status).toBe(500);
		await call('/__sandbox/faults', { token: null, method: 'DELETE' });
		expect((await call(unified('atlassian', 'users'))).status).toBe(200);
		const bad = await call('/__sandbox/faults', {
			token: null,
			method: 'PUT',
			body: { faults: [{ kind: 'explode' }] },
		});
		expect(bad.status).toBe(400);
	});
});

describe('rate limit', () => {
	test('per account, with ratelimit headers on every unified answer', async () => {
		const rl = await startSandbox({ now: NOW, rateLimit: { perAccount: 3, windowMs: 10_000 } });
		try {
			const opts = { base: rl.url };
			const remaining = [];
			for (let i = 0; i < 3; i++) {
				const r = await call(unified('github', 'users'), opts);
				expect(r.headers.get('ratelimit-limit')).toBe('3;w=10');
				remaining.push(r.headers.get('ratelimit-remaining'));
			}
			expect(remaining).toEqual(['2', '1', '0']);
			const limited = await call(unified('github', 'organizations'), opts);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(limited.headers.get('ratelimit-reset')).toEqual(expect.any(String));
			expect(limited.json).toMatchObject({
				statusCode: 429,
				error: 'Too Many Requests',
				truto_error_insight: { rate_limit_error: expect.any(Object) },
			});
			expect((await call(unified('atlassian', 'users'), opts)).status).toBe(200);
		} finally {
			await rl.close();
		}
	});
});
