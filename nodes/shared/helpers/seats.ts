import type { IDataObject } from 'n8n-workflow';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What to do with users that carry neither last_active_at nor last_login_at. */
export type NoActivityChoice = 'exclude' | 'include' | 'only';

/** When a user was last seen: last_active_at, else last_login_at; undefined when neither is a date. */
export function lastSeen(user: IDataObject): number | undefined {
	return dateOf(user.last_active_at) ?? dateOf(user.last_login_at);
}

/** A date field as a time, undefined when it is missing or not a date. */
export function dateOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : time;
}

/** Whole days from `time` to `now` (0 for a time in the future). */
export function daysSince(time: number, now: number): number {
	return Math.max(0, Math.floor((now - time) / DAY_MS));
}

/**
 * When a user last used one license: the license entry's own `last_active_at` (Truto's
 * `licenses[].last_active_at`) when the app reports it, else when the user was last seen at all.
 */
export function seatLastSeen(user: IDataObject, heldLicense: IDataObject): number | undefined {
	return dateOf(heldLicense.last_active_at) ?? lastSeen(user);
}

/** The user's primary email (`is_primary`, else the first), as written; undefined without one. */
export function primaryEmail(user: IDataObject): string | undefined {
	const emails = Array.isArray(user.emails) ? (user.emails as IDataObject[]) : [];
	const email = (emails.find((entry) => entry?.is_primary === true) ?? emails[0])?.email;
	return typeof email === 'string' && email.trim() ? email.trim() : undefined;
}

/**
 * The test for "inactive for at least `days` days" at `now`: last seen `days` × 24 h ago or earlier.
 * Users without activity data are kept, dropped, or the only ones kept, as chosen.
 */
export function inactiveSince(days: number, noActivity: NoActivityChoice, now: number): (user: IDataObject) => boolean {
	const cutoff = now - days * DAY_MS;
	return (user) => {
		const seen = lastSeen(user);
		if (seen === undefined) return noActivity !== 'exclude';
		return noActivity !== 'only' && seen <= cutoff;
	};
}

export interface SeatUtilization {
	/** Seats that can be assigned (available_quantity). */
	available: number | null;
	/** Seats in use (assigned_quantity). */
	assigned: number | null;
	/** available − assigned, never below 0. */
	unassigned: number | null;
	/** assigned / available between 0 and 1; null without seat counts or with no seats. */
	utilization: number | null;
	/** unassigned × unit_amount when the license has a price and a currency. */
	unassigned_cost: number | null;
	currency: string | null;
}

/** A seat count or price as a number; apps send numbers or numeric texts, anything else is unknown. */
export function numberOrNull(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * Seats nobody holds: available_quantity − assigned_quantity, never below 0 (an over-assigned
 * license has no unassigned seats); undefined when the app does not report both counts. Every
 * unassigned-seat figure of the package (Seat Utilization, the trigger's threshold) is this one.
 */
export function unassignedSeats(license: IDataObject): number | undefined {
	const available = numberOrNull(license.available_quantity);
	const assigned = numberOrNull(license.assigned_quantity);
	return available !== null && assigned !== null ? Math.max(0, available - assigned) : undefined;
}

/** Removes floating-point noise (3 × 19.99) without rounding away a currency's minor units. */
export function tidy(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

export function seatUtilization(license: IDataObject): SeatUtilization {
	const available = numberOrNull(license.available_quantity);
	const assigned = numberOrNull(license.assigned_quantity);
	const unitAmount = numberOrNull(license.unit_amount);
	const currency = typeof license.currency === 'string' && license.currency.trim() ? license.currency.trim() : null;
	const unassigned = unassignedSeats(license) ?? null;
	const utilization =
		available !== null && assigned !== null && available > 0 ? tidy(Math.min(1, Math.max(0, assigned / available))) : null;
	const unassignedCost = unassigned !== null && unitAmount !== null && currency !== null ? tidy(unassigned * unitAmount) : null;
	return { available, assigned, unassigned, utilization, unassigned_cost: unassignedCost, currency };
}

/** Statuses that mean a user is gone (unified values and the raw ones apps use when unmapped). */
const GONE_STATUSES = new Set(['inactive', 'deleted', 'suspended', 'deprovisioned', 'disabled', 'deactivated', 'archived', 'terminated']);

/** Whether a status means the user is gone (deactivated, suspended, deleted …); a missing status is not proof of anything. */
export function isGone(status: unknown): boolean {
	return typeof status === 'string' && GONE_STATUSES.has(status.trim().toLowerCase());
}
