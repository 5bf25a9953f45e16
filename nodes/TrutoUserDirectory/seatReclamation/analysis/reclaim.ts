import type { IDataObject } from 'n8n-workflow';

import type { Capabilities } from '../../../shared/transport';
import type { ReclaimAction, ReclaimSupport } from './types';

/**
 * How a seat can be given back through Truto, in the order the node suggests them: deactivating the
 * user keeps their data and can be undone; removing them from a group frees seats that group grants;
 * deleting is final. Each only where the app's capabilities list it.
 */
const ACTIONS: Array<{ action: ReclaimAction; resource: string; method: string; how: string }> = [
	{ action: 'deactivate', resource: 'users', method: 'update', how: 'User → Update with status "inactive"' },
	{ action: 'removeFromGroup', resource: 'groups', method: 'remove-user', how: 'Group → Remove User' },
	{ action: 'delete', resource: 'users', method: 'delete', how: 'User → Delete' },
];

/**
 * What the app behind an account lets the node do about a user's seat. Without capabilities (Truto
 * could not say) every action is offered: the write itself will report what the app refuses.
 */
export function reclaimSupport(capabilities: Capabilities | undefined, readOnly: boolean): ReclaimSupport {
	if (readOnly) {
		return { actions: [], note: 'This is a Truto sandbox account, which is read-only: reclaim the seat in the app itself.' };
	}
	const actions = ACTIONS.filter(({ resource, method }) => !capabilities || (capabilities.get(resource) ?? []).includes(method)).map(
		({ action }) => action,
	);
	return actions.length ? { actions } : { actions, note: 'Truto lists no way to deactivate, delete or ungroup users of this app: reclaim the seat in the app itself.' };
}

/**
 * How a user's seat can be given back, as a finding's fields: the suggested action (`reclaim_action`,
 * null when the app supports none), every action the app supports (group removal only for a user in
 * groups), how to do it with this node, and the group to remove the user from. The account and user
 * IDs an action needs are the finding's `account_id` and `user_id`.
 */
export function userReclaim(support: ReclaimSupport, user: IDataObject): IDataObject {
	const groups = (Array.isArray(user.groups) ? (user.groups as IDataObject[]) : []).filter(
		(group) => group && group.id !== undefined && group.id !== null,
	);
	const actions = support.actions.filter((action) => action !== 'removeFromGroup' || groups.length > 0);
	const suggested = actions[0] ?? null;
	return {
		reclaim_action: suggested,
		reclaim_actions: actions.join(', '),
		reclaim_how: suggested ? (ACTIONS.find((entry) => entry.action === suggested)?.how ?? null) : null,
		reclaim_group_id: groups.length ? String(groups[0].id) : null,
		reclaim_group_name: groups.length && typeof groups[0].name === 'string' ? groups[0].name : null,
		...(support.note && !suggested ? { reclaim_note: support.note } : {}),
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
