/**
 * Every resource and operation of the table through the node's execute(), against the sandbox: lists
 * and gets compared record by record with what the sandbox holds, and the writes (create, update,
 * delete, remove user) with their Idempotency-Key, their effect read back, and their output.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters, listParameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, dataRequests, type SandboxRequest, TOKEN, sandboxRecords, useSandbox } from '../../../helpers/sandbox';

// A fresh sandbox per test: writes change its data.
const sb = useSandbox({}, { fresh: true });

async function run(
	parameters: Parameters | ((itemIndex: number) => Parameters),
	options: { items?: number; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: { apiToken: TOKEN, baseUrl: sb.url },
		items: Array.from({ length: options.items ?? 1 }, () => ({ json: {} })),
		continueOnFail: options.continueOnFail,
	});
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

const json = (output: INodeExecutionData[]) => output.map((item) => item.json);

const direct = (path: string, query: Record<string, string> = {}) => sandboxRecords(sb, path, query);

const list = listParameters;

const calls = (method: string, path: RegExp) =>
	dataRequests(sb).filter((request) => request.method === method && path.test(request.path)) as Array<SandboxRequest & { body?: IDataObject }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('new resources: Get Many and Get', () => {
	it.each([
		['group', 'groups', 'groupId'],
		['role', 'roles', 'roleId'],
		['roleAssignment', 'role_assignments', 'roleAssignmentId'],
		['workspace', 'workspaces', 'workspaceId'],
		['activity', 'activities', 'activityId'],
	])('%s: lists every record and gets one by ID (%s)', async (resource, path, idParameter) => {
		for (const account of [ACCOUNTS.github, ACCOUNTS.microsoft365, ACCOUNTS.salesforce]) {
			const expected = await direct(path, { integrated_account_id: account });
			expect(expected.length).toBeGreaterThan(0);
			expect(json(await run(list(resource, account)))).toEqual(expected);

			const last = expected[expected.length - 1];
			const got = await run({ resource, operation: 'get', integratedAccount: byId(account), [idParameter]: byId(String(last.id)), options: {} });
			expect(json(got)).toEqual([last]);
			expect(calls('GET', new RegExp(`^/unified/user-directory/${path}/`)).pop()?.path).toBe(
				`/unified/user-directory/${path}/${encodeURIComponent(String(last.id))}`,
			);
		}
	});

	it.each([
		['me', 'me'],
		['billing', 'billing'],
		['utilization', 'utilization'],
	])('%s: lists the records (list only)', async (resource, path) => {
		const expected = await direct(path, { integrated_account_id: ACCOUNTS.github });
		expect(expected.length).toBeGreaterThan(0);
		expect(json(await run(list(resource, ACCOUNTS.github)))).toEqual(expected);
	});

	it('returns utilization rows without IDs as they come', async () => {
		const [report] = json(await run(list('utilization', ACCOUNTS.salesforce)));
		expect(report).not.toHaveProperty('id');
		expect(Array.isArray(report.columns)).toBe(true);
		expect(Array.isArray(report.rows)).toBe(true);
	});

	it('honours Limit on the new resources', async () => {
		const expected = await direct('groups', { integrated_account_id: ACCOUNTS.zoom });
		expect(expected.length).toBeGreaterThan(2);
		expect(json(await run(list('group', ACCOUNTS.zoom, { returnAll: false, limit: 2 })))).toEqual(expected.slice(0, 2));
	});
});

describe('writes', () => {
	it('creates a user with the fields and the raw JSON body, sending an Idempotency-Key', async () => {
		const [created] = json(
			await run({
				resource: 'user',
				operation: 'create',
				integratedAccount: byId(ACCOUNTS.github),
				bodyFields: { mappingMode: 'defineBelow', value: { emails: [{ email: 'new.hire@acme-corp.com', type: 'work', is_primary: true }] } },
				jsonBody: '{ "first_name": "New", "last_name": "Hire" }',
				options: {},
			}),
		);
		expect(created).toMatchObject({ first_name: 'New', last_name: 'Hire', name: 'New Hire' });
		expect((created.emails as IDataObject[])[0].email).toBe('new.hire@acme-corp.com');

		const [post] = calls('POST', /^\/unified\/user-directory\/users$/);
		expect(post.headers['idempotency-key']).toMatch(UUID);
		expect(post.body).toEqual({ first_name: 'New', last_name: 'Hire', emails: [{ email: 'new.hire@acme-corp.com', type: 'work', is_primary: true }] });
		expect(post.query.integrated_account_id).toBe(ACCOUNTS.github);

		const users = await direct('users', { integrated_account_id: ACCOUNTS.github });
		expect(users.find((user) => user.id === created.id)).toMatchObject({ name: 'New Hire' });
	});

	it('parses a JSON field given as text, and lets a mapped field win over the same raw JSON key', async () => {
		const [created] = json(
			await run({
				resource: 'user',
				operation: 'create',
				integratedAccount: byId(ACCOUNTS.github),
				bodyFields: {
					mappingMode: 'defineBelow',
					value: { emails: '["typed@acme-corp.com"]', title: 'Engineer' },
					schema: [
						{ id: 'emails', type: 'array', displayName: 'Emails', required: true, defaultMatch: false, display: true },
						{ id: 'title', type: 'string', displayName: 'Title', required: false, defaultMatch: false, display: true },
					],
				},
				jsonBody: { title: 'Overruled', username: 'typed' },
				options: {},
			}),
		);
		expect(created).toMatchObject({ title: 'Engineer', username: 'typed' });
		expect((created.emails as IDataObject[])[0].email).toBe('typed@acme-corp.com');
	});

	it('updates a user (PATCH) and returns the changed record', async () => {
		const [user] = await direct('users', { integrated_account_id: ACCOUNTS.zoom });
		const [updated] = json(
			await run({
				resource: 'user',
				operation: 'update',
				integratedAccount: byId(ACCOUNTS.zoom),
				userId: byId(String(user.id)),
				bodyFields: { mappingMode: 'defineBelow', value: { title: 'Head of Sales' } },
				options: {},
			}),
		);
		expect(updated).toMatchObject({ id: user.id, title: 'Head of Sales' });
		const [patch] = calls('PATCH', /^\/unified\/user-directory\/users\//);
		expect(patch.path).toBe(`/unified/user-directory/users/${encodeURIComponent(String(user.id))}`);
		expect(patch.body).toEqual({ title: 'Head of Sales' });
		expect(patch.headers['idempotency-key']).toMatch(UUID);
	});

	it('refuses an update with nothing to change, before calling', async () => {
		const error = await run({
			resource: 'user',
			operation: 'update',
			integratedAccount: byId(ACCOUNTS.zoom),
			userId: byId('anyone'),
			options: {},
		}).catch((caught: Error) => caught);
		expect((error as Error).message).toBe('Nothing to update: no field of the user was given');
		expect(sb.requests).toHaveLength(0);
	});

	it('refuses a raw JSON body that is not an object', async () => {
		const error = (await run({
			resource: 'role',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.github),
			jsonBody: '["a"]',
			options: {},
		}).catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toBe('Raw JSON Body must be a JSON object');
		const broken = (await run({
			resource: 'role',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.github),
			jsonBody: '{ "name": ',
			options: {},
		}).catch((caught: Error) => caught)) as Error;
		expect(broken.message).toBe('Raw JSON Body is not valid JSON');
		expect(sb.requests).toHaveLength(0);
	});

	it('deletes a user and outputs { deleted: true, id }', async () => {
		const users = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const victim = users[3];
		const output = await run({ resource: 'user', operation: 'delete', integratedAccount: byId(ACCOUNTS.github), userId: byId(String(victim.id)), options: {} });
		expect(json(output)).toEqual([{ deleted: true, id: victim.id }]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const [del] = calls('DELETE', /^\/unified\/user-directory\/users\//);
		expect(del.headers['idempotency-key']).toMatch(UUID);
		expect((await direct('users', { integrated_account_id: ACCOUNTS.github })).map((user) => user.id)).not.toContain(victim.id);
	});

	it('creates, updates and deletes a group, and removes a user from a group', async () => {
		const account = byId(ACCOUNTS.github);
		const [group] = json(
			await run({ resource: 'group', operation: 'create', integratedAccount: account, bodyFields: { mappingMode: 'defineBelow', value: { name: 'Reclaimers', group_type: 'team' } }, options: {} }),
		);
		expect(group).toMatchObject({ name: 'Reclaimers', group_type: 'team' });

		const [renamed] = json(
			await run({ resource: 'group', operation: 'update', integratedAccount: account, groupId: byId(String(group.id)), jsonBody: { description: 'Find unused seats' }, options: {} }),
		);
		expect(renamed).toMatchObject({ id: group.id, name: 'Reclaimers', description: 'Find unused seats' });

		// A member of an existing group, from the sandbox's data.
		const users = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const member = users.find((user) => (user.groups as IDataObject[]).length > 0) as IDataObject;
		const groupId = String((member.groups as IDataObject[])[0].id);
		const removed = await run({ resource: 'group', operation: 'removeUser', integratedAccount: account, groupId: byId(groupId), userId: byId(String(member.id)), options: {} });
		expect(json(removed)).toEqual([{ removed: true, group_id: groupId, user_id: member.id }]);
		const [post] = calls('POST', /^\/unified\/user-directory\/groups\/remove-user$/);
		expect(post.body).toEqual({ group_id: groupId, user_id: member.id });
		expect(post.headers['idempotency-key']).toMatch(UUID);
		const after = (await direct('users', { integrated_account_id: ACCOUNTS.github })).find((user) => user.id === member.id) as IDataObject;
		expect((after.groups as IDataObject[]).map((entry) => entry.id)).not.toContain(groupId);

		const deleted = await run({ resource: 'group', operation: 'delete', integratedAccount: account, groupId: byId(String(group.id)), options: {} });
		expect(json(deleted)).toEqual([{ deleted: true, id: group.id }]);
		expect((await direct('groups', { integrated_account_id: ACCOUNTS.github })).map((entry) => entry.id)).not.toContain(group.id);
	});

	it.each([
		['deactivate', 'deactivated', 'inactive'],
		['suspend', 'suspended', 'suspended'],
	])('User → %s: POST users/%s with { user_id } and an Idempotency-Key, then the user read back', async (operation, field, status) => {
		const account = ACCOUNTS.workforce;
		const userId = '00u233adced7051a6e8a';
		const output = json(await run({ resource: 'user', operation, integratedAccount: byId(account), userId: byId(userId), options: {} }));
		expect(output).toEqual([{ user_id: userId, [field]: true, verified: true, status }]);
		const [post] = calls('POST', new RegExp(`^/unified/user-directory/users/${operation}$`));
		expect(post.body).toEqual({ user_id: userId });
		expect(post.headers['idempotency-key']).toMatch(UUID);
		// The read-back is the user itself, after the write.
		const [readBack] = calls('GET', new RegExp(`^/unified/user-directory/users/${userId}$`));
		expect(dataRequests(sb).indexOf(readBack)).toBeGreaterThan(dataRequests(sb).indexOf(post));
		expect((await direct('users', { integrated_account_id: account })).find((user) => user.id === userId)?.status).toBe(status);
	});

	it('User → Deactivate: says when the app still reports the user active, and when nothing can be read back', async () => {
		const account = ACCOUNTS.workforce;
		const userId = '00u233adced7051a6e8a';
		// The app accepts the call but keeps the user active (a stubbed answer: the write never reaches the data).
		sb.setFaults([{ match: { method: 'POST', path: 'users/deactivate' }, kind: 'status', status: 200, body: { result: {} } }]);
		const [kept] = json(await run({ resource: 'user', operation: 'deactivate', integratedAccount: byId(account), userId: byId(userId), options: {} }));
		expect(kept).toMatchObject({ user_id: userId, deactivated: false, verified: true, status: 'active' });
		expect(String(kept.note)).toContain('reports status "active"');

		sb.setFaults([{ match: { method: 'GET', path: `users/${userId}` }, kind: 'status', status: 400, times: -1 }]);
		const [unseen] = json(await run({ resource: 'user', operation: 'deactivate', integratedAccount: byId(account), userId: byId(userId), options: {} }));
		expect(unseen).toMatchObject({ user_id: userId, deactivated: null, verified: false, status: null });
		expect(String(unseen.note)).toMatch(/could not be verified: reading the user back failed/);
	});

	it('User → Suspend is refused before sending where the capabilities do not list it', async () => {
		const [refused] = json(
			await run({ resource: 'user', operation: 'suspend', integratedAccount: byId(ACCOUNTS.github), userId: byId('1200108'), options: {} }, { continueOnFail: true }),
		);
		expect(String(refused.error)).toContain('does not support suspending users through Truto');
		expect(calls('POST', /users\/suspend/)).toEqual([]);
	});

	it('creates, updates and deletes a role', async () => {
		const account = byId(ACCOUNTS.salesforce);
		const [role] = json(await run({ resource: 'role', operation: 'create', integratedAccount: account, bodyFields: { mappingMode: 'defineBelow', value: { name: 'Auditor' } }, options: {} }));
		expect(role.name).toBe('Auditor');
		const [updated] = json(await run({ resource: 'role', operation: 'update', integratedAccount: account, roleId: byId(String(role.id)), bodyFields: { mappingMode: 'defineBelow', value: { label: 'Read-only auditor' } }, options: {} }));
		expect(updated).toMatchObject({ id: role.id, name: 'Auditor', label: 'Read-only auditor' });
		expect(json(await run({ resource: 'role', operation: 'delete', integratedAccount: account, roleId: byId(String(role.id)), options: {} }))).toEqual([{ deleted: true, id: role.id }]);
		expect((await direct('roles', { integrated_account_id: ACCOUNTS.salesforce })).map((entry) => entry.id)).not.toContain(role.id);
	});

	it('deletes a role assignment', async () => {
		const [assignment] = await direct('role_assignments', { integrated_account_id: ACCOUNTS.microsoft365 });
		const output = await run({ resource: 'roleAssignment', operation: 'delete', integratedAccount: byId(ACCOUNTS.microsoft365), roleAssignmentId: byId(String(assignment.id)), options: {} });
		expect(json(output)).toEqual([{ deleted: true, id: assignment.id }]);
		expect((await direct('role_assignments', { integrated_account_id: ACCOUNTS.microsoft365 })).map((entry) => entry.id)).not.toContain(assignment.id);
	});

	it('updates and deletes an organization', async () => {
		const [org] = await direct('organizations', { integrated_account_id: ACCOUNTS.zoom });
		const [updated] = json(
			await run({ resource: 'organization', operation: 'update', integratedAccount: byId(ACCOUNTS.zoom), organizationId: byId(String(org.id)), bodyFields: { mappingMode: 'defineBelow', value: { pricing_plan: 'business' } }, options: {} }),
		);
		expect(updated).toMatchObject({ id: org.id, pricing_plan: 'business' });
		const output = await run({ resource: 'organization', operation: 'delete', integratedAccount: byId(ACCOUNTS.zoom), organizationId: byId(String(org.id)), options: {} });
		expect(json(output)).toEqual([{ deleted: true, id: org.id }]);
	});

	it('makes one Idempotency-Key per item, so two items create two records', async () => {
		const names = ['Alpha', 'Beta'];
		const output = await run(
			(itemIndex) => ({ resource: 'role', operation: 'create', integratedAccount: byId(ACCOUNTS.zoom), bodyFields: { mappingMode: 'defineBelow', value: { name: names[itemIndex] } }, options: {} }),
			{ items: 2 },
		);
		expect(json(output).map((role) => role.name)).toEqual(names);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const keys = calls('POST', /^\/unified\/user-directory\/roles$/).map((request) => request.headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(new Set(keys).size).toBe(2);
	});

	it('retries a write whose answer was cut off with the same key, and the app acts once', async () => {
		sb.setFaults([{ kind: 'truncate', match: { method: 'POST', path: '^/unified/user-directory/roles$' } }]);
		const [role] = json(await run({ resource: 'role', operation: 'create', integratedAccount: byId(ACCOUNTS.zoom), bodyFields: { mappingMode: 'defineBelow', value: { name: 'Once' } }, options: {} }));
		const posts = calls('POST', /^\/unified\/user-directory\/roles$/);
		expect(posts).toHaveLength(2);
		expect(posts[0].fault).toBe('truncate');
		expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		const roles = await direct('roles', { integrated_account_id: ACCOUNTS.zoom });
		expect(roles.filter((entry) => entry.name === 'Once')).toEqual([expect.objectContaining({ id: role.id })]);
	});

	it('refuses a write to a sandbox integrated account before sending it: sandbox accounts are read-only', async () => {
		const error = (await run({
			resource: 'group',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.googleworkspace),
			bodyFields: { mappingMode: 'defineBelow', value: { name: 'Nope' } },
			options: {},
		}).catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toBe('Google Workspace · acme.com is a Truto sandbox account, which is read-only');
		expect(error.description).toMatch(/nothing was sent/);
		expect(calls('POST', /^\/unified\/user-directory\/groups$/)).toHaveLength(0);
	});

	it('explains a 405 on a production account without blaming a sandbox', async () => {
		sb.setFaults([{ kind: 'status', status: 405, match: { method: 'POST', path: '^/unified/user-directory/roles$' } }]);
		const error = (await run({
			resource: 'role',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.zoom),
			bodyFields: { mappingMode: 'defineBelow', value: { name: 'Nope' } },
			options: {},
		}).catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toMatch(/405/);
		expect(error.description).toMatch(/does not allow this method/);
		expect(error.description).not.toMatch(/is a Truto sandbox account/);
	});

	it('runs write items one at a time, in order, with On Error → Continue per item', async () => {
		const ids = ['missing-1', '', 'missing-3'];
		const output = await run(
			(itemIndex) => ({ resource: 'role', operation: 'delete', integratedAccount: byId(ACCOUNTS.zoom), roleId: byId(ids[itemIndex]), options: {} }),
			{ items: 3, continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(String(output[0].json.error)).toMatch(/404/);
		expect(output[1].json.error).toBe('Role is empty');
		expect(String(output[2].json.error)).toMatch(/404/);
	});
});
