import type { INodeProperties } from 'n8n-workflow';

import { OPERATION_SPECS } from '../model/operations';
import type { ResourceDefinition } from '../model/types';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The Resource list: Truto's resources and the node's own (features), each with its one-line summary. */
export function resourceProperty(resources: Array<Pick<ResourceDefinition, 'name' | 'value' | 'summary'>>): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({ name: r.name, value: r.value, description: r.summary })).sort(byName),
		default: 'user',
	};
}

export function operationProperty(resource: ResourceDefinition): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations
			.map((operation) => {
				const spec = OPERATION_SPECS[operation];
				const settings = resource.operationSettings?.[operation];
				return {
					name: spec.name,
					value: operation,
					action: settings?.action ?? spec.action(resource),
					description: settings?.description ?? spec.description(resource),
				};
			})
			.sort(byName),
		default: 'getAll',
	};
	// A resource without Get Many opens on its first operation.
	if (!resource.operations.includes('getAll')) property.default = resource.operations[0];
	return property;
}

export function returnAllAndLimit(resource: ResourceDefinition): INodeProperties[] {
	const show = { show: { resource: [resource.value], operation: ['getAll'] } };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show.show, returnAll: [false] } },
		},
	];
}
