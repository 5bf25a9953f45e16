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

/** The Operation field of one resource (or feature), opening on Get Many where there is one, else on its first operation. */
export function operationChoices(resourceValue: string, operations: Array<{ name: string; value: string; action: string; description: string }>): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resourceValue] } },
		options: [...operations].sort(byName),
		default: 'getAll',
	};
	if (!operations.some((operation) => operation.value === 'getAll')) property.default = operations[0].value;
	return property;
}

export function operationProperty(resource: ResourceDefinition): INodeProperties {
	return operationChoices(
		resource.value,
		resource.operations.map((operation) => {
			const spec = OPERATION_SPECS[operation];
			const settings = resource.operationSettings?.[operation];
			return {
				name: spec.name,
				value: operation,
				action: settings?.action ?? spec.action(resource),
				description: settings?.description ?? spec.description(resource),
			};
		}),
	);
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
