/** Find Reclaimable Seats: its parameters read once, and every bad value refused before any request, naming the fix. */
import { FINDING_TYPES, readReclamationRequest } from '../../../../nodes/TrutoUserDirectory/seatReclamation/parameters';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';

const base: Parameters = { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all', inactiveDays: 90, reviewOutput: 'findingsAndSummary', options: {} };

function read(extra: Parameters) {
	const context = executeContext({ parameters: { ...base, ...extra }, credentials: { apiToken: 'unused', baseUrl: 'http://127.0.0.1:1' } });
	return readReclamationRequest(context, 0);
}

function refusal(extra: Parameters): { message: string; description?: string } {
	try {
		read(extra);
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('expected the parameters to be refused');
}

describe('reading Find Reclaimable Seats', () => {
	it('has defaults for everything optional', () => {
		const request = read({});
		expect(request).toMatchObject({ scope: { kind: 'all' }, identityProviderId: undefined, output: 'findingsAndSummary' });
		expect(request.settings).toMatchObject({ inactiveDays: 90, graceDays: 30, underusedBelow: 0.5, prices: [] });
		expect([...request.settings.types]).toEqual(FINDING_TYPES);
	});
	it("takes the apps' price period only when the option was added", () => {
		expect(read({}).settings.appPricesPer).toBeUndefined();
		expect(read({ options: { appPricePeriod: 'year' } }).settings.appPricesPer).toBe('year');
		expect(refusal({ options: { appPricePeriod: 'quarter' } }).message).toBe('App Prices Are must be month or year, not "quarter"');
	});


	it('takes accounts and integrations as lists or as text', () => {
		expect(read({ accountScope: 'accounts', integratedAccounts: ['a', 'b', 'a'] }).scope).toEqual({ kind: 'accounts', ids: ['a', 'b'] });
		expect(read({ accountScope: 'accounts', integratedAccounts: 'a, b;c\n' }).scope).toEqual({ kind: 'accounts', ids: ['a', 'b', 'c'] });
		expect(read({ accountScope: 'integrations', integrations: ' zoom,Microsoft 365 ' }).scope).toEqual({ kind: 'integrations', names: ['zoom', 'Microsoft 365'] });
		expect(read({ identityProvider: byId(' idp-1 ') }).identityProviderId).toBe('idp-1');
	});

	it('reads the options: exemptions in any case, prices, finding types, thresholds', () => {
		const { settings } = read({
			options: {
				exemptEmails: 'CEO@acme.com, break-glass@acme.com',
				exemptDomains: '@Partner.example',
				findingTypes: ['orphanedAccount'],
				gracePeriodDays: 0,
				underusedBelowPercent: '30',
				prices: { price: [{ integration: 'zoom', license: '', monthlyPrice: 13.33, currency: 'usd' }, { integration: 'github', license: 'Copilot', monthlyPrice: '19', currency: 'EUR' }] },
			},
		});
		expect([...settings.exemptEmails]).toEqual(['ceo@acme.com', 'break-glass@acme.com']);
		expect([...settings.exemptDomains]).toEqual(['partner.example']);
		expect([...settings.types]).toEqual(['orphanedAccount']);
		expect(settings).toMatchObject({ graceDays: 0, underusedBelow: 0.3 });
		expect(settings.prices).toEqual([
			{ integration: 'zoom', monthlyAmount: 13.33, currency: 'USD' },
			{ integration: 'github', license: 'Copilot', monthlyAmount: 19, currency: 'EUR' },
		]);
	});

	it.each([
		[{ accountScope: 'accounts', integratedAccounts: [] }, 'Integrated Accounts is empty', /Choose the accounts/],
		[{ accountScope: 'integrations', integrations: ' , ' }, 'Integrations is empty', /e\.g\. zoom, github/],
		[{ accountScope: 'everything' }, 'Accounts to Review must be integrations, accounts or all, not "everything"', /Choose/],
		[{ inactiveDays: 0 }, 'Unused After (Days) must be a number of at least 1, not 0', /e\.g\. 90/],
		[{ inactiveDays: 'soon' }, 'Unused After (Days) must be a number of at least 1, not "soon"', /e\.g\. 90/],
		[{ reviewOutput: 'everything' }, 'Output must be findingsAndSummary, findings, summary or csvFile, not "everything"', undefined],
		[{ options: { gracePeriodDays: -1 } }, 'Grace Period (Days) must be a number of at least 0, not -1', /0 for none/],
		[{ options: { underusedBelowPercent: 150 } }, 'Underused Below (%) must be a number from 0 to 100, not 150', /percent/],
		[{ options: { exemptEmails: 'ceo@acme.com, acme.com' } }, 'Exempt Emails has an entry that is not an email: "acme.com"', /Exempt Domains/],
		[{ options: { findingTypes: ['unusedSeat', 'lostSeat'] } }, 'Finding Types has unknown values: lostSeat', /Choose from unusedSeat/],
		[{ options: { findingTypes: [] } }, 'Finding Types is empty', /at least one/],
		[{ options: { prices: { price: [{ integration: '', monthlyPrice: 5, currency: 'USD' }] } } }, 'Prices → row 1 has no Integration', /e\.g\. zoom/],
		[{ options: { prices: { price: [{ integration: 'zoom', monthlyPrice: -5, currency: 'USD' }] } } }, 'Prices → row 1: Monthly Price per Seat must be a number of at least 0, not -5', /a month/],
		[{ options: { prices: { price: [{ integration: 'zoom', monthlyPrice: 5, currency: 'dollars' }] } } }, 'Prices → row 1: Currency must be a three-letter code such as USD or EUR, not "dollars"', /ISO 4217/],
		[{ identityProvider: { __rl: true, mode: 'id', value: { id: 'x' } } }, 'Identity Provider Account must be an ID, not an object', /\{\{ \$json\.id \}\}/],
	])('refuses %j', (extra, message, fix) => {
		const error = refusal(extra);
		expect(error.message).toBe(message);
		if (fix) expect(error.description).toMatch(fix);
	});
});
