import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { titleOf } from '../../helpers/text';
import { INTEGRATION_FIELD_NAMES, isNodeQuery, namedBodyFields, namedQueryFields } from '../../model/naming';
import { OPERATION_SPECS, trutoMethod } from '../../model/operations';
import { findResource } from '../../model/resources';
import type { OperationName, ResourceDefinition } from '../../model/types';
import { credentialNamed, type MethodMeta, MetadataCache, type ParameterSpec, TrutoClient } from '../../transport';
import { type AreaCall, type AreaName, areaNotice, ignoredFieldsText } from '../metadataFieldNotices';
import { chosenAccount, currentParameter } from './currentParameter';

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
 * Starting values of JSON fields (n8n's JSON editor marks an empty one as invalid before anything is
 * typed): the unified model's shape for the fields it knows, else an empty list or object.
 */
const JSON_EXAMPLES: Record<string, unknown> = {
	emails: [{ email: '', type: 'work', is_primary: true }],
	phones: [{ number: '', type: 'work' }],
	roles: [{ id: '' }],
	groups: [{ id: '' }],
	organizations: [{ id: '' }],
	licenses: [{ id: '' }],
	workspaces: [{ id: '' }],
	urls: [{ url: '', type: '' }],
};

/** The starting value of a JSON field, as the text its editor shows; undefined for other types. */
export function jsonStartingValue(spec: Pick<ParameterSpec, 'name' | 'type'>): string | undefined {
	if (spec.type !== 'array' && spec.type !== 'object') return undefined;
	const known = JSON_EXAMPLES[spec.name];
	if (known !== undefined && Array.isArray(known) === (spec.type === 'array')) return JSON.stringify(known);
	return spec.type === 'array' ? '[]' : '{}';
}

/**
 * One resource-mapper field, labelled as people read it ("Include Last Sign In"): n8n cuts long labels
 * and shows no per-field description, so Truto's name joins the label only where two parameters would
 * read the same. Truto's description travels as `description` for API and AI consumers.
 */
export function mapperField(spec: ParameterSpec, label = titleOf(spec.name)): ResourceMapperField {
	// defaultValue: n8n 2.41 fills a field with it when the field is shown or added (older n8n ignores it).
	const field: ResourceMapperField & { description?: string; defaultValue?: string } = {
		id: spec.name,
		displayName: label,
		required: spec.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: spec.enum ? 'options' : (FIELD_TYPES[spec.type] ?? 'string'),
	};
	if (spec.enum) field.options = spec.enum.map((value) => ({ name: value, value }));
	const start = jsonStartingValue(spec);
	if (start !== undefined) field.defaultValue = start;
	const shape = start !== undefined ? `A JSON ${spec.type === 'array' ? 'list' : 'object'} such as ${start}.` : undefined;
	const description = [spec.description, shape].filter(Boolean).join(' ');
	if (description) field.description = description;
	return field;
}

/** The fields of one area, each label unique. */
export function mapperFields(specs: ParameterSpec[]): ResourceMapperField[] {
	const counts = new Map<string, number>();
	for (const spec of specs) counts.set(titleOf(spec.name), (counts.get(titleOf(spec.name)) ?? 0) + 1);
	return specs.map((spec) => {
		const title = titleOf(spec.name);
		return mapperField(spec, (counts.get(title) ?? 0) > 1 ? `${title} (${spec.name})` : title);
	});
}

/** The resource's named per-integration fields of this operation that the account's metadata does not list. */
export function ignoredNamedFields(resource: ResourceDefinition, operation: OperationName, meta: MethodMeta): string[] {
	const listed = new Set(meta.query.map((spec) => spec.name));
	return resource.integrationFields
		.filter((use) => use.sendAs[operation] && !listed.has(use.sendAs[operation] as string))
		.map((use) => INTEGRATION_FIELD_NAMES[use.field]);
}

type Chooser = (resource: ResourceDefinition, operation: OperationName, meta: MethodMeta) => ParameterSpec[];

