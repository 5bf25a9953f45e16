import type { INodeProperties } from 'n8n-workflow';

import {
	idProperty,
	integratedAccountProperties,
	integrationFieldProperty,
	operationProperty,
	optionsProperty,
	resourceProperty,
	returnAllAndLimit,
} from './fields';
import { RESOURCES, UNIFIED_RESOURCES } from './resources';
import type { ResourceDefinition } from './types';

function listProperties(resource: ResourceDefinition): INodeProperties[] {
	return (resource.listProperties ?? []).map((property) => ({
		...property,
		displayOptions: { show: { resource: [resource.value], operation: ['getAll'] } },
	}));
}

/** The whole parameter list, derived from the resource table. */
export const properties: INodeProperties[] = [
	resourceProperty(RESOURCES),
	...RESOURCES.map(operationProperty),
	...integratedAccountProperties(UNIFIED_RESOURCES),
	...UNIFIED_RESOURCES.map(idProperty),
	...RESOURCES.flatMap(returnAllAndLimit),
	...RESOURCES.flatMap((resource) => resource.integrationFields.map((use) => integrationFieldProperty(resource, use))),
	...RESOURCES.flatMap(listProperties),
	{ ...optionsProperty, displayOptions: { show: { resource: UNIFIED_RESOURCES.map((resource) => resource.value) } } },
];
