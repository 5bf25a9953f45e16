import type { IDataObject, IExecuteFunctions, ResourceMapperField } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { titleOf } from '../helpers/text';
import type { ParameterSpec } from '../transport/metadata';
import { findResource } from './resources';
import type { OperationName, ResourceDefinition } from './types';

/**
 * The fields that follow the integration: query parameters (and body fields of writes) that Truto's
 * meta endpoint lists for the chosen account, resource and operation, offered through n8n's
 * resource mapper. Parameters the node already has a named field for are left out, so one value
 * can never be entered in two places.
 */
export const QUERY_FIELDS = { name: 'queryFields', displayName: 'Integration Parameters' } as const;
export const BODY_FIELDS = { name: 'bodyFields', displayName: 'Fields' } as const;
export const JSON_BODY = { name: 'jsonBody', displayName: 'Raw JSON Body' } as const;

/** Sent by the node itself on every call, or by the Options collection. */
const NODE_QUERY = new Set(['integrated_account_id', 'limit', 'next_cursor', 'remote_query']);

function isNodeQuery(name: string): boolean {
	return NODE_QUERY.has(name) || name.startsWith('truto_') || name.startsWith('remote_query[');
}

/**
 * Query parameters a named field of this resource/operation sends, each with that field as the user
 * sees it: "Organization", "Filters → Workspace ID".
 */
export function namedQueryFields(resource: ResourceDefinition, operation: OperationName): Map<string, string> {
	const named = new Map<string, string>();
	for (const use of resource.integrationFields) {
		const sendAs = use.sendAs[operation];
		if (sendAs) named.set(sendAs, INTEGRATION_FIELD_NAMES[use.field]);
	}
	if (operation === 'getAll') {
		for (const [name, field] of Object.entries(resource.listQueryParameters ?? {})) named.set(name, field);
	}
	return named;
}

/** Body fields a named field sends (Group → Remove User: Group → group_id, User → user_id). */
export function namedBodyFields(resource: ResourceDefinition, operation: OperationName): Map<string, string> {
	const named = new Map<string, string>();
	for (const reference of resource.operationSettings?.[operation]?.bodyReferences ?? []) {
		named.set(reference.sendAs, findResource(reference.resource)?.name ?? titleOf(reference.resource));
	}
	return named;
}

export const INTEGRATION_FIELD_NAMES = {
	organization: 'Organization',
	product: 'Product',
	includeAssignedTo: 'Include Assigned To',
} as const;

/** The query parameters to offer as dynamic fields: the integration's, minus the named and node-sent ones. */
export function dynamicQuerySpecs(resource: ResourceDefinition, operation: OperationName, specs: ParameterSpec[]): ParameterSpec[] {
	const named = namedQueryFields(resource, operation);
	return specs.filter((spec) => !isNodeQuery(spec.name) && !named.has(spec.name));
}

export function dynamicBodySpecs(resource: ResourceDefinition, operation: OperationName, specs: ParameterSpec[]): ParameterSpec[] {
	const named = namedBodyFields(resource, operation);
	return specs.filter((spec) => !named.has(spec.name));
}

const FIELD_TYPES: Record<string, ResourceMapperField['type']> = {
	string: 'string',
	number: 'number',
	integer: 'number',
	boolean: 'boolean',
	array: 'array',
	object: 'object',
};

/**
 * One resource-mapper field. n8n's mapper shows no per-field description, so the label carries it:
 * "Include Last Sign In (include_last_sign_in) – Whether to include …". The full text also travels
 * as `description` for API and AI consumers.
 */
export function mapperField(spec: ParameterSpec): ResourceMapperField {
	const field: ResourceMapperField & { description?: string } = {
		id: spec.name,
		displayName: `${titleOf(spec.name)} (${spec.name})${spec.description ? ` – ${spec.description}` : ''}`,
		required: spec.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: spec.enum ? 'options' : (FIELD_TYPES[spec.type] ?? 'string'),
	};
	if (spec.enum) field.options = spec.enum.map((value) => ({ name: value, value }));
	if (spec.description) field.description = spec.description;
	return field;
}

/** How a missing parameter is named in messages: by the field the user fills in. */
export function describeQueryParameter(resource: ResourceDefinition, operation: OperationName, name: string): string {
	const named = namedQueryFields(resource, operation).get(name);
	return named ? `${named} (${name})` : `${QUERY_FIELDS.displayName} → ${titleOf(name)} (${name})`;
}

export function describeBodyField(resource: ResourceDefinition, operation: OperationName, name: string): string {
	const named = namedBodyFields(resource, operation).get(name);
	return named ? `${named} (${name})` : `${BODY_FIELDS.displayName} → ${titleOf(name)} (${name})`;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * The values entered in a resource mapper for one item. n8n has already converted them to the
 * field types; a JSON field (array/object) that arrives as text is parsed here, naming the field
 * when it is not valid JSON. Empty fields are not sent.
 */
function mapperValues(
	context: IExecuteFunctions,
	parameter: { name: string; displayName: string },
	itemIndex: number,
	skip: (name: string) => boolean,
): IDataObject {
	const value = context.getNodeParameter(`${parameter.name}.value`, itemIndex, null) as IDataObject | null;
	if (!value || typeof value !== 'object') return {};
	const schema = context.getNodeParameter(`${parameter.name}.schema`, itemIndex, []) as ResourceMapperField[];
	const types = new Map((Array.isArray(schema) ? schema : []).map((field) => [field.id, field.type]));
	const result: IDataObject = {};
	for (const [name, raw] of Object.entries(value)) {
		if (isEmpty(raw) || skip(name)) continue;
		const type = types.get(name);
		if ((type === 'array' || type === 'object') && typeof raw === 'string') {
			try {
				result[name] = JSON.parse(raw) as IDataObject;
			} catch {
				throw new NodeOperationError(context.getNode(), `${parameter.displayName} → ${titleOf(name)} is not valid JSON`, {
					itemIndex,
					description: `Enter ${type === 'array' ? 'a JSON list such as ["a", "b"]' : 'a JSON object such as {"key": "value"}'} for ${name}.`,
				});
			}
			continue;
		}
		result[name] = raw;
	}
	return result;
}

/** The dynamic query parameters of one item (never the ones the node sends itself). */
export function dynamicQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return mapperValues(context, QUERY_FIELDS, itemIndex, isNodeQuery);
}

/**
 * The body of a write for one item: Raw JSON Body, then the mapped Fields on top (a field chosen
 * from the integration's list wins over the same key typed as raw JSON), then the named references.
 */
export function writeBody(context: IExecuteFunctions, itemIndex: number, references: IDataObject): IDataObject {
	return { ...rawJsonBody(context, itemIndex), ...mapperValues(context, BODY_FIELDS, itemIndex, () => false), ...references };
}

function rawJsonBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter(JSON_BODY.name, itemIndex, '') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `${JSON_BODY.displayName} is not valid JSON`, {
				itemIndex,
				description: `${(error as Error).message}. Enter a JSON object such as {"title": "Engineer"}.`,
			});
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), `${JSON_BODY.displayName} must be a JSON object`, {
			itemIndex,
			description: `It is ${Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}. Enter an object such as {"title": "Engineer"}.`,
		});
	}
	return parsed as IDataObject;
}
