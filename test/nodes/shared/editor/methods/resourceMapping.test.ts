/**
 * The fields that follow the integration: what the resource-mapper methods answer the editor for the
 * chosen account, resource and operation (from Truto's metadata, without the parameters the node
 * already has a field for), and that what is entered there is sent.
 */
import type { INodeExecutionData, ResourceMapperField } from 'n8n-workflow';

import { jsonStartingValue, mapperFields, resourceMapping } from '../../../../../nodes/shared/editor/methods/resourceMapping';
import { TrutoUserDirectory } from '../../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, loadOptionsContext, type Parameters } from '../../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox } from '../../../../helpers/sandbox';

const sb = useSandbox();

function context(account: string | null | undefined, resource: string, operation: string, apiToken = TOKEN, credentialName?: string) {
	const parameters: Parameters = { resource, operation };
	if (account !== undefined) parameters.integratedAccount = byId(account);
	return loadOptionsContext({ parameters, credentials: { apiToken, baseUrl: sb.url }, credentialName });
}

async function queryFields(account: string | null | undefined, resource: string, operation: string, apiToken?: string, credentialName?: string) {
	return await resourceMapping.getQueryFields.call(context(account, resource, operation, apiToken, credentialName));
}

async function bodyFields(account: string | null | undefined, resource: string, operation: string, apiToken?: string) {
	return await resourceMapping.getBodyFields.call(context(account, resource, operation, apiToken));
}

/** A locator never filled in: its value is "". */
const byIdEmpty = '';
const ids = (fields: ResourceMapperField[]) => fields.map((field) => field.id);
const field = (fields: ResourceMapperField[], id: string) => fields.find((entry) => entry.id === id) as ResourceMapperField & { description?: string };

