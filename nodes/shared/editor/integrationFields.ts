import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { INTEGRATION_FIELD_NAMES } from '../model/naming';
import type { IntegrationFieldUse, OperationName, ResourceDefinition } from '../model/types';
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
	};
}

/** The per-integration fields of a resource in the action node: shown for the operations that send them. */
export function integrationFieldProperties(resource: ResourceDefinition): INodeProperties[] {
	return resource.integrationFields.map((use) =>
		integrationFieldProperty(use, { show: { resource: [resource.value], operation: operationsUsing(use) } }),
	);
}
