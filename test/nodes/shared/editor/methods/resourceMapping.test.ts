/**
 * The fields that follow the integration: what the resource-mapper methods answer the editor for the
 * chosen account, resource and operation (from Truto's metadata, without the parameters the node
 * already has a field for), and that what is entered there is sent.
 */
import type { INodeExecutionData, ResourceMapperField } from 'n8n-workflow';

import { resourceMapping } from '../../../../../nodes/shared/editor/methods/resourceMapping';
import { TrutoUserDirectory } from '../../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, loadOptionsContext, type Parameters } from '../../../../helpers/n8nContext';
import { ACCOUNTS, type Sandbox, startSandbox, TOKEN, unifiedRequests } from '../../../../helpers/sandbox';

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.clearRequests());

function context(account: string | undefined, resource: string, operation: string) {
	const parameters: Parameters = { resource, operation };
	if (account !== undefined) parameters.integratedAccount = byId(account);
	return loadOptionsContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
}

async function queryFields(account: string | undefined, resource: string, operation: string) {
	return await resourceMapping.getQueryFields.call(context(account, resource, operation));
}

async function bodyFields(account: string, resource: string, operation: string) {
	return await resourceMapping.getBodyFields.call(context(account, resource, operation));
}

const ids = (fields: ResourceMapperField[]) => fields.map((field) => field.id);
const field = (fields: ResourceMapperField[], id: string) => fields.find((entry) => entry.id === id) as ResourceMapperField & { description?: string };

describe('getQueryFields', () => {
	it('GitHub: offers the team-list parameters, and nothing for users where every parameter has a named field', async () => {
		const groups = await queryFields(ACCOUNTS.github, 'group', 'getAll');
		expect(ids(groups.fields)).toEqual(['name', 'organization_id']);
		expect(field(groups.fields, 'organization_id')).toMatchObject({
			displayName: 'Organization ID (organization_id) – The organization whose teams to list',
			description: 'The organization whose teams to list',
			type: 'string',
			required: false,
			display: true,
			defaultMatch: false,
		});

		// organization_id is the Organization field; status, name, … are the Filters.
		const users = await queryFields(ACCOUNTS.github, 'user', 'getAll');
		expect(users.fields).toEqual([]);
		const licenses = await queryFields(ACCOUNTS.github, 'license', 'getAll');
		expect(licenses.fields).toEqual([]);
	});

	it('Microsoft 365: offers include_last_sign_in as a boolean, not product (a named field)', async () => {
		const { fields } = await queryFields(ACCOUNTS.microsoft365, 'user', 'getAll');
		expect(ids(fields)).toEqual(['include_last_sign_in']);
		expect(field(fields, 'include_last_sign_in').type).toBe('boolean');
		expect(field(fields, 'include_last_sign_in').displayName).toMatch(/^Include Last Sign In \(include_last_sign_in\) – Set this value when product/);
	});

	it('Cisco Meraki and Webex: licence parameters are all named fields already', async () => {
		expect((await queryFields(ACCOUNTS.ciscomeraki, 'license', 'getAll')).fields).toEqual([]);
		expect((await queryFields(ACCOUNTS.ciscomeraki, 'license', 'get')).fields).toEqual([]);
		expect((await queryFields(ACCOUNTS.webex, 'license', 'get')).fields).toEqual([]);
	});

	it('Zoom and Google Workspace: their own user-list parameters', async () => {
		const zoom = await queryFields(ACCOUNTS.zoom, 'user', 'getAll');
		expect(ids(zoom.fields)).toEqual(['role_id']);
		const google = await queryFields(ACCOUNTS.googleworkspace, 'user', 'getAll');
		expect(ids(google.fields)).toEqual(['org_unit_path']);
	});

	it('marks a required parameter the node has no field for as required', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				match: { path: '/meta/list$' },
				body: {
					method: 'list',
					query_schema: {
						type: 'object',
						properties: {
							workspace_key: { type: 'string', description: 'The workspace to list' },
							scope: { type: 'string', enum: ['all', 'mine'] },
							truto_key_by: { type: 'string' },
							limit: { type: 'number' },
						},
						required: ['workspace_key'],
					},
					request_body_schema: null,
				},
			},
		]);
		const { fields } = await queryFields(ACCOUNTS.zoom, 'workspace', 'getAll');
		sb.clearFaults();
		expect(ids(fields)).toEqual(['workspace_key', 'scope']);
		expect(field(fields, 'workspace_key').required).toBe(true);
		expect(field(fields, 'scope')).toMatchObject({ type: 'options', options: [{ name: 'all', value: 'all' }, { name: 'mine', value: 'mine' }] });
	});

	it('says what to do instead of failing: no account yet, or an operation the integration lacks', async () => {
		const noAccount = await queryFields(undefined, 'user', 'getAll');
		expect(noAccount).toEqual({ fields: [], emptyFieldsNotice: expect.stringMatching(/Choose an integrated account first/) });
		const webexRoles = await queryFields(ACCOUNTS.webex, 'role', 'getAll');
		expect(webexRoles).toEqual({ fields: [], emptyFieldsNotice: 'Webex does not support listing roles through Truto.' });
		const environment = await queryFields(undefined, 'integratedAccount', 'getAll');
		expect(environment.fields).toEqual([]);
	});
});

