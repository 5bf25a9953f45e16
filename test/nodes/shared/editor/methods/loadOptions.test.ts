/** Option lists of the editor: the integrated accounts for Seat Reclamation → Chosen Accounts. */
import { loadOptions } from '../../../../../nodes/shared/editor/methods/loadOptions';
import { loadOptionsContext } from '../../../../helpers/n8nContext';
import { ACCOUNTS, startSandbox, TOKEN } from '../../../../helpers/sandbox';

describe('getIntegratedAccounts', () => {
	it('lists every account as the account picker names it', async () => {
		const sb = await startSandbox({ port: 0 });
		try {
			const context = loadOptionsContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
			const options = await loadOptions.getIntegratedAccounts.call(context);
			expect(options.map((option) => option.value).sort()).toEqual(Object.values(ACCOUNTS).sort());
			expect(options).toContainEqual({ name: 'HubSpot · acme-eu', value: ACCOUNTS.hubspot });
			expect(options).toContainEqual({ name: 'Okta · acme.okta.com (needs reauth)', value: ACCOUNTS.okta });
		} finally {
			await sb.close();
		}
	});
});
