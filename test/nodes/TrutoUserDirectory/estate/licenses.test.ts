import { LicenseBook } from '../../../../nodes/TrutoUserDirectory/estate/licenses';
import type { PriceSettings } from '../../../../nodes/TrutoUserDirectory/estate/types';
import { ACCOUNT, license } from './fixtures';

function book(settings: PriceSettings, records = [license('pro', { unit_amount: 120, currency: 'usd' }), license('view', { is_paid: false }), license('chatter', { unit_amount: 0 })]): LicenseBook {
	const licenses = new LicenseBook(ACCOUNT, settings);
	licenses.add(records);
	return licenses;
}

describe('LicenseBook', () => {
	it("prices each license at the app's unit_amount, a month unless the user said a year", () => {
		expect(book({ prices: [] }).held({ id: 'pro' }).price).toEqual({ amount: 120, currency: 'USD', source: 'app' });
		expect(book({ prices: [], appPricesPer: 'year' }).held({ id: 'pro' }).price).toEqual({ amount: 10, currency: 'USD', source: 'app' });
	});

	it('lets a price entered for the license or the integration win', () => {
		const entered = book({ prices: [{ integration: 'hubspot', license: 'PRO', monthlyAmount: 90, currency: 'EUR' }] });
		expect(entered.held({ id: 'pro' }).price).toEqual({ amount: 90, currency: 'EUR', source: 'entered' });
	});

	it('takes is_paid false and an app price of 0 as free, an entered price of 0 as paid', () => {
		const free = book({ prices: [] });
		expect(free.all().map(({ name, paid }) => [name, paid])).toEqual([
			['pro', true],
			['view', false],
			['chatter', false],
		]);
		const enteredZero = book({ prices: [{ integration: 'HubSpot', license: 'chatter', monthlyAmount: 0, currency: 'EUR' }] });
		expect(enteredZero.held({ name: 'chatter' }).paid).toBe(true);
	});

	it("finds a user's license by ID, else by name in any case", () => {
		const licenses = book({ prices: [] });
		expect(licenses.held({ id: 'view', name: 'something else' }).name).toBe('view');
		expect(licenses.held({ name: 'PRO' }).id).toBe('pro');
	});

	it('takes a license the listing did not have as paid (unless the user entry says not), priced as entered for the integration', () => {
		const licenses = book({ prices: [{ integration: 'HubSpot', monthlyAmount: 15, currency: 'EUR' }] });
		expect(licenses.held({ id: 'gold', name: 'Gold' })).toMatchObject({ id: 'gold', name: 'Gold', paid: true, price: { amount: 15, currency: 'EUR', source: 'entered' } });
		expect(licenses.held({ id: 'trial', is_paid: false }).paid).toBe(false);
		expect(licenses.held({}).name).toBe('unknown license');
	});

	it('counts a seat in an app that lists no licenses, priced as entered for the integration', () => {
		const empty = book({ prices: [{ integration: 'HubSpot', monthlyAmount: 15, currency: 'EUR' }] }, []);
		expect(empty.listed).toBe(false);
		expect(empty.seatWithoutLicense()).toMatchObject({ name: 'HubSpot seat', paid: true, price: { amount: 15, currency: 'EUR', source: 'entered' } });
		expect(book({ prices: [] }).listed).toBe(true);
	});
});
