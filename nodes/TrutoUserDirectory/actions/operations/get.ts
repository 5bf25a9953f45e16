import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toRecords } from '../../helpers/items';
import { type TrutoClient, unifiedPath } from '../../transport';
import type { MetadataCache } from '../../transport/metadata';
import { readIntegratedAccount, readRecordId } from '../parameters';
import { preflight } from '../preflight';
import type { ResourceDefinition } from '../types';
import { unifiedQuery } from './query';

export async function get(
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
	metadata: MetadataCache,
): Promise<IDataObject[]> {
	const accountId = readIntegratedAccount(this, itemIndex);
	if (resource.scope === 'environment') {
		return toRecords(await client.request({ path: [resource.path, accountId], itemIndex }));
	}
	const id = readRecordId(this, resource, itemIndex);
	const query = unifiedQuery(this, resource, 'get', accountId, itemIndex);
	const decorate = resource.decorate?.(this, itemIndex);
	const path = unifiedPath(resource.path, id);
	// An ID that can never be sent ("..", far too long) is refused before any look-up goes out.
	client.buildUrl(path, query);
	await preflight(this, metadata, { resource, operation: 'get', accountId, query }, itemIndex);
	const records = toRecords(await client.request({ path, query, itemIndex }));
	return decorate ? records.map(decorate) : records;
}
