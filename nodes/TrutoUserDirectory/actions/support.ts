import { isGone } from '../../shared/helpers/seats';
import type { Capabilities, MethodMeta } from '../../shared/transport';

/**
 * What frees a user's seat through Truto, shared by every feature that acts on seats (Seat
 * Reclamation → Find and Reclaim, and later offboarding).
 */

/**
 * How a finding can be acted on, from what Truto says the app supports: Truto's custom deactivate or
 * suspend method, a status update to "inactive", or delete. (`removeFromGroup`, suggested by earlier
 * versions, is no longer: no group is known to grant a license.)
 */
export type ReclaimAction = 'deactivate' | 'suspend' | 'setInactive' | 'delete';

/** What the app behind an account lets the node do about a seat. */
export interface ReclaimSupport {
	actions: ReclaimAction[];
	/** Why nothing can be done through Truto (a read-only sandbox account), when so. */
	note?: string;
}

/**
 * How a seat can be given back through Truto, in the order the node suggests them: what the account
 * supports *and* frees the seat, reversible first, delete last. Removal from a group is not among them:
 * Truto's unified schema documents no link between a group and the license it grants (a license's
 * `roles[]` are "valid roles for the license", not groups), so removing someone from a group is not
 * known to free any seat.
 */
export const RECLAIM_ACTIONS: Array<{ action: ReclaimAction; how: string; undo: string; irreversible: boolean }> = [
	{
		action: 'deactivate',
		how: 'User → Deactivate (Truto: POST users/deactivate)',
		undo: 'Reactivate the user in the app (Truto lists no reactivate method)',
		irreversible: false,
	},
	{
		action: 'suspend',
		how: 'User → Suspend (Truto: POST users/suspend)',
		undo: 'Unsuspend the user in the app (Truto lists no unsuspend method)',
		irreversible: false,
	},
	{
		action: 'setInactive',
		how: 'User → Update with status "inactive"',
		undo: 'User → Update with the previous status (e.g. "active")',
		irreversible: false,
	},
	{ action: 'delete', how: 'User → Delete (irreversible)', undo: 'Cannot be undone: create the user again, their data in the app is gone', irreversible: true },
];

export const reclaimEntry = (action: ReclaimAction): (typeof RECLAIM_ACTIONS)[number] | undefined => RECLAIM_ACTIONS.find((entry) => entry.action === action);

/** Whether the account's users update metadata takes a `status` field that can say "inactive". */
export function updateAcceptsStatus(meta: MethodMeta | undefined): boolean {
	const status = meta?.body?.find((field) => field.name === 'status');
	if (!status) return false;
	return !status.enum || status.enum.length === 0 || status.enum.includes('inactive');
}

/**
 * What the app behind an account lets the node do to free a user's seat: Truto's custom deactivate and
 * suspend methods where the capabilities list them; a status update only where the account's users
 * update metadata accepts a status field; delete where listed. Without capabilities (Truto could not
 * say) nothing is suggested.
 */
export function reclaimSupport(capabilities: Capabilities | undefined, readOnly: boolean, updateMeta?: MethodMeta): ReclaimSupport {
	if (readOnly) {
		return { actions: [], note: 'This is a Truto sandbox account, which is read-only: reclaim the seat in the app itself.' };
	}
	if (!capabilities) {
		return { actions: [], note: "Truto could not say what this app supports (its capabilities did not answer): reclaim the seat by hand in the app." };
	}
	const methods = capabilities.get('users') ?? [];
	const actions: ReclaimAction[] = [];
	if (methods.includes('deactivate')) actions.push('deactivate');
	if (methods.includes('suspend')) actions.push('suspend');
	if (methods.includes('update') && updateAcceptsStatus(updateMeta)) actions.push('setInactive');
	if (methods.includes('delete')) actions.push('delete');
	return actions.length
		? { actions }
		: { actions, note: 'Truto lists nothing for this app that frees a seat (no deactivate, suspend, status update or delete of users): reclaim it by hand in the app.' };
}

/** Whether an action can free the seat of a user with this status: one already gone is not deactivated again. */
export function freesSeatOf(action: ReclaimAction, status: unknown): boolean {
	return action === 'delete' || !isGone(status);
}

