import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { subtitleLookup } from '../shared/helpers/text';

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

/**
 * The canvas subtitle: the chosen operation's action as the node picker words it ("Get many users",
 * "Find reclaimable seats across apps"), looked up from the Operation fields above.
 */
export function operationActions(list: INodeProperties[] = properties): Record<string, string> {
	const actions: Record<string, string> = {};
	for (const property of list) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (option.action) actions[`${resource}:${String(option.value)}`] = option.action;
			}
		}
	}
	return actions;
}

export const subtitle = subtitleLookup(operationActions(), '$parameter["resource"] + ":" + $parameter["operation"]', '$parameter["operation"]');