describe('getBodyFields', () => {
	it('GitHub user create: emails required, the other user fields optional with their types', async () => {
		const { fields } = await bodyFields(ACCOUNTS.github, 'user', 'create');
		expect(field(fields, 'emails')).toMatchObject({ required: true, type: 'array' });
		expect(field(fields, 'organizations')).toMatchObject({ required: false, type: 'array' });
		expect(field(fields, 'title')).toMatchObject({ required: false, type: 'string' });
		expect(fields.filter((entry) => entry.required).map((entry) => entry.id)).toEqual(['emails']);
	});

	it('Microsoft 365, Cisco Meraki, Webex and Salesforce: each marks its own required fields', async () => {
		const required = async (account: string) =>
			(await bodyFields(account, 'user', 'create')).fields.filter((entry) => entry.required).map((entry) => entry.id).sort();
		expect(await required(ACCOUNTS.microsoft365)).toEqual(['name', 'username']);
		expect(await required(ACCOUNTS.ciscomeraki)).toEqual(['emails', 'name']);
		expect(await required(ACCOUNTS.webex)).toEqual(['emails']);
		expect(await required(ACCOUNTS.salesforce)).toEqual(['emails', 'last_name', 'username']);
	});

	it('offers an enum body field as options', async () => {
		const { fields } = await bodyFields(ACCOUNTS.github, 'group', 'create');
		expect(field(fields, 'group_type')).toMatchObject({ type: 'options', options: ['team', 'department', 'group'].map((value) => ({ name: value, value })) });
		expect(field(fields, 'name').required).toBe(true);
	});

	it('leaves out what Remove User sends from its Group and User fields', async () => {
		expect((await bodyFields(ACCOUNTS.github, 'group', 'removeUser')).fields).toEqual([]);
	});

	it('offers organization fields for an update where the integration has one', async () => {
		const { fields } = await bodyFields(ACCOUNTS.ciscomeraki, 'organization', 'update');
		expect(ids(fields).sort()).toEqual(['name', 'pricing_plan']);
	});
});

describe('values entered in the dynamic parameters', () => {
	async function run(parameters: Parameters): Promise<INodeExecutionData[]> {
		const execute = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
		const [output] = await new TrutoUserDirectory().execute.call(execute);
		return output;
	}

	it('are sent as query parameters and reach the app (Zoom role_id)', async () => {
		const byRole = async (roleId: string) =>
			await run({
				resource: 'user',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.zoom),
				returnAll: true,
				queryFields: { mappingMode: 'defineBelow', value: { role_id: roleId, empty: '' } },
				options: {},
			});
		// Every Zoom user of the sandbox is a member (role 2); none is an admin (role 1).
		expect(await byRole('2')).toHaveLength(237);
		expect(await byRole('1')).toHaveLength(0);
		const last = unifiedRequests(sb, 'users').pop();
		expect(last?.query.role_id).toBe('1');
		expect(last?.query).not.toHaveProperty('empty');
	});

	it('never override what the node sends itself', async () => {
		await run({
			resource: 'group',
			operation: 'getAll',
			integratedAccount: byId(ACCOUNTS.github),
			returnAll: false,
			limit: 1,
			queryFields: { mappingMode: 'defineBelow', value: { integrated_account_id: 'other', limit: 99, truto_response_format: 'raw', name: 'Platform' } },
			options: {},
		});
		const [request] = unifiedRequests(sb, 'groups');
		expect(request.query).toMatchObject({ integrated_account_id: ACCOUNTS.github, limit: '1', name: 'Platform' });
		expect(request.query.truto_response_format).toBeUndefined();
	});

	it('lose to a filled-in named field', async () => {
		await run({
			resource: 'license',
			operation: 'getAll',
			integratedAccount: byId(ACCOUNTS.github),
			returnAll: true,
			organization: byId('acme-corp'),
			queryFields: { mappingMode: 'defineBelow', value: { organization_id: 'acme-labs' } },
			options: {},
		});
		expect(unifiedRequests(sb, 'licenses')[0].query.organization_id).toBe('acme-corp');
	});
});
