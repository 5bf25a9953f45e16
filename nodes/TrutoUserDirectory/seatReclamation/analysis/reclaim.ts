import type { IDataObject } from 'n8n-workflow';

import { freesSeatOf, reclaimEntry } from '../../actions/support';
import type { ReclaimSupport } from './types';

export { reclaimSupport, RECLAIM_ACTIONS, updateAcceptsStatus } from '../../actions/support';

/**
 * How a user's seat can be given back, as a finding's fields: the suggested action (`reclaim_action`,
 * null when nothing the app supports frees the seat), every such action, how to do it with this node,
 * whether it is irreversible and how to undo it, and a note when it must be done by hand. The account
 * and user IDs an action needs are the finding's `account_id` and `user_id`.
 */
export function userReclaim(support: ReclaimSupport, user: IDataObject): IDataObject {
	const actions = support.actions.filter((action) => freesSeatOf(action, user.status));
	const suggested = actions[0] ?? null;
	const entry = suggested ? reclaimEntry(suggested) : undefined;
	let note: string | null = null;
	if (support.actions.length && support.actions.length !== actions.length) {
		note = `The user is already ${String(user.status)} in the app but still holds paid seats: deactivating again frees nothing. Unassign the license in the app${suggested ? ', or delete the user (irreversible)' : ''}.`;
	} else if (!suggested) note = support.note ?? 'Nothing this app offers through Truto frees the seat: reclaim it by hand in the app.';
	else if (entry?.irreversible) note = 'The only way through Truto is to delete the user, which cannot be undone.';
	return {
		reclaim_action: suggested,
		reclaim_actions: actions.join(', '),
		reclaim_how: entry?.how ?? null,
		reclaim_irreversible: entry ? entry.irreversible : null,
		reclaim_undo: entry?.undo ?? null,
		// Kept for workflows that read them; no group is known to grant a license (see actions/support.ts).
		reclaim_group_id: null,
		reclaim_group_name: null,
		reclaim_note: note,
	};
}

/** Seats nobody holds are given back to the vendor, not through Truto: at the next renewal. */
export function licenseReclaim(assigned: number | null, available: number | null): IDataObject {
	// Renewal sizing as SaaS-management platforms do it: the seats in use plus a 10 % buffer.
	const recommended = assigned === null ? null : Math.ceil(assigned * 1.1);
	return {
		reclaim_action: null,
		recommended_seats: recommended !== null && available !== null && recommended < available ? recommended : null,
		reclaim_note: "Lower the seat count with the vendor (at renewal, or in the app's billing settings).",
	};
}
