'use strict';
// @ts-check
/**
 * The sandbox's management side: auth and the request log, integrated accounts and their
 * capabilities, account states.
 */
const { ACCOUNTS, TOKEN, call, unified, useSharedSandbox } = require('./helpers');

const sb = useSharedSandbox();

describe('auth and the request log', () => {
	test('missing or wrong token is a Truto 401 without the remote flag', async () => {
		for (const token of [null, 'wrong']) {
			const r = await call(unified('github', 'users'), { token });
			expect(r.status).toBe(401);
			expect(r.json).toEqual({
				statusCode: 401,
				error: 'Unauthorized',
				message: 'Invalid API token.',
			});
		}
	});

	test('requests are recorded with the token masked', async () => {
		await call(`${unified('github', 'users')}&remote_query[role]=admin&truto_exclude_fields[]=id`);
		expect(sb.requests).toHaveLength(1);
		const [req] = sb.requests;
		expect(req).toMatchObject({
			method: 'GET',
			path: '/unified/user-directory/users',
			status: 200,
			accountId: ACCOUNTS.github,
		});
		expect(req.query).toMatchObject({
			remote_query: { role: 'admin' },
			truto_exclude_fields: ['id'],
		});
		expect(req.rawQuery).toContain('remote_query[role]=admin');
		expect(req.headers.authorization).toBe('Bearer ***');
		expect(JSON.stringify(sb.requests)).not.toContain(TOKEN);
	});

	test('control endpoints need no token', async () => {
		await call(unified('github', 'organizations'));
		const log = await call('/__sandbox/requests', { token: null });
		expect(log.json.requests).toHaveLength(1);
		expect((await call('/__sandbox/requests', { method: 'DELETE', token: null })).status).toBe(200);
		expect(sb.requests).toHaveLength(0);
		expect((await call('/__sandbox/health', { token: null })).json.ok).toBe(true);
	});
});

describe('management endpoints', () => {
	test('lists the fixture accounts with paging and filters', async () => {
		const all = await call('/integrated-account');
		expect(all.json.result.map((/** @type {any} */ a) => a.id)).toEqual(Object.values(ACCOUNTS));
		expect(all.json).toMatchObject({ next_cursor: null, limit: 20 });

		const first = await call('/integrated-account?limit=5');
		expect(first.json.result).toHaveLength(5);
		expect(first.json.next_cursor).toMatch(/\+.*\/|\/.*\+/);
		const second = await call(
			`/integrated-account?limit=5&next_cursor=${encodeURIComponent(first.json.next_cursor)}`,
		);
		expect(second.json.result[0].id).toBe(ACCOUNTS.atlassian);

		expect((await call('/integrated-account?integration.name=github')).json.result).toHaveLength(1);
		expect((await call('/integrated-account?integration[name]=zendesk')).json.result[0].id).toBe(
			ACCOUNTS.blocked,
		);
		expect(
			(await call('/integrated-account?is_sandbox=true')).json.result.map(
				(/** @type {any} */ a) => a.id,
			),
		).toEqual([ACCOUNTS.googleworkspace]);
		expect(
			(await call('/integrated-account?status=needs_reauth')).json.result.map(
				(/** @type {any} */ a) => a.id,
			),
		).toEqual([ACCOUNTS.okta]);
		expect(
			(await call('/integrated-account?tenant_id=acme.com')).json.result[0].integration,
		).toEqual({
			id: expect.any(String),
			name: 'googleworkspace',
			label: 'Google Workspace',
			category: 'user-directory',
		});
	});

	test('one account, 404 for an unknown one', async () => {
		const r = await call(`/integrated-account/${ACCOUNTS.microsoft365}`);
		expect(r.json).toMatchObject({
			id: ACCOUNTS.microsoft365,
			tenant_id: 'contoso.onmicrosoft.com',
			status: 'active',
			is_sandbox: false,
			context: {},
		});
		const missing = await call('/integrated-account/00000000-0000-0000-0000-000000000000');
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
	});

	/** Lists that need a parameter before they answer. */
	const REQUIRED = /** @type {Record<string, string>} */ ({
		'github/licenses': '&organization_id=acme-corp',
		'microsoft365/licenses': '&product=onedrive',
		'ciscomeraki/licenses': '&organization_id=549236',
	});

	test('capabilities agree with what the unified API answers', async () => {
		for (const [key, id] of Object.entries(ACCOUNTS)) {
			const caps = await call(`/integrated-account/${id}/capabilities?type=unified`);
			expect(caps.status).toBe(200);
			const resources = caps.json.unified.resources;
			expect(resources.map((/** @type {any} */ r) => r.api_name)).toEqual(
				expect.arrayContaining(['users', 'organizations', 'licenses']),
			);
			if (key === 'okta' || key === 'blocked') continue;
			for (const r of resources) {
				const list = await call(
					unified(/** @type {any} */ (key), r.api_name, REQUIRED[`${key}/${r.api_name}`] ?? ''),
				);
				expect([key, r.api_name, list.status]).toEqual([key, r.api_name, 200]);
			}
			const unsupported = ['groups', 'roles', 'billing'].filter(
				(n) => !resources.some((/** @type {any} */ r) => r.api_name === n),
			);
			for (const n of unsupported)
				expect((await call(unified(/** @type {any} */ (key), n))).status).toBe(404);
		}
	});
});

describe('account states', () => {
	test('needs_reauth answers a remote 401; blocked a 503; sandbox writes a 405', async () => {
		const okta = await call(unified('okta', 'users'));
		expect(okta.status).toBe(401);
		expect(okta.json).toMatchObject({
			statusCode: 401,
			truto_is_remote_error: true,
			raw_response: expect.any(Object),
		});
		const blocked = await call(unified('blocked', 'licenses'));
		expect(blocked.status).toBe(503);
		expect(blocked.json.statusCode).toBe(503);
		expect(blocked.json.truto_is_remote_error).toBeUndefined();
		// A block comes from Truto's blocklist: reconnecting does not lift it, Truto support does.
		expect(blocked.json.message).toMatch(/support@truto\.one/);
		expect(blocked.json.message).not.toMatch(/reconnect/i);
		expect((await call(unified('googleworkspace', 'users'))).status).toBe(200);
		const write = await call(unified('googleworkspace', 'users'), {
			method: 'POST',
			body: { emails: [{ email: 'x@acme.com' }], first_name: 'X', last_name: 'Y' },
		});
		expect(write.status).toBe(405);
		expect(write.json.error).toBe('Method Not Allowed');
	});

	test('unsupported resource or method is a 404', async () => {
		expect(
			(
				await call(
					`/unified/user-directory/users/0055g00000A1b2oAAA?integrated_account_id=${ACCOUNTS.salesforce}`,
					{ method: 'DELETE' },
				)
			).status,
		).toBe(404);
		expect((await call(unified('webex', 'groups'))).status).toBe(404);
		expect((await call(unified('github', 'me/someid'))).status).toBe(404);
		const unknown = await call(
			'/unified/user-directory/users?integrated_account_id=00000000-0000-0000-0000-000000000000',
		);
		expect(unknown.status).toBe(404);
	});
});
