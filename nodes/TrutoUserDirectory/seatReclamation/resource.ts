import type { ResourceDefinition } from '../../shared/model/types';

/**
 * Seat reclamation across the whole environment: not one Truto path but the licences and users of
 * every integrated account in scope, starting from the environment's account list. Its one operation
 * has its own executor (execution/operations/findReclaimableSeats.ts) and parameters
 * (editor/reclamation.ts).
 */
export const seatReclamation: ResourceDefinition = {
	value: 'seatReclamation',
	name: 'Seat Reclamation',
	scope: 'environment',
	summary:
		'Find paid seats to give back across every connected app at once: unused, never used, unassigned, underused and orphaned, with evidence and monthly cost',
	path: 'integrated-account',
	singular: 'seat',
	plural: 'seats',
	operations: ['findReclaimableSeats'],
	label: (record) => String(record.title ?? record.id),
	integrationFields: [],
};
