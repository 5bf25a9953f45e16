import type { IDataObject } from 'n8n-workflow';

import { lastSeen } from './seats';

/** Small pure helpers for the short forms of records (Output → Simplified). */

/** The names of a list of references ({ id, name }), in order; entries without a name give their ID. */
export function namesOf(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((entry) => (entry && typeof entry === 'object' ? ((entry as IDataObject).name ?? (entry as IDataObject).id) : entry))
		.filter((name) => name !== undefined && name !== null && name !== '')
		.map(String);
}

/** When the user was last seen, as the app reported it (last_active_at, else last_login_at); null when never. */
export function lastSeenAt(user: IDataObject): string | null {
	const seen = lastSeen(user);
	return seen === undefined ? null : new Date(seen).toISOString();
}

/** The fields of `record` named in `fields`, in that order; missing ones are left out. */
export function pickFields(record: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in record) picked[field] = record[field];
	return picked;
}

/** `value` when it is given, else null: short forms keep their shape whatever the app fills in. */
export function orNull(value: unknown): IDataObject[keyof IDataObject] {
	return value === undefined ? null : (value as IDataObject[keyof IDataObject]);
}
