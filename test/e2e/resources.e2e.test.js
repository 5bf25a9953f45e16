'use strict';
// @ts-check
/**
 * The resources and operations beyond users, organizations and licenses, in a real n8n: one workflow
 * with a branch per resource × operation (reads on GitHub, writes on the Zoom and Salesforce accounts,
 * which are not read-only), run once with `n8n execute`; the seat-reclamation options; the pre-flight
 * checks (a missing required parameter, an unsupported operation) failing before anything is sent;
 * and, with n8n in server mode, the fields that follow the integration as the editor asks for them.
 * Every expected value comes from the sandbox itself.
 */
const { itemsOf, nodeError } = require('../../dev/n8n');
const { ACCOUNTS, describeInN8n, listDirect, idsOf } = require('./setup');
const { TRUTO_NODE, TRUTO_CREDENTIAL, byId, trutoNode, manualWorkflow } = require('../../dev/workflows');

const UNIFIED = '/unified/user-directory';
const DAY = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The node leaves remote_data out by default. @param {any} record */
const strip = ({ remote_data, ...rest }) => rest;

/**
 * A resource-mapper value as the editor saves it (the schema is what getBodyFields / getQueryFields
 * answered; an options field carries its options, which n8n checks the value against).
 * @param {Record<string, unknown>} value
 * @param {Record<string, string | string[]>} [types] a field type, or the values of an options field
 */
function mapped(value, types = {}) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: Object.keys(value).map((id) => {
			const type = types[id] ?? 'string';
			return {
				id,
				displayName: id,
				required: false,
				defaultMatch: false,
				display: true,
				canBeUsedToMatch: false,
				...(Array.isArray(type) ? { type: 'options', options: type.map((option) => ({ name: option, value: option })) } : { type }),
			};
		}),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

/** The read branches: resource, its path, its ID parameter (none for list-only resources). */
const READS = [
	['group', 'groups', 'groupId'],
	['role', 'roles', 'roleId'],
	['roleAssignment', 'role_assignments', 'roleAssignmentId'],
	['workspace', 'workspaces', 'workspaceId'],
	['activity', 'activities', 'activityId'],
	['me', 'me', undefined],
	['billing', 'billing', undefined],
	['utilization', 'utilization', undefined],
];

/** Two people of the Okta workforce account, deactivated and suspended by the writes. */
const WORKFORCE_USERS = ['00uabf2f0409220c1821', '00u233adced7051a6e8a'];

