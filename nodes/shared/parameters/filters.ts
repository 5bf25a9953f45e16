import type { IDataObject } from 'n8n-workflow';

import type { ListFilters } from '../model/types';
import { inputError, type ItemLocation } from './itemLocation';

/** Date.parse rolls 2026-02-30 over to 2 March; a date that does not exist is refused instead. */
function isCalendarDate(value: string): boolean {
	const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	if (!parts) return true;
	const [year, month, day] = parts.slice(1).map(Number);
	const probe = new Date(Date.UTC(year, month - 1, day));
	return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A Filters collection as query parameters: plain values, or range operators for dates. */
export function filterQuery(location: ItemLocation, filters: ListFilters, raw: IDataObject): IDataObject {
	const query: IDataObject = {};
	for (const [field, value] of Object.entries(raw)) {
		const target = filters.targets[field];
		if (!target || value === undefined || value === null || value === '') continue;
		if (typeof value === 'object') {
			throw inputError(location, `The filter "${field}" must be text, not an object`, 'Check the expression used in this filter.');
		}
		let text = String(value).trim();
		if (target.date) {
			const time = Date.parse(text);
			if (Number.isNaN(time) || !isCalendarDate(text)) {
				throw inputError(
					location,
					`The filter "${field}" is not a valid date: "${text}"`,
					'Use an ISO 8601 date such as 2026-01-31 or 2026-01-31T12:00:00Z.',
				);
			}
			text = new Date(time).toISOString();
		}
		for (const name of [target.name, ...(target.alternatives ?? [])]) {
			if (target.operator) {
				const range = (query[name] as IDataObject | undefined) ?? {};
				range[target.operator] = text;
				query[name] = range;
			} else {
				query[name] = text;
			}
		}
	}
	return query;
}
