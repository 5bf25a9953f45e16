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
