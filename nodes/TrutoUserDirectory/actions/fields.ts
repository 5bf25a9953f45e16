import type { INodeProperties } from 'n8n-workflow';

import type { IntegrationFieldUse, OperationName, ResourceDefinition } from './types';

const OPERATION_LABELS: Record<OperationName, { name: string; action: (r: ResourceDefinition) => string; description: (r: ResourceDefinition) => string }> = {
	getAll: {
		name: 'Get Many',
		action: (r) => `Get many ${r.plural}`,
		description: (r) =>
			r.scope === 'environment'
				? `List the ${r.plural} of your Truto environment, following pages automatically`
				: `List the ${r.plural} of an integrated account, following pages automatically`,
	},
	get: {
		name: 'Get',
		action: (r) => `Get a ${r.singular}`,
		description: (r) => `Get one ${r.singular} by ID`,
	},
};

export function resourceProperty(resources: ResourceDefinition[]): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({ name: r.name, value: r.value, description: r.summary })),
		default: 'user',
	};
}

export function operationProperty(resource: ResourceDefinition): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations.map((operation) => ({
			name: OPERATION_LABELS[operation].name,
			value: operation,
			action: OPERATION_LABELS[operation].action(resource),
			description: OPERATION_LABELS[operation].description(resource),
		})),
		default: 'getAll',
	};
}

/**
 * The account a call reads from. Shown for every unified resource, and as the account to fetch for
 * Integrated Account → Get (same parameter name, so both read one saved value).
 */
export function integratedAccountProperties(unified: ResourceDefinition[]): INodeProperties[] {
	const base: INodeProperties = {
		displayName: 'Integrated Account',
		name: 'integratedAccount',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The connected customer account to read from: one tenant of one app, such as GitHub · acme-corp. Its ID is a UUID from Truto.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an integrated account...',
				typeOptions: { searchListMethod: 'searchIntegratedAccounts', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 62f44730-dd91-461e-bd6a-aedd9e0ad79d',
			},
		],
	};
	return [
		{ ...base, displayOptions: { show: { resource: unified.map((resource) => resource.value) } } },
		{ ...base, displayOptions: { show: { resource: ['integratedAccount'], operation: ['get'] } } },
	];
}

function locator(
	displayName: string,
	name: string,
	searchMethod: string,
	example: string,
	extra: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${displayName.toLowerCase().startsWith('o') ? 'an' : 'a'} ${displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: example },
		],
		...extra,
	};
}

export function idProperty(resource: ResourceDefinition): INodeProperties {
	return locator(resource.name, resource.id.parameter, resource.id.searchMethod, resource.id.example, {
		required: true,
		description: `The ${resource.singular} to get, from the list or by its ID in the app`,
		displayOptions: { show: { resource: [resource.value], operation: ['get'] } },
	});
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

function operationsUsing(use: IntegrationFieldUse): OperationName[] {
	return Object.keys(use.sendAs) as OperationName[];
}

function sentAsText(use: IntegrationFieldUse): string {
	const names = [...new Set(Object.values(use.sendAs))];
	return `Sent as ${names.join(' / ')}.`;
}

/** Builds a per-integration field for one resource from its table entry. */
export function integrationFieldProperty(resource: ResourceDefinition, use: IntegrationFieldUse): INodeProperties {
	const displayOptions = { show: { resource: [resource.value], operation: operationsUsing(use) } };
	const description = `${use.note} ${sentAsText(use)}`;
	switch (use.field) {
		case 'organization':
			return locator('Organization', 'organization', 'searchOrganizations', 'e.g. 1234567', {
				description: `${description} Leave empty when the integration does not need it.`,
				displayOptions,
			});
		case 'product':
			return {
				displayName: 'Product',
				name: 'product',
				type: 'options',
				default: '',
				options: [{ name: 'Not Set', value: '' }, ...(use.values ?? [])],
				description,
				displayOptions,
			};
		case 'includeAssignedTo':
			return {
				displayName: 'Include Assigned To',
				name: 'includeAssignedTo',
				type: 'options',
				default: '',
				options: [{ name: 'Not Set', value: '' }, ...(use.values ?? [])],
				description,
				displayOptions,
			};
	}
}

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Exclude Fields',
			name: 'excludeFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. remote_data, phones',
			description: 'Comma-separated fields to leave out of every record (sent as truto_exclude_fields[])',
		},
		{
			displayName: 'Ignore Remote Data',
			name: 'ignoreRemoteData',
			type: 'boolean',
			default: true,
			description:
				"Whether to drop remote_data, the app's original record, from each result. It often doubles the size of every record.",
		},
		{
			displayName: 'Remote Query',
			name: 'remoteQuery',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Parameter',
			description:
				'Query parameters passed to the underlying app unchanged (sent as remote_query[name]=value). A name may use brackets for nesting, e.g. filter[role].',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameters',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			default: 'unified',
			options: [
				{
					name: 'Normalized',
					value: 'normalized',
					description: 'Unified mappings in a normalized form',
				},
				{
					name: 'Raw',
					value: 'raw',
					description:
						"The app's own answer, untouched: a list becomes one item per element, anything else one item. Raw answers have no Truto cursor, so only the first page is read.",
				},
				{
					name: 'Unified',
					value: 'unified',
					description: "Truto's unified schema, the same for every app",
				},
			],
			description: 'Which shape of data Truto returns (sent as truto_response_format)',
		},
	],
};
