import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters } from '../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox } from '../../helpers/sandbox';

const sb = useSandbox();

interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	token?: string;
}

async function run(parameters: Parameters | ((itemIndex: number) => Parameters), options: RunOptions = {}) {
	const context = executeContext({
		parameters,
		credentials: { apiToken: options.token ?? TOKEN, baseUrl: sb.url },
		items: options.items,
		continueOnFail: options.continueOnFail,
		onError: options.onError,
	});
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

function list(resource: string, account: string, extra: Parameters = {}): Parameters {
	return { resource, operation: 'getAll', integratedAccount: byId(account), returnAll: true, options: {}, ...extra };
}

function lastRequest(resource: string) {
	const requests = unifiedRequests(sb, resource);
	return requests[requests.length - 1];
}

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string; context?: IDataObject }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

describe('Get Many', () => {
	it('lists users of an account, one item per record, paired with the input item', async () => {
		const output = await run(list('user', ACCOUNTS.zoom));
		expect(output).toHaveLength(237);
		expect(output.every((item) => (item.pairedItem as IPairedItemData).item === 0)).toBe(true);
		expect(output[0].json).toHaveProperty('id');
		expect(output[0].json).toHaveProperty('emails');
	});

	it('honours Limit', async () => {
		const output = await run(list('user', ACCOUNTS.zoom, { returnAll: false, limit: 30 }));
		expect(output).toHaveLength(30);
	});

	it('lists organizations and licenses', async () => {
		const organizations = await run(list('organization', ACCOUNTS.github));
		expect(organizations.length).toBe(2);
		const licenses = await run(list('license', ACCOUNTS.salesforce));
		expect(licenses.length).toBeGreaterThan(0);
		expect(licenses[0].json).toHaveProperty('available_quantity');
	});

	it('reads every parameter per item', async () => {
		const accounts = [ACCOUNTS.zoom, ACCOUNTS.salesforce];
		const output = await run(
			(itemIndex) => list('user', accounts[itemIndex], { returnAll: false, limit: itemIndex + 1 }),
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(output).toHaveLength(3);
		expect(output.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual([0, 1, 1]);
		const requested = unifiedRequests(sb, 'users').map((request) => request.query.integrated_account_id);
		expect(requested).toEqual(accounts);
	});

	it('sends user filters in Truto\'s bracket style', async () => {
		await run(
			list('user', ACCOUNTS.atlassian, {
				filters: { status: 'inactive', createdAfter: '2026-01-02T03:04:05Z', email: 'a@b.c', groupId: 'g1' },
			}),
		);
		const { query, rawQuery } = lastRequest('users');
		expect(query.status).toBe('inactive');
		expect(query.created_at).toEqual({ gt: '2026-01-02T03:04:05.000Z' });
		// Atlassian's list metadata names the filter `emails` (most mappings do; a few say `email`).
		expect(query.emails).toBe('a@b.c');
		expect(query.email).toBeUndefined();
		expect(query.group_id).toBe('g1');
		expect(rawQuery).toContain('created_at[gt]=');
	});

	it.each(['yesterday-ish', '2026-02-30', '2026-13-01'])('refuses the date filter %p', async (date) => {
		const error = await failure(run(list('user', ACCOUNTS.atlassian, { filters: { createdBefore: date } })));
		expect(error.message).toMatch(/createdBefore.*not a valid date/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it('accepts a real calendar date with a time zone offset', async () => {
		await run(list('user', ACCOUNTS.atlassian, { filters: { createdBefore: '2026-03-01T23:30:00-05:00' } }));
		expect(lastRequest('users').query.created_at).toEqual({ lt: '2026-03-02T04:30:00.000Z' });
	});

	it.each([0, -3, 2.5, 'many', null])('refuses the limit %p', async (limit) => {
		const error = await failure(run(list('user', ACCOUNTS.zoom, { returnAll: false, limit })));
		expect(error.message).toMatch(/Limit must be a whole number/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it('sends Truto options: format, remote data, excluded fields, remote query', async () => {
		await run(
			list('user', ACCOUNTS.github, {
				options: {
					responseFormat: 'normalized',
					ignoreRemoteData: true,
					excludeFields: 'phones, avatar',
					remoteQuery: { parameters: [{ name: 'role', value: 'admin' }, { name: 'filter[team]', value: 'core' }] },
				},
			}),
		);
		const { query } = lastRequest('users');
		expect(query.truto_response_format).toBe('normalized');
		expect(query.truto_ignore_remote_data).toBe('true');
		expect(query.truto_exclude_fields).toEqual(['phones', 'avatar']);
		expect(query.remote_query).toEqual({ role: 'admin', filter: { team: 'core' } });
	});

	it('lets remote query reach the provider', async () => {
		const all = await run(list('user', ACCOUNTS.github));
		const admins = await run(
			list('user', ACCOUNTS.github, { options: { remoteQuery: { parameters: [{ name: 'role', value: 'admin' }] } } }),
		);
		expect(admins.length).toBeGreaterThan(0);
		expect(admins.length).toBeLessThan(all.length);
	});

	it('refuses a malformed remote query name', async () => {
		const error = await failure(
			run(list('user', ACCOUNTS.github, { options: { remoteQuery: { parameters: [{ name: 'a]b[', value: 'x' }] } } })),
		);
		expect(error.message).toMatch(/invalid parameter name/);
	});
});

describe('per-integration fields', () => {
	it('sends Organization as organization_id on license lists (GitHub requires it)', async () => {
		const organizations = await run(list('organization', ACCOUNTS.github));
		const orgId = String(organizations[0].json.id);
		const licenses = await run(list('license', ACCOUNTS.github, { organization: byId(orgId) }));
		expect(licenses.length).toBeGreaterThan(0);
		expect(lastRequest('licenses').query.organization_id).toBe(orgId);
	});

	it('names the missing field when GitHub licenses are listed without an organization', async () => {
		const error = await failure(run(list('license', ACCOUNTS.github)));
		expect(error.message).toMatch(/organization_id/);
		expect(error.description).toMatch(/Organization \(organization_id\)/);
	});

	it('sends Organization as organizations on license get (Cisco Meraki requires it)', async () => {
		const organizations = await run(list('organization', ACCOUNTS.ciscomeraki));
		const orgId = String(organizations[0].json.id);
		const licenses = await run(list('license', ACCOUNTS.ciscomeraki, { organization: byId(orgId) }));
		const licenseId = String(licenses[0].json.id);

		const error = await failure(
			run({ resource: 'license', operation: 'get', integratedAccount: byId(ACCOUNTS.ciscomeraki), licenseId: byId(licenseId), options: {} }),
		);
		expect(error.description).toMatch(/Organization \(organizations\)/);

		const [license] = await run({
			resource: 'license',
			operation: 'get',
			integratedAccount: byId(ACCOUNTS.ciscomeraki),
			licenseId: byId(licenseId),
			organization: byId(orgId),
			options: {},
		});
		expect(license.json.id).toBe(licenseId);
		expect(lastRequest('licenses').query.organizations).toBe(orgId);
		expect(lastRequest('licenses').query.organization_id).toBeUndefined();
	});

	it('sends Product for Microsoft 365 licenses and users, and names it when missing', async () => {
		const error = await failure(run(list('license', ACCOUNTS.microsoft365)));
		expect(error.description).toMatch(/Product \(product\)/);

		const licenses = await run(list('license', ACCOUNTS.microsoft365, { product: 'onedrive' }));
		expect(licenses.length).toBeGreaterThan(0);
		expect(lastRequest('licenses').query.product).toBe('onedrive');

		await run(list('user', ACCOUNTS.microsoft365, { product: 'teams' }));
		expect(lastRequest('users').query.product).toBe('teams');
	});

	it('does not send empty per-integration fields', async () => {
		await run(list('license', ACCOUNTS.salesforce, { product: '', organization: byId('') }));
		const { query } = lastRequest('licenses');
		expect(query).not.toHaveProperty('product');
		expect(query).not.toHaveProperty('organization_id');
	});

	it('sends Include Assigned To on license get (Webex)', async () => {
		const licenses = await run(list('license', ACCOUNTS.webex));
		const [license] = await run({
			resource: 'license',
			operation: 'get',
			integratedAccount: byId(ACCOUNTS.webex),
			licenseId: byId(String(licenses[0].json.id)),
			includeAssignedTo: 'user',
			options: {},
		});
		expect(lastRequest('licenses').query.include_assigned_to).toBe('user');
		expect(Array.isArray(license.json.assigned_to)).toBe(true);
	});
});

describe('Get', () => {
	it.each([
		['user', 'userId', 'users'],
		['organization', 'organizationId', 'organizations'],
		['license', 'licenseId', 'licenses'],
	])('gets one %s by ID', async (resource, idParameter, path) => {
		const records = await run(list(resource, ACCOUNTS.salesforce, { returnAll: false, limit: 1 }));
		const id = String(records[0].json.id);
		const output = await run({
			resource,
			operation: 'get',
			integratedAccount: byId(ACCOUNTS.salesforce),
			[idParameter]: byId(id),
			options: {},
		});
		expect(output).toHaveLength(1);
		expect(output[0].json.id).toBe(id);
		expect(lastRequest(path).path).toBe(`/unified/user-directory/${path}/${encodeURIComponent(id)}`);
	});

	it('keeps an ID with a slash inside its path segment', async () => {
		const error = await failure(
			run({ resource: 'user', operation: 'get', integratedAccount: byId(ACCOUNTS.salesforce), userId: byId('x/../../integrated-account'), options: {} }),
		);
		expect(error.message).toMatch(/404/);
		expect(sb.requests[sb.requests.length - 1].path).toMatch(/^\/unified\/user-directory\/users\//);
	});

	it('refuses an empty ID before calling Truto', async () => {
		const error = await failure(
			run({ resource: 'user', operation: 'get', integratedAccount: byId(ACCOUNTS.salesforce), userId: byId('  '), options: {} }),
		);
		expect(error.message).toMatch(/User is empty/);
		expect(sb.requests).toHaveLength(0);
	});
});

describe('raw format', () => {
	it('turns a bare-array provider answer into one item per element', async () => {
		const output = await run(list('license', ACCOUNTS.licensespring, { options: { responseFormat: 'raw' } }));
		expect(output.length).toBeGreaterThan(1);
		expect(output[0].json).toHaveProperty('license');
		expect(lastRequest('licenses').query.truto_response_format).toBe('raw');
	});

	it('turns an object provider answer into one item', async () => {
		const output = await run(list('user', ACCOUNTS.microsoft365, { options: { responseFormat: 'raw' } }));
		expect(output).toHaveLength(1);
		expect(Array.isArray(output[0].json.value)).toBe(true);
	});

	it('honours Limit on a raw array', async () => {
		const output = await run(
			list('license', ACCOUNTS.licensespring, { returnAll: false, limit: 1, options: { responseFormat: 'raw' } }),
		);
		expect(output).toHaveLength(1);
	});
});

describe('errors', () => {
	it('says to check the credential when Truto rejects the token, without showing it', async () => {
		const leaked = ['wrong', 'token', '0123456789'].join('-');
		const error = await failure(run(list('user', ACCOUNTS.zoom), { token: leaked }));
		expect(error.message).toMatch(/401/);
		expect(error.description).toMatch(/credential/);
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(leaked);
	});

	it('says the customer must reconnect when the app rejects the account (remote 401)', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 401,
				body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials', truto_is_remote_error: true },
				match: { path: '^/unified/user-directory/users$' },
			},
		]);
		const error = await failure(run(list('user', ACCOUNTS.zoom)));
		expect(error.message).toMatch(/401/);
		expect(error.description).toMatch(/reconnect/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(1);
	});

	it('says the customer must reconnect an account whose status is not active, and sends nothing', async () => {
		const error = await failure(run(list('user', ACCOUNTS.okta)));
		expect(error.message).toBe('The customer must reconnect this integrated account (status: needs_reauth)');
		expect(error.description).toMatch(/Okta · acme\.okta\.com/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it('says an account blocked in Truto is blocked, and sends nothing', async () => {
		const error = await failure(run(list('user', ACCOUNTS.blocked)));
		expect(error.message).toBe('The integrated account Zendesk · acme-blocked is blocked in Truto');
		// Truto blocks an account from its blocklist: the remedy is Truto support, not a dashboard switch.
		expect(error.description).toMatch(/contact Truto support \(support@truto\.one\)/i);
		expect(error.description).not.toMatch(/unblock|dashboard/i);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it("does not retry Truto's own 503 (a block the look-ups did not show)", async () => {
		sb.setFaults([{ kind: 'status', status: 503, match: { path: '^/unified/user-directory/users$' }, times: -1 }]);
		const error = await failure(run(list('user', ACCOUNTS.zoom)));
		expect(error.description).toMatch(/blocked/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(1);
	});

	it('names an unknown account', async () => {
		const error = await failure(run(list('user', '00000000-0000-4000-8000-000000000000')));
		expect(error.message).toMatch(/404/);
	});

	it('refuses an empty integrated account before calling Truto', async () => {
		const error = await failure(run(list('user', '')));
		expect(error.message).toMatch(/Integrated Account is empty/);
		expect(sb.requests).toHaveLength(0);
	});

	it('refuses an account expression that resolved to an object', async () => {
		const error = await failure(run({ ...list('user', ACCOUNTS.zoom), integratedAccount: { __rl: true, mode: 'id', value: { id: 1 } } }));
		expect(error.message).toMatch(/must be an ID, not an object/);
	});

	it('continues on fail with one error item per failed input item', async () => {
		const accounts = [ACCOUNTS.salesforce, ACCOUNTS.blocked, ACCOUNTS.atlassian];
		const output = await run((itemIndex) => list('user', accounts[itemIndex], { returnAll: false, limit: 2 }), {
			items: [{ json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		const failed = output.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(String(failed[0].json.error)).toMatch(/blocked in Truto/);
		expect(failed[0].json.description).toMatch(/blocked/);
		expect(output.filter((item) => !item.json.error)).toHaveLength(4);
		// On the regular output the error item keeps its whole JSON: no error attached (n8n would cut it).
		expect(output.filter((item) => item.error)).toHaveLength(0);
	});

	it('gives a failed item its error with On Error → Continue (using error output), which n8n routes by', async () => {
		const accounts = [ACCOUNTS.salesforce, ACCOUNTS.blocked, ACCOUNTS.atlassian];
		const output = await run((itemIndex) => list('user', accounts[itemIndex], { returnAll: false, limit: 2 }), {
			items: [{ json: {} }, { json: {} }, { json: {} }],
			onError: 'continueErrorOutput',
		});
		const failed = output.filter((item) => item.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].error).toBeInstanceOf(NodeOperationError);
		expect(failed[0].error?.message).toBe(failed[0].json.error);
		expect(failed[0].error?.description).toMatch(/blocked/);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});

	it('keeps no partial list of a failed item when continuing', async () => {
		sb.setFaults([{ kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'boom' }, match: { path: '/unified/user-directory/users' }, after: 2 }]);
		const output = await run(list('user', ACCOUNTS.zoom), { continueOnFail: true });
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toMatch(/boom/);
	});
});

describe('description (the public surface)', () => {
	const node = new TrutoUserDirectory();
	const { properties } = node.description;
	const named = (name: string) => properties.filter((property) => property.name === name);
	const shownFor = (property: (typeof properties)[number]) => property.displayOptions?.show ?? {};

	it('offers every resource of the contract', () => {
		const [resource] = named('resource');
		expect((resource.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(
			['user', 'organization', 'license', 'group', 'role', 'roleAssignment', 'workspace', 'activity', 'me', 'billing', 'utilization', 'integratedAccount', 'seatReclamation', 'person', 'accessReview'].sort(),
		);
		expect(resource.default).toBe('user');
	});

	it.each([
		['user', ['getAll', 'get', 'create', 'update', 'delete', 'deactivate', 'suspend']],
		['organization', ['getAll', 'get', 'update', 'delete']],
		['license', ['getAll', 'get']],
		['group', ['getAll', 'get', 'create', 'update', 'delete', 'removeUser']],
		['role', ['getAll', 'get', 'create', 'update', 'delete']],
		['roleAssignment', ['getAll', 'get', 'delete']],
		['workspace', ['getAll', 'get']],
		['activity', ['getAll', 'get']],
		['me', ['getAll']],
		['billing', ['getAll']],
		['utilization', ['getAll']],
	])('%s has the operations Truto lists, each with an action', (resource, operations) => {
		const operation = named('operation').find((property) => (shownFor(property).resource as string[]).includes(resource));
		const options = (operation?.options ?? []) as Array<{ value: string; action?: string }>;
		expect(options.map((option) => option.value).sort()).toEqual([...operations].sort());
		expect(options.every((option) => typeof option.action === 'string' && option.action.length > 0)).toBe(true);
		expect(operation?.default).toBe('getAll');
	});

	it.each([
		['groupId', 'group', ['get', 'update', 'delete'], 'searchGroups'],
		['roleId', 'role', ['get', 'update', 'delete'], 'searchRoles'],
		['roleAssignmentId', 'roleAssignment', ['get', 'delete'], 'searchRoleAssignments'],
		['workspaceId', 'workspace', ['get'], 'searchWorkspaces'],
		['activityId', 'activity', ['get'], 'searchActivities'],
		['userId', 'user', ['get', 'update', 'delete', 'deactivate', 'suspend'], 'searchUsers'],
		['organizationId', 'organization', ['get', 'update', 'delete'], 'searchOrganizations'],
	])('%s is a resource locator (list + ID) for %s', (name, resource, operations, searchMethod) => {
		const property = named(name).find((entry) => (shownFor(entry).resource as string[]).includes(resource));
		expect(property?.type).toBe('resourceLocator');
		expect((property?.modes ?? []).map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(shownFor(property as (typeof properties)[number]).operation).toEqual(operations);
		expect(property?.modes?.[0].typeOptions?.searchListMethod).toBe(searchMethod);
		expect(node.methods.listSearch[searchMethod]).toBeInstanceOf(Function);
	});

	it('shows the group and the user for Group → Remove User', () => {
		for (const name of ['groupId', 'userId']) {
			expect(named(name).some((entry) => shownFor(entry).operation?.includes('removeUser'))).toBe(true);
		}
	});

	it('offers the fields that follow the integration through resource mappers', () => {
		const [query] = named('queryFields');
		const [body] = named('bodyFields');
		for (const [property, method] of [
			[query, 'getQueryFields'],
			[body, 'getBodyFields'],
		] as const) {
			expect(property.type).toBe('resourceMapper');
			expect(property.typeOptions?.loadOptionsDependsOn).toEqual(['integratedAccount.value', 'resource', 'operation']);
			expect(property.typeOptions?.resourceMapper).toMatchObject({ resourceMapperMethod: method, mode: 'add', addAllFields: false, supportAutoMap: false });
			expect(node.methods.resourceMapping[method]).toBeInstanceOf(Function);
		}
		expect(shownFor(body).operation?.sort()).toEqual(['create', 'deactivate', 'removeUser', 'suspend', 'update']);
		expect(named('jsonBody')[0].type).toBe('json');
	});

	it('adds the seat options to the Options collection, shown only where they apply', () => {
		const [options] = named('options');
		const option = (name: string) => (options.options as Array<{ name: string; displayOptions?: { show?: Record<string, unknown> } }>).find((entry) => entry.name === name);
		expect(option('inactiveDays')?.displayOptions?.show).toEqual({ '/resource': ['user'], '/operation': ['getAll'] });
		// Only once Inactive Days is set: without it the choice means nothing.
		expect(option('noActivityUsers')?.displayOptions?.show).toEqual({
			inactiveDays: [{ _cnd: { gt: 0 } }],
			'/resource': ['user'],
			'/operation': ['getAll'],
		});
		expect(option('seatUtilization')?.displayOptions?.show).toEqual({ '/resource': ['license'], '/operation': ['getAll', 'get'] });
		expect(option('responseFormat')?.displayOptions).toBeUndefined();
	});

	it('switches an added option on where adding it means wanting it (Seat Utilization, Include Remote Data)', () => {
		const [options] = named('options');
		const option = (name: string) => (options.options as Array<{ name: string; default?: unknown; displayOptions?: { show?: Record<string, unknown> } }>).find((entry) => entry.name === name);
		expect(option('seatUtilization')?.default).toBe(true);
		expect(option('includeRemoteData')).toMatchObject({ default: true, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } });
		// Ignore Remote Data is in effect unless switched off: only workflows saved with version 1 still show it.
		expect(option('ignoreRemoteData')).toMatchObject({ default: true, displayOptions: { show: { '@version': [{ _cnd: { lt: 1.1 } }] } } });
	});
});
