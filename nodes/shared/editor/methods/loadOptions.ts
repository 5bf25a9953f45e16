import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { integrationName } from '../../helpers/accounts';
import { TrutoClient } from '../../transport';
import { searchIntegratedAccounts } from './listSearch';

/**
 * Option lists for fields that take several values (n8n has no multi-value resource locator): the
 * Truto Trigger's Integrated Accounts and Integrations filters, and Seat Reclamation's Integrated Accounts.
 */

/** Every integrated account of the token's environment, labelled as the account picker labels them. */
export async function getIntegratedAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchIntegratedAccounts.call(this);
	return results.map(({ name, value }) => ({ name, value }));
}

/** The integrations the environment has accounts of, by Truto's name for each (e.g. github). */
export async function getIntegrations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await TrutoClient.create(this);
	const bySlug = new Map<string, string>();
	for (const account of await client.list({ path: ['integrated-account'] })) {
		const slug = (account.integration as { name?: unknown } | undefined)?.name;
		if (typeof slug === 'string' && slug) bySlug.set(slug, integrationName(account));
	}
	return [...bySlug.entries()]
		.map(([value, name]) => ({ name: `${name} (${value})`, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = { getIntegratedAccounts, getIntegrations };
