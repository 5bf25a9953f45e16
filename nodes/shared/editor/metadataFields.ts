import type { INodeProperties } from 'n8n-workflow';

import { BODY_FIELDS, JSON_BODY, QUERY_FIELDS } from '../model/naming';
import { OPERATION_SPECS } from '../model/operations';
import type { OperationName, ResourceDefinition } from '../model/types';

/** Operations that send a body, per resource: Create, Update, Remove User. */
function bodyOperations(resources: ResourceDefinition[]): OperationName[] {
	const operations = new Set(resources.flatMap((r) => r.operations.filter((operation) => OPERATION_SPECS[operation].hasBody)));
	return [...operations];
}

/**
 * The fields that follow the integration (methods/resourceMapping.ts), read from Truto's metadata for the
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
					// n8n heads the area with valuesLabel ("Values to Send" without it) and builds its buttons from fieldWords.
					valuesLabel: BODY_FIELDS.displayName,
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
			// An empty object, not "": n8n's JSON editor marks empty text as invalid JSON. Both send nothing.
			default: '{}',
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
					valuesLabel: QUERY_FIELDS.displayName,
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
