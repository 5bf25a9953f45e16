import type { IDataObject } from 'n8n-workflow';

import type { NoActivityChoice } from '../helpers/seats';
import type { ItemOptions, OperationName, OutputMode, ResourceDefinition } from '../model/types';
import { inputError, type Place } from './itemLocation';

const NO_ACTIVITY_CHOICES: NoActivityChoice[] = ['exclude', 'include', 'only'];
/** The regions of Truto's SuperQuery store. */
const SUPER_QUERY_REGIONS = ['apac', 'wnam'];

/** The options a resource adds that apply to this operation: only those are read (and checked). */
function resourceOptionNames(resource: ResourceDefinition | undefined, operation: OperationName | undefined): Set<string> {
	return new Set(
		(resource?.options ?? [])
			.filter((option) => operation !== undefined && option.operations.includes(operation))
			.map((option) => option.property.name),
	);
}

/** Turns "filter[role]" into ["filter", "role"] so remote query names may nest. */
function remoteQueryPath(place: Place, name: string): string[] {
	const trimmed = name.trim();
	if (!/^[^[\]]+(\[[^[\]]+\])*$/.test(trimmed)) {
		throw inputError(
			place,
			`Remote Query has an invalid parameter name: "${name}"`,
			'Use a plain name such as role, or brackets for nesting such as filter[role].',
		);
	}
	return trimmed.split(/[[\]]+/).filter(Boolean);
}

function readRemoteQuery(place: Place, raw: unknown): IDataObject | undefined {
	const parameters = ((raw as IDataObject | undefined)?.parameters ?? []) as IDataObject[];
	if (!Array.isArray(parameters) || parameters.length === 0) return undefined;
	const result: IDataObject = {};
	for (const { name, value } of parameters) {
		const path = remoteQueryPath(place, String(name ?? ''));
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

function readInactiveDays(place: Place, raw: unknown): number | undefined {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const days = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
		throw inputError(
			place,
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
	place: Place,
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
	const superQuery = operation === 'getAll' && typeof raw.dataSource === 'string' && raw.dataSource !== 'live' ? raw.dataSource : undefined;
	if (superQuery !== undefined && !SUPER_QUERY_REGIONS.includes(superQuery)) {
		throw inputError(place, `Data Source must be live, apac or wnam, not ${JSON.stringify(superQuery)}`, 'Choose a Data Source from the list.');
	}
	if (superQuery !== undefined && responseFormat === 'raw') {
		throw inputError(
			place,
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
		remoteQuery: readRemoteQuery(place, raw.remoteQuery),
		noActivityUsers: 'exclude',
		seatUtilization: applies.has('seatUtilization') && raw.seatUtilization === true,
	};
	if (applies.has('inactiveDays')) {
		options.inactiveDays = readInactiveDays(place, raw.inactiveDays);
		if (options.inactiveDays !== undefined) {
			const choice = (raw.noActivityUsers ?? 'exclude') as NoActivityChoice;
			if (!NO_ACTIVITY_CHOICES.includes(choice)) {
				throw inputError(place, `Users Without Activity Data must be exclude, include or only, not ${JSON.stringify(choice)}`);
			}
			options.noActivityUsers = choice;
		}
	}
	// Computed fields read the unified shape; raw answers are each app's own.
	if (responseFormat === 'raw' && options.inactiveDays !== undefined) {
		throw inputError(
			place,
			'Inactive Days needs the unified response format',
			"Raw answers are in each app's own shape, without last_active_at and last_login_at. Set Response Format to Unified, or set Inactive Days to 0.",
		);
	}
	if (responseFormat === 'raw' && options.seatUtilization) {
		throw inputError(
			place,
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
	if (options.superQuery) query.truto_super_query = options.superQuery;
	// remote_data (the app's own record) is dropped unless Ignore Remote Data is added and turned off:
	// it makes every record ~40–55 % larger (README → Throttling and concurrency).
	if (options.ignoreRemoteData) query.truto_ignore_remote_data = true;
	if (options.excludeFields.length) query.truto_exclude_fields = options.excludeFields;
	if (options.remoteQuery) query.remote_query = options.remoteQuery;
	return query;
}

const OUTPUT_MODES: OutputMode[] = ['simplified', 'raw', 'selectedFields'];

/**
 * Output (Simplified / Raw / Selected Fields) of a read, with the fields named for Selected Fields.
 * The editor's default already depends on the node version (1: raw, 1.1: simplified).
 */
export function readOutput(place: Place, mode: unknown, fieldsText: unknown): NonNullable<ItemOptions['output']> {
	if (!OUTPUT_MODES.includes(mode as OutputMode)) {
		throw inputError(place, `Output must be simplified, raw or selectedFields, not ${JSON.stringify(mode)}`, 'Choose an Output from the list.');
	}
	const fields =
		typeof fieldsText === 'string'
			? fieldsText
					.split(',')
					.map((field) => field.trim())
					.filter(Boolean)
			: [];
	if (mode === 'selectedFields' && fields.length === 0) {
		throw inputError(
			place,
			'Output is Selected Fields, but Fields to Include names none',
			'Enter the fields to output, separated by commas, e.g. name, emails, status; or choose Simplified or Raw.',
		);
	}
	return { mode: mode as OutputMode, fields };
}
