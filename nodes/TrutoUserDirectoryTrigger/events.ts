import type { IDataObject } from 'n8n-workflow';

import { unassignedSeats } from '../shared/helpers/seats';
import { license } from '../shared/model/resources/license';
import { user } from '../shared/model/resources/user';
import type { ResourceDefinition } from '../shared/model/types';

/**
 * What the trigger watches, and how one poll's records turn into events. Pure functions of
 * (records, remembered state): the node reads the records and keeps the state. The events
 * themselves are one table, TRIGGER_EVENTS, at the end of this file.
 */

/**
 * Remembered between polls, in the node's static data (saved with the workflow), so kept small:
 * one short string or number per record.
 */
export interface TriggerState {
	/** The event and the list it watches; a different scope starts over with a new baseline. */
	scope: string;
	/** User id → status ('' when the app gives none). Both user events. */
	users?: Record<string, string>;
	/** License id → unassigned seats at the last poll. Only licenses with both seat counts. */
	licenses?: Record<string, number>;
}

export interface Detection {
	events: IDataObject[];
	state: TriggerState;
}

function idOf(record: IDataObject): string | undefined {
	const id = record.id;
	if (id === undefined || id === null || id === '') return undefined;
	return typeof id === 'object' ? JSON.stringify(id) : String(id);
}

/** Records with an id, each id once (the first wins): a record without an id cannot be followed. */
function byId(records: IDataObject[]): Array<[string, IDataObject]> {
	const seen = new Set<string>();
	const result: Array<[string, IDataObject]> = [];
	for (const record of records) {
		const id = idOf(record);
		if (id === undefined || seen.has(id)) continue;
		seen.add(id);
		result.push([id, record]);
	}
	return result;
}

export function userStatus(record: IDataObject): string {
	const status = record.status;
	if (status === undefined || status === null) return '';
	return typeof status === 'object' ? JSON.stringify(status) : String(status);
}

export function userSnapshot(records: IDataObject[]): Record<string, string> {
	const users: Record<string, string> = {};
	for (const [id, record] of byId(records)) users[id] = userStatus(record);
	return users;
}

export function licenseSnapshot(records: IDataObject[]): Record<string, number> {
	const licenses: Record<string, number> = {};
	for (const [id, record] of byId(records)) {
		const unassigned = unassignedSeats(record);
		if (unassigned !== undefined) licenses[id] = unassigned;
	}
	return licenses;
}

/** The state a first poll records: everything there is now counts as seen. */
export function baseline(event: TriggerEvent, scope: string, records: IDataObject[]): TriggerState {
	return event === 'licenseSeatsThreshold'
		? { scope, licenses: licenseSnapshot(records) }
		: { scope, users: userSnapshot(records) };
}

/**
 * The state after a poll. A complete poll replaces the snapshot; a partial one (a page Truto flagged
 * is_partial_response) is merged into it, so a record it missed is not taken for gone and then for
 * new at the next poll.
 */
function nextState(state: TriggerState, snapshot: Pick<TriggerState, 'users' | 'licenses'>, complete: boolean): TriggerState {
	if (complete) return { scope: state.scope, ...snapshot };
	const merged: TriggerState = { scope: state.scope };
	if (snapshot.users) merged.users = { ...state.users, ...snapshot.users };
	if (snapshot.licenses) merged.licenses = { ...state.licenses, ...snapshot.licenses };
	return merged;
}

/** Users whose id was not there at the last poll, in the API's order. */
export function detectNewUsers(records: IDataObject[], state: TriggerState, complete = true): Detection {
	const previous = state.users ?? {};
	const events = byId(records)
		.filter(([id]) => !Object.prototype.hasOwnProperty.call(previous, id))
		.map(([, record]) => record);
	return { events, state: nextState(state, { users: userSnapshot(records) }, complete) };
}

/** Users seen before whose status differs now; each with the status it had (`previous_status`). */
export function detectStatusChanges(records: IDataObject[], state: TriggerState, complete = true): Detection {
	const previous = state.users ?? {};
	const events: IDataObject[] = [];
	for (const [id, record] of byId(records)) {
		if (!Object.prototype.hasOwnProperty.call(previous, id)) continue;
		const before = previous[id];
		if (before === userStatus(record)) continue;
		events.push({ ...record, previous_status: before === '' ? null : before });
	}
	return { events, state: nextState(state, { users: userSnapshot(records) }, complete) };
}

/**
 * Licenses whose unassigned seats went from below `threshold` at the last poll to at least
 * `threshold` now. Remembering the last value gives the hysteresis: a license that stays at or
 * above the threshold fires once; it fires again only after a poll saw it below. A license first
 * seen now (or first reporting seat counts now) has no "before", so it is recorded, not fired.
 */
