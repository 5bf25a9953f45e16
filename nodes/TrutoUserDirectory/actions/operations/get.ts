import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toRecords } from '../../helpers/items';
import { type TrutoClient, unifiedPath } from '../../transport';
import { integrationFieldQuery, readIntegratedAccount, readLocator, trutoOptionsQuery } from '../parameters';
import type { ResourceDefinition } from '../types';

export async function get(
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
): Promise<IDataObject[]> {
	const accountId = readIntegratedAccount(this, itemIndex);
	if (resource.scope === 'environment') {
		return toRecords(await client.request({ path: [resource.path, accountId], itemIndex }));
	}
	const id = readLocator(this, resource.id.parameter, resource.name, itemIndex, { required: true }) as string;
	const query: IDataObject = {
		integrated_account_id: accountId,
		...integrationFieldQuery(this, resource, 'get', itemIndex),
		...trutoOptionsQuery(this, itemIndex),
	};
	return toRecords(await client.request({ path: unifiedPath(resource.path, id), query, itemIndex }));
}
