import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type TrutoClient, unifiedPath } from '../../transport';
import { integrationFieldQuery, readIntegratedAccount, readLimit, trutoOptionsQuery } from '../parameters';
import type { ResourceDefinition } from '../types';

export async function getAll(
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, itemIndex);
	if (resource.scope === 'environment') {
		return await client.list({ path: [resource.path], query: {}, limit, itemIndex });
	}
	const query: IDataObject = {
		integrated_account_id: readIntegratedAccount(this, itemIndex),
		...integrationFieldQuery(this, resource, 'getAll', itemIndex),
		...resource.listQuery?.(this, itemIndex),
		...trutoOptionsQuery(this, itemIndex),
	};
	return await client.list({ path: unifiedPath(resource.path), query, limit, itemIndex });
}
