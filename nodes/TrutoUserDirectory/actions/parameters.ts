import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationName, ResourceDefinition } from './types';

/**
 * A resource locator's value as text; every failure names the field. Shared by the action node
 * (per item) and the trigger (no items), which read the raw value their own way.
 */
export function locatorText(
	node: INode,
	raw: unknown,
	displayName: string,
	options: { required: boolean; itemIndex?: number },
): string | undefined {
	const { itemIndex } = options;
	if (raw !== null && typeof raw === 'object') {
		throw new NodeOperationError(node, `${displayName} must be an ID, not ${Array.isArray(raw) ? 'a list' : 'an object'}`, {
			itemIndex,
			description: `The expression for ${displayName} resolved to ${JSON.stringify(raw).slice(0, 100)}. Point it at the ID field, e.g. {{ $json.id }}.`,
		});
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		if (!options.required) return undefined;
		throw new NodeOperationError(node, `${displayName} is empty`, {
			itemIndex,
			description: `Choose ${displayName.toLowerCase()} from the list, or enter its ID.`,
		});
	}
	return value;
}

/** Reads a resource locator of one item as text. */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
	options: { required: boolean },
): string | undefined {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return locatorText(context.getNode(), raw, displayName, { required: options.required, itemIndex });
}

export function readIntegratedAccount(context: IExecuteFunctions, itemIndex: number): string {
	return readLocator(context, 'integratedAccount', 'Integrated Account', itemIndex, { required: true }) as string;
}

export function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const number = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1, not ${shown(limit)}`, {
			itemIndex,
			description: 'Set Limit to how many records you want, or turn on Return All.',
		});
	}
	return number;
}

/** A value as a user would recognise it in a message: NaN stays NaN, texts are quoted, objects shortened. */
function shown(value: unknown): string {
	if (typeof value === 'number' || value === undefined) return String(value);
	return (JSON.stringify(value) ?? String(value)).slice(0, 100);
}

/** The per-integration fields of a resource/operation, under the name Truto expects there. */
export function integrationFieldQuery(
	context: IExecuteFunctions,
	resource: ResourceDefinition,
	operation: OperationName,
	itemIndex: number,
): IDataObject {
	const query: IDataObject = {};
	for (const use of resource.integrationFields) {
		const queryName = use.sendAs[operation];
		if (!queryName) continue;
		const value =
			use.field === 'organization'
				? readLocator(context, 'organization', 'Organization', itemIndex, { required: false })
				: (context.getNodeParameter(use.field, itemIndex, '') as string);
		if (value !== undefined && value !== '') query[queryName] = value;
	}
	return query;
}

/** Turns "filter[role]" into ["filter", "role"] so remote query names may nest. */
function remoteQueryPath(context: IExecuteFunctions, name: string, itemIndex: number): string[] {
	const trimmed = name.trim();
	if (!/^[^[\]]+(\[[^[\]]+\])*$/.test(trimmed)) {
		throw new NodeOperationError(context.getNode(), `Remote Query has an invalid parameter name: "${name}"`, {
			itemIndex,
			description: 'Use a plain name such as role, or brackets for nesting such as filter[role].',
		});
	}
	return trimmed.split(/[[\]]+/).filter(Boolean);
}

function remoteQuery(context: IExecuteFunctions, options: IDataObject, itemIndex: number): IDataObject | undefined {
	const parameters = ((options.remoteQuery as IDataObject | undefined)?.parameters ?? []) as IDataObject[];
	if (!Array.isArray(parameters) || parameters.length === 0) return undefined;
	const result: IDataObject = {};
	for (const { name, value } of parameters) {
		const path = remoteQueryPath(context, String(name ?? ''), itemIndex);
		let target = result;
		for (const key of path.slice(0, -1)) {
			if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
			target = target[key] as IDataObject;
		}
		// An expression may resolve to an object or array: it is sent nested in bracket style.
		target[path[path.length - 1]] = (value ?? '') as IDataObject[keyof IDataObject];
	}
	return result;
}

/** Truto's own query parameters from the Options collection. */
export function trutoOptionsQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	if (options.responseFormat) query.truto_response_format = options.responseFormat;
	// remote_data (the app's own record) is dropped unless Ignore Remote Data is added and turned off:
	// it makes every record ~40–55 % larger (README → Throttling and concurrency).
	if (options.ignoreRemoteData !== false) query.truto_ignore_remote_data = true;
	if (typeof options.excludeFields === 'string' && options.excludeFields.trim()) {
		query.truto_exclude_fields = options.excludeFields
			.split(',')
			.map((field) => field.trim())
			.filter(Boolean);
	}
	const remote = remoteQuery(context, options, itemIndex);
	if (remote) query.remote_query = remote;
	return query;
}

/** The ID of the record an operation works on, from the resource's own locator. */
export function readRecordId(context: IExecuteFunctions, resource: ResourceDefinition, itemIndex: number): string {
	if (!resource.id) {
		throw new NodeOperationError(context.getNode(), `${resource.name} records have no ID to work on`, { itemIndex });
	}
	return readLocator(context, resource.id.parameter, resource.name, itemIndex, { required: true }) as string;
}

/** The records an operation sends in its body by reference (Group → Remove User: group_id, user_id). */
export function readBodyReferences(
	context: IExecuteFunctions,
	resource: ResourceDefinition,
	operation: OperationName,
	itemIndex: number,
	find: (value: string) => ResourceDefinition | undefined,
): IDataObject {
	const body: IDataObject = {};
	for (const reference of resource.operationSettings?.[operation]?.bodyReferences ?? []) {
		const target = find(reference.resource);
		if (!target) continue;
		body[reference.sendAs] = readRecordId(context, target, itemIndex);
	}
	return body;
}
