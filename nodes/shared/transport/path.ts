import type { IDataObject } from 'n8n-workflow';

import { toQueryString } from '../helpers/query';
import { MAX_ID_LENGTH } from './limits';

export const UNIFIED_MODEL = 'user-directory';

/** The path of a unified user-directory call: /unified/user-directory/<resource>[/<id>]. */
export function unifiedPath(resource: string, ...rest: string[]): string[] {
	return ['unified', UNIFIED_MODEL, resource, ...rest];
}

/** Why a value can never be sent as one path segment (an ID), with the fix; undefined when it can. */
export function segmentProblem(raw: string): { message: string; description: string } | undefined {
	const value = String(raw);
	// `.` and `..` would be resolved away by URL parsing and move the request to another path.
	if (value.trim() === '' || value === '.' || value === '..') {
		return {
			message: value.trim() === '' ? 'An ID is empty' : `"${value}" is not a valid ID`,
			description: 'Enter the ID of an existing record, or pick one from the list.',
		};
	}
	if (value.length > MAX_ID_LENGTH) {
		return {
			message: `An ID is ${value.length} characters long; IDs longer than ${MAX_ID_LENGTH} characters are not sent`,
			description: `It begins with "${value.slice(0, 40)}…". Check the expression that gives the ID: it may point at a whole text instead of an ID field.`,
		};
	}
	return undefined;
}

/** Each segment is encoded whole, so an ID with `/`, `?` or `#` can never reach another path. */
export function buildUrl(baseUrl: string, path: string[], query: IDataObject = {}): string {
	const encodedPath = path.map((segment) => encodeURIComponent(String(segment))).join('/');
	const queryString = toQueryString(query);
	return `${baseUrl}/${encodedPath}${queryString ? `?${queryString}` : ''}`;
}
