import type { DisplayCondition, INodeProperties } from 'n8n-workflow';

import type { ItemOptions, OutputMode, ResourceDefinition } from '../model/types';
import { readChoice } from './definition';
import { inputError, type ItemLocation } from './itemLocation';

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


/**
 * Output (Simplified / Raw / Selected Fields) of a read, with the fields named for Selected Fields.
 * The editor's default already depends on the node version (1: raw, 1.1: simplified).
 */
export function readOutput(location: ItemLocation, mode: unknown, fieldsText: unknown): NonNullable<ItemOptions['output']> {
	// Both versions' Output list the same values; the current one is the reference.
	const chosen = readChoice<OutputMode>(location, outputProperty([], { '@version': [] }, 'simplified'), mode);
	const fields =
		typeof fieldsText === 'string'
			? fieldsText
					.split(',')
					.map((field) => field.trim())
					.filter(Boolean)
			: [];
	if (chosen === 'selectedFields' && fields.length === 0) {
		throw inputError(
			location,
			'Output is Selected Fields, but Fields to Include names none',
			'Enter the fields to output, separated by commas, e.g. name, emails, status; or choose Simplified or Raw.',
		);
	}
	return { mode: chosen, fields };
}
