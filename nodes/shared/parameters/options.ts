import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { NoActivityChoice } from '../helpers/seats';
import type { ItemOptions, OperationName, ResourceDefinition } from '../model/types';
import { readChoice, rowsProperty } from './definition';
import { inputError, type ItemLocation } from './itemLocation';

const excludeFieldsOption: INodeProperties = {
	displayName: 'Exclude Fields',
	name: 'excludeFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. remote_data, phones',
	description: 'Comma-separated fields to leave out of every record (sent as truto_exclude_fields[])',
};

/**
 * Drops remote_data unless switched off; the polling trigger offers it too. remote_data is left out
 * anyway, so adding this option changed nothing: from version 1.1 the action node offers Include
 * Remote Data instead, and this one stays for the workflows saved with it.
 */
export const ignoreRemoteDataOption: INodeProperties = {
	displayName: 'Ignore Remote Data',
	name: 'ignoreRemoteData',
	type: 'boolean',
	default: true,
	description:
		"Whether to drop remote_data, the app's original record, from each result. It often doubles the size of every record.",
	displayOptions: { show: { '@version': [{ _cnd: { lt: 1.1 } }] } },
};

/** remote_data is left out by default: adding this option (switched on) brings it back. */
const includeRemoteDataOption: INodeProperties = {
	displayName: 'Include Remote Data',
	name: 'includeRemoteData',
	type: 'boolean',
	default: true,
	description:
		"Whether to add remote_data, the app's original record, to each result (left out unless this is on). It often doubles the size of every record.",
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
};

const remoteQueryOption = rowsProperty(
	{ displayName: 'Remote Query', name: 'remoteQuery', placeholder: 'Add Parameter' },
	'Query parameters passed to the underlying app unchanged (sent as remote_query[name]=value). A name may use brackets for nesting, e.g. filter[role].',
	{ displayName: 'Parameter', name: 'parameters' },
	[
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Value', name: 'value', type: 'string', default: '' },
	],
);

const responseFormatOption: INodeProperties = {
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
};

/** An Options collection holding the given options, sorted as n8n's linter wants them. */
export function optionsCollection(options: INodeProperties[], extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		...extra,
	};
}

/** Data Source: SuperQuery in the region the account's own record names (resolved when the item runs). */
export const ACCOUNT_STORE_REGION = 'accountRegion';

/** Where a list is read from: the app itself (live), or Truto's synced store (SuperQuery) in a region. */
const dataSourceOption: INodeProperties = {
	displayName: 'Data Source',
	name: 'dataSource',
	type: 'options',
	default: 'live',
	options: [
		{
			name: 'Live App',
			value: 'live',
			description: 'Ask the app itself: always current, at the speed and rate limit of its API',
		},
		{
			name: "SuperQuery (The Account's Own Region)",
			value: ACCOUNT_STORE_REGION,
			description:
				"Truto's synced store in the region the account's record names (features.super_query); an account without a store is refused before anything is sent",
		},
		{
			name: 'SuperQuery (APAC Region)',
			value: 'apac',
			description: "Truto's synced store in APAC (filled by sync jobs): no call to the app, as fresh as the last sync",
		},
		{
			name: 'SuperQuery (WNAM Region)',
			value: 'wnam',
			description: "Truto's synced store in Western North America (filled by sync jobs): no call to the app, as fresh as the last sync",
		},
	],
	description:
		"Where Get Many reads: the live app, or Truto's SuperQuery store (sent as truto_super_query). SuperQuery answers large directories fast because no app is asked, but only with what the last sync job stored.",
	displayOptions: { show: { '/operation': ['getAll'] } },
};

/**
 * The action node's Options collection: Truto's own options for every unified call, plus the options
 * resources add for some of their operations (shown only there).
 */
export function optionsWithResourceOptions(resources: ResourceDefinition[], extra: Partial<INodeProperties> = {}): INodeProperties {
	const added = resources.flatMap((r) =>
		(r.options ?? []).map(({ operations, property }) => ({
			...property,
			// Conditions of the option itself (on its siblings) stay, e.g. "only with Inactive Days".
			displayOptions: { show: { ...property.displayOptions?.show, '/resource': [r.value], '/operation': operations } },
		})),
	);
	return optionsCollection(
		[dataSourceOption, excludeFieldsOption, ignoreRemoteDataOption, includeRemoteDataOption, remoteQueryOption, responseFormatOption, ...added],
		extra,
	);
}


/** The options a resource adds that apply to this operation: only those are read (and checked). */
function resourceOptionNames(resource: ResourceDefinition | undefined, operation: OperationName | undefined): Set<string> {
	return new Set(
		(resource?.options ?? [])
			.filter((option) => operation !== undefined && option.operations.includes(operation))
			.map((option) => option.property.name),
	);
}