describeInN8n('resources and writes in n8n %s', {}, (e2e) => {
	/** @type {Record<string, any>} */ const expected = {};
	/** @type {any} */ let run;

	beforeAll(async () => {
		const github = { integrated_account_id: ACCOUNTS.github };
		const zoom = { integrated_account_id: ACCOUNTS.zoom };
		for (const [, path] of READS) expected[path] = await listDirect(e2e.sandbox, `${UNIFIED}/${path}`, github);
		expected.labsGroups = await listDirect(e2e.sandbox, `${UNIFIED}/groups`, { ...github, organization_id: 'acme-labs' });
		expected.githubUsers = await listDirect(e2e.sandbox, `${UNIFIED}/users`, github);
		expected.salesforceLicenses = await listDirect(e2e.sandbox, `${UNIFIED}/licenses`, { integrated_account_id: ACCOUNTS.salesforce });
		expected.salesforceOrg = (await listDirect(e2e.sandbox, `${UNIFIED}/organizations`, { integrated_account_id: ACCOUNTS.salesforce }))[0];
		expected.zoomUsers = await listDirect(e2e.sandbox, `${UNIFIED}/users`, zoom);
		expected.zoomGroups = await listDirect(e2e.sandbox, `${UNIFIED}/groups`, zoom);
		expected.zoomRoles = await listDirect(e2e.sandbox, `${UNIFIED}/roles`, zoom);
		expected.zoomAssignment = (await listDirect(e2e.sandbox, `${UNIFIED}/role_assignments`, zoom))[0];
		expected.zoomOrg = (await listDirect(e2e.sandbox, `${UNIFIED}/organizations`, zoom))[0];
		// The member taken out of a group: not a user changed by another branch, not in the deleted group.
		const [updatedUser, deletedUser] = expected.zoomUsers;
		const deletedGroup = expected.zoomGroups[expected.zoomGroups.length - 1];
		expected.member = expected.zoomUsers.find(
			(user) => user !== updatedUser && user !== deletedUser && user.groups.length === 1 && user.groups[0].id !== deletedGroup.id,
		);

		const zoomAccount = byId(ACCOUNTS.zoom);
		const reads = READS.flatMap(([resource, path, idParameter]) => {
			const list = trutoNode(`List ${path}`, { resource, operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true });
			if (!idParameter) return [list];
			const last = expected[path][expected[path].length - 1];
			return [
				list,
				trutoNode(`Get ${path}`, { resource, operation: 'get', integratedAccount: byId(ACCOUNTS.github), [idParameter]: byId(last.id) }),
			];
		});
		const workflow = manualWorkflow('trutoE2eResources1', [
			...reads,
			trutoNode('Groups Of acme-labs', {
				resource: 'group',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.github),
				returnAll: true,
				queryFields: mapped({ organization_id: 'acme-labs' }),
			}),
			trutoNode('Inactive GitHub Users', {
				resource: 'user',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.github),
				returnAll: true,
				options: { inactiveDays: 90, noActivityUsers: 'include' },
			}),
			trutoNode('Two Inactive GitHub Users', {
				resource: 'user',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.github),
				limit: 2,
				options: { inactiveDays: 30 },
			}),
			trutoNode('Salesforce Licenses With Seats', {
				resource: 'license',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.salesforce),
				returnAll: true,
				options: { seatUtilization: true },
			}),
			trutoNode('Create User', {
				resource: 'user',
				operation: 'create',
				integratedAccount: zoomAccount,
				bodyFields: mapped({ emails: '["e2e.new@acme-zoom.com"]' }, { emails: 'array' }),
				jsonBody: '{ "first_name": "Eve", "last_name": "Newcomer" }',
			}),
			trutoNode('Update User', {
				resource: 'user',
				operation: 'update',
				integratedAccount: zoomAccount,
				userId: byId(updatedUser.id),
				bodyFields: mapped({ title: 'Seat Auditor' }),
			}),
			trutoNode('Delete User', { resource: 'user', operation: 'delete', integratedAccount: zoomAccount, userId: byId(deletedUser.id) }),
			trutoNode('Deactivate User', { resource: 'user', operation: 'deactivate', integratedAccount: byId(ACCOUNTS.workforce), userId: byId(WORKFORCE_USERS[0]) }),
			trutoNode('Suspend User', { resource: 'user', operation: 'suspend', integratedAccount: byId(ACCOUNTS.workforce), userId: byId(WORKFORCE_USERS[1]) }),
			trutoNode(
				'Suspend Zoom User',
				{ resource: 'user', operation: 'suspend', integratedAccount: zoomAccount, userId: byId(expected.zoomUsers[0].id) },
				{ onError: 'continueRegularOutput' },
			),
			trutoNode('Create Group', {
				resource: 'group',
				operation: 'create',
				integratedAccount: zoomAccount,
				bodyFields: mapped({ name: 'Reclaimers', group_type: 'team' }, { group_type: ['team', 'department', 'group'] }),
			}),
			trutoNode('Update Group', {
				resource: 'group',
				operation: 'update',
				integratedAccount: zoomAccount,
				groupId: byId(expected.zoomGroups[0].id),
				jsonBody: '{ "description": "Renamed by n8n" }',
			}),
			trutoNode('Delete Group', { resource: 'group', operation: 'delete', integratedAccount: zoomAccount, groupId: byId(deletedGroup.id) }),
			trutoNode('Remove User From Group', {
				resource: 'group',
				operation: 'removeUser',
				integratedAccount: zoomAccount,
				groupId: byId(expected.member.groups[0].id),
				userId: byId(expected.member.id),
			}),
			trutoNode('Create Role', { resource: 'role', operation: 'create', integratedAccount: zoomAccount, bodyFields: mapped({ name: 'Auditor' }) }),
			trutoNode('Update Role', {
				resource: 'role',
				operation: 'update',
				integratedAccount: zoomAccount,
				roleId: byId(expected.zoomRoles[0].id),
				bodyFields: mapped({ label: 'Account owner' }),
			}),
			trutoNode('Delete Role', { resource: 'role', operation: 'delete', integratedAccount: zoomAccount, roleId: byId(expected.zoomRoles[2].id) }),
			trutoNode('Delete Role Assignment', {
				resource: 'roleAssignment',
				operation: 'delete',
				integratedAccount: zoomAccount,
				roleAssignmentId: byId(expected.zoomAssignment.id),
			}),
			trutoNode('Update Organization', {
				resource: 'organization',
				operation: 'update',
				integratedAccount: zoomAccount,
				organizationId: byId(expected.zoomOrg.id),
				bodyFields: mapped({ pricing_plan: 'business' }),
			}),
			trutoNode('Delete Organization', {
				resource: 'organization',
				operation: 'delete',
				integratedAccount: byId(ACCOUNTS.salesforce),
				organizationId: byId(expected.salesforceOrg.id),
			}),
			trutoNode(
				'GitHub Licenses Without Organization',
				{ resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true },
				{ onError: 'continueRegularOutput' },
			),
			trutoNode(
				'Delete Atlassian Organization',
				{ resource: 'organization', operation: 'delete', integratedAccount: byId(ACCOUNTS.atlassian), organizationId: byId('any') },
				{ onError: 'continueRegularOutput' },
			),
		]);
		// Writes that must reach the sandbox: every write branch but the one refused before sending.
		expected.writes = workflow.nodes.filter(
			(node) => node.parameters.operation && !['getAll', 'get'].includes(node.parameters.operation) && !node.onError,
		).length;
		await e2e.n8n.importWorkflow(workflow);
		e2e.sandbox.clearRequests();
		run = await e2e.n8n.execute(workflow.id);
	});

	const items = (name) => itemsOf(run.execution, name);
	/** @param {string} method @param {string} path */
	const calls = (method, path) => e2e.sandbox.requests.filter((request) => request.method === method && request.path === path);
	/** @param {string} path @param {string} account */
	const now = async (path, account) => listDirect(e2e.sandbox, `${UNIFIED}/${path}`, { integrated_account_id: account });

	it('runs the workflow', () => {
		expect(run.execution).not.toBeNull();
		expect(run.exitCode).toBe(0);
	});

	it.each(READS)('lists and gets %s', (_, path, idParameter) => {
		expect(expected[path].length).toBeGreaterThan(0);
		expect(items(`List ${path}`)).toEqual(expected[path].map(strip));
		if (idParameter) expect(items(`Get ${path}`)).toEqual([strip(expected[path][expected[path].length - 1])]);
	});

	it('sends what is entered in the integration parameters', () => {
		expect(idsOf(items('Groups Of acme-labs'))).toEqual(idsOf(expected.labsGroups));
		expect(expected.labsGroups.length).toBeLessThan(expected.groups.length);
	});

	it('keeps only inactive users (Inactive Days), with Limit counting inactive users', () => {
		const seen = (user) => user.last_active_at ?? user.last_login_at;
		const inactive = (days) => expected.githubUsers.filter((user) => seen(user) && Date.now() - Date.parse(seen(user)) >= days * DAY);
		const noData = expected.githubUsers.filter((user) => !seen(user));
		const wanted = expected.githubUsers.filter((user) => inactive(90).includes(user) || noData.includes(user));
		expect(idsOf(items('Inactive GitHub Users'))).toEqual(idsOf(wanted));
		expect(idsOf(items('Two Inactive GitHub Users'))).toEqual(idsOf(inactive(30)).slice(0, 2));
	});

	it('adds seats to every license (Seat Utilization)', () => {
		const licenses = items('Salesforce Licenses With Seats');
		expect(idsOf(licenses)).toEqual(idsOf(expected.salesforceLicenses));
		licenses.forEach((license, index) => {
			const source = expected.salesforceLicenses[index];
			const unassigned = Math.max(0, source.available_quantity - source.assigned_quantity);
			expect(license.seats).toEqual({
				available: source.available_quantity,
				assigned: source.assigned_quantity,
				unassigned,
				utilization: expect.closeTo(source.assigned_quantity / source.available_quantity, 4),
				unassigned_cost: expect.closeTo(unassigned * source.unit_amount, 4),
				currency: source.currency,
			});
		});
	});

	it('creates, updates and deletes users', async () => {
		const [created] = items('Create User');
		expect(created).toMatchObject({ first_name: 'Eve', last_name: 'Newcomer', emails: [expect.objectContaining({ email: 'e2e.new@acme-zoom.com' })] });
		expect(items('Update User')).toEqual([expect.objectContaining({ id: expected.zoomUsers[0].id, title: 'Seat Auditor' })]);
		expect(items('Delete User')).toEqual([{ deleted: true, id: expected.zoomUsers[1].id }]);
		const users = await now('users', ACCOUNTS.zoom);
		expect(users.find((user) => user.id === created.id)).toMatchObject({ name: 'Eve Newcomer' });
		expect(users.find((user) => user.id === expected.zoomUsers[0].id).title).toBe('Seat Auditor');
		expect(idsOf(users)).not.toContain(expected.zoomUsers[1].id);
	});

	it('deactivates and suspends users (Okta) with { user_id }, reading them back; refuses where the capabilities lack it', async () => {
		expect(items('Deactivate User')).toEqual([{ user_id: WORKFORCE_USERS[0], deactivated: true, verified: true, status: 'inactive' }]);
		expect(items('Suspend User')).toEqual([{ user_id: WORKFORCE_USERS[1], suspended: true, verified: true, status: 'suspended' }]);
		expect(calls('POST', `${UNIFIED}/users/deactivate`).map((request) => request.body)).toEqual([{ user_id: WORKFORCE_USERS[0] }]);
		expect(calls('POST', `${UNIFIED}/users/suspend`).map((request) => request.body)).toEqual([{ user_id: WORKFORCE_USERS[1] }]);
		// Each write is followed by the read-back of its user.
		for (const id of WORKFORCE_USERS) expect(calls('GET', `${UNIFIED}/users/${id}`).length).toBeGreaterThan(0);
		const users = await now('users', ACCOUNTS.workforce);
		expect(users.filter((user) => WORKFORCE_USERS.includes(user.id)).map((user) => user.status)).toEqual(['inactive', 'suspended']);
		expect(items('Suspend Zoom User')).toEqual([expect.objectContaining({ error: 'Zoom does not support suspending users through Truto; it supports: list, get, create, update, delete' })]);
	});

	it('creates, updates and deletes groups, and removes a user from a group', async () => {
		const [created] = items('Create Group');
		expect(created).toMatchObject({ name: 'Reclaimers', group_type: 'team' });
		expect(items('Update Group')).toEqual([expect.objectContaining({ id: expected.zoomGroups[0].id, description: 'Renamed by n8n' })]);
		const deleted = expected.zoomGroups[expected.zoomGroups.length - 1];
		expect(items('Delete Group')).toEqual([{ deleted: true, id: deleted.id }]);
		const groups = await now('groups', ACCOUNTS.zoom);
		expect(idsOf(groups)).toEqual([...idsOf(expected.zoomGroups).filter((id) => id !== deleted.id), created.id]);

		expect(items('Remove User From Group')).toEqual([{ removed: true, group_id: expected.member.groups[0].id, user_id: expected.member.id }]);
		expect(calls('POST', `${UNIFIED}/groups/remove-user`)[0].body).toEqual({ group_id: expected.member.groups[0].id, user_id: expected.member.id });
		const member = (await now('users', ACCOUNTS.zoom)).find((user) => user.id === expected.member.id);
		expect(member.groups).toEqual([]);
	});

	it('creates, updates and deletes roles, and deletes a role assignment', async () => {
		const [created] = items('Create Role');
		expect(created.name).toBe('Auditor');
		expect(items('Update Role')).toEqual([expect.objectContaining({ id: expected.zoomRoles[0].id, label: 'Account owner' })]);
		expect(items('Delete Role')).toEqual([{ deleted: true, id: expected.zoomRoles[2].id }]);
		expect(idsOf(await now('roles', ACCOUNTS.zoom))).toEqual([expected.zoomRoles[0].id, expected.zoomRoles[1].id, created.id]);
		expect(items('Delete Role Assignment')).toEqual([{ deleted: true, id: expected.zoomAssignment.id }]);
		expect(await now('role_assignments', ACCOUNTS.zoom)).toEqual([]);
	});

	it('updates and deletes organizations', async () => {
		expect(items('Update Organization')).toEqual([expect.objectContaining({ id: expected.zoomOrg.id, pricing_plan: 'business' })]);
		expect(items('Delete Organization')).toEqual([{ deleted: true, id: expected.salesforceOrg.id }]);
		expect(await now('organizations', ACCOUNTS.salesforce)).toEqual([]);
	});

	it('sends every write once, with its own Idempotency-Key', () => {
		const writes = e2e.sandbox.requests.filter((request) => request.method !== 'GET');
		expect(expected.writes).toBe(15);
		expect(writes).toHaveLength(expected.writes);
		for (const request of writes) expect(request.headers['idempotency-key']).toMatch(UUID);
		expect(new Set(writes.map((request) => request.headers['idempotency-key'])).size).toBe(writes.length);
	});

	it('stops before sending when a required parameter is missing or the integration lacks the operation', () => {
		expect(items('GitHub Licenses Without Organization')).toEqual([
			expect.objectContaining({ error: 'GitHub needs Organization (organization_id) to list licenses' }),
		]);
		expect(items('Delete Atlassian Organization')).toEqual([
			expect.objectContaining({ error: 'Atlassian does not support deleting organizations through Truto; it supports: list, get' }),
		]);
		const githubLicenseCalls = e2e.sandbox.requests.filter(
			(request) => request.path === `${UNIFIED}/licenses` && request.query.integrated_account_id === ACCOUNTS.github,
		);
		expect(githubLicenseCalls).toHaveLength(0);
		expect(e2e.sandbox.requests.filter((request) => request.method === 'DELETE' && request.query.integrated_account_id === ACCOUNTS.atlassian)).toHaveLength(0);
	});

	it('fetches account, capabilities and metadata once per execution', () => {
		const githubAccount = e2e.sandbox.requests.filter((request) => request.path === `/integrated-account/${ACCOUNTS.github}`);
		// Each Truto node of the workflow is its own execution of the node: at most one look-up each.
		const githubNodes = run.execution.data.resultData.runData;
		expect(githubAccount.length).toBeGreaterThan(0);
		expect(githubAccount.length).toBeLessThanOrEqual(Object.keys(githubNodes).length);
	});

	it('fails the workflow with the pre-flight message, naming the field and the integration', async () => {
		const workflow = manualWorkflow('trutoE2ePreflight1', [
			trutoNode('Meraki License Without Organization', {
				resource: 'license',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.ciscomeraki),
				licenseId: byId('any-license'),
			}),
		]);
		await e2e.n8n.importWorkflow(workflow);
		e2e.sandbox.clearRequests();
		const failed = await e2e.n8n.execute(workflow.id);
		expect(failed.exitCode).not.toBe(0);
		const error = nodeError(failed.execution, 'Meraki License Without Organization');
		expect(error.message).toBe('Cisco Meraki needs Organization (organizations) to get a license');
		expect(error.description).toMatch(/Fill in Organization \(organizations\) on the node/);
		expect(e2e.sandbox.requests.filter((request) => request.path.startsWith(`${UNIFIED}/licenses/any-license`))).toHaveLength(0);
	});

	describe('in the editor (server mode)', () => {
		beforeAll(async () => {
			await e2e.n8n.start();
			await e2e.n8n.login();
		});

		/** @param {string} methodName @param {string} account @param {string} resource @param {string} operation */
		const fields = async (methodName, account, resource, operation) =>
			e2e.n8n.resourceMapperFields({
				nodeType: TRUTO_NODE,
				methodName,
				parameters: { resource, operation, integratedAccount: byId(account) },
				credentials: { trutoApi: TRUTO_CREDENTIAL },
				path: `parameters.${methodName === 'getQueryFields' ? 'queryFields' : 'bodyFields'}`,
			});

		it('offers Microsoft 365 its own user-list parameter, as a boolean', async () => {
			const answer = await fields('getQueryFields', ACCOUNTS.microsoft365, 'user', 'getAll');
			expect(answer.fields.map((field) => [field.id, field.type, field.required])).toEqual([['include_last_sign_in', 'boolean', false]]);
			expect(answer.fields[0]).toMatchObject({ displayName: 'Include Last Sign In', description: expect.stringMatching(/^Set this value when product/) });
		});

		it('offers GitHub team-list parameters and no license parameter beyond Organization', async () => {
			expect((await fields('getQueryFields', ACCOUNTS.github, 'group', 'getAll')).fields.map((field) => field.id)).toEqual(['name', 'organization_id']);
			expect((await fields('getQueryFields', ACCOUNTS.github, 'license', 'getAll')).fields).toEqual([]);
		});

		it('marks the required body fields of each integration (GitHub, Cisco Meraki, Webex)', async () => {
			const required = async (account) =>
				(await fields('getBodyFields', account, 'user', 'create')).fields.filter((field) => field.required).map((field) => field.id).sort();
			expect(await required(ACCOUNTS.github)).toEqual(['emails']);
			expect(await required(ACCOUNTS.ciscomeraki)).toEqual(['emails', 'name']);
			expect(await required(ACCOUNTS.webex)).toEqual(['emails']);
		});

		it('says when the integration lacks the operation', async () => {
			const answer = await fields('getQueryFields', ACCOUNTS.webex, 'role', 'getAll');
			expect(answer.fields).toEqual([]);
			expect(answer.emptyFieldsNotice).toBe('<b>Integration Parameters</b>: Webex does not support roles through Truto; it supports: users, organizations, licenses.');
		});
	});
});
