import type { IDataObject } from 'n8n-workflow';

import type { IntegrationFieldName, OperationName, ResourceDefinition } from '../model/types';

/**
 * The per-integration fields of a resource/operation, under the name Truto expects there (the
 * resource table's `sendAs`): Organization travels as organization_id on lists, as organizations on
 * a license get. Empty values are not sent. Every node and dropdown builds these parameters here.
 */
export function integrationFieldQuery(
	resource: ResourceDefinition,
	operation: OperationName,
	value: (field: IntegrationFieldName) => string | undefined,
): IDataObject {
	const query: IDataObject = {};
	for (const use of resource.integrationFields) {
		const queryName = use.sendAs[operation];
		if (!queryName) continue;
		const given = value(use.field);
		if (given !== undefined && given !== '') query[queryName] = given;
	}
	return query;
}
