import type { IDisplayOptions, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { listNames } from '../helpers/text';
import { inputError, type ItemLocation } from './itemLocation';

/**
 * Helpers that read a parameter from the one property that defines it: its default when the value is
 * missing, its listed values as the only ones allowed, its minimum and maximum as the range. A
 * parameter's editor property is then the single statement of those facts. Builders for the shapes
 * that recur (a number with a range, a choice, a list of rows) write each such property in one line
 * of facts; test/nodes/propertyConventions.test.ts holds what they build to n8n's lint rules.
 */

/** The values a property of type options / multiOptions allows. */
export function allowedValues(property: INodeProperties): string[] {
	return (property.options ?? []).flatMap((option) => ('value' in option ? [String(option.value)] : []));
}

/** One of the property's listed values, or an error that names them. */
export function readChoice<T extends string>(location: ItemLocation, property: INodeProperties, raw: unknown): T {
	const value = raw === undefined || raw === null || raw === '' ? property.default : raw;
	const allowed = allowedValues(property);
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw inputError(
			location,
			`${property.displayName} must be ${listNames(allowed, 'or')}, not ${JSON.stringify(value)}`,
			`Choose ${property.displayName} from the list.`,
		);
	}
	return value as T;
}

/** A number parameter of at least `minValue` (and at most `maxValue`): the range readNumber holds an item to. */
export function numberProperty(
	field: { displayName: string; name: string; default: number; minValue: number; maxValue?: number },
	description: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	const { displayName, name, minValue, maxValue } = field;
	const typeOptions = maxValue === undefined ? { minValue } : { minValue, maxValue };
	const property: INodeProperties = { displayName, name, type: 'number', default: 0, typeOptions, description, ...(displayOptions ? { displayOptions } : {}) };
	property.default = field.default;
	return property;
}

/** An options parameter: one of `choices`, `default` among them. */
export function optionsProperty(
	field: { displayName: string; name: string; default: string },
	choices: INodePropertyOptions[],
	description: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	const { displayName, name } = field;
	const property: INodeProperties = { displayName, name, type: 'options', default: '', options: choices, description, ...(displayOptions ? { displayOptions } : {}) };
	property.default = field.default;
	return property;
}

/** Rows the user adds one by one (a fixedCollection with multiple values): `row` names a row, `fields` are its fields. */
export function rowsProperty(
	field: { displayName: string; name: string; placeholder: string },
	description: string,
	row: Omit<INodePropertyCollection, 'values'>,
	fields: INodeProperties[],
): INodeProperties {
	const { displayName, name, placeholder } = field;
	return { displayName, name, type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder, description, options: [{ ...row, values: fields }] };
}

/** A number within the property's minValue / maxValue; the property's default when none is given. */
export function readNumber(location: ItemLocation, property: INodeProperties, raw: unknown, fix: string): number {
	const given = raw === undefined || raw === null || raw === '' ? property.default : raw;
	const value = typeof given === 'string' && given.trim() !== '' ? Number(given) : given;
	const min = property.typeOptions?.minValue as number | undefined;
	const max = property.typeOptions?.maxValue as number | undefined;
	if (typeof value !== 'number' || !Number.isFinite(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
		const range = max === undefined ? `of at least ${min ?? 0}` : `from ${min ?? 0} to ${max}`;
		throw inputError(location, `${property.displayName} must be a number ${range}, not ${JSON.stringify(raw)}`, fix);
	}
	return value;
}

/** A list given as a list, or as text separated by commas, semicolons or line breaks; trimmed, no repeats. */
export function listOf(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((entry) => String(entry ?? '')) : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}
