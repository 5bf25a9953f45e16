import type { IDataObject } from 'n8n-workflow';

type QueryValue = IDataObject[keyof IDataObject];

/**
 * Serialises a query object in Truto's bracket style: `a[b]=c` for nested objects and
 * `a[]=x&a[]=y` for arrays. Empty strings, null and undefined are left out so that an
 * unset optional field never reaches the API as `foo=`.
 */
export function toQueryString(query: IDataObject): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) appendPairs(pairs, encodeURIComponent(key), value);
	return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: QueryValue): void {
	if (value === undefined || value === null || value === '') return;
	if (Array.isArray(value)) {
		for (const element of value) appendPairs(pairs, `${key}[]`, element as QueryValue);
		return;
	}
	if (value instanceof Date) {
		pairs.push(`${key}=${encodeURIComponent(value.toISOString())}`);
		return;
	}
	if (typeof value === 'object') {
		for (const [childKey, childValue] of Object.entries(value as IDataObject)) {
			appendPairs(pairs, `${key}[${encodeURIComponent(childKey)}]`, childValue);
		}
		return;
	}
	pairs.push(`${key}=${encodeURIComponent(String(value))}`);
}
