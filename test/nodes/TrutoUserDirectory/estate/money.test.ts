import { integrationKey } from '../../../../nodes/shared/helpers/accounts';
import { findingCosts, formatMoney, licensePrice, MoneyByCurrency, moneyWords, seatCosts } from '../../../../nodes/TrutoUserDirectory/estate/money';
import type { EnteredPrice } from '../../../../nodes/TrutoUserDirectory/estate/types';

const ENTERED: EnteredPrice[] = [
	{ integration: 'Zoom', monthlyAmount: 13.33, currency: 'USD' },
	{ integration: 'zoom', license: 'Zoom Webinars 500', monthlyAmount: 79, currency: 'USD' },
	{ integration: 'Microsoft 365', license: 'lic-e3', monthlyAmount: 33, currency: 'EUR' },
];

describe('licensePrice', () => {
	it("lets an entered price win over the app's unit_amount for that license or the whole app", () => {
		const record = { unit_amount: 15.99, currency: 'usd ' };
		expect(licensePrice({ id: 'x', name: 'Zoom Webinars 500', record }, 'zoom', ENTERED)).toEqual({ amount: 79, currency: 'USD', source: 'entered' });
		expect(licensePrice({ id: 'x', name: 'Pro', record }, 'zoom', ENTERED)).toEqual({ amount: 13.33, currency: 'USD', source: 'entered' });
	});

	it("takes the app's unit_amount and currency where nothing was entered for it, as monthly unless the user said yearly", () => {
		const record = { unit_amount: 15.99, currency: 'usd ' };
		expect(licensePrice({ id: 'x', name: 'Pro', record }, 'github', ENTERED)).toEqual({ amount: 15.99, currency: 'USD', source: 'app' });
		expect(licensePrice({ id: 'x', record: { unit_amount: '20', currency: 'EUR' } }, 'zoom', [])).toEqual({ amount: 20, currency: 'EUR', source: 'app' });
		expect(licensePrice({ id: 'x', record: { unit_amount: 120, currency: 'EUR' } }, 'zoom', [], 'year')).toEqual({ amount: 10, currency: 'EUR', source: 'app' });
	});

	it('uses an entered price for the license (by name or ID, any case) before one for the whole integration', () => {
		expect(licensePrice({ id: 'w', name: 'zoom webinars 500', record: {} }, 'zoom', ENTERED)).toEqual({ amount: 79, currency: 'USD', source: 'entered' });
		expect(licensePrice({ id: 'lic-e3', name: 'E3', record: { unit_amount: 36 } }, 'microsoft365', ENTERED)).toEqual({ amount: 33, currency: 'EUR', source: 'entered' });
		expect(licensePrice({ id: 'basic', name: 'Licensed', record: { currency: 'USD' } }, 'zoom', ENTERED)).toEqual({ amount: 13.33, currency: 'USD', source: 'entered' });
	});

	it('has no price when the app gives none and nothing matches (a license-only price does not cover the others)', () => {
		expect(licensePrice({ id: 'lic-e5', name: 'E5', record: {} }, 'microsoft365', ENTERED)).toBeUndefined();
		expect(licensePrice({ id: 'x', record: { unit_amount: 10 } }, 'github', ENTERED)).toBeUndefined();
		expect(licensePrice({ id: 'x', record: { unit_amount: -1, currency: 'USD' } }, 'github', [])).toBeUndefined();
	});

	it('matches integrations by Truto name or display name', () => {
		expect(integrationKey('Microsoft 365')).toBe(integrationKey('microsoft365'));
		expect(integrationKey('Cisco-Meraki')).toBe('ciscomeraki');
	});
});

describe('seatCosts', () => {
	const usd = (amount: number) => ({ amount, currency: 'USD', source: 'app' as const });
	const eur = (amount: number) => ({ amount, currency: 'EUR', source: 'entered' as const });

	it('adds the seats of one currency', () => {
		expect(seatCosts([{ price: usd(19.99), seats: 3 }, { price: usd(5), seats: 1 }])).toEqual({ monthly_cost: 64.97, currency: 'USD', unpriced_seats: 0, price: 'app' });
	});

	it('never adds across currencies: costs per currency, no single monthly_cost', () => {
		const costs = seatCosts([{ price: usd(10), seats: 1 }, { price: eur(20), seats: 2 }]);
		expect(costs).toEqual({
			monthly_cost: null,
			currency: null,
			costs: [
				{ currency: 'EUR', monthly_amount: 40, seats: 2 },
				{ currency: 'USD', monthly_amount: 10, seats: 1 },
			],
			unpriced_seats: 0,
			price: 'app and entered',
		});
		expect(findingCosts({ ...costs, seats: 3 })).toEqual(costs.costs);
		expect(moneyWords(costs)).toBe('EUR 40.00 + USD 10.00 a month');
	});

	it('says so when a price is missing: cost null, price unknown, the seats counted apart', () => {
		expect(seatCosts([{ seats: 2 }])).toEqual({ monthly_cost: null, currency: null, unpriced_seats: 2, price: 'unknown' });
		const partly = seatCosts([{ price: usd(10), seats: 1 }, { seats: 1 }]);
		expect(partly).toEqual({ monthly_cost: 10, currency: 'USD', unpriced_seats: 1, price: 'partly unknown' });
		expect(findingCosts({ ...partly, seats: 2 })).toEqual([{ currency: 'USD', monthly_amount: 10, seats: 1 }]);
		expect(moneyWords(partly)).toBe('USD 10.00 a month (and 1 seat without a price)');
		expect(moneyWords(seatCosts([{ seats: 2 }]))).toBe('price unknown');
		expect(seatCosts([])).toEqual({ monthly_cost: null, currency: null, unpriced_seats: 0, price: 'none' });
		expect(moneyWords(seatCosts([]))).toBe('no paid seat');
	});
});

describe('MoneyByCurrency', () => {
	it('keeps one total per currency, sorted, and the unpriced seats apart', () => {
		const money = new MoneyByCurrency();
		money.add({ amount: 2.5, currency: 'USD', source: 'app' }, 4);
		money.add(undefined, 3);
		money.addFinding([{ currency: 'EUR', monthly_amount: 90, seats: 1 }], 2);
		expect(money.totals()).toEqual([
			{ currency: 'EUR', monthly_amount: 90, seats: 1 },
			{ currency: 'USD', monthly_amount: 10, seats: 4 },
		]);
		expect(money.unpriced).toBe(5);
	});

	it('formats amounts with their currency', () => {
		expect(formatMoney(1234.5, 'USD')).toBe('USD 1,234.50');
	});
});
