import type { IDataObject } from 'n8n-workflow';

import { dateOf, seatUtilization, type SeatUtilization } from '../../shared/helpers/seats';
import { enteredPrice, licensePrice } from './money';
import type { AccountRef, Price, PriceSettings } from './types';

/** One license of an account as the review needs it. */
export interface SeatLicense {
	id: string;
	name: string;
	/** Free licenses (is_paid false, or a price of 0) cost nothing to hold and nothing to give back. */
	paid: boolean;
	price?: Price;
	seats: SeatUtilization;
	createdAt?: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The licenses of one account (read before its users, as they are few): their seats and prices, so
 * that each user's seats can be priced as the user pages stream by.
 */
export class LicenseBook {
	private readonly byId = new Map<string, SeatLicense>();

	private readonly byName = new Map<string, SeatLicense>();

	constructor(
		private readonly account: AccountRef,
		private readonly settings: PriceSettings,
	) {}

	add(records: IDataObject[]): void {
		for (const record of records) {
			const id = record.id === undefined || record.id === null ? undefined : String(record.id);
			const name = text(record.name) ?? id ?? 'unnamed license';
			const price = licensePrice({ id, name, record }, this.account.slug, this.settings.prices, this.settings.appPricesPer);
			const license: SeatLicense = {
				id: id ?? name,
				name,
				paid: record.is_paid !== false && !(price?.source === 'app' && price.amount === 0),
				price,
				seats: seatUtilization(record),
				createdAt: dateOf(record.created_at),
			};
			this.byId.set(license.id, license);
			this.byName.set(name.toLowerCase(), license);
		}
	}

	/** Whether the app listed any license: without any, each user counts as one seat. */
	get listed(): boolean {
		return this.byId.size > 0;
	}

	all(): SeatLicense[] {
		return [...this.byId.values()];
	}

	/**
	 * The license a user holds (`user.licenses[]` entry): found by ID, else by name; one the listing
	 * did not have is taken as paid, priced as entered for it or the integration.
	 */
	held(entry: IDataObject): SeatLicense {
		const id = entry.id === undefined || entry.id === null ? undefined : String(entry.id);
		const name = text(entry.name);
		const known = (id && this.byId.get(id)) || (name && this.byName.get(name.toLowerCase()));
		if (known) return known;
		return {
			id: id ?? name ?? 'unknown license',
			name: name ?? id ?? 'unknown license',
			paid: entry.is_paid !== false,
			price: enteredPrice(this.account.slug, this.settings.prices, { id, name }),
			seats: seatUtilization({}),
		};
	}

	/** The price of a user's seat in an app that lists no licenses: the one entered for the integration. */
	seatWithoutLicense(): SeatLicense {
		return {
			id: '',
			name: `${this.account.integration} seat`,
			paid: true,
			price: enteredPrice(this.account.slug, this.settings.prices),
			seats: seatUtilization({}),
		};
	}
}
