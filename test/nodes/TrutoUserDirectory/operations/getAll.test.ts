/**
 * Get Many as real Truto answers it: partial pages flagged in a hint, the Email filter under the
 * name the account's metadata knows, SuperQuery, raw lists that keep Truto's cursor, and the
 * Integrated Account filters.
 */
import type { IDataObject, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

import { router } from '../../../../nodes/TrutoUserDirectory/router';
import { byId, executeContext, type Parameters, listParameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, type Sandbox, TOKEN, unifiedRequests, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

async function run(parameters: Parameters, on: Sandbox = sb): Promise<{ output: INodeExecutionData[]; hints: NodeExecutionHint[] }> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: on.url } });
	const [output] = await router.call(context);
	return { output, hints: context.hints };
}

const list = listParameters;

const lastQuery = (resource: string) => {
	const requests = unifiedRequests(sb, resource);
	return requests[requests.length - 1].query;
};

describe('partial pages', () => {
	it('flags the output with a warning naming the account and how many pages were partial', async () => {
		sb.setFaults([{ kind: 'partial', match: { path: '^/unified/user-directory/users$' }, after: 1, times: 2 }]);
		const { output, hints } = await run(list('user', ACCOUNTS.zoom));
		expect(output.length).toBeGreaterThan(0);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(hints[0].message).toMatch(/^Zoom · acme-zoom: Truto marked 2 of 12 pages as partial/);
	});

	it('adds no hint when every page is whole', async () => {
		const { hints } = await run(list('user', ACCOUNTS.zoom));
		expect(hints).toEqual([]);
	});
});

describe('the Email filter', () => {
	const email = (account: string) => list('user', account, { filters: { email: 'someone@acme.com' } });

	it('is sent as emails where the metadata lists emails (GitHub)', async () => {
		await run(email(ACCOUNTS.github));
		expect(lastQuery('users')).toMatchObject({ emails: 'someone@acme.com' });
		expect(lastQuery('users').email).toBeUndefined();
	});

	it('is sent as email where the metadata lists email (Zoom), and per account where the environment overrides it (Salesforce)', async () => {
		await run(email(ACCOUNTS.zoom));
		expect(lastQuery('users')).toMatchObject({ email: 'someone@acme.com' });
		expect(lastQuery('users').emails).toBeUndefined();
		await run(email(ACCOUNTS.salesforce));
		expect(lastQuery('users')).toMatchObject({ email: 'someone@acme.com' });
		expect(lastQuery('users').emails).toBeUndefined();
	});

	it('is sent under both names when the metadata cannot be read', async () => {
		sb.setFaults([{ kind: 'status', status: 404, match: { path: '/meta/' }, times: -1 }]);
		await run(email(ACCOUNTS.github));
		expect(lastQuery('users')).toMatchObject({ email: 'someone@acme.com', emails: 'someone@acme.com' });
	});

	it('finds the user in every app whatever the name', async () => {
		const found: Record<string, number> = {};
		for (const key of ['github', 'zoom', 'salesforce'] as const) {
			const all = await run(list('user', ACCOUNTS[key]));
			const address = ((all.output[0].json.emails as IDataObject[])[0] as IDataObject).email as string;
			const { output } = await run(list('user', ACCOUNTS[key], { filters: { email: address.toUpperCase() } }));
			found[key] = output.length;
		}
		expect(found).toEqual({ github: 1, zoom: 1, salesforce: 1 });
	});
});

describe('the Status filter', () => {
	it('offers created, a documented value, and sends it', async () => {
		await run(list('user', ACCOUNTS.github, { filters: { status: 'created' } }));
		expect(lastQuery('users')).toMatchObject({ status: 'created' });
	});
});

