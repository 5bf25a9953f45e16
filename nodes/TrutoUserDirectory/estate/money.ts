import type { IDataObject } from 'n8n-workflow';

import { integrationKey } from '../../shared/helpers/accounts';
import { numberOrNull, tidy } from '../../shared/helpers/seats';
import type { CurrencyAmount, EnteredPrice, Price } from './types';

/** A currency code as written by apps and people: "usd " → "USD"; undefined when empty. */
export function currencyCode(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined;
}

/**
 * The monthly price of one seat of a license: a price entered on the node for this license (by name or
 * ID) of this integration, else one entered for the whole integration — an entered price wins, as the
 * user knows their contract —; otherwise the app's own `unit_amount` and `currency` when it gives both,
 * divided by 12 when the user said the apps' prices are yearly; undefined when there is none.
 */
export function licensePrice(
	license: { id?: string; name?: string; record?: IDataObject },
	integrationSlug: string,
	entered: EnteredPrice[],
	appPricesPer: 'month' | 'year' = 'month',
): Price | undefined {
	const chosen = enteredPrice(integrationSlug, entered, license);
	if (chosen) return chosen;
	const amount = numberOrNull(license.record?.unit_amount);
	const currency = currencyCode(license.record?.currency);
	if (amount === null || amount < 0 || !currency) return undefined;
	return { amount: appPricesPer === 'year' ? tidy(amount / 12) : amount, currency, source: 'app' };
}

/** A price entered on the node for this integration: for this license first, else for the whole integration. */
export function enteredPrice(
	integrationSlug: string,
	entered: EnteredPrice[],
	license: { id?: string; name?: string } = {},
): Price | undefined {
	const key = integrationKey(integrationSlug);
	const forIntegration = entered.filter((price) => integrationKey(price.integration) === key);
	const names = [license.id, license.name].filter((text): text is string => typeof text === 'string' && text !== '').map((text) => text.toLowerCase());
	const specific = forIntegration.find((price) => price.license && names.includes(price.license.toLowerCase()));
	const general = forIntegration.find((price) => !price.license);
	const chosen = specific ?? general;
	return chosen ? { amount: chosen.monthlyAmount, currency: chosen.currency, source: 'entered' } : undefined;
}

/** Sums per currency; amounts of different currencies are never added together. */
export class MoneyByCurrency {
	private readonly amounts = new Map<string, { amount: number; seats: number }>();

	private unpricedSeats = 0;

	add(price: Price | undefined, seats = 1): void {
		if (!price) {
			this.unpricedSeats += seats;
			return;
		}
		const total = this.amounts.get(price.currency) ?? { amount: 0, seats: 0 };
		total.amount += price.amount * seats;
		total.seats += seats;
		this.amounts.set(price.currency, total);
	}

	/** Adds what one finding costs (its `costs`, and seats without a price). */
	addFinding(costs: Array<CurrencyAmount & { seats: number }>, unpriced: number): void {
		for (const cost of costs) {
			const total = this.amounts.get(cost.currency) ?? { amount: 0, seats: 0 };
			total.amount += cost.monthly_amount;
			total.seats += cost.seats;
			this.amounts.set(cost.currency, total);
		}
		this.unpricedSeats += unpriced;
	}

	/** Per currency (alphabetical), with the seats that make up the amount. */
	totals(): Array<CurrencyAmount & { seats: number }> {
		return [...this.amounts.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([currency, { amount, seats }]) => ({ currency, monthly_amount: tidy(amount), seats }));
	}

	get unpriced(): number {
		return this.unpricedSeats;
	}
}

/** Seats at one price (undefined: no price known). */
export interface PricedSeats {
	price?: Price;
	seats: number;
}

/**
 * What a set of seats costs a month, as flat fields: `monthly_cost` and `currency` for the priced seats
 * when they share one currency; `costs` (per currency) instead when they do not, since amounts of
 * different currencies are never added. `unpriced_seats` counts the seats without any price; `price`
 * says where the prices came from: app, entered, unknown, partly unknown, app and entered, or none.
 */
export function seatCosts(entries: PricedSeats[]): IDataObject {
	const held = entries.filter((entry) => entry.seats > 0);
	if (held.length === 0) return { monthly_cost: null, currency: null, unpriced_seats: 0, price: 'none' };
	const money = new MoneyByCurrency();
	for (const entry of held) money.add(entry.price, entry.seats);
	const totals = money.totals();
	const sources = new Set(held.map((entry) => entry.price?.source ?? 'unknown'));
	const price = sources.size === 1 ? [...sources][0] : sources.has('unknown') ? 'partly unknown' : 'app and entered';
	const single = totals.length === 1 ? totals[0] : undefined;
	return {
		monthly_cost: single?.monthly_amount ?? null,
		currency: single?.currency ?? null,
		...(totals.length > 1 ? { costs: totals } : {}),
		unpriced_seats: money.unpriced,
		price,
	};
}

/** A finding's money per currency (for totals): its `costs`, else its `monthly_cost` in its `currency`. */
export function findingCosts(finding: IDataObject): Array<CurrencyAmount & { seats: number }> {
	if (Array.isArray(finding.costs)) return finding.costs as Array<CurrencyAmount & { seats: number }>;
	if (typeof finding.monthly_cost !== 'number' || typeof finding.currency !== 'string') return [];
	return [{ currency: finding.currency, monthly_amount: finding.monthly_cost, seats: Number(finding.seats ?? 0) - Number(finding.unpriced_seats ?? 0) }];
}

/** "USD 105.00 a month", "USD 10.00 + EUR 20.00 a month", or "price unknown". */
export function moneyWords(costs: IDataObject): string {
	const known = findingCosts(costs).map((cost) => formatMoney(cost.monthly_amount, cost.currency));
	if (known.length === 0) return Number(costs.unpriced_seats ?? 0) > 0 ? 'price unknown' : 'no paid seat';
	return `${known.join(' + ')} a month${Number(costs.unpriced_seats ?? 0) > 0 ? ` (and ${costs.unpriced_seats} seat${costs.unpriced_seats === 1 ? '' : 's'} without a price)` : ''}`;
}

/** Made once: `toLocaleString` with options builds a formatter per call (about 70 µs; 1.4 µs this way). */
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "USD 1,234.50" */
export function formatMoney(amount: number, currency: string): string {
	return `${currency} ${TWO_DECIMALS.format(amount)}`;
}
