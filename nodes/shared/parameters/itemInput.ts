import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import { BODY_FIELDS, fieldNaming, type FieldNaming, JSON_BODY, QUERY_FIELDS } from '../model/naming';
import { OPERATION_SPECS } from '../model/operations';
import { findResource } from '../model/resources';
import type { ItemOptions, OperationName, ResourceDefinition } from '../model/types';
import { dynamicQuery, writeBody } from './metadataFields';
import { filterQuery } from './filters';
import { integrationFieldQuery } from './integrationFields';
import { readLinkPageUrl } from './linkPage';
import { locatorText, recordIdText } from './locators';
import { readOptions, trutoOptionsQuery } from './options';
import { readOutput } from './output';
import { inputError, type ItemLocation } from './itemLocation';

/** What every call read from an item has, whichever its kind. */
interface CallInputBase {
	itemIndex: number;
	resource: ResourceDefinition;
	operation: OperationName;
	/** Get Many without Return All: how many records. */
	limit?: number;
	/** The query of the call, without integrated_account_id (the request carries its account). */
	query: IDataObject;
	options: ItemOptions;
	/** How this node names the parameters of this resource and operation, for messages. */
	naming: FieldNaming;
}

/** A unified call: it reads or changes records of one integrated account. */
export interface AccountCall extends CallInputBase {
	kind: 'account';
	accountId: string;
	/** The record of Get, Update and Delete. */
	recordId?: string;
	/** Create, Update, Remove User. */
	body?: IDataObject;
	/** Records sent in the body by reference (Remove User: group_id, user_id). */
	references: IDataObject;
}

/** A call on the token's environment (/integrated-account): no account reads it. */
export interface EnvironmentCall extends CallInputBase {
	kind: 'environment';
	/** Get and Create Reconnect Link: the integrated account the call is about (the record itself). */
	recordId?: string;
	/** Create Reconnect Link: the Truto Link page the link token is opened with. */
	linkPageUrl?: string;
}

/**
 * Everything one input item asks for, read once and checked before any request: operations,
 * computed-field hooks and the pre-flight all work from this value, so no check depends on the
 * order in which they run.
 */
export type ItemInput = AccountCall | EnvironmentCall;

/** Readers of one item's parameters (n8n's getNodeParameter for that item). */
function parameterReader(context: IExecuteFunctions, itemIndex: number) {
	return {
		value: (name: string, fallback: unknown): unknown => context.getNodeParameter(name, itemIndex, fallback),
		locator: (name: string): unknown => context.getNodeParameter(name, itemIndex, '', { extractValue: true }),
	};
}

function readLimit(location: ItemLocation, raw: unknown): number {
	const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw inputError(location, `Limit must be a whole number of at least 1, not ${shown(raw)}`, 'Set Limit to how many records you want, or turn on Return All.');
	}
	return number;
}

/** A value as a user would recognise it in a message: NaN stays NaN, texts are quoted, objects shortened. */
function shown(value: unknown): string {
	if (typeof value === 'number' || value === undefined) return String(value);
	return (JSON.stringify(value) ?? String(value)).slice(0, 100);
}

export function readItemInput(context: IExecuteFunctions, itemIndex: number): ItemInput {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const read = parameterReader(context, itemIndex);
	const resourceValue = read.value('resource', undefined) as string;
	const operation = read.value('operation', undefined) as OperationName;
	const resource = findResource(resourceValue);
	if (!resource || !resource.operations.includes(operation) || !OPERATION_SPECS[operation]) {
		throw inputError(location, `The operation "${operation}" is not supported for "${resourceValue}"`);
	}
	const spec = OPERATION_SPECS[operation];
	const base: CallInputBase = {
		itemIndex,
		resource,
		operation,
		query: {},
		options: readOptions(location, {}),
		naming: fieldNaming(resource, operation),
	};
	if (operation === 'getAll' && read.value('returnAll', false) !== true) base.limit = readLimit(location, read.value('limit', 50));

	const filters = (): IDataObject =>
		operation === 'getAll' && resource.listFilters
			? filterQuery(location, resource.listFilters, read.value(resource.listFilters.property.name, {}) as IDataObject)
			: {};
	if (resource.scope === 'environment') {
		const call: EnvironmentCall = { ...base, kind: 'environment', query: filters() };
		if (spec.needsId) call.recordId = locatorText(location, read.locator('integratedAccount'), 'Integrated Account', { required: true });
		if (operation === 'createReconnectLink') call.linkPageUrl = readLinkPageUrl(location, read.value('options', {}) as IDataObject);
		return call;
	}

	const call: AccountCall = {
		...base,
		kind: 'account',
		accountId: locatorText(location, read.locator('integratedAccount'), 'Integrated Account', { required: true }) as string,
		references: {},
	};
	if (spec.needsId) call.recordId = recordIdText(location, read.locator(resource.id?.parameter ?? ''), resource.name);
	const idSentAs = resource.operationSettings?.[operation]?.idSentAs;
	if (idSentAs && call.recordId !== undefined) call.references[idSentAs] = call.recordId;
	for (const reference of resource.operationSettings?.[operation]?.bodyReferences ?? []) {
		const target = findResource(reference.resource);
		if (target?.id) call.references[reference.sendAs] = recordIdText(location, read.locator(target.id.parameter), target.name);
	}
	call.options = readOptions(location, read.value('options', {}) as IDataObject, resource, operation);
	// Output is shown on the reads of resources with a short form; its default comes with the node version.
	if (resource.simplify && !spec.writes) call.options.output = readOutput(location, read.value('output', 'raw'), read.value('outputFields', ''));
	// Later sources win: the integration's dynamic parameters, then the named per-integration fields and
	// filters (when filled in), then Truto's options.
	call.query = {
		...dynamicQuery(location, read.value(QUERY_FIELDS.name, null) as ResourceMapperValue | null),
		...integrationFieldQuery(resource, operation, (field) =>
			field === 'organization'
				? locatorText(location, read.locator('organization'), 'Organization', { required: false })
				: (read.value(field, '') as string),
		),
		...filters(),
		...trutoOptionsQuery(call.options),
	};
	if (spec.hasBody) {
		call.body = writeBody(location, {
			fields: read.value(BODY_FIELDS.name, null) as ResourceMapperValue | null,
			json: read.value(JSON_BODY.name, ''),
			references: call.references,
		});
		if (operation === 'update' && Object.keys(call.body).length === 0) {
			throw inputError(
				location,
				`Nothing to update: no field of the ${resource.singular} was given`,
				`Add the fields to change under ${BODY_FIELDS.displayName}, or as a JSON object in ${JSON_BODY.displayName}.`,
			);
		}
	}
	return call;
}

/** The record an operation that works on one record is about (always read for those operations). */
export function recordOf(input: ItemInput): string {
	if (input.recordId === undefined) throw new Error(`${input.operation} was read without its record ID`);
	return input.recordId;
}
