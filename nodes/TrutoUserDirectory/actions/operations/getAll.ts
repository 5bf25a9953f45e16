import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type ListRequest, type TrutoClient, unifiedPath } from '../../transport';
import type { MetadataCache } from '../../transport/metadata';
import { readIntegratedAccount, readLimit } from '../parameters';
import { preflight } from '../preflight';
import type { ResourceDefinition } from '../types';
import { unifiedQuery } from './query';

export async function getAll(
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
	metadata: MetadataCache,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, itemIndex);
	if (resource.scope === 'environment') {
		return await client.list({ path: [resource.path], query: {}, limit, itemIndex });
	}
	const accountId = readIntegratedAccount(this, itemIndex);
	const query = unifiedQuery(this, resource, 'getAll', accountId, itemIndex);
	const keep = resource.listFilter?.(this, itemIndex);
	const decorate = resource.decorate?.(this, itemIndex);
	await preflight(this, metadata, { resource, operation: 'getAll', accountId, query }, itemIndex);

	const request: ListRequest = { path: unifiedPath(resource.path), query, limit, itemIndex };
	const records = keep ? await filteredList(client, request, keep) : await client.list(request);
	return decorate ? records.map(decorate) : records;
}

/**
 * A listing filtered on the node's side (e.g. Inactive Days): Limit counts the records that pass,
 * so pages are read until that many did or the list ends. Pages are asked for at full size, since
 * how many records will pass is unknown.
 */
async function filteredList(
	client: TrutoClient,
	request: ListRequest,
	keep: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const wanted = request.limit ?? Number.POSITIVE_INFINITY;
	const kept: IDataObject[] = [];
	for await (const page of client.pages({ ...request, limit: undefined })) {
		for (const record of page) {
			if (!keep(record)) continue;
			kept.push(record);
			if (kept.length >= wanted) return kept;
		}
	}
	return kept;
}
