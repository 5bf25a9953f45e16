import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { integratedAccountLabel, isIdentityProvider, NOT_AN_IDENTITY_PROVIDER } from '../../helpers/accounts';
import { integrationFieldQuery } from '../../parameters/integrationFields';
import { UNIFIED_RESOURCES } from '../../model/resources';
import type { ResourceDefinition } from '../../model/types';
import { forEditorList, TrutoClient, unifiedPath } from '../../transport';
import { chosenAccount, currentParameter } from './currentParameter';

/** Accounts are few per environment, so the dropdown reads every page and filters locally. */
const ACCOUNT_PAGE_SIZE = 100;
/** One page of records per dropdown page; n8n asks for the next with the cursor as pagination token. */
const RECORD_PAGE_SIZE = 100;

function matches(item: INodeListSearchItems, filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle);
}

export async function searchIntegratedAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await TrutoClient.create(this, { maxPageSize: ACCOUNT_PAGE_SIZE });
	const accounts = await client.list({ path: ['integrated-account'] });
	const results = accounts
		.map((account) => ({ name: integratedAccountLabel(account), value: String(account.id) }))
		.filter((item) => matches(item, filter))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/**
 * The Identity Provider Account picker: identity providers first (Okta, Microsoft Entra ID, Google
 * Workspace, JumpCloud, OneLogin …), then every other account, marked as not one. Another app still
 * works when its user list holds everyone, so it stays choosable.
 */
export async function searchIdentityProviders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await TrutoClient.create(this, { maxPageSize: ACCOUNT_PAGE_SIZE });
	const accounts = await client.list({ path: ['integrated-account'] });
	const entries = accounts.map((account) => {
		const provider = isIdentityProvider(account);
		const label = integratedAccountLabel(account);
		return { provider, item: { name: provider ? label : `${label} — ${NOT_AN_IDENTITY_PROVIDER}`, value: String(account.id) } };
	});
	const results = entries
		.filter(({ item }) => matches(item, filter))
		.sort((a, b) => Number(b.provider) - Number(a.provider) || a.item.name.localeCompare(b.item.name))
		.map(({ item }) => item);
	return { results };
}

/** One page of records per call, through the transport's paging: its first page, or the page at n8n's token. */
function recordSearch(resource: ResourceDefinition) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		// n8n shows only the message of a failed list, so it says what to do.
		const account = chosenAccount(this);
		if (account.kind === 'expression') {
			throw new NodeOperationError(
				this.getNode(),
				`Integrated Account is an expression, resolved only when the node runs: enter the ${resource.singular} by ID, or run the nodes before this one to list ${resource.plural} here`,
			);
		}
		if (account.kind === 'none') {
			throw new NodeOperationError(this.getNode(), `Choose an Integrated Account above: the ${resource.plural} are listed from it`);
		}
		const accountId = account.id;
		// Integrations that need an organization or product to list also need it here.
		const query = {
			...integrationFieldQuery(resource, 'getAll', (field) => currentParameter(this, field)),
			truto_ignore_remote_data: true,
		};
		const client = await TrutoClient.create(this, { maxPageSize: RECORD_PAGE_SIZE });
		const page = await client.page({ path: unifiedPath(resource.path), accountId, query }, paginationToken);
		const results = page.records
			.map((record) => ({ name: resource.label(record), value: String(record.id) }))
			.filter((item) => matches(item, filter));
		return { results, paginationToken: page.nextCursor };
	};
}

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** A list method whose failure reads well in n8n's "Could not load list" (see forEditorList). */
function shownInList(method: ListSearchMethod): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		try {
			return await method.call(this, filter, paginationToken);
		} catch (error) {
			throw forEditorList(error);
		}
	};
}

export const listSearch: Record<string, ListSearchMethod> = Object.fromEntries(
	Object.entries({
		searchIntegratedAccounts,
		searchIdentityProviders,
		...Object.fromEntries(
			UNIFIED_RESOURCES.flatMap((resource) => (resource.id ? [[resource.id.searchMethod, recordSearch(resource)]] : [])),
		),
	}).map(([name, method]) => [name, shownInList(method as ListSearchMethod)]),
);
