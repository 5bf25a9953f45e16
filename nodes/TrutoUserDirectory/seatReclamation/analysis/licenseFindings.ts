import type { LicenseBook } from '../../estate/licenses';
import { moneyWords, seatCosts } from '../../estate/money';
import { licenseReclaim } from './reclaim';
import { type AccountRef, accountFields, type Finding, type ReclamationSettings } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Unassigned seats, and underused licenses (utilization below the threshold), of an account's paid
 * licenses. One finding per license at most, so no seat is counted twice; licenses bought within the
 * grace period and over-assigned ones (more seats in use than bought: nothing to give back) have none.
 */
export function licenseFindings(book: LicenseBook, account: AccountRef, settings: ReclamationSettings): Finding[] {
	const findings: Finding[] = [];
	const graceStart = settings.now - settings.graceDays * DAY_MS;
	for (const license of book.all()) {
		const { available, assigned, unassigned, utilization } = license.seats;
		if (!license.paid || !unassigned || unassigned <= 0) continue;
		if (license.createdAt !== undefined && license.createdAt > graceStart) continue;
		const underused = utilization !== null && utilization < settings.underusedBelow;
		const kind =
			underused && settings.types.has('underusedLicense') ? 'underused_license' : settings.types.has('unassignedSeats') ? 'unassigned_seats' : undefined;
		if (!kind) continue;
		const costs = seatCosts([{ price: license.price, seats: unassigned }]);
		const money = moneyWords(costs);
		const used = `${assigned} of ${available} seats assigned (${percent(utilization ?? 0)})`;
		findings.push({
			kind,
			title:
				kind === 'underused_license'
					? `${license.name} is ${percent(utilization ?? 0)} used: ${unassigned} of ${available} seats unassigned (${account.name}), ${money}`
					: `${unassigned} unassigned seat${unassigned === 1 ? '' : 's'} of ${license.name} (${account.name}), ${money}`,
			reason:
				kind === 'underused_license'
					? `${used}, below the ${percent(settings.underusedBelow)} threshold: ${unassigned} paid seat${unassigned === 1 ? '' : 's'} nobody holds`
					: `${used}: ${unassigned} paid seat${unassigned === 1 ? '' : 's'} nobody holds`,
			...accountFields(account),
			license_id: license.id,
			license_name: license.name,
			seats_available: available,
			seats_assigned: assigned,
			utilization,
			seats: unassigned,
			...costs,
			...licenseReclaim(assigned, available),
		});
	}
	return findings;
}

/** Licenses with more seats in use than bought (a true-up to expect, not seats to reclaim). */
export function overAssigned(book: LicenseBook): number {
	return book.all().filter(({ seats }) => seats.available !== null && seats.assigned !== null && seats.assigned > seats.available).length;
}
