import { loadOptions } from '../../../../../nodes/shared/editor/methods/loadOptions';
import { loadOptionsContext } from '../../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../../helpers/sandbox';

const sb = useSandbox();

const context = (apiToken = TOKEN) => loadOptionsContext({ parameters: {}, credentials: { apiToken, baseUrl: sb.url } });

describe('getIntegratedAccounts', () => {
	it('offers every account of the environment, labelled as the account picker labels them', async () => {
		const options = await loadOptions.getIntegratedAccounts.call(context());
		expect(options.map((option) => option.value).sort()).toEqual(Object.values(ACCOUNTS).sort());
		expect(options.find((option) => option.value === ACCOUNTS.github)?.name).toBe('GitHub · acme-corp');
		expect(options.find((option) => option.value === ACCOUNTS.okta)?.name).toBe('Okta · acme.okta.com (needs reauth)');
	});

	it('says when the token is wrong', async () => {
		await expect(loadOptions.getIntegratedAccounts.call(context('wrong'))).rejects.toThrow('Truto answered 401 Unauthorized');
	});
});

describe('getIntegrations', () => {
	it("offers each integration the environment has accounts of, once, by Truto's name", async () => {
		const options = await loadOptions.getIntegrations.call(context());
		const values = options.map((option) => option.value);
		expect(values).toEqual([...new Set(values)]);
		expect(values).toEqual(expect.arrayContaining(['github', 'microsoft365', 'zendesk', 'bamboohr']));
		expect(options.find((option) => option.value === 'microsoft365')?.name).toBe('Microsoft 365 (microsoft365)');
		expect(options.map((option) => option.name)).toEqual(options.map((option) => option.name).sort((a, b) => a.localeCompare(b)));
	});
});
