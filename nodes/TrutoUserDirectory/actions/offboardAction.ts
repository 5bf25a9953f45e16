import type { IDataObject } from 'n8n-workflow';

import { isGone } from '../../shared/helpers/seats';
import type { AccountInfo, Capabilities } from '../../shared/transport';
import { readUser, type ReadScope, type UserRead } from './readBack';
import { callFor, groupRemovalCall } from './seatAction';
import { type ActingResult, type ActionCall, describeCall, failedOnThrow, sendAction, type UserTarget } from './engine';
import { reclaimEntry, type ReclaimAction, reclaimSupport } from './support';

/**
 * Offboarding one user of one integrated account with the action engine: a fresh look, the plan, then
 * step by step — the reversible deactivation first (Truto's deactivate or suspend method, or a status
 * update where the app's metadata takes a status), removal from the user's groups while still active,
 * delete last and only when allowed — each write with its own Idempotency-Key and followed by a read
 * of the user. It stops as soon as the user is seen inactive or gone. Nothing is reported done unless
 * it was seen done.
 */

export type OffboardOutcome = 'offboarded' | 'already_inactive' | 'still_active' | 'not_verified' | 'failed' | 'skipped' | 'planned';

/** Every outcome, for counts and documentation, in the order a summary lists them. */
export const OFFBOARD_OUTCOMES: OffboardOutcome[] = ['offboarded', 'already_inactive', 'still_active', 'not_verified', 'failed', 'skipped', 'planned'];

export type OffboardStep = ReclaimAction | 'removeFromGroup';

export interface OffboardTarget extends UserTarget {
	/** Delete cannot be undone: sent only when allowed, and only when nothing reversible left the user inactive. */
	allowDelete: boolean;
	/** Take the user out of each of their groups while the user is still active (where the app lets Truto). */
	removeFromGroups: boolean;
}

/** One write, as sent (or planned) and what followed. */
export interface StepRecord {
	action: OffboardStep;
	request: string;
	idempotency_key: string | null;
	/** What was seen: "accepted", "refused: …", "planned". */
	result: string;
}

export interface OffboardResult extends ActingResult<OffboardOutcome> {
	steps: StepRecord[];
	previous_status: string | null;
	status_now: string | null;
	groups_before: string[] | null;
	groups_after: string[] | null;
	/** Whether the app lets Truto delete this user (the step left for Allow Delete or for an approval); null: unknown. */
	delete_available: boolean | null;
	irreversible: boolean | null;
}

