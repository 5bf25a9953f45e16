/** What every estate-wide operation (reading many integrated accounts) says about an account. */

/** The integrated account a result belongs to, as people name it. */
export interface AccountRef {
	id: string;
	/** "GitHub · acme-corp" */
	name: string;
	/** "GitHub" */
	integration: string;
	/** Truto's integration name, e.g. "github". */
	slug: string;
}

/** A part of an account that could not be read, with what to do about it. */
export interface Gap {
	part: 'account' | 'licenses' | 'users' | 'identity provider';
	reason: string;
	fix: string;
}

/** The account fields every result carries. */
export function accountFields(account: AccountRef): { account_id: string; account_name: string; integration: string; integration_slug: string } {
	return { account_id: account.id, account_name: account.name, integration: account.integration, integration_slug: account.slug };
}

export type AccountStatus = 'checked' | 'partly_checked' | 'not_checked';

/** How reading one account ended: read fully, partly (with gaps), or not at all. */
export interface AccountOutcome {
	account: AccountRef;
	status: AccountStatus;
	gaps: Gap[];
}

/** A price a user entered for an integration, optionally for one of its licenses (by name or ID). */
export interface EnteredPrice {
	/** Truto's integration name (zoom, microsoft365) or its display name, compared loosely. */
	integration: string;
	license?: string;
	monthlyAmount: number;
	currency: string;
}

/** What pricing a seat needs: the prices entered on the node, and the period of the apps' own. */
export interface PriceSettings {
	prices: EnteredPrice[];
	/**
	 * What period the apps' `unit_amount` is for, as the user said; undefined when not said (taken as a
	 * month). Truto documents unit_amount with no billing period.
	 */
	appPricesPer?: 'month' | 'year';
}

/** A monthly price: from the app (`unit_amount` + `currency`) or entered on the node. */
export interface Price {
	amount: number;
	currency: string;
	source: 'app' | 'entered';
}

/** Money of one currency. */
export interface CurrencyAmount {
	currency: string;
	monthly_amount: number;
}