export function detectThresholdCrossings(records: IDataObject[], state: TriggerState, threshold: number, complete = true): Detection {
	const previous = state.licenses ?? {};
	const events: IDataObject[] = [];
	for (const [id, record] of byId(records)) {
		const now = unassignedSeats(record);
		if (now === undefined || !Object.prototype.hasOwnProperty.call(previous, id)) continue;
		const before = previous[id];
		if (before < threshold && now >= threshold) {
			events.push({ ...record, unassigned_quantity: now, previous_unassigned_quantity: before, threshold });
		}
	}
	return { events, state: nextState(state, { licenses: licenseSnapshot(records) }, complete) };
}

export function detect(
	event: TriggerEvent,
	records: IDataObject[],
	state: TriggerState,
	threshold: number,
	complete = true,
): Detection {
	return triggerEvent(event).detect(records, state, threshold, complete);
}

function time(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const parsed = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The record with the latest value of the first field any record has a date in (so a precise
 * field such as status_changed_at beats a general one such as updated_at); without dates, the
 * last one listed.
 */
function latest(records: IDataObject[], fields: string[]): IDataObject | undefined {
	for (const field of fields) {
		let best: IDataObject | undefined;
		let bestTime = Number.NEGATIVE_INFINITY;
		for (const record of records) {
			const when = time(record[field]);
			if (when !== undefined && when >= bestTime) {
				best = record;
				bestTime = when;
			}
		}
		if (best) return best;
	}
	return records[records.length - 1];
}

/**
 * What "Fetch Test Event" shows: one event shaped like a real one, built from what is there now
 * (the newest user; the user whose status changed last; the license with the most unassigned seats).
 */
export function sampleEvent(event: TriggerEvent, records: IDataObject[], threshold: number): IDataObject | undefined {
	const tracked = byId(records).map(([, record]) => record);
	switch (event) {
		case 'newUser':
			return latest(tracked, ['created_at']);
		case 'userStatusChanged': {
			const user = latest(tracked, ['status_changed_at', 'updated_at']);
			return user && { ...user, previous_status: null };
		}
		case 'licenseSeatsThreshold': {
			let best: IDataObject | undefined;
			let bestSeats = Number.NEGATIVE_INFINITY;
			for (const record of tracked) {
				const seats = unassignedSeats(record);
				if (seats !== undefined && seats > bestSeats) {
					best = record;
					bestSeats = seats;
				}
			}
			return best && { ...best, unassigned_quantity: bestSeats, previous_unassigned_quantity: null, threshold };
		}
	}
}

/** One event the trigger offers: how the editor shows it, the list it reads and how it is detected. */
export interface TriggerEventDefinition {
	/** The Event parameter's value, saved in workflows. */
	value: string;
	/** The option's name in the Event field, also the node's subtitle. */
	name: string;
	description: string;
	/** The list the event reads, every page of it, at every poll. */
	resource: ResourceDefinition;
	/** Events between the remembered state and this poll's records (`threshold` only for seat events). */
	detect(records: IDataObject[], state: TriggerState, threshold: number, complete: boolean): Detection;
}

/**
 * Every event of the trigger, in one table: the Event field's options, the subtitle, the list each
 * event reads and its detection are all derived from it.
 */
export const TRIGGER_EVENTS = [
	{
		value: 'newUser',
		name: 'New User',
		description: 'A user appears that was not there at the last poll',
		resource: user,
		detect: (records, state, _threshold, complete) => detectNewUsers(records, state, complete),
	},
	{
		value: 'userStatusChanged',
		name: 'User Status Changed',
		description: "A known user's status changed (e.g. active → inactive); the item carries previous_status",
		resource: user,
		detect: (records, state, _threshold, complete) => detectStatusChanges(records, state, complete),
	},
	{
		value: 'licenseSeatsThreshold',
		name: 'License Seats Threshold Reached',
		description:
			"A license's unassigned seats (available minus assigned) rise from below the threshold to at least the threshold",
		resource: license,
		detect: detectThresholdCrossings,
	},
] as const satisfies readonly TriggerEventDefinition[];

export type TriggerEvent = (typeof TRIGGER_EVENTS)[number]['value'];

/** Whether a saved Event value is one of the table's. */
export function isTriggerEvent(value: unknown): value is TriggerEvent {
	return TRIGGER_EVENTS.some((entry) => entry.value === value);
}

/** The table's entry of an event. */
export function triggerEvent(event: TriggerEvent): TriggerEventDefinition {
	return TRIGGER_EVENTS.find((entry) => entry.value === event) as TriggerEventDefinition;
}

/** The events that read a resource. */
export function eventsReading(resource: ResourceDefinition): TriggerEvent[] {
	return TRIGGER_EVENTS.filter((entry) => entry.resource === resource).map((entry) => entry.value);
}
