import type { DisplayCondition, INodeProperties } from 'n8n-workflow';

import type { ResourceDefinition } from '../model/types';

/** Version 1.1 made Simplified the default; version 1 (saved workflows) keeps the whole record. */
export const SIMPLIFIED_SINCE_VERSION = 1.1;

const READS = ['getAll', 'get'];

function outputProperty(resources: ResourceDefinition[], version: { '@version': DisplayCondition[] }, fallback: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: fallback,
		options: [
			{
				name: 'Simplified',
				value: 'simplified',
				description:
					'A short form of each record with the fields people look at (for users: ID, name, primary email, status, last seen, licenses, roles). Best for AI agents.',
			},
			{
				name: 'Raw',
				value: 'raw',
				description: "Every field of each record in Truto's unified schema",
			},
			{
				name: 'Selected Fields',
				value: 'selectedFields',
				description: 'Only the fields named below',
			},
		],
		description: 'How much of each record to output. Records of these resources have many fields; Simplified keeps the ones most workflows need.',
		displayOptions: { show: { resource: resources.map((r) => r.value), operation: READS, ...version } },
	};
}

/**
 * Output (Simplified / Raw / Selected Fields) on the reads of resources whose records are large, as
 * n8n's guidelines ask for answers of more than 10 fields. The default depends on the node version.
 */
export function outputProperties(resources: ResourceDefinition[]): INodeProperties[] {
	const simplifiable = resources.filter((resource) => resource.simplify);
	return [
		outputProperty(simplifiable, { '@version': [{ _cnd: { lt: SIMPLIFIED_SINCE_VERSION } }] }, 'raw'),
		outputProperty(simplifiable, { '@version': [{ _cnd: { gte: SIMPLIFIED_SINCE_VERSION } }] }, 'simplified'),
		{
			displayName: 'Fields to Include',
			name: 'outputFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. name, emails, last_active_at',
			description: 'Comma-separated fields of the unified record to output, e.g. name, emails, status',
			displayOptions: { show: { resource: simplifiable.map((r) => r.value), operation: READS, output: ['selectedFields'] } },
		},
	];
}
