import type { IDataObject, INodeProperties, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import { titleOf } from '../helpers/text';
import { BODY_FIELDS, isNodeQuery, JSON_BODY, QUERY_FIELDS } from '../model/naming';
import { OPERATION_SPECS } from '../model/operations';
import type { OperationName, ResourceDefinition } from '../model/types';
import { inputError, type ItemLocation } from './itemLocation';

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

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * The values entered in a resource mapper (Integration Parameters, Fields). n8n has already converted
 * them to the field types; a JSON field (array/object) that arrives as text is parsed here, naming the
 * field when it is not valid JSON. Empty fields are not sent.
 */
function mapperValues(
	location: ItemLocation,
	area: { displayName: string },
	mapper: Partial<ResourceMapperValue> | null | undefined,
	skip: (name: string) => boolean,
): IDataObject {
	const value = mapper?.value;
	if (!value || typeof value !== 'object') return {};
	const schema = Array.isArray(mapper?.schema) ? (mapper.schema as ResourceMapperField[]) : [];
	const types = new Map(schema.map((field) => [field.id, field.type]));
	const result: IDataObject = {};
	for (const [name, raw] of Object.entries(value)) {
		if (isEmpty(raw) || skip(name)) continue;
		const type = types.get(name);
		if ((type === 'array' || type === 'object') && typeof raw === 'string') {
			try {
				result[name] = JSON.parse(raw) as IDataObject;
			} catch {
				throw inputError(
					location,
					`${area.displayName} → ${titleOf(name)} is not valid JSON`,
					`Enter ${type === 'array' ? 'a JSON list such as ["a", "b"]' : 'a JSON object such as {"key": "value"}'} for ${name}.`,
				);
			}
			continue;
		}
		result[name] = raw as IDataObject[keyof IDataObject];
	}
	return result;
}

/** The Integration Parameters of one item (never the ones the node sends itself). */
export function dynamicQuery(location: ItemLocation, mapper: Partial<ResourceMapperValue> | null | undefined): IDataObject {
	return mapperValues(location, QUERY_FIELDS, mapper, isNodeQuery);
}

function rawJsonBody(location: ItemLocation, raw: unknown): IDataObject {
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			throw inputError(
				location,
				`${JSON_BODY.displayName} is not valid JSON`,
				`${(error as Error).message}. Enter a JSON object such as {"title": "Engineer"}.`,
			);
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(
			location,
			`${JSON_BODY.displayName} must be a JSON object`,
			`It is ${Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}. Enter an object such as {"title": "Engineer"}.`,
		);
	}
	return parsed as IDataObject;
}

/**
 * The body of a write: Raw JSON Body, then the mapped Fields on top (a field chosen from the
 * integration's list wins over the same key typed as raw JSON), then the named references.
 */
export function writeBody(
	location: ItemLocation,
	given: { fields: Partial<ResourceMapperValue> | null | undefined; json: unknown; references: IDataObject },
): IDataObject {
	return { ...rawJsonBody(location, given.json), ...mapperValues(location, BODY_FIELDS, given.fields, () => false), ...given.references };
}
