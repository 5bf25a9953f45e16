import type { IDataObject } from 'n8n-workflow';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What to do with users that carry neither last_active_at nor last_login_at. */
export type NoActivityChoice = 'exclude' | 'include' | 'only';

/** When a user was last seen: last_active_at, else last_login_at; undefined when neither is a date. */
export function lastSeen(user: IDataObject): number | undefined {
	for (const field of ['last_active_at', 'last_login_at']) {
		const value = user[field];
		if (typeof value !== 'string' || value === '') continue;
		const time = Date.parse(value);
		if (!Number.isNaN(time)) return time;
	}
	return undefined;
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
function count(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * Seats nobody holds: available_quantity − assigned_quantity, never below 0 (an over-assigned
 * license has no unassigned seats); undefined when the app does not report both counts. Every
 * unassigned-seat figure of the package (Seat Utilization, the trigger's threshold) is this one.
 */
export function unassignedSeats(license: IDataObject): number | undefined {
	const available = count(license.available_quantity);
	const assigned = count(license.assigned_quantity);
	return available !== null && assigned !== null ? Math.max(0, available - assigned) : undefined;
}

/** Removes floating-point noise (3 × 19.99) without rounding away a currency's minor units. */
function tidy(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

export function seatUtilization(license: IDataObject): SeatUtilization {
	const available = count(license.available_quantity);
	const assigned = count(license.assigned_quantity);
	const unitAmount = count(license.unit_amount);
	const currency = typeof license.currency === 'string' && license.currency.trim() ? license.currency.trim() : null;
	const unassigned = unassignedSeats(license) ?? null;
	const utilization =
		available !== null && assigned !== null && available > 0 ? tidy(Math.min(1, Math.max(0, assigned / available))) : null;
	const unassignedCost = unassigned !== null && unitAmount !== null && currency !== null ? tidy(unassigned * unitAmount) : null;
	return { available, assigned, unassigned, utilization, unassigned_cost: unassignedCost, currency };
}
