import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { titleOf } from '../../helpers/text';
import { isNodeQuery, namedBodyFields, namedQueryFields } from '../../model/naming';
import { OPERATION_SPECS, trutoMethod } from '../../model/operations';
import { findResource } from '../../model/resources';
import type { OperationName, ResourceDefinition } from '../../model/types';
import { type MethodMeta, MetadataCache, type ParameterSpec, TrutoClient } from '../../transport';
import { currentParameter } from './currentParameter';

/**
 * The fields that follow the integration: query parameters (and body fields of writes) that Truto's
 * meta endpoint lists for the chosen account, resource and operation, offered through n8n's
 * resource mapper. Parameters the node already has a named field for are left out, so one value can
 * never be entered in two places.
 */

/** The query parameters to offer: the integration's, minus the named and node-sent ones. */
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

type Chooser = (resource: ResourceDefinition, operation: OperationName, meta: MethodMeta) => ParameterSpec[];

/**
 * Reads Truto's metadata for the chosen account, resource and operation, and turns the chosen part of
 * it into resource-mapper fields. Whatever is missing (no account yet, an unsupported operation,
 * no metadata) becomes a notice in the editor instead of an error.
 */
async function fieldsFor(context: ILoadOptionsFunctions, choose: Chooser): Promise<ResourceMapperFields> {
	const resource = findResource(currentParameter(context, 'resource') ?? '');
	const operation = currentParameter(context, 'operation') as OperationName | undefined;
	if (!resource || resource.scope !== 'unified' || !operation || !resource.operations.includes(operation)) {
		return { fields: [], emptyFieldsNotice: 'Choose a resource and an operation first.' };
	}
	const accountId = currentParameter(context, 'integratedAccount');
	if (!accountId) {
		return { fields: [], emptyFieldsNotice: 'Choose an integrated account first: the fields depend on its integration.' };
	}
	const metadata = new MetadataCache(await TrutoClient.create(context));
	const method = trutoMethod(resource, operation);
	const [account, capabilities] = await Promise.all([metadata.account(accountId), metadata.capabilities(accountId)]);
	const integration = account?.integration ?? 'This integration';
	const methods = capabilities?.get(resource.path);
	if (capabilities && !methods?.includes(method)) {
		return {
			fields: [],
			emptyFieldsNotice: `${integration} does not support ${OPERATION_SPECS[operation].gerund(resource)} through Truto.`,
		};
	}
	const meta = await metadata.meta(accountId, resource.path, method);
	if (!meta) {
		return { fields: [], emptyFieldsNotice: `Truto has no field list for ${integration} here; use the named fields and Options.` };
	}
	return { fields: choose(resource, operation, meta).map(mapperField) };
}

export async function getQueryFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, (resource, operation, meta) => dynamicQuerySpecs(resource, operation, meta.query));
}

export async function getBodyFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, (resource, operation, meta) => dynamicBodySpecs(resource, operation, meta.body ?? []));
}

export const resourceMapping = { getQueryFields, getBodyFields };
