import type { IDataObject, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import { titleOf } from '../helpers/text';
import { BODY_FIELDS, isNodeQuery, JSON_BODY, QUERY_FIELDS } from '../model/naming';
import { inputError, type Place } from './itemLocation';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * The values entered in a resource mapper (Integration Parameters, Fields). n8n has already converted
 * them to the field types; a JSON field (array/object) that arrives as text is parsed here, naming the
 * field when it is not valid JSON. Empty fields are not sent.
 */
function mapperValues(
	place: Place,
	area: { displayName: string },
	mapper: Partial<ResourceMapperValue> | null | undefined,
	skip: (name: string) => boolean,
): IDataObject {
	const value = mapper?.value;
	if (!value || typeof value !== 'object') return {};
	const schema = Array.isArray(mapper?.schema) ? (mapper.schema as ResourceMapperField[]) : [];
	const types = new Map(schema.map((field) => [field.id, field.type]));
	const result: IDataObject = {};
	for (const [name, raw] of Object.entries(value)) {
		if (isEmpty(raw) || skip(name)) continue;
		const type = types.get(name);
		if ((type === 'array' || type === 'object') && typeof raw === 'string') {
			try {
				result[name] = JSON.parse(raw) as IDataObject;
			} catch {
				throw inputError(
					place,
					`${area.displayName} → ${titleOf(name)} is not valid JSON`,
					`Enter ${type === 'array' ? 'a JSON list such as ["a", "b"]' : 'a JSON object such as {"key": "value"}'} for ${name}.`,
				);
			}
			continue;
		}
		result[name] = raw as IDataObject[keyof IDataObject];
	}
	return result;
}

/** The Integration Parameters of one item (never the ones the node sends itself). */
export function dynamicQuery(place: Place, mapper: Partial<ResourceMapperValue> | null | undefined): IDataObject {
	return mapperValues(place, QUERY_FIELDS, mapper, isNodeQuery);
}

function rawJsonBody(place: Place, raw: unknown): IDataObject {
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			throw inputError(
				place,
				`${JSON_BODY.displayName} is not valid JSON`,
				`${(error as Error).message}. Enter a JSON object such as {"title": "Engineer"}.`,
			);
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(
			place,
			`${JSON_BODY.displayName} must be a JSON object`,
			`It is ${Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}. Enter an object such as {"title": "Engineer"}.`,
		);
	}
	return parsed as IDataObject;
}

/**
 * The body of a write: Raw JSON Body, then the mapped Fields on top (a field chosen from the
 * integration's list wins over the same key typed as raw JSON), then the named references.
 */
export function writeBody(
	place: Place,
	given: { fields: Partial<ResourceMapperValue> | null | undefined; json: unknown; references: IDataObject },
): IDataObject {
	return { ...rawJsonBody(place, given.json), ...mapperValues(place, BODY_FIELDS, given.fields, () => false), ...given.references };
}