export function offboardResult(outcome: OffboardOutcome, reason: string, extra: Partial<OffboardResult> = {}): OffboardResult {
	return {
		outcome,
		reason,
		steps: [],
		previous_status: null,
		status_now: null,
		groups_before: null,
		groups_after: null,
		delete_available: null,
		undo: null,
		irreversible: null,
		error: null,
		hint: null,
		...extra,
	};
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

interface GroupRef {
	id: string;
	name: string;
}

/** The groups a user record lists; undefined when it lists none at all (the app does not say). */
function groupsOf(user: IDataObject): GroupRef[] | undefined {
	if (!Array.isArray(user.groups)) return undefined;
	return (user.groups as IDataObject[])
		.filter((group) => group && typeof group === 'object' && group.id !== undefined && group.id !== null)
		.map((group) => ({ id: String(group.id), name: text(group.name) ?? String(group.id) }));
}

/** How a step is named in a sentence: "Okta accepted the deactivation". */
const STEP_WORDS: Record<OffboardStep, string> = {
	deactivate: 'the deactivation',
	suspend: 'the suspension',
	setInactive: 'the status update to inactive',
	removeFromGroup: 'the removal from a group',
	delete: 'the delete',
};

const names = (groups: GroupRef[] | undefined): string[] | null => (groups === undefined ? null : groups.map((group) => group.name));

interface PlannedStep {
	action: OffboardStep;
	call: ActionCall;
	group?: GroupRef;
}

/** Why nothing can be sent to this app, in offboarding's words; undefined when something can. */
function nothingToSend(account: AccountInfo, capabilities: Capabilities | undefined): string | undefined {
	if (account.isSandbox) return 'This is a Truto sandbox account, which is read-only: offboard the user in the app itself';
	if (!capabilities) return 'Truto could not say what this app supports (its capabilities did not answer), so nothing was sent: offboard the user in the app itself';
	return undefined;
}

/** The plan for an active user: the first reversible deactivation the app supports, the group removals, and delete when allowed. */
async function planFor(scope: ReadScope, account: AccountInfo, target: OffboardTarget, user: IDataObject): Promise<{ steps: PlannedStep[]; deleteAvailable: boolean | null; none?: string }> {
	const capabilities = await scope.metadata.capabilities(target.accountId);
	const none = nothingToSend(account, capabilities);
	if (none) return { steps: [], deleteAvailable: null, none };
	// Without the update metadata (Truto did not answer) no status update is known to work.
	const updateMeta = capabilities?.get('users')?.includes('update') ? await scope.metadata.meta(target.accountId, 'users', 'update').catch(() => undefined) : undefined;
	const support = reclaimSupport(capabilities, account.isSandbox, updateMeta);
	const deactivation = support.actions.find((action) => action !== 'delete');
	const deleteAvailable = support.actions.includes('delete');
	const steps: PlannedStep[] = [];
	if (deactivation) steps.push({ action: deactivation, call: callFor(deactivation, target.userId) });
	const removesMembers = (capabilities?.get('groups') ?? []).includes('remove-user');
	if (target.removeFromGroups && removesMembers) {
		for (const group of groupsOf(user) ?? []) steps.push({ action: 'removeFromGroup', call: groupRemovalCall(group.id, target.userId), group });
	}
	if (deleteAvailable && target.allowDelete) steps.push({ action: 'delete', call: callFor('delete', target.userId) });
	if (steps.length) return { steps, deleteAvailable };
	const manual = deleteAvailable
		? `${account.integration} offers only delete through Truto, which cannot be undone: switch on Allow Delete to send it, or offboard the user in the app`
		: `Truto lists no way to deactivate, suspend, set the status of, remove from groups or delete users of ${account.integration}: offboard the user in the app itself`;
	return { steps, deleteAvailable, none: manual };
}

/** What undoes the steps sent, in one sentence; whether any cannot be undone. */
function undoOf(steps: StepRecord[], removed: GroupRef[]): { undo: string | null; irreversible: boolean | null } {
	if (steps.length === 0) return { undo: null, irreversible: null };
	const parts = new Set<string>();
	for (const step of steps) {
		if (step.action === 'removeFromGroup') parts.add(`Add the user back to ${removed.map((group) => group.name).join(', ')} in the app`);
		else parts.add(reclaimEntry(step.action)?.undo ?? '');
	}
	return { undo: [...parts].filter(Boolean).join('; '), irreversible: steps.some((step) => step.action === 'delete') };
}

/**
 * One user: looked at, planned, and (unless a dry run) offboarded and read back. Never throws: every
 * failure is a `failed` result with the transport's message and hint, so one account never stops the others.
 */
export async function offboardUser(scope: ReadScope, account: AccountInfo, target: OffboardTarget): Promise<OffboardResult> {
	return await failedOnThrow(
		() => offboard(scope, account, target),
		(message) => offboardResult('failed', 'The user could not be offboarded', message),
	);
}

async function offboard(scope: ReadScope, account: AccountInfo, target: OffboardTarget): Promise<OffboardResult> {
	const app = account.integration;
	// 1. A fresh look at the user: already inactive or gone is done, with nothing sent.
	const before = await readUser(scope, target.accountId, target.userId);
	if (before.state === 'gone') return offboardResult('already_inactive', `${app} no longer has this user: nothing to do, nothing was sent`);
	if (before.state === 'unreadable') return offboardResult('skipped', `The user could not be looked at before acting (${before.why}), so nothing was sent: check the user in the app`);
	const user = before.user;
	const status = text(user.status);
	const groupsBefore = groupsOf(user);
	const seen = { previous_status: status, status_now: status, groups_before: names(groupsBefore), groups_after: names(groupsBefore) };
	if (isGone(status)) return offboardResult('already_inactive', `Already ${status} in ${app}: nothing was sent`, seen);

	// 2. The plan.
	const plan = await planFor(scope, account, target, user);
	const planned = { ...seen, delete_available: plan.deleteAvailable };
	if (plan.none) return offboardResult('still_active', plan.none, planned);
	if (target.dryRun) {
		const steps = plan.steps.map((step) => ({ action: step.action, request: describeCall(step.call), idempotency_key: null, result: 'planned' }));
		const later = plan.deleteAvailable && !target.allowDelete ? '; delete is possible but not allowed' : '';
		return offboardResult('planned', `Dry run: would send ${steps.map((step) => step.request).join(', then while still active ')}${later}; nothing was sent`, { ...planned, steps });
	}

	// 3. Act, one write at a time, reading the user back after the deactivation, the group removals and the delete.
	const steps: StepRecord[] = [];
	const removed: GroupRef[] = [];
	const notes: string[] = [];
	let groupsAfter = groupsBefore;
	const done = (outcome: OffboardOutcome, reason: string, extra: Partial<OffboardResult> = {}) =>
		offboardResult(outcome, reason, { ...planned, groups_after: names(groupsAfter), steps, ...undoOf(steps, removed), ...extra });
	const phases: PlannedStep[][] = [
		plan.steps.filter((step) => step.action !== 'removeFromGroup' && step.action !== 'delete'),
		plan.steps.filter((step) => step.action === 'removeFromGroup'),
		plan.steps.filter((step) => step.action === 'delete'),
	].filter((phase) => phase.length);
	for (const phase of phases) {
		for (const step of phase) {
			const sent = await sendAction(scope, target.accountId, step.call);
			const request = describeCall(step.call);
			if (!sent.ok) {
				steps.push({ action: step.action, request, idempotency_key: sent.idempotency_key, result: `refused: ${sent.error}` });
				const why = sent.sent ? `${app} refused ${STEP_WORDS[step.action]}` : `Refused before sending ${STEP_WORDS[step.action]} (nothing was sent)`;
				return done('failed', `${[...notes, why].join('; ')}`, { error: sent.error, hint: sent.hint });
			}
			steps.push({ action: step.action, request, idempotency_key: sent.idempotency_key, result: 'accepted' });
			if (step.group) removed.push(step.group);
		}
		const what = phase[0].action === 'removeFromGroup' ? `the removal from ${phase.map((step) => step.group?.name).join(', ')}` : STEP_WORDS[phase[0].action];
		const after: UserRead = await readUser(scope, target.accountId, target.userId);
		const accepted = `${app} accepted ${what}`;
		if (after.state === 'gone') return done('offboarded', [...notes, `${accepted}; read back, ${app} no longer has this user`].join('; '), { status_now: null, groups_after: [] });
		if (after.state === 'unreadable') return done('not_verified', [...notes, `${accepted}, but the result could not be verified: ${after.why}`].join('; '));
		const statusNow = text(after.user.status);
		groupsAfter = groupsOf(after.user);
		if (isGone(statusNow)) return done('offboarded', [...notes, `${accepted}; read back, status now ${JSON.stringify(statusNow)}`].join('; '), { status_now: statusNow });
		if (phase[0].action === 'removeFromGroup') {
			const still = removed.filter((group) => groupsAfter?.some((left) => left.id === group.id));
			notes.push(
				groupsAfter === undefined
					? `${accepted}, but the user record lists no groups to verify it`
					: still.length
						? `${accepted}, but read back the user is still in ${still.map((group) => group.name).join(', ')}`
						: `${accepted}; read back, the user is in none of them any more`,
			);
		} else {
			notes.push(`${accepted}, but read back the user is still ${statusNow ?? 'not marked inactive'}`);
		}
		planned.status_now = statusNow;
	}
	const left = plan.deleteAvailable
		? target.allowDelete
			? ''
			: 'delete is possible but not allowed (Allow Delete, cannot be undone)'
		: `${app} offers no delete through Truto: finish it in the app`;
	return done('still_active', [...notes, left].filter(Boolean).join('; '));
}
