import type { INodeProperties } from 'n8n-workflow';

import { BODY_FIELDS, JSON_BODY, QUERY_FIELDS } from './dynamicFields';
import { idOperations, OPERATION_SPECS } from './operationSpecs';
import type { IntegrationFieldUse, OperationName, ResourceDefinition } from './types';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function resourceProperty(resources: ResourceDefinition[]): INodeProperties {
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
	return {
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

/** The resource's own record locator, for the operations that work on one record (Get, Update, Delete). */
export function idProperty(resource: ResourceDefinition): INodeProperties[] {
	const operations = idOperations(resource);
	if (!resource.id || operations.length === 0) return [];
	return [
		locator(resource.name, resource.id.parameter, resource.id.searchMethod, resource.id.example, {
			required: true,
			description: `The ${resource.singular}, from the list or by its ID in the app`,
			displayOptions: { show: { resource: [resource.value], operation: operations } },
		}),
	];
}

/** Records of other resources picked for an operation's body (Group → Remove User: the group and the user). */
export function referenceProperties(resource: ResourceDefinition, find: (value: string) => ResourceDefinition | undefined): INodeProperties[] {
	return resource.operations.flatMap((operation) =>
		(resource.operationSettings?.[operation]?.bodyReferences ?? []).map((reference) => {
			const target = find(reference.resource);
			if (!target?.id) throw new Error(`${resource.value}.${operation}: ${reference.resource} has no ID locator`);
			return locator(target.name, target.id.parameter, target.id.searchMethod, target.id.example, {
				required: true,
				description: `The ${target.singular}, from the list or by its ID in the app (sent as ${reference.sendAs})`,
				displayOptions: { show: { resource: [resource.value], operation: [operation] } },
			});
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

/** Operations that send a body, per resource: Create, Update, Remove User. */
function bodyOperations(resources: ResourceDefinition[]): OperationName[] {
	const operations = new Set(resources.flatMap((r) => r.operations.filter((operation) => OPERATION_SPECS[operation].hasBody)));
	return [...operations];
}

/**
 * The fields that follow the integration (see dynamicFields.ts), read from Truto's metadata for the
 * chosen account, resource and operation, and the raw JSON body of writes.
 */
export function dynamicFieldProperties(unified: ResourceDefinition[]): INodeProperties[] {
	const dependsOn = ['integratedAccount.value', 'resource', 'operation'];
	const writes = unified.filter((r) => r.operations.some((operation) => OPERATION_SPECS[operation].hasBody));
	return [
		{
			displayName: BODY_FIELDS.displayName,
			name: BODY_FIELDS.name,
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			description:
				"The fields this integration takes for this operation, from Truto's metadata; required ones are marked. Anything not listed can go into Raw JSON Body.",
			typeOptions: {
				loadOptionsDependsOn: dependsOn,
				resourceMapper: {
					resourceMapperMethod: 'getBodyFields',
					mode: 'add',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					supportAutoMap: false,
					noFieldsError: 'Truto lists no body fields for this integration and operation: use Raw JSON Body if it needs any.',
				},
			},
			displayOptions: { show: { resource: writes.map((r) => r.value), operation: bodyOperations(writes) } },
		},
		{
			displayName: JSON_BODY.displayName,
			name: JSON_BODY.name,
			type: 'json',
			default: '',
			placeholder: '{ "title": "Engineer" }',
			description:
				'More body fields as a JSON object, for anything the Fields list does not offer. A field set in Fields wins over the same key here.',
			displayOptions: { show: { resource: writes.map((r) => r.value), operation: bodyOperations(writes) } },
		},
		{
			displayName: QUERY_FIELDS.displayName,
			name: QUERY_FIELDS.name,
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			description:
				"Query parameters this integration accepts for this operation, from Truto's metadata (parameters the node has its own field for are not repeated here); required ones are marked",
			typeOptions: {
				loadOptionsDependsOn: dependsOn,
				resourceMapper: {
					resourceMapperMethod: 'getQueryFields',
					mode: 'add',
					fieldWords: { singular: 'parameter', plural: 'parameters' },
					addAllFields: false,
					supportAutoMap: false,
					noFieldsError: 'This integration takes no further parameters for this operation.',
				},
			},
			displayOptions: { show: { resource: unified.map((r) => r.value) } },
		},
	];
}

/**
 * The Options collection: Truto's own options for every unified call, plus the options resources
 * add for some of their operations (shown only there).
 */
export function optionsWithResourceOptions(resources: ResourceDefinition[]): INodeProperties {
	const added = resources.flatMap((r) =>
		(r.options ?? []).map(({ operations, property }) => ({
			...property,
			displayOptions: { show: { '/resource': [r.value], '/operation': operations } },
		})),
	);
	const options = [...(optionsProperty.options as INodeProperties[]), ...added].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
	return { ...optionsProperty, options };
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
