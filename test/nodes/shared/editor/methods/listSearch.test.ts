import type { NodeApiError } from 'n8n-workflow';

import { listSearch } from '../../../../../nodes/shared/editor/methods/listSearch';
import { byId, loadOptionsContext, type Parameters } from '../../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../../helpers/sandbox';

const sb = useSandbox();

function context(parameters: Parameters = {}) {
	return loadOptionsContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
}

describe('searchIntegratedAccounts', () => {
	it('lists every account of the environment across pages, labelled integration · tenant', async () => {
		const { results } = await listSearch.searchIntegratedAccounts.call(context());
		const values = results.map((result) => result.value);
		for (const id of Object.values(ACCOUNTS)) expect(values).toContain(id);
		expect(results.find((result) => result.value === ACCOUNTS.github)?.name).toBe('GitHub · acme-corp');
		// The sandbox answers 20 accounts per page at most; more than one page proves paging when there are more.
		const pages = sb.requests.filter((request) => request.path === '/integrated-account');
		expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(Object.keys(ACCOUNTS).length / 100));
	});

	it('shows an account that needs attention with its status', async () => {
		const { results } = await listSearch.searchIntegratedAccounts.call(context());
		expect(results.find((result) => result.value === ACCOUNTS.okta)?.name).toBe('Okta · acme.okta.com (needs reauth)');
		expect(results.find((result) => result.value === ACCOUNTS.googleworkspace)?.name).toBe('Google Workspace · acme.com (sandbox, read-only)');
	});

	it('filters by what the user typed', async () => {
		const { results } = await listSearch.searchIntegratedAccounts.call(context(), 'microsoft');
		expect(results.map((result) => result.value)).toEqual([ACCOUNTS.microsoft365]);
	});

	it('fails clearly with a bad token, naming the credential and leaving the status to n8n', async () => {
		const bad = loadOptionsContext({
			parameters: {},
			credentials: { apiToken: 'nope-nope', baseUrl: sb.url },
			credentialName: 'Truto API (wrong token)',
		});
		const error = (await listSearch.searchIntegratedAccounts.call(bad).then(
			() => undefined,
			(thrown: NodeApiError) => thrown,
		)) as NodeApiError;
		// n8n's list shows "<httpCode> - <message>": the message does not say 401 again.
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe('Unauthorized: Invalid API token.');
		expect(error.description).toMatch(/^Truto did not accept the API token of the credential “Truto API \(wrong token\)”\. Open that credential/);
	});
});

describe('searchIdentityProviders', () => {
	it('lists identity providers first, then every other account marked as not one', async () => {
		const { results } = await listSearch.searchIdentityProviders.call(context());
		const names = results.map((result) => result.name);
		const firstOther = names.findIndex((name) => name.endsWith('— not an identity provider'));
		expect(firstOther).toBeGreaterThan(0);
		const providers = names.slice(0, firstOther);
		expect(providers).toEqual(
			expect.arrayContaining(['Okta · acme.okta.com (needs reauth)', 'Okta · acme-workforce.okta.com', 'Google Workspace · acme.com (sandbox, read-only)']),
		);
		expect(providers.every((name) => !name.includes('not an identity provider'))).toBe(true);
		expect(names.slice(firstOther).every((name) => name.endsWith('— not an identity provider'))).toBe(true);
		expect(names).toContain('GitHub · acme-corp — not an identity provider');
		expect(results).toHaveLength(Object.keys(ACCOUNTS).length);
	});

	it('filters by what the user typed', async () => {
		const { results } = await listSearch.searchIdentityProviders.call(context(), 'okta');
		expect(results.map((result) => result.value).sort()).toEqual([ACCOUNTS.okta, ACCOUNTS.workforce].sort());
	});
});

describe('record searches', () => {
	it('lists the organizations of the chosen account', async () => {
		const { results } = await listSearch.searchOrganizations.call(context({ integratedAccount: byId(ACCOUNTS.github) }));
		expect(results).toHaveLength(2);
		expect(results[0].name).not.toBe(results[0].value);
	});

	it('pages users with the pagination token', async () => {
		const ctx = context({ integratedAccount: byId(ACCOUNTS.zoom) });
		const first = await listSearch.searchUsers.call(ctx);
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.paginationToken).toBeTruthy();
		const second = await listSearch.searchUsers.call(ctx, undefined, first.paginationToken as string);
		expect(second.results[0]?.value).not.toBe(first.results[0].value);
	});

	it('passes the organization a license list needs (GitHub)', async () => {
		const orgs = await listSearch.searchOrganizations.call(context({ integratedAccount: byId(ACCOUNTS.github) }));
		const { results } = await listSearch.searchLicenses.call(
			context({ integratedAccount: byId(ACCOUNTS.github), organization: byId(String(orgs.results[0].value)) }),
		);
		expect(results.length).toBeGreaterThan(0);
	});

	it('asks for an integrated account first', async () => {
		await expect(listSearch.searchUsers.call(context({ integratedAccount: byId('') }))).rejects.toThrow(
			'Choose an Integrated Account above: the users are listed from it',
		);
	});

	it('says that an account set by an expression is known at run time, and what to do now', async () => {
		// The editor resolves expressions before asking; one it cannot resolve yet arrives as null.
		const unresolved = context({ integratedAccount: byId(null) });
		await expect(listSearch.searchOrganizations.call(unresolved)).rejects.toThrow(
			'Integrated Account is an expression, resolved only when the node runs: enter the organization by ID, or run the nodes before this one to list organizations here',
		);
		const raw = context({ integratedAccount: byId("={{ $('Settings').item.json.integratedAccountId }}") });
		await expect(listSearch.searchOrganizations.call(raw)).rejects.toThrow(/Integrated Account is an expression/);
		expect(sb.requests).toHaveLength(0);
	});
});
