import type { Feature } from '../feature';
import { findReclaimableSeats } from './execute';
import { reclamationProperties } from './parameters';

/**
 * Seat Reclamation: not one Truto path but the licenses and users of every integrated account in
 * scope, read side by side (estate.ts) and analysed page by page (analysis/).
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
	],
};
