import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNIFIED_RESOURCES } from '../actions/resources';
import type { ResourceDefinition } from '../actions/types';
import { integratedAccountLabel } from '../helpers/accounts';
import { TrutoClient, unifiedPath } from '../transport';

/** Accounts are few per environment, so the dropdown reads every page and filters locally. */
const MAX_ACCOUNT_PAGES = 100;

function matches(item: INodeListSearchItems, filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle);
}

export async function searchIntegratedAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await TrutoClient.create(this);
	const results: INodeListSearchItems[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_ACCOUNT_PAGES; page++) {
		const body = (await client.request({
			path: ['integrated-account'],
			query: { limit: 100, next_cursor: cursor },
		})) as IDataObject;
		const accounts = (body.result ?? body.results ?? []) as IDataObject[];
		for (const account of accounts) {
			const item = { name: integratedAccountLabel(account), value: String(account.id) };
			if (matches(item, filter)) results.push(item);
		}
		cursor = body.next_cursor ? String(body.next_cursor) : undefined;
		if (!cursor) break;
	}
	results.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

function currentValue(context: ILoadOptionsFunctions, name: string): string | undefined {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
		return typeof value === 'string' && value.trim() ? value.trim() : undefined;
	} catch {
		return undefined;
	}
}

/** One page of records per call; n8n asks for the next page with the cursor as pagination token. */
function recordSearch(resource: ResourceDefinition) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const accountId = currentValue(this, 'integratedAccount');
		if (!accountId) {
			throw new NodeOperationError(this.getNode(), 'Choose an integrated account first', {
				description: `The ${resource.plural} are listed from the chosen integrated account.`,
			});
		}
		const query: IDataObject = { integrated_account_id: accountId, limit: 100, truto_ignore_remote_data: true };
		// Integrations that need an organization or product to list also need it here.
		for (const use of resource.integrationFields) {
			const queryName = use.sendAs.getAll;
			const value = queryName ? currentValue(this, use.field) : undefined;
			if (queryName && value) query[queryName] = value;
		}
		if (paginationToken) query.next_cursor = paginationToken;
		const client = await TrutoClient.create(this);
		const body = (await client.request({ path: unifiedPath(resource.path), query })) as IDataObject;
		const records = (Array.isArray(body.result) ? body.result : []) as IDataObject[];
		const results = records
			.map((record) => ({ name: resource.label(record), value: String(record.id) }))
			.filter((item) => matches(item, filter));
		const next = body.next_cursor ? String(body.next_cursor) : undefined;
		return { results, paginationToken: next };
	};
}

type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

export const listSearch: Record<string, ListSearchMethod> = {
	searchIntegratedAccounts,
	...Object.fromEntries(
		UNIFIED_RESOURCES.flatMap((resource) => (resource.id ? [[resource.id.searchMethod, recordSearch(resource)]] : [])),
	),
};