/** Why the account could not be read: Truto's answer as the transport words it (401 → fix the credential…). */
async function lookupFailure(client: TrutoClient, accountId: string): Promise<{ message: string; hint?: string }> {
	try {
		await client.request({ path: ['integrated-account', accountId], maxAttempts: 1 });
		return { message: 'Truto did not describe this integrated account' };
	} catch (error) {
		return describe(error);
	}
}

function describe(error: unknown): { message: string; hint?: string } {
	const hint = error instanceof NodeApiError || error instanceof NodeOperationError ? (error.description ?? undefined) : undefined;
	return { message: String((error as Error)?.message ?? error).replace(/\.$/, ''), hint };
}

/**
 * Reads Truto's metadata for the chosen account, resource and operation, and turns the chosen part of
 * it into resource-mapper fields. Every answer carries a notice about this account, resource and
 * operation (see areaNotices.ts): what is missing or failed is said there, never thrown.
 */
async function fieldsFor(context: ILoadOptionsFunctions, area: AreaName, choose: Chooser): Promise<ResourceMapperFields> {
	const resource = findResource(currentParameter(context, 'resource') ?? '');
	const operation = currentParameter(context, 'operation') as OperationName | undefined;
	if (!resource || resource.scope !== 'unified' || !operation || !resource.operations.includes(operation)) {
		return { fields: [], emptyFieldsNotice: areaNotice.noOperation(area) };
	}
	const call: AreaCall = { area, resource, operation };
	const account = chosenAccount(context);
	if (account.kind === 'none') return { fields: [], emptyFieldsNotice: areaNotice.noAccount(call) };
	if (account.kind === 'expression') return { fields: [], emptyFieldsNotice: areaNotice.expressionAccount(call) };

	let client: TrutoClient;
	try {
		client = await TrutoClient.create(context);
	} catch (error) {
		const { message, hint } = describe(error);
		return { fields: [], emptyFieldsNotice: areaNotice.lookupFailed(call, message, hint, credentialNamed(context.getNode())) };
	}
	const metadata = new MetadataCache(client);
	const method = trutoMethod(resource, operation);
	const [info, capabilities] = await Promise.all([metadata.account(account.id), metadata.capabilities(account.id)]);
	if (!info) {
		const { message, hint } = await lookupFailure(client, account.id);
		return { fields: [], emptyFieldsNotice: areaNotice.lookupFailed(call, message, hint, credentialNamed(context.getNode())) };
	}
	const methods = capabilities?.get(resource.path);
	if (capabilities && !methods) {
		const text = `${info.integration} does not support ${resource.plural} through Truto; it supports: ${[...capabilities.keys()].join(', ')}.`;
		return { fields: [], emptyFieldsNotice: areaNotice.unsupported(call, text) };
	}
	if (methods && !methods.includes(method)) {
		const text = `${info.integration} does not support ${OPERATION_SPECS[operation].gerund(resource)} through Truto; it supports: ${methods.join(', ')}.`;
		return { fields: [], emptyFieldsNotice: areaNotice.unsupported(call, text) };
	}
	const meta = await metadata.meta(account.id, resource.path, method);
	if (!meta) return { fields: [], emptyFieldsNotice: areaNotice.noMeta(call, info.label) };
	const fields = mapperFields(choose(resource, operation, meta));
	const ignored = area === 'query' ? ignoredFieldsText(ignoredNamedFields(resource, operation, meta), info.label) : '';
	return {
		fields,
		emptyFieldsNotice: fields.length ? areaNotice.listed(call, info.label, fields.length, ignored) : areaNotice.empty(call, info.label, ignored),
	};
}

export async function getQueryFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, 'query', (resource, operation, meta) => dynamicQuerySpecs(resource, operation, meta.query));
}

export async function getBodyFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, 'body', (resource, operation, meta) => dynamicBodySpecs(resource, operation, meta.body ?? []));
}

export const resourceMapping = { getQueryFields, getBodyFields };
