'use strict';
// @ts-check
/** The sandbox's writes: create, update, delete, Idempotency-Key, groups/remove-user, users/deactivate and users/suspend. */
const { ACCOUNTS, withFreshSandbox, call, unified } = require('./helpers');

describe('writes', () => {
	test('create, read back, update, delete; deleting frees the seat', async () => {
		await withFreshSandbox(async (w) => {
			const opts = { base: w.url };
			const missing = await call(unified('github', 'users'), {
				...opts,
				method: 'POST',
				body: { username: 'x' },
			});
			expect(missing.status).toBe(400);
			expect(missing.json.truto_error_insight.missing_required_body_fields.value).toEqual([
				'emails',
			]);

			const created = await call(unified('github', 'users'), {
				...opts,
				method: 'POST',
				body: {
					emails: ['new.hire@acme-corp.com'],
					first_name: 'New',
					last_name: 'Hire',
					username: 'new-hire',
					licenses: ['acme-corp/copilot_business'],
				},
			});
			expect(created.status).toBe(201);
			expect(created.json).toMatchObject({
				name: 'New Hire',
				emails: [{ email: 'new.hire@acme-corp.com', is_primary: true }],
			});
			const id = created.json.id;
			const url = `/unified/user-directory/users/${id}?integrated_account_id=${ACCOUNTS.github}`;
			expect((await call(url, opts)).json.username).toBe('new-hire');
			const seats = async () =>
				(
					await call(
						`/unified/user-directory/licenses/${encodeURIComponent('acme-corp/copilot_business')}?integrated_account_id=${ACCOUNTS.github}`,
						opts,
					)
				).json.assigned_quantity;
			expect(await seats()).toBe(6);

			expect(
				(await call(url, { ...opts, method: 'PATCH', body: { title: 'Engineer' } })).json.title,
			).toBe('Engineer');
			const del = await call(url, { ...opts, method: 'DELETE' });
			expect(del.json).toEqual({ id });
			expect((await call(url, opts)).status).toBe(404);
			expect(await seats()).toBe(5);
		});
	});

	test('Idempotency-Key replays the first answer without acting twice', async () => {
		await withFreshSandbox(async (w) => {
			const opts = {
				base: w.url,
				method: 'POST',
				headers: { 'idempotency-key': 'abc-123' },
				body: { name: 'Incident responders' },
			};
			const a = await call(unified('github', 'groups'), opts);
			const b = await call(unified('github', 'groups'), opts);
			expect(a.status).toBe(201);
			expect(b.status).toBe(201);
			expect(b.json).toEqual(a.json);
			expect(b.headers.get('idempotent-replayed')).toBe('true');
			expect((await call(unified('github', 'groups'), { base: w.url })).json.result).toHaveLength(
				4,
			);
		});
	});

	test('groups/remove-user', async () => {
		await withFreshSandbox(async (w) => {
			const opts = { base: w.url };
			const r = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003', user_id: '1200108' } },
			);
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ group_id: '4821003', user_id: '1200108' });
			const again = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003', user_id: '1200108' } },
			);
			expect(again.status).toBe(404);
			const missing = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003' } },
			);
			expect(missing.json.truto_error_insight.missing_required_body_fields.value).toEqual([
				'user_id',
			]);
		});
	});

	test('users/deactivate and users/suspend (Okta): { result } with the new status, seats freed; HubSpot ignores status', async () => {
		await withFreshSandbox(async (w) => {
			const opts = { base: w.url };
			const path = (method) => `/unified/user-directory/users/${method}?integrated_account_id=${ACCOUNTS.workforce}`;
			const done = await call(path('deactivate'), { ...opts, method: 'POST', body: { user_id: '00u233adced7051a6e8a' } });
			expect(done.status).toBe(200);
			expect(done.json.result).toMatchObject({ id: '00u233adced7051a6e8a', status: 'inactive', licenses: [] });
			const suspended = await call(path('suspend'), { ...opts, method: 'POST', body: { user_id: '00uabf2f0409220c1821' } });
			expect(suspended.json.result).toMatchObject({ status: 'suspended', licenses: [] });
			const missing = await call(path('suspend'), { ...opts, method: 'POST', body: {} });
			expect(missing.json.truto_error_insight.missing_required_body_fields.value).toEqual(['user_id']);
			// Only Okta has them.
			const github = await call(`/unified/user-directory/users/deactivate?integrated_account_id=${ACCOUNTS.github}`, { ...opts, method: 'POST', body: { user_id: '1200108' } });
			expect(github.status).toBe(404);

			const hubspotUsers = await call(unified('hubspot', 'users'), opts);
			const active = hubspotUsers.json.result.find((u) => u.status === 'active' && u.licenses.length > 0);
			const patched = await call(`/unified/user-directory/users/${active.id}?integrated_account_id=${ACCOUNTS.hubspot}`, { ...opts, method: 'PATCH', body: { status: 'inactive', title: 'Left' } });
			expect(patched.status).toBe(200);
			expect(patched.json).toMatchObject({ status: 'active', title: 'Left' });
			expect(patched.json.licenses.length).toBe(active.licenses.length);
		});
	});

	test("an update keeps a user's role references where the app lists no roles (HubSpot), and refuses an unknown one where it does (GitHub)", async () => {
		await withFreshSandbox(async (w) => {
			const opts = { base: w.url, method: 'PATCH' };
			const hubspot = await call(`/unified/user-directory/users/5100004?integrated_account_id=${ACCOUNTS.hubspot}`, { ...opts, body: { title: 'Ops' } });
			expect(hubspot.status).toBe(200);
			expect(hubspot.json.roles).toEqual([{ id: 'hs-super-admin', name: 'Org Admin' }]);
			const github = await call(`/unified/user-directory/users/1200108?integrated_account_id=${ACCOUNTS.github}`, { ...opts, body: { roles: ['no-such-role'] } });
			expect(github.status).toBe(422);
		});
	});
	test("deleting a user's last role assignment of a role drops the role from the user; another one keeps it", async () => {
		await withFreshSandbox(async (w) => {
			const opts = { base: w.url };
			const user = `/unified/user-directory/users/1200101?integrated_account_id=${ACCOUNTS.github}`;
			const remove = (id) => call(`/unified/user-directory/role_assignments/${encodeURIComponent(id)}?integrated_account_id=${ACCOUNTS.github}`, { ...opts, method: 'DELETE' });
			expect((await call(user, opts)).json.roles).toEqual([{ id: 'admin', name: 'Owner' }]);
			expect((await remove('acme-corp:1200101:admin')).json).toEqual({ id: 'acme-corp:1200101:admin' });
			// Still Owner of acme-labs.
			expect((await call(user, opts)).json.roles).toEqual([{ id: 'admin', name: 'Owner' }]);
			await remove('acme-labs:1200101:admin');
			expect((await call(user, opts)).json.roles).toEqual([]);
			const left = await call(`/unified/user-directory/role_assignments?integrated_account_id=${ACCOUNTS.github}`, opts);
			expect(left.json.result.map((record) => record.user_id)).not.toContain('1200101');
			expect((await remove('acme-labs:1200101:admin')).status).toBe(404);
		});
	});
});
