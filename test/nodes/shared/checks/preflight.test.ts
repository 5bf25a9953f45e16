/**
 * The checks made before a call: Truto's capabilities (is the resource/operation supported by this
 * account's integration?) and metadata (are its required parameters filled in?), answered from one
 * look-up per execution; on a failing look-up the check is skipped and the call goes out.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { readCapabilities, readMeta } from '../../../../nodes/shared/transport/metadata';
import { byId, executeContext, type Parameters, listParameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, dataRequests, isLookup, TOKEN, unifiedRequests, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

async function run(parameters: Parameters | ((itemIndex: number) => Parameters), items = 1): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: { apiToken: TOKEN, baseUrl: sb.url },
		items: Array.from({ length: items }, () => ({ json: {} })),
	});
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

type NodeError = Error & { description?: string; context?: IDataObject };

async function failure(parameters: Parameters): Promise<NodeError> {
	try {
		await run(parameters);
	} catch (error) {
		return error as NodeError;
	}
	throw new Error('expected the node to fail');
}

const list = listParameters;

const lookups = () => sb.requests.filter(isLookup).map((request) => request.path);

describe('required parameters (from Truto metadata)', () => {
	it('names the field and the integration, and sends nothing, when GitHub licenses are listed without an organization', async () => {
		const error = await failure(list('license', ACCOUNTS.github));
		expect(error.message).toBe('GitHub needs Organization (organization_id) to list licenses');
		expect(error.description).toMatch(/^Fill in Organization \(organization_id\) on the node/);
		expect(error.context?.itemIndex).toBe(0);
		expect(dataRequests(sb)).toHaveLength(0);
		expect(lookups()).toEqual([
			`/integrated-account/${ACCOUNTS.github}`,
			`/integrated-account/${ACCOUNTS.github}/capabilities`,
			// The per-account form: it carries the environment's mapping overrides.
			'/unified/user-directory/licenses/meta/list',
		]);
	});

	it('names Product for Microsoft 365 and Organization (organizations) for a Cisco Meraki license get', async () => {
		const microsoft = await failure(list('license', ACCOUNTS.microsoft365));
		expect(microsoft.message).toBe('Microsoft 365 needs Product (product) to list licenses');

		const meraki = await failure({ resource: 'license', operation: 'get', integratedAccount: byId(ACCOUNTS.ciscomeraki), licenseId: byId('any'), options: {} });
		expect(meraki.message).toBe('Cisco Meraki needs Organization (organizations) to get a license');
		expect(meraki.description).toMatch(/Organization \(organizations\)/);
		expect(dataRequests(sb)).toHaveLength(0);
	});

	it('names missing body fields by the field the user fills in', async () => {
		const error = await failure({
			resource: 'user',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.salesforce),
			bodyFields: { mappingMode: 'defineBelow', value: { last_name: 'Doe' } },
			options: {},
		});
		expect(error.message).toBe('Salesforce needs Fields → Username (username) and Fields → Emails (emails) to create a user');
		expect(error.description).toMatch(/Raw JSON Body/);
		expect(dataRequests(sb)).toHaveLength(0);
	});

	it('counts a body field given in Raw JSON Body', async () => {
		const [created] = await run({
			resource: 'user',
			operation: 'create',
			integratedAccount: byId(ACCOUNTS.salesforce),
			bodyFields: { mappingMode: 'defineBelow', value: { last_name: 'Doe' } },
			jsonBody: { username: 'jane.doe@acme.example', emails: ['jane.doe@acme.example'] },
			options: {},
		});
		expect(created.json).toMatchObject({ last_name: 'Doe', username: 'jane.doe@acme.example' });
	});

	it('names the named reference fields of Remove User', async () => {
		const error = await failure({
			resource: 'group',
			operation: 'removeUser',
			integratedAccount: byId(ACCOUNTS.atlassian),
			groupId: byId('g1'),
			userId: byId(''),
			options: {},
		});
		// An empty locator is refused before any look-up.
		expect(error.message).toBe('User is empty');
		expect(sb.requests).toHaveLength(0);
	});

	it('accepts a required parameter given through the dynamic parameters', async () => {
		const output = await run(
			list('license', ACCOUNTS.github, { queryFields: { mappingMode: 'defineBelow', value: { organization_id: 'acme-labs' } } }),
		);
		expect(output.length).toBeGreaterThan(0);
		expect(unifiedRequests(sb, 'licenses')[0].query.organization_id).toBe('acme-labs');
	});

	it('lets the call through when the required parameter is there', async () => {
		const output = await run(list('license', ACCOUNTS.github, { organization: byId('acme-corp') }));
		expect(output.length).toBeGreaterThan(0);
		expect(dataRequests(sb)).toHaveLength(1);
	});
});

describe('capabilities', () => {
	it('says what Atlassian supports when asked to delete an organization, and sends nothing', async () => {
		const error = await failure({ resource: 'organization', operation: 'delete', integratedAccount: byId(ACCOUNTS.atlassian), organizationId: byId('x'), options: {} });
		expect(error.message).toBe('Atlassian does not support deleting organizations through Truto; it supports: list, get');
		expect(dataRequests(sb)).toHaveLength(0);
	});

	it('says which resources an integration has when it lacks the chosen one', async () => {
		const error = await failure(list('role', ACCOUNTS.googleworkspace));
		expect(error.message).toBe('Google Workspace does not support roles through Truto; it supports: users, organizations, licenses, groups');
		expect(dataRequests(sb)).toHaveLength(0);
	});

	it('refuses Salesforce user deletes and Cisco Meraki organization deletes', async () => {
		const salesforce = await failure({ resource: 'user', operation: 'delete', integratedAccount: byId(ACCOUNTS.salesforce), userId: byId('x'), options: {} });
		expect(salesforce.message).toBe('Salesforce does not support deleting users through Truto; it supports: list, get, create, update');
		const meraki = await failure({ resource: 'organization', operation: 'delete', integratedAccount: byId(ACCOUNTS.ciscomeraki), organizationId: byId('x'), options: {} });
		expect(meraki.message).toBe('Cisco Meraki does not support deleting organizations through Truto; it supports: list, get, update');
	});

	it('reads the other documented shape: unified[] with model, resource, methods', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				match: { path: '/capabilities$' },
				times: -1,
				body: {
					unified: [
						{ model: 'user-directory', resource: 'users', methods: ['list', 'get'] },
						{ model: 'crm', resource: 'contacts', methods: ['list', 'delete'] },
					],
				},
			},
		]);
		const error = await failure({ resource: 'user', operation: 'delete', integratedAccount: byId(ACCOUNTS.zoom), userId: byId('x'), options: {} });
		expect(error.message).toBe('Zoom does not support deleting users through Truto; it supports: list, get');
	});

	it('parses both shapes and ignores other models', () => {
		expect(readCapabilities({ unified: { resources: [{ api_name: 'users', model: 'user-directory', methods: ['list'] }] } })).toEqual(
			new Map([['users', ['list']]]),
		);
		expect(readCapabilities({ unified: [{ model: 'user-directory', resource: 'groups', methods: [{ name: 'get' }] }] })).toEqual(
			new Map([['groups', ['get']]]),
		);
		expect(readCapabilities({ unified: [{ model: 'crm', resource: 'contacts', methods: ['list'] }] })).toBeUndefined();
		expect(readCapabilities({ something: 'else' })).toBeUndefined();
	});
});

describe('one look-up per execution', () => {
	it('asks for the account, its capabilities and each metadata once, however many items', async () => {
		const accounts = [ACCOUNTS.github, ACCOUNTS.github, ACCOUNTS.zoom, ACCOUNTS.github, ACCOUNTS.zoom];
		const output = await run((itemIndex) => list('user', accounts[itemIndex], { returnAll: false, limit: 2 }), accounts.length);
		expect(output).toHaveLength(10);
		expect(lookups().sort()).toEqual(
			[
				`/integrated-account/${ACCOUNTS.github}`,
				`/integrated-account/${ACCOUNTS.github}/capabilities`,
				`/integrated-account/${ACCOUNTS.zoom}`,
				`/integrated-account/${ACCOUNTS.zoom}/capabilities`,
				// Once per account: the per-account form carries each environment's mapping overrides.
				'/unified/user-directory/users/meta/list',
				'/unified/user-directory/users/meta/list',
			].sort(),
		);
	});

	it('asks again in the next execution', async () => {
		await run(list('group', ACCOUNTS.github));
		await run(list('group', ACCOUNTS.github));
		expect(lookups().filter((path) => path.endsWith('/meta/list'))).toHaveLength(2);
	});
});

describe('when a look-up fails', () => {
	it('skips the check when the metadata endpoint answers 404, and the call reports the problem', async () => {
		sb.setFaults([{ kind: 'status', status: 404, match: { path: '/meta/' }, times: -1 }]);
		const error = await failure(list('license', ACCOUNTS.github));
		expect(error.message).toMatch(/^Truto answered 400 Bad Request: Missing required query parameters: organization_id/);
		expect(error.description).toMatch(/Organization \(organization_id\)/);
		expect(unifiedRequests(sb, 'licenses')).toHaveLength(1);
	});

	it('skips the check when the metadata endpoint keeps failing with 500, and the run succeeds', async () => {
		sb.setFaults([{ kind: 'status', status: 500, match: { path: '/meta/' }, times: -1 }]);
		const output = await run(list('user', ACCOUNTS.atlassian));
		expect(output.length).toBeGreaterThan(0);
	});

	it('skips every check when the account cannot be read', async () => {
		sb.setFaults([{ kind: 'status', status: 502, match: { path: '^/integrated-account/' }, times: -1 }]);
		const output = await run(list('role', ACCOUNTS.github));
		expect(output.length).toBeGreaterThan(0);
		expect(sb.requests.filter((request) => request.path.endsWith('/capabilities'))).toHaveLength(0);
	});

	it('skips the capabilities check when capabilities fail, still checking the metadata', async () => {
		sb.setFaults([{ kind: 'status', status: 500, match: { path: '/capabilities$' }, times: -1 }]);
		const error = await failure(list('license', ACCOUNTS.github));
		expect(error.message).toBe('GitHub needs Organization (organization_id) to list licenses');
	});
});

describe('metadata parsing', () => {
	it('reads required both as a flag and as a JSON-Schema list, and types with null', () => {
		const meta = readMeta({
			query_schema: {
				type: 'object',
				properties: {
					a: { type: 'string', required: true, description: ' A ' },
					b: { type: ['integer', 'null'], enum: [1, 2] },
					c: { type: 'boolean' },
				},
				required: ['c'],
			},
			request_body_schema: null,
			default_query: { a: 'x' },
		});
		expect(meta?.query).toEqual([
			{ name: 'a', type: 'string', required: true, description: 'A' },
			{ name: 'b', type: 'integer', required: false, enum: ['1', '2'] },
			{ name: 'c', type: 'boolean', required: true },
		]);
		expect(meta?.body).toBeNull();
		expect(meta?.defaultQuery).toEqual({ a: 'x' });
		expect(readMeta('nope')).toBeUndefined();
	});
});
