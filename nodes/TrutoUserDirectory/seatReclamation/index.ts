import type { Feature } from '../feature';
import { findReclaimableSeats } from './execute';
import { reclamationProperties } from './parameters';
import { reclaimProperties } from './reclaimParameters';
import { reclaimSeats } from './reclaimSeats';

/**
 * Seat Reclamation: not one Truto path but the licenses and users of every integrated account in
 * scope, read side by side (reviewAccounts.ts, on estate/) and analysed page by page (analysis/).
 */
export const seatReclamation: Feature = {
	value: 'seatReclamation',
	name: 'Seat Reclamation',
	summary:
		'Find paid seats to give back across every connected app at once: unused, never used, unassigned, underused and orphaned, with evidence and monthly cost',
	operations: [
		{
			value: 'findReclaimableSeats',
			name: 'Find Reclaimable Seats',
			action: 'Find reclaimable seats across apps',
			description:
				'Find paid seats to give back across every connected app (or the ones named): unused and never-used seats, unassigned seats, underused licenses and orphaned accounts, each with evidence and monthly cost, plus a summary',
			writes: false,
			properties: reclamationProperties,
			execute: findReclaimableSeats,
		},
		{
			value: 'reclaimSeats',
			name: 'Reclaim Seats',
			action: 'Reclaim seats found across apps',
			description:
				'Act on findings of Find Reclaimable Seats (or account and user IDs): look at each user again, free the seat the way the app supports (deactivate, suspend, status update; delete only when allowed), read it back and say what was seen, with a summary. Dry Run plans without sending.',
			writes: true,
			properties: reclaimProperties,
			execute: async (execution, itemIndex) => (await reclaimSeats(execution, [itemIndex])).map((item) => item.json),
			executeAll: reclaimSeats,
		},
	],
};
