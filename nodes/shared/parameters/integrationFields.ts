import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { INTEGRATION_FIELD_NAMES } from '../model/naming';
import type { IntegrationFieldName, IntegrationFieldUse, OperationName, ResourceDefinition } from '../model/types';
import { recordLocator } from './locators';

function operationsUsing(use: IntegrationFieldUse): OperationName[] {
	return Object.keys(use.sendAs) as OperationName[];
}

/**
 * A per-integration field (Organization, Product, Include Assigned To) from a resource's table entry,
 * shown where `displayOptions` says; the description names the integrations and the Truto names it
 * is sent as, for the operations given.
 */
export function integrationFieldProperty(
	use: IntegrationFieldUse,
	displayOptions: IDisplayOptions,
	operations: OperationName[] = operationsUsing(use),
): INodeProperties {
	const sentAs = [...new Set(operations.map((operation) => use.sendAs[operation]).filter(Boolean))];
	const description = `${use.note} Sent as ${sentAs.join(' / ')}.`;
	const displayName = INTEGRATION_FIELD_NAMES[use.field];
	if (use.field === 'organization') {
		return recordLocator(displayName, use.field, 'searchOrganizations', 'e.g. 1234567', {
			description: `${description} Leave empty when the integration does not need it.`,
			displayOptions,
			...(use.hint ? { hint: use.hint } : {}),
		});
	}
	return {
		displayName,
		name: use.field,
		type: 'options',
		default: '',
		options: [{ name: 'Not Set', value: '' }, ...(use.values ?? [])],
		description,
		displayOptions,
		...(use.hint ? { hint: use.hint } : {}),
	};
}

/** The per-integration fields of a resource in the action node: shown for the operations that send them. */
export function integrationFieldProperties(resource: ResourceDefinition): INodeProperties[] {
	return resource.integrationFields.map((use) =>
		integrationFieldProperty(use, { show: { resource: [resource.value], operation: operationsUsing(use) } }),
	);
}

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
