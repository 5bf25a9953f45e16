import type { INodeProperties } from 'n8n-workflow';

import { dynamicFieldProperties } from '../shared/parameters/metadataFields';
import { integrationFieldProperties } from '../shared/parameters/integrationFields';
import { idProperty, integratedAccountProperties, referenceProperties } from '../shared/parameters/locators';
import { optionsCollection, optionsWithResourceOptions } from '../shared/parameters/options';
import { outputProperties } from '../shared/parameters/output';
import { operationProperty, resourceProperty, returnAllAndLimit } from '../shared/editor/resourceFields';
import { findResource, RESOURCES, UNIFIED_RESOURCES } from '../shared/model/resources';
import type { ResourceDefinition } from '../shared/model/types';
import { featureOperationProperty } from './feature';
import { FEATURES, RESOURCE_CHOICES } from './resources';

/** A resource's Filters collection, on its Get Many. */
function listFilterProperty(resource: ResourceDefinition): INodeProperties[] {
	if (!resource.listFilters) return [];
	return [{ ...resource.listFilters.property, displayOptions: { show: { resource: [resource.value], operation: ['getAll'] } } }];
}

/**
 * The Options of an environment resource's operations (Integrated Account → Create Reconnect Link):
 * only the options the resource adds, as Truto's unified options do not apply there.
 */
function environmentOptionsProperty(resource: ResourceDefinition): INodeProperties[] {
	if (resource.scope !== 'environment' || !resource.options?.length) return [];
	const operations = [...new Set(resource.options.flatMap((option) => option.operations))];
	return [
		optionsCollection(
			resource.options.map((option) => option.property),
			{ displayOptions: { show: { resource: [resource.value], operation: operations } } },
		),
	];
}

/** The node's whole parameter list, derived from the resource table (shared/model/resources) and the features' own forms. */
export const properties: INodeProperties[] = [
	resourceProperty(RESOURCE_CHOICES),
	...RESOURCES.map(operationProperty),
	...FEATURES.map(featureOperationProperty),
	...integratedAccountProperties(UNIFIED_RESOURCES),
	...UNIFIED_RESOURCES.flatMap(idProperty),
	...UNIFIED_RESOURCES.flatMap((resource) => referenceProperties(resource, findResource)),
	...RESOURCES.flatMap((resource) => (resource.operations.includes('getAll') ? returnAllAndLimit(resource) : [])),
	...RESOURCES.flatMap(integrationFieldProperties),
	...RESOURCES.flatMap(listFilterProperty),
	...dynamicFieldProperties(UNIFIED_RESOURCES),
	...outputProperties(UNIFIED_RESOURCES),
	optionsWithResourceOptions(UNIFIED_RESOURCES, {
		displayOptions: { show: { resource: UNIFIED_RESOURCES.map((resource) => resource.value) } },
	}),
	...RESOURCES.flatMap(environmentOptionsProperty),
	...FEATURES.flatMap((feature) => feature.operations.flatMap((operation) => operation.properties)),
];
