import type { IDataObject } from 'n8n-workflow';

import { isGone } from '../../shared/helpers/seats';
import { findResource } from '../../shared/model/resources';
import type { ResourceDefinition } from '../../shared/model/types';
import { type AccountInfo, unifiedPath } from '../../shared/transport';
import { readAssignedSeats, readUser, type ReadScope, type UserRead } from './readBack';
import { type ActingResult, type ActionCall, describeCall, failedOnThrow, sendAction, type UserTarget } from './engine';
import { freesSeatOf, reclaimEntry, type ReclaimAction, reclaimSupport } from './support';

/**
 * The action engine: plan → act → read back, for one user's seat in one integrated account. Nothing is
 * reported done unless it was seen done: after the write, the user (and, where the user record does
 * not list licenses, the licenses) are read again, and the outcome says what was seen.
 */

export type SeatOutcome = 'reclaimed' | 'not_verified' | 'still_assigned' | 'failed' | 'skipped' | 'planned';

/** Every outcome, in the order a summary counts them. */
export const SEAT_OUTCOMES: SeatOutcome[] = ['reclaimed', 'not_verified', 'still_assigned', 'failed', 'skipped', 'planned'];

export interface SeatTarget extends UserTarget {
	/** The licenses whose seats are to be freed; empty: every license the user holds now (or the account itself in an app without licenses). */
	licenseIds: string[];
	/** The action asked for (a finding's reclaim_action); undefined: the first that frees the seat. */
	action?: string | null;
	/** Delete cannot be undone: only when allowed. */
	allowDelete: boolean;
	/** Why the user, as seen now, must be left alone (active again, exempt); undefined to go on. */
	skipWhen?: (user: IDataObject) => string | undefined;
	/** The fresh look at the user, when the caller started it already (readUser); undefined: made here. */
	look?: Promise<UserRead>;
}

export interface SeatResult extends ActingResult<SeatOutcome> {
	action: ReclaimAction | null;
	/** The write as sent (or, on a dry run, as it would be): "POST /unified/user-directory/users/deactivate { user_id }". */
	request: string | null;
	idempotency_key: string | null;
	previous_status: string | null;
	status_now: string | null;
	/** License IDs held before and after (comma-separated), as the user record says. */
	licenses_before: string | null;
	licenses_after: string | null;
	irreversible: boolean | null;
}

const USER = findResource('user') as ResourceDefinition;
const GROUP = findResource('group') as ResourceDefinition;

/** The write of an action on a user: Truto's custom method, a status update, or delete. */
export function callFor(action: ReclaimAction, userId: string): ActionCall {
	if (action === 'deactivate' || action === 'suspend') return { resource: USER, operation: action, method: 'POST', path: unifiedPath('users', action), body: { user_id: userId } };
	if (action === 'setInactive') return { resource: USER, operation: 'update', method: 'PATCH', path: unifiedPath('users', userId), body: { status: 'inactive' } };
	return { resource: USER, operation: 'delete', method: 'DELETE', path: unifiedPath('users', userId) };
}

