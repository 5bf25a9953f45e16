import type { INodeProperties } from 'n8n-workflow';

import { titleOf } from '../helpers/text';
import type { FilterTarget, ListFilters } from './types';

/** One filter of a Filters collection: its editor field and where its value is sent, side by side. */
export interface FilterField {
	property: INodeProperties;
	target: FilterTarget;
}

/** A text filter sent as `sendAs` (or with other names integrations use: `alternatives`). */
export function textFilter(
	displayName: string,
	name: string,
	target: FilterTarget,
	extra: Pick<INodeProperties, 'description' | 'placeholder'> = {},
): FilterField {
	return { property: { displayName, name, type: 'string', default: '', ...extra }, target };
}

/** Truto's values as choices named in title case (needs_reauth → Needs Reauth), listed by name. */
export function titledChoices(values: string[]): Array<{ name: string; value: string }> {
	return values.map((value) => ({ name: titleOf(value), value })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A filter with fixed values (listed alphabetically), `initial` chosen when it is added. */
export function choiceFilter(
	displayName: string,
	name: string,
	target: FilterTarget,
	initial: string,
	values: Array<{ name: string; value: string }>,
	extra: Pick<INodeProperties, 'description'> = {},
): FilterField {
	const property: INodeProperties = { displayName, name, type: 'options', default: '', options: values, ...extra };
	property.default = initial;
	return { property, target };
}

/**
 * "Created After" and "Created Before" (or Updated …): a moment sent as the field's range operators,
 * `created_at[gt]` and `created_at[lt]`, in ISO 8601.
 */
export function dateRangeFilters(field: 'created_at' | 'updated_at', records: string): FilterField[] {
	const [word, verb] = field === 'created_at' ? ['Created', 'created'] : ['Updated', 'changed'];
	return (['gt', 'lt'] as const).map((operator) => {
		const [side, moment] = operator === 'gt' ? ['After', 'after'] : ['Before', 'before'];
		return {
			property: {
				displayName: `${word} ${side}`,
				name: `${word.toLowerCase()}${side}`,
				type: 'dateTime',
				default: '',
				description: `Only ${records} ${verb} ${moment} this moment (sent as ${field}[${operator}])`,
			},
			target: { name: field, operator, date: true },
		};
	});
}

/** A Filters collection from its fields: the editor's collection (sorted as n8n's linter wants) and the targets. */
export function filtersOf(description: string, fields: FilterField[]): ListFilters {
	return {
		property: {
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description,
			options: fields.map((field) => field.property).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		targets: Object.fromEntries(fields.map((field) => [field.property.name, field.target])),
	};
}
