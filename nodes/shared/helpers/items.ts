import type { IDataObject } from 'n8n-workflow';

/**
 * Turns any JSON answer into item payloads: an array gives one record per element, an object
 * gives one record, and a bare value (string, number, boolean) is wrapped so that n8n still
 * receives an object. Raw-format answers are the provider's own shape, so every case occurs.
 */
export function toRecords(body: unknown): IDataObject[] {
	if (body === undefined || body === null || body === '') return [];
	if (Array.isArray(body)) return body.map(toRecord);
	return [toRecord(body)];
}

function toRecord(value: unknown): IDataObject {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	return { value: value as IDataObject[keyof IDataObject] };
}
