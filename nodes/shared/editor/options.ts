import type { INodeProperties } from 'n8n-workflow';

import type { ResourceDefinition } from '../model/types';

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

const remoteQueryOption: INodeProperties = {
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
};

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