describe('Data Source: SuperQuery', () => {
	it("reads Truto's synced store in the chosen region, in pages larger than the app's", async () => {
		const { output } = await run(list('user', ACCOUNTS.zoom, { options: { dataSource: 'wnam' } }));
		expect(output).toHaveLength(237);
		const requests = unifiedRequests(sb, 'users');
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({ truto_super_query: 'wnam', limit: '500' });
	});

	it("checks the app's required list parameters as for the live app: Truto does not document that the store skips them", async () => {
		await expect(run(list('license', ACCOUNTS.github, { options: { dataSource: 'wnam' } }))).rejects.toThrow('GitHub needs Organization (organization_id) to list licenses');
		expect(unifiedRequests(sb, 'licenses')).toHaveLength(0);
		await run(list('license', ACCOUNTS.github, { organization: byId('acme-corp'), options: { dataSource: 'wnam' } }));
		expect(lastQuery('licenses')).toMatchObject({ truto_super_query: 'wnam', organization_id: 'acme-corp' });
	});

	it("sends a read of an account that needs reconnecting, and reports Truto's answer as it is", async () => {
		// Truto documents neither that the store answers for such an account nor that it refuses: the call is sent.
		const reauth = await run(list('user', ACCOUNTS.okta, { options: { dataSource: 'wnam' } }));
		expect(reauth.output.length).toBeGreaterThan(0);
		sb.setFaults([{ match: { path: '^/unified/user-directory/users$' }, kind: 'status', status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'The credentials are invalid.', truto_is_remote_error: true } }]);
		await expect(run(list('user', ACCOUNTS.okta, { options: { dataSource: 'wnam' } }))).rejects.toThrow('The connected app answered 401 Unauthorized: The credentials are invalid.');
	});

	it("refuses a region other than the account's store region, naming the account, its region and the fix", async () => {
		const error = (await run(list('user', ACCOUNTS.zoom, { options: { dataSource: 'apac' } })).catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toBe('Zoom · acme-zoom has its SuperQuery store in wnam, not apac');
		expect(error.description).toMatch(/features\.super_query/);
		expect(error.description).toMatch(/SuperQuery \(WNAM Region\)/);
		expect(error.description).toMatch(/nothing was sent/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it('refuses an account without a SuperQuery store, naming the account and the fix', async () => {
		const error = (await run(list('user', ACCOUNTS.salesforce, { options: { dataSource: 'wnam' } })).catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toBe('Salesforce · acme.my.salesforce.com has no SuperQuery store');
		expect(error.description).toMatch(/no features\.super_query/);
		expect(error.description).toMatch(/Live App/);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it("reads the store in the account's own region when Data Source says so, and refuses an account without one", async () => {
		await run(list('user', ACCOUNTS.zoom, { options: { dataSource: 'accountRegion' } }));
		expect(unifiedRequests(sb, 'users')[0].query).toMatchObject({ truto_super_query: 'wnam' });
		const error = (await run(list('user', ACCOUNTS.salesforce, { options: { dataSource: 'accountRegion' } })).catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toBe('Salesforce · acme.my.salesforce.com has no SuperQuery store');
		expect(unifiedRequests(sb, 'users')).toHaveLength(1);
	});

	it('is refused with the raw response format, before sending', async () => {
		await expect(run(list('user', ACCOUNTS.zoom, { options: { dataSource: 'wnam', responseFormat: 'raw' } }))).rejects.toThrow(
			'SuperQuery has no raw response format',
		);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});
});

describe('raw lists', () => {
	// Pages of 4, so that every list here has several.
	const small = useSandbox({ pageCap: 4 });

	it("follow Truto's cursor when the raw answer keeps Truto's envelope (Webex)", async () => {
		const unified = await run(list('user', ACCOUNTS.webex), small);
		expect(unified.output.length).toBeGreaterThan(4);
		small.clearRequests();
		const raw = await run(list('user', ACCOUNTS.webex, { options: { responseFormat: 'raw' } }), small);
		expect(raw.output).toHaveLength(unified.output.length);
		expect(unifiedRequests(small, 'users').length).toBe(Math.ceil(unified.output.length / 4));
	});

	it("read the app's bare answer once: it carries no Truto cursor (GitHub)", async () => {
		const raw = await run(list('user', ACCOUNTS.github, { options: { responseFormat: 'raw' } }), small);
		expect(raw.output).toHaveLength(4);
		expect(unifiedRequests(small, 'users')).toHaveLength(1);
	});
});

describe('Integrated Account → Get Many filters', () => {
	it('sends integration.name, status, tenant_id and is_sandbox, and lists only the matching accounts', async () => {
		const { output } = await run({
			resource: 'integratedAccount',
			operation: 'getAll',
			returnAll: true,
			filters: { integration: 'okta', status: 'needs_reauth', tenantId: 'acme.okta.com', isSandbox: 'false' },
		});
		expect(output.map((item) => item.json.id)).toEqual([ACCOUNTS.okta]);
		const request = sb.requests.filter((entry) => entry.path === '/integrated-account').pop();
		expect(request?.query).toMatchObject({ 'integration.name': 'okta', status: 'needs_reauth', tenant_id: 'acme.okta.com', is_sandbox: 'false' });
		const sandboxes = await run({ resource: 'integratedAccount', operation: 'getAll', returnAll: true, filters: { isSandbox: 'true' } });
		expect(sandboxes.output.map((item) => item.json.id)).toEqual([ACCOUNTS.googleworkspace]);
	});
});