describe('getQueryFields', () => {
	it('GitHub: offers the team-list parameters, and nothing for users where every parameter has a named field', async () => {
		const groups = await queryFields(ACCOUNTS.github, 'group', 'getAll');
		expect(ids(groups.fields)).toEqual(['name', 'organization_id']);
		expect(field(groups.fields, 'organization_id')).toMatchObject({
			displayName: 'Organization ID',
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

	it('names the fields above that the chosen account does not take (n8n cannot hide them by metadata)', async () => {
		expect((await queryFields(ACCOUNTS.github, 'user', 'getAll')).emptyFieldsNotice).toBe(
			'<b>Integration Parameters</b>: GitHub · acme-corp takes no query parameters to list users beyond the fields above. Product above does not apply to GitHub · acme-corp: leave it empty.',
		);
		expect((await queryFields(ACCOUNTS.salesforce, 'user', 'getAll')).emptyFieldsNotice).toMatch(
			/Organization and Product above do not apply to Salesforce · acme\.my\.salesforce\.com: leave them empty\.$/,
		);
		// Microsoft 365 takes Product: only Organization is named.
		expect((await queryFields(ACCOUNTS.microsoft365, 'user', 'getAll')).emptyFieldsNotice).toMatch(
			/ Organization above does not apply to Microsoft 365 · contoso\.onmicrosoft\.com: leave it empty\.$/,
		);
	});

	it('Microsoft 365: offers include_last_sign_in as a boolean, not product (a named field)', async () => {
		const { fields } = await queryFields(ACCOUNTS.microsoft365, 'user', 'getAll');
		expect(ids(fields)).toEqual(['include_last_sign_in']);
		expect(field(fields, 'include_last_sign_in').type).toBe('boolean');
		// A label n8n does not cut off; Truto's description stays with the field for API and AI consumers.
		expect(field(fields, 'include_last_sign_in').displayName).toBe('Include Last Sign In');
		expect(field(fields, 'include_last_sign_in').description).toMatch(/^Set this value when product/);
	});

	it('Cisco Meraki and Webex: license parameters are all named fields already', async () => {
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

	it('says what to do instead of failing: no account yet, or a resource the integration lacks', async () => {
		const noAccount = await queryFields(byIdEmpty, 'user', 'getAll');
		expect(noAccount).toEqual({
			fields: [],
			emptyFieldsNotice:
				'<b>Integration Parameters</b>: choose an Integrated Account above; this area then lists the query parameters its integration takes to list users.',
		});
		const webexRoles = await queryFields(ACCOUNTS.webex, 'role', 'getAll');
		expect(webexRoles).toEqual({
			fields: [],
			emptyFieldsNotice: '<b>Integration Parameters</b>: Webex does not support roles through Truto; it supports: users, organizations, licenses.',
		});
		const environment = await queryFields(undefined, 'integratedAccount', 'getAll');
		expect(environment.fields).toEqual([]);
	});
});

/**
 * n8n shows a mapper's notice under no heading and keeps the last one it got until another arrives:
 * every answer carries a notice, headed by the area's name, about the current account, resource
 * and operation; a problem of the whole call is told in one area only.
 */
describe('notices of the dynamic areas', () => {
	it('always come with the answer, so none is left over from an earlier account, resource or operation', async () => {
		const listed = await queryFields(ACCOUNTS.github, 'group', 'getAll');
		expect(listed.emptyFieldsNotice).toBe('<b>Integration Parameters</b>: 2 query parameters of GitHub · acme-corp to list groups.');
		const none = await queryFields(ACCOUNTS.github, 'license', 'getAll');
		expect(none).toEqual({
			fields: [],
			emptyFieldsNotice:
				'<b>Integration Parameters</b>: GitHub · acme-corp takes no query parameters to list licenses beyond the fields above. Product above does not apply to GitHub · acme-corp: leave it empty.',
		});
		const noBody = await bodyFields(ACCOUNTS.github, 'group', 'removeUser');
		expect(noBody.emptyFieldsNotice).toBe(
			'<b>Fields</b>: Truto lists no body fields for GitHub · acme-corp to remove a user from a group; give any in Raw JSON Body.',
		);
	});

	it('tell a problem of the whole call once: under Fields on writes, with Integration Parameters pointing there', async () => {
		const body = await bodyFields(byIdEmpty, 'group', 'removeUser');
		const query = await queryFields(byIdEmpty, 'group', 'removeUser');
		expect(body.emptyFieldsNotice).toBe(
			'<b>Fields</b>: choose an Integrated Account above; this area then lists the body fields its integration takes to remove a user from a group.',
		);
		expect(query.emptyFieldsNotice).toBe('<b>Integration Parameters</b>: none to show until the note under Fields is resolved.');

		const webexBody = await bodyFields(ACCOUNTS.webex, 'group', 'removeUser');
		const webexQuery = await queryFields(ACCOUNTS.webex, 'group', 'removeUser');
		expect(webexBody.emptyFieldsNotice).toBe(
			'<b>Fields</b>: Webex does not support groups through Truto; it supports: users, organizations, licenses.',
		);
		expect(webexQuery.emptyFieldsNotice).toBe('<b>Integration Parameters</b>: none to show until the note under Fields is resolved.');
	});

	it('name an operation the integration lacks, with the ones it has', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				match: { path: '/capabilities$' },
				times: -1,
				body: { unified: [{ model: 'user-directory', resource: 'groups', methods: ['list', 'get'] }] },
			},
		]);
		const notice = (await bodyFields(ACCOUNTS.github, 'group', 'removeUser')).emptyFieldsNotice;
		sb.clearFaults();
		expect(notice).toBe('<b>Fields</b>: GitHub does not support removing users from groups through Truto; it supports: list, get.');
	});

	it('say that an account set by an expression is known at run time, not that none is chosen', async () => {
		const notice = (await queryFields(null, 'license', 'getAll')).emptyFieldsNotice;
		expect(notice).toBe(
			'<b>Integration Parameters</b>: Integrated Account is an expression, resolved only when the node runs, so the query parameters its integration takes to list licenses cannot be listed here. Run the nodes before this one (their data resolves it), or pick the account from the list, to see them.',
		);
		const unresolvedText = (await queryFields("={{ $('Settings').item.json.integratedAccountId }}", 'user', 'getAll')).emptyFieldsNotice;
		expect(unresolvedText).toMatch(/^<b>Integration Parameters<\/b>: Integrated Account is an expression/);
		expect(sb.requests).toHaveLength(0);
	});

	it('give the real cause when Truto refuses the token: fix the credential', async () => {
		const { fields, emptyFieldsNotice } = await queryFields(ACCOUNTS.github, 'user', 'getAll', 'not-a-valid-token', 'Truto API (wrong token)');
		expect(fields).toEqual([]);
		expect(emptyFieldsNotice).toMatch(
			/^<b>Integration Parameters<\/b>: Truto answered 401 Unauthorized: Invalid API token\. Truto did not accept the API token of the credential “Truto API \(wrong token\)”\. Open that credential/,
		);
		// n8n does not reload this area when the credential changes: the note says which one it was loaded with.
		expect(emptyFieldsNotice).toMatch(/\(Loaded with the credential “Truto API \(wrong token\)”; after changing the credential, close and reopen this node to load this area again\.\)$/);
		expect(emptyFieldsNotice).not.toMatch(/This integration|no field list/);
		expect(emptyFieldsNotice).not.toContain('not-a-valid-token');
	});

	it('escape what Truto sends before n8n renders it as HTML', async () => {
		sb.setFaults([
			{ kind: 'status', status: 200, match: { path: '^/integrated-account/[^/]+$' }, times: -1, body: { id: ACCOUNTS.github, tenant_id: '<img src=x>', integration: { name: 'github' } } },
		]);
		const notice = (await queryFields(ACCOUNTS.github, 'license', 'getAll')).emptyFieldsNotice;
		sb.clearFaults();
		expect(notice).toContain('GitHub · &lt;img src=x&gt;');
		expect(notice).not.toContain('<img');
	});
});

describe('labels of dynamic fields', () => {
	it('are the parameter as people read it; Truto names join only where two would read the same', () => {
		const fields = mapperFields([
			{ name: 'include_last_sign_in', type: 'boolean', required: false, description: 'Set this value when …' },
			{ name: 'org_id', type: 'string', required: false },
			{ name: 'org-id', type: 'string', required: false },
		]);
		expect(fields.map((entry) => entry.displayName)).toEqual(['Include Last Sign In', 'Org ID (org_id)', 'Org ID (org-id)']);
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

	it('gives JSON fields a valid starting value of their shape, and says the shape', async () => {
		const { fields } = await bodyFields(ACCOUNTS.github, 'user', 'create');
		const emails = field(fields, 'emails') as ResourceMapperField & { defaultValue?: string; description?: string };
		expect(JSON.parse(emails.defaultValue as string)).toEqual([{ email: '', type: 'work', is_primary: true }]);
		expect(emails.description).toMatch(/A JSON list such as \[\{"email":"","type":"work","is_primary":true\}\]\.$/);
		const organizations = field(fields, 'organizations') as ResourceMapperField & { defaultValue?: string };
		expect(JSON.parse(organizations.defaultValue as string)).toEqual([{ id: '' }]);
		expect((field(fields, 'title') as { defaultValue?: string }).defaultValue).toBeUndefined();
	});

	it('starts an unknown JSON field as an empty list or object, and a known name of the other type likewise', () => {
		expect(jsonStartingValue({ name: 'tags', type: 'array' })).toBe('[]');
		expect(jsonStartingValue({ name: 'settings', type: 'object' })).toBe('{}');
		expect(jsonStartingValue({ name: 'emails', type: 'object' })).toBe('{}');
		expect(jsonStartingValue({ name: 'emails', type: 'string' })).toBeUndefined();
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
