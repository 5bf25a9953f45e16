import type { INodeProperties } from 'n8n-workflow';

import {
	dynamicFieldProperties,
	idProperty,
	integratedAccountProperties,
	integrationFieldProperty,
	operationProperty,
	optionsWithResourceOptions,
	referenceProperties,
	resourceProperty,
	returnAllAndLimit,
} from './fields';
import { findResource, RESOURCES, UNIFIED_RESOURCES } from './resources';
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
	...UNIFIED_RESOURCES.flatMap(idProperty),
	...UNIFIED_RESOURCES.flatMap((resource) => referenceProperties(resource, findResource)),
	...RESOURCES.flatMap((resource) => (resource.operations.includes('getAll') ? returnAllAndLimit(resource) : [])),
	...RESOURCES.flatMap((resource) => resource.integrationFields.map((use) => integrationFieldProperty(resource, use))),
	...RESOURCES.flatMap(listProperties),
	...dynamicFieldProperties(UNIFIED_RESOURCES),
	{
		...optionsWithResourceOptions(UNIFIED_RESOURCES),
		displayOptions: { show: { resource: UNIFIED_RESOURCES.map((resource) => resource.value) } },
	},
];
