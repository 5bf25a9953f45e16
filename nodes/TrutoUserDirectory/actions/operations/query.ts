import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dynamicQuery } from '../dynamicFields';
import { integrationFieldQuery, trutoOptionsQuery } from '../parameters';
import type { OperationName, ResourceDefinition } from '../types';

/**
 * The query of one unified call for one item. Later sources win: the integration's dynamic
 * parameters, then the named per-integration fields and filters (when filled in), then Truto's
 * options; integrated_account_id always comes from Integrated Account.
 */
export function unifiedQuery(
	context: IExecuteFunctions,
	resource: ResourceDefinition,
	operation: OperationName,
	accountId: string,
	itemIndex: number,
): IDataObject {
	return {
		...dynamicQuery(context, itemIndex),
		...integrationFieldQuery(context, resource, operation, itemIndex),
		...(operation === 'getAll' ? resource.listQuery?.(context, itemIndex) : {}),
		...trutoOptionsQuery(context, itemIndex),
		integrated_account_id: accountId,
	};
}