/** Taking a user out of a group: Truto's custom method POST groups/remove-user, both IDs in the body (as Group → Remove User sends it). */
export function groupRemovalCall(groupId: string, userId: string): ActionCall {
	return { resource: GROUP, operation: 'removeUser', method: 'POST', path: unifiedPath('groups', 'remove-user'), body: { group_id: groupId, user_id: userId } };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The license IDs a user record lists; undefined when it lists none at all (the app does not say). */
function heldLicenses(user: IDataObject): string[] | undefined {
	if (!Array.isArray(user.licenses)) return undefined;
	return (user.licenses as IDataObject[]).filter((entry) => entry && entry.id !== undefined && entry.id !== null).map((entry) => String(entry.id));
}

const joined = (ids: string[] | undefined): string | null => (ids === undefined ? null : ids.join(', '));

/** A seat's outcome with every field present, null where it does not apply. */
export function seatResult(outcome: SeatOutcome, reason: string, extra: Partial<SeatResult> = {}): SeatResult {
	return {
		outcome,
		reason,
		action: null,
		request: null,
		idempotency_key: null,
		previous_status: null,
		status_now: null,
		licenses_before: null,
		licenses_after: null,
		undo: null,
		irreversible: null,
		error: null,
		hint: null,
		...extra,
	};
}

/**
 * One seat: a fresh look at the user, the plan, then (unless a dry run) the write with an
 * Idempotency-Key and the read-back. Never throws: every failure is a `failed` result with the
 * transport's message and hint, so one seat never stops the others.
 */
export async function reclaimSeat(scope: ReadScope, account: AccountInfo, target: SeatTarget): Promise<SeatResult> {
	return await failedOnThrow(
		() => reclaim(scope, account, target),
		(message) => seatResult('failed', 'The seat could not be reclaimed', message),
	);
}

async function reclaim(scope: ReadScope, account: AccountInfo, target: SeatTarget): Promise<SeatResult> {
	const { accountId, userId } = target;
	// 1. A fresh look at the user: the finding may be old.
	const before = await (target.look ?? readUser(scope, accountId, userId));
	if (before.state === 'gone') return seatResult('skipped', `${account.integration} no longer has this user: no seat left to reclaim`);
	if (before.state === 'unreadable') return seatResult('skipped', `The user could not be looked at before acting (${before.why}), so nothing was sent`);
	const user = before.user;
	const previousStatus = text(user.status);
	const heldBefore = heldLicenses(user);
	const seen = { previous_status: previousStatus, licenses_before: joined(heldBefore) };
	const skip = target.skipWhen?.(user);
	if (skip) return seatResult('skipped', skip, seen);
	const wanted = target.licenseIds.length ? target.licenseIds : (heldBefore ?? []);
	if (heldBefore && target.licenseIds.length && !wanted.some((id) => heldBefore.includes(id))) {
		return seatResult('skipped', `Already free: the user no longer holds ${target.licenseIds.join(', ')}`, seen);
	}

	// 2. The plan: what this account supports now that frees this user's seat.
	const capabilities = await scope.metadata.capabilities(accountId);
	const updateMeta = capabilities?.get('users')?.includes('update') ? await scope.metadata.meta(accountId, 'users', 'update') : undefined;
	const support = reclaimSupport(capabilities, account.isSandbox, updateMeta);
	const possible = support.actions.filter((action) => freesSeatOf(action, user.status));
	const asked = target.action ?? undefined;
	if (asked && !possible.includes(asked as ReclaimAction)) {
		const why = support.actions.includes(asked as ReclaimAction)
			? `the user is already ${String(user.status)}: doing it again frees nothing; unassign the license in the app`
			: `${account.integration} does not support it through Truto now`;
		return seatResult('skipped', `The finding's action "${asked}" was not sent: ${why}`, seen);
	}
	const action = (asked as ReclaimAction | undefined) ?? possible[0];
	if (!action) {
		const note = possible.length === support.actions.length ? support.note : `The user is already ${String(user.status)} but still holds paid seats: deactivating again frees nothing`;
		return seatResult('skipped', `${note ?? 'Nothing this app offers through Truto frees the seat'}; reclaim it by hand in the app`, seen);
	}
	const entry = reclaimEntry(action);
	const call = callFor(action, userId);
	const planned = { ...seen, action, request: describeCall(call), undo: entry?.undo ?? null, irreversible: entry?.irreversible ?? null };
	if (action === 'delete' && !target.allowDelete) {
		return seatResult('skipped', 'The only action that frees this seat is delete, which cannot be undone: switch on Options → Allow Delete to send it', planned);
	}
	// Where the user record lists no licenses, the licenses' seat counts are the evidence.
	const countsBefore = heldBefore === undefined ? await seatCounts(scope, accountId, wanted) : undefined;
	if (target.dryRun) return seatResult('planned', `Dry run: would send ${planned.request}; nothing was sent`, planned);

	// 3. Act: checked like every call of the node, sent once with an Idempotency-Key.
	const written = await sendAction(scope, accountId, call);
	if (!written.ok) {
		const { error, hint } = written;
		if (!written.sent) return seatResult('failed', 'Refused before sending: nothing was sent', { ...planned, error, hint });
		return seatResult('failed', `${account.integration} refused the ${action}`, { ...planned, idempotency_key: written.idempotency_key, error, hint });
	}
	const sent = { ...planned, idempotency_key: written.idempotency_key };

	// 4. Read back, and say what was seen.
	return await verify(scope, account, target, { action, wanted, heldBefore, countsBefore, sent });
}

async function seatCounts(scope: ReadScope, accountId: string, licenseIds: string[]): Promise<Map<string, number | string>> {
	const counts = new Map<string, number | string>();
	for (const id of licenseIds) counts.set(id, await readAssignedSeats(scope, accountId, id));
	return counts;
}

async function verify(
	scope: ReadScope,
	account: AccountInfo,
	target: SeatTarget,
	done: { action: ReclaimAction; wanted: string[]; heldBefore?: string[]; countsBefore?: Map<string, number | string>; sent: Partial<SeatResult> },
): Promise<SeatResult> {
	const { action, wanted, sent } = done;
	const after: UserRead = await readUser(scope, target.accountId, target.userId);
	const accepted = `${account.integration} accepted the ${action}`;
	if (after.state === 'gone') return seatResult('reclaimed', `${accepted}; read back, the app no longer has this user`, { ...sent, status_now: null, licenses_after: '' });
	if (after.state === 'unreadable') {
		return seatResult('not_verified', `${accepted}, but the result could not be verified: ${after.why}`, sent);
	}
	const statusNow = text(after.user.status);
	const heldAfter = heldLicenses(after.user);
	const seen = { ...sent, status_now: statusNow, licenses_after: joined(heldAfter) };
	const statusWords = `status now ${JSON.stringify(statusNow)}`;
	if (wanted.length === 0) {
		// An app without licenses: the seat is the account itself.
		return isGone(statusNow)
			? seatResult('reclaimed', `${accepted}; read back, ${statusWords}`, seen)
			: seatResult('still_assigned', `${accepted}, but read back the user is still ${statusNow ?? 'not marked inactive'}: the seat is still held`, seen);
	}
	if (heldAfter !== undefined) {
		const still = wanted.filter((id) => heldAfter.includes(id));
		if (still.length === 0) return seatResult('reclaimed', `${accepted}; read back, the user holds none of ${wanted.join(', ')} any more (${statusWords})`, seen);
		return seatResult('still_assigned', `${accepted}, but read back the user still holds ${still.join(', ')} (${statusWords})`, seen);
	}
	// The user record lists no licenses: compare the licenses' seats in use before and after.
	const countsAfter = await seatCounts(scope, target.accountId, wanted);
	const unknown = wanted.filter((id) => typeof done.countsBefore?.get(id) !== 'number' || typeof countsAfter.get(id) !== 'number');
	if (unknown.length) {
		const why = unknown.map((id) => (typeof countsAfter.get(id) === 'string' ? countsAfter.get(id) : done.countsBefore?.get(id))).join('; ');
		return seatResult('not_verified', `${accepted}, but the result could not be verified: the user record lists no licenses, and ${why}`, seen);
	}
	const notDropped = wanted.filter((id) => (countsAfter.get(id) as number) >= (done.countsBefore?.get(id) as number));
	if (notDropped.length === 0) return seatResult('reclaimed', `${accepted}; read back, the seats in use of ${wanted.join(', ')} dropped (${statusWords})`, seen);
	return seatResult('still_assigned', `${accepted}, but the seats in use of ${notDropped.join(', ')} did not drop (${statusWords})`, seen);
}
