import type { IDataObject } from 'n8n-workflow';

import { capitalized } from '../helpers/text';
import type { OperationName, ResourceDefinition } from './types';

/** What a unified resource states; everything else follows from its name (see unifiedResource). */
export type UnifiedResourceEntry = Partial<Omit<ResourceDefinition, 'name' | 'path' | 'summary' | 'operations' | 'scope' | 'id'>> & {
	name: string;
	path: string;
	summary: string;
	operations: OperationName[];
	/** An ID as the app writes it, shown as the ID field's placeholder; list-only resources have no ID field. */
	idExample?: string;
};

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * A resource of one integrated account (/unified/user-directory/<path>). Its saved names follow from
 * its display name, one rule for all: "Role Assignment" is `roleAssignment`, its ID field
 * `roleAssignmentId`, its dropdown method `searchRoleAssignments`; singular and plural are the name in
 * lower case (plural with an s) unless the entry says otherwise.
 */
export function unifiedResource({ idExample, ...entry }: UnifiedResourceEntry): ResourceDefinition {
	const [first, ...rest] = words(entry.name);
	const value = entry.value ?? [first.toLowerCase(), ...rest.map(capitalized)].join('');
	const singular = entry.singular ?? entry.name.toLowerCase();
	const plural = entry.plural ?? `${singular}s`;
	return {
		value,
		scope: 'unified',
		singular,
		plural,
		label: (record: IDataObject) => String(record.name ?? record.id),
		integrationFields: [],
		...(idExample === undefined
			? {}
			: { id: { parameter: `${value}Id`, searchMethod: `search${words(plural).map(capitalized).join('')}`, example: `e.g. ${idExample}` } }),
		...entry,
	};
}