/** Turns "filter[role]" into ["filter", "role"] so remote query names may nest. */
function remoteQueryPath(location: ItemLocation, name: string): string[] {
	const trimmed = name.trim();
	if (!/^[^[\]]+(\[[^[\]]+\])*$/.test(trimmed)) {
		throw inputError(
			location,
			`Remote Query has an invalid parameter name: "${name}"`,
			'Use a plain name such as role, or brackets for nesting such as filter[role].',
		);
	}
	return trimmed.split(/[[\]]+/).filter(Boolean);
}

function readRemoteQuery(location: ItemLocation, raw: unknown): IDataObject | undefined {
	const parameters = ((raw as IDataObject | undefined)?.parameters ?? []) as IDataObject[];
	if (!Array.isArray(parameters) || parameters.length === 0) return undefined;
	const result: IDataObject = {};
	for (const { name, value } of parameters) {
		const path = remoteQueryPath(location, String(name ?? ''));
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

function readInactiveDays(location: ItemLocation, raw: unknown): number | undefined {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const days = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
		throw inputError(
			location,
			`Inactive Days must be a number of days of at least 0, not ${JSON.stringify(raw)}`,
			'Enter how many days without activity make a user inactive, e.g. 90; 0 turns the filter off.',
		);
	}
	return days === 0 ? undefined : days;
}

/**
 * The Options collection of one item, read once and checked before any request: Truto's own options,
 * plus the options the resource adds for this operation (the others are ignored, as the editor hides
 * them). Without a resource (the polling trigger) only Truto's options are read.
 */
export function readOptions(
	location: ItemLocation,
	raw: IDataObject,
	resource?: ResourceDefinition,
	operation?: OperationName,
): ItemOptions {
	const applies = resourceOptionNames(resource, operation);
	const responseFormat = typeof raw.responseFormat === 'string' && raw.responseFormat ? raw.responseFormat : undefined;
	const excludeFields =
		typeof raw.excludeFields === 'string'
			? raw.excludeFields
					.split(',')
					.map((field) => field.trim())
					.filter(Boolean)
			: [];
	// Data Source is offered on Get Many only; its values other than live are the SuperQuery regions.
	const dataSource = operation === 'getAll' ? readChoice(location, dataSourceOption, raw.dataSource) : 'live';
	const superQuery = dataSource === 'live' ? undefined : dataSource;
	if (superQuery !== undefined && responseFormat === 'raw') {
		throw inputError(
			location,
			'SuperQuery has no raw response format',
			"SuperQuery reads Truto's synced store, which holds unified records. Set Response Format to Unified, or Data Source to Live App.",
		);
	}
	const options: ItemOptions = {
		responseFormat,
		superQuery,
		// Include Remote Data (version 1.1) or Ignore Remote Data switched off (version 1) bring it back.
		ignoreRemoteData: raw.includeRemoteData === true ? false : raw.ignoreRemoteData !== false,
		excludeFields,
		remoteQuery: readRemoteQuery(location, raw.remoteQuery),
		noActivityUsers: 'exclude',
		seatUtilization: applies.has('seatUtilization') && raw.seatUtilization === true,
	};
	if (applies.has('inactiveDays')) {
		options.inactiveDays = readInactiveDays(location, raw.inactiveDays);
		if (options.inactiveDays !== undefined) {
			const noActivity = resource?.options?.find((option) => option.property.name === 'noActivityUsers')?.property;
			if (noActivity) options.noActivityUsers = readChoice<NoActivityChoice>(location, noActivity, raw.noActivityUsers);
		}
	}
	// Computed fields read the unified shape; raw answers are each app's own.
	if (responseFormat === 'raw' && options.inactiveDays !== undefined) {
		throw inputError(
			location,
			'Inactive Days needs the unified response format',
			"Raw answers are in each app's own shape, without last_active_at and last_login_at. Set Response Format to Unified, or set Inactive Days to 0.",
		);
	}
	if (responseFormat === 'raw' && options.seatUtilization) {
		throw inputError(
			location,
			'Seat Utilization needs the unified response format',
			"Raw answers are in each app's own shape, without available_quantity and assigned_quantity. Set Response Format to Unified, or turn Seat Utilization off.",
		);
	}
	return options;
}

/** Truto's own query parameters from the Options collection. */
export function trutoOptionsQuery(options: ItemOptions): IDataObject {
	const query: IDataObject = {};
	if (options.responseFormat) query.truto_response_format = options.responseFormat;
	// The account's own region is known only once its record is read (operations/getAll.ts).
	if (options.superQuery && options.superQuery !== ACCOUNT_STORE_REGION) query.truto_super_query = options.superQuery;
	// remote_data (the app's own record) is dropped unless Ignore Remote Data is added and turned off:
	// it makes every record ~40–55 % larger (README → Throttling and concurrency).
	if (options.ignoreRemoteData) query.truto_ignore_remote_data = true;
	if (options.excludeFields.length) query.truto_exclude_fields = options.excludeFields;
	if (options.remoteQuery) query.remote_query = options.remoteQuery;
	return query;
}
