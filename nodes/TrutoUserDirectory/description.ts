import type { INodeProperties } from 'n8n-workflow';

import { dynamicFieldProperties } from '../shared/editor/metadataFields';
import { integrationFieldProperties } from '../shared/editor/integrationFields';
import { idProperty, integratedAccountProperties, referenceProperties } from '../shared/editor/locators';
import { optionsCollection, optionsWithResourceOptions } from '../shared/editor/options';
import { outputProperties } from '../shared/editor/output';
import { reclamationProperties } from './seatReclamation/parameters';
import { operationProperty, resourceProperty, returnAllAndLimit } from '../shared/editor/resourceFields';
import { findResource, RESOURCES, UNIFIED_RESOURCES } from '../shared/model/resources';
import type { ResourceDefinition } from '../shared/model/types';

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

/** The node's whole parameter list, derived from the resource table (shared/model/resources). */
export const properties: INodeProperties[] = [
	resourceProperty(RESOURCES),
	...RESOURCES.map(operationProperty),
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
	...reclamationProperties,
];
