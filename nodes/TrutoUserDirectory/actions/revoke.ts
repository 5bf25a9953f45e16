import type { IDataObject } from 'n8n-workflow';

import { findResource } from '../../shared/model/resources';
import type { ResourceDefinition } from '../../shared/model/types';
import { type AccountInfo, type Capabilities, unifiedPath } from '../../shared/transport';
import { readUser, type ReadScope, type UserRead } from './readBack';
import { groupRemovalCall } from './seatAction';
import { type ActingResult, type ActionCall, describeCall, failedOnThrow, messageOf, sendAction, type UserTarget } from './engine';

/**
 * Taking privileged rights away, and proving it: plan → act → read back, for one user in one
 * integrated account. A role goes by deleting the user's role assignments of it (Truto: DELETE
 * role_assignments/{id}); a group membership by Truto's custom POST groups/remove-user. After the
 * writes, the role assignments and the user are read again; the outcome says what was seen.
 */

export type RevokeOutcome = 'revoked' | 'not_verified' | 'still_held' | 'failed' | 'skipped' | 'planned';

/** Every outcome, in the order a summary counts them. */
export const REVOKE_OUTCOMES: RevokeOutcome[] = ['revoked', 'not_verified', 'still_held', 'failed', 'skipped', 'planned'];

/** What one user is to lose in one account. */
export interface RevokeTarget extends UserTarget {
	/** Role names or IDs (any case) to take away. */
	roles: string[];
	/** Group names or IDs (any case) to take the user out of. */
	groups: string[];
	/** The review found user_type admin: said to be left (Truto documents no write of it) unless read back changed. */
	userTypeAdmin: boolean;
}

/** One right's outcome, every field present. */
export interface RightResult extends ActingResult<RevokeOutcome> {
	/** "role Owner", "group Admins", "user_type admin"; "user" when the user could not be looked at. */
	right: string;
	right_type: 'role' | 'group' | 'user_type' | 'user';
	right_id: string | null;
	/** How it is taken away: deleteRoleAssignment or removeFromGroup. */
	method: 'deleteRoleAssignment' | 'removeFromGroup' | null;
	/** The writes as sent (or, on a dry run, as they would be). */
	requests: string[] | null;
	idempotency_keys: string[] | null;
	/** What the user held before: the role with its assignments, or the membership. */
	previous_state: string | null;
	state_now: string | null;
}

interface Entry {
	id: string;
	name: string;
}

/** A right planned for a write, with its writes. */
interface Plan {
	result: RightResult;
	entry: Entry;
	writes: ActionCall[];
	/** Role assignment IDs the writes delete. */
	assignments: string[];
}

const ROLE_ASSIGNMENT = findResource('roleAssignment') as ResourceDefinition;

const lower = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '');

/** A user's roles or groups as `{ id, name }`; undefined when the record does not list them (the app does not say). */
export function entriesOf(value: unknown): Entry[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return value
		.map((entry): IDataObject => (entry && typeof entry === 'object' ? (entry as IDataObject) : { id: entry as string }))
		.filter((entry) => entry.id !== undefined && entry.id !== null && entry.id !== '')
		.map((entry) => ({ id: String(entry.id), name: String(entry.name ?? entry.label ?? entry.id) }));
}

const wanted = (names: string[]) => {
	const set = new Set(names.map(lower).filter(Boolean));
	return (entry: Entry) => set.has(lower(entry.name)) || set.has(lower(entry.id));
};

export function rightResult(outcome: RevokeOutcome, reason: string, right: Pick<RightResult, 'right' | 'right_type'> & Partial<RightResult>): RightResult {
	return {
		outcome,
		reason,
		right_id: null,
		method: null,
		requests: null,
		idempotency_keys: null,
		previous_state: null,
		state_now: null,
		undo: null,
		error: null,
		hint: null,
		...right,
	};
}

const can = (capabilities: Capabilities | undefined, resource: string, method: string): boolean => (capabilities?.get(resource) ?? []).includes(method);

type Assignments = { state: 'read'; records: IDataObject[] } | { state: 'unreadable'; why: string };

/** The user's role assignments as the app lists them now (every page); a partial listing is no proof. */
async function userAssignments(scope: ReadScope, accountId: string, userId: string): Promise<Assignments> {
	const records: IDataObject[] = [];
	try {
		for await (const page of scope.client.pages({ path: unifiedPath('role_assignments'), accountId, query: { truto_ignore_remote_data: true }, itemIndex: scope.itemIndex })) {
			if (page.partial) return { state: 'unreadable', why: 'Truto marked the role assignments list partial (is_partial_response)' };
			records.push(...page.records.filter((record) => String(record.user_id ?? '') === userId));
		}
	} catch (error) {
		return { state: 'unreadable', why: `listing the role assignments failed: ${messageOf(error).error}` };
	}
	return { state: 'read', records };
}

const assignmentsOf = (records: IDataObject[], roleId: string): string[] => records.filter((record) => String(record.role_id ?? '') === roleId).map((record) => String(record.id));

/**
 * One user's privileged rights in one account: a fresh look at the user, the plan per right, then
 * (unless a dry run) one write at a time with an Idempotency-Key, and the read-back. Never throws:
 * a failure is a `failed` result with the transport's message and hint.
 */
export async function revokeRights(scope: ReadScope, account: AccountInfo, target: RevokeTarget): Promise<RightResult[]> {
	return await failedOnThrow(
		() => revoke(scope, account, target),
		(message) => [rightResult('failed', 'The rights could not be revoked', { right: 'user', right_type: 'user', ...message })],
	);
}

async function revoke(scope: ReadScope, account: AccountInfo, target: RevokeTarget): Promise<RightResult[]> {
	const { accountId, userId } = target;
	const app = account.integration;
	const asUser = { right: 'user', right_type: 'user' as const };
	// 1. A fresh look at the user: the review may be old.
	const before = await readUser(scope, accountId, userId);
	if (before.state === 'gone') return [rightResult('skipped', `${app} no longer has this user: no right left to revoke`, asUser)];
	if (before.state === 'unreadable') return [rightResult('skipped', `The user could not be looked at before acting (${before.why}), so nothing was sent`, asUser)];
	const user = before.user;

	const results: RightResult[] = [];
	const held = (field: 'roles' | 'groups', names: string[], type: 'role' | 'group'): Entry[] => {
		if (names.length === 0) return [];
		const entries = entriesOf(user[field]);
		if (!entries) {
			for (const name of names) results.push(rightResult('skipped', `${app}'s user record lists no ${field} through Truto, so whether the user still holds it is unknown: check it in the app`, { right: `${type} ${name}`, right_type: type }));
			return [];
		}
		const matching = entries.filter(wanted(names));
		// A role asked for but no longer held: nothing to do, and running again is safe. Groups are named
		// for everyone (Groups That Grant Privileges): one the user is not in is no right of theirs.
		for (const name of type === 'role' ? names.filter((name) => !matching.some(wanted([name]))) : []) {
			results.push(rightResult('skipped', `Already gone: the user no longer holds ${type} ${name}`, { right: `${type} ${name}`, right_type: type, state_now: `not in ${field}` }));
		}
		return matching;
	};
	const roles = held('roles', target.roles, 'role');
	const groups = held('groups', target.groups, 'group');

	// 2. The plan: what this account supports now.
	const capabilities = await scope.metadata.capabilities(accountId);
	const readOnly = account.isSandbox ? 'This is a Truto sandbox account, which is read-only' : !capabilities ? 'Truto could not say what this app supports (its capabilities did not answer)' : undefined;
	const fromRoles = await planAssignments(scope, account, target, roles, capabilities, readOnly);
	results.push(...fromRoles.skipped);
	const plans: Plan[] = [...fromRoles.plans];
	for (const group of groups) {
		const right = { right: `group ${group.name}`, right_type: 'group' as const, right_id: group.id, previous_state: `member of ${group.name} (${group.id})` };
		if (readOnly || !can(capabilities, 'groups', 'remove-user')) {
			results.push(rightResult('skipped', `${readOnly ?? `${app} does not let Truto remove users from groups (its capabilities list no "remove-user" on groups)`}: take the user out of ${group.name} in the app by hand`, right));
			continue;
		}
		const write = groupRemovalCall(group.id, userId);
		plans.push({
			result: rightResult('planned', '', { ...right, method: 'removeFromGroup', requests: [describeCall(write)], undo: `Add the user to ${group.name} again in the app (Truto documents no method that adds a user to a group)` }),
			entry: group,
			writes: [write],
			assignments: [],
		});
	}
	const userType = target.userTypeAdmin
		? rightResult('skipped', `Truto documents no write that changes a user's user_type: if it does not follow the roles revoked here, take the admin rights away in ${app} by hand`, {
				right: 'user_type admin',
				right_type: 'user_type',
				previous_state: `user_type ${String(user.user_type ?? 'not reported')}`,
			})
		: undefined;

	if (target.dryRun || plans.length === 0) {
		for (const plan of plans) results.push({ ...plan.result, outcome: 'planned', reason: `Dry run: would send ${plan.result.requests?.join('; ')}; nothing was sent` });
		return userType ? [...results, userType] : results;
	}

	// 3. Act: one write at a time, each checked like every call of the node and sent with an Idempotency-Key (actions/engine.ts).
	const sent: Plan[] = [];
	for (const plan of plans) {
		const keys: string[] = [];
		let failure: RightResult | undefined;
		for (const write of plan.writes) {
			const written = await sendAction(scope, accountId, write);
			if (written.idempotency_key) keys.push(written.idempotency_key);
			if (!written.ok) {
				const { error, hint } = written;
				const reason = written.sent
					? `${app} refused ${describeCall(write)}${keys.length > 1 ? ` (after ${keys.length - 1} accepted)` : ''}`
					: `Refused before sending ${describeCall(write)}: nothing more was sent for this right`;
				failure = { ...plan.result, outcome: 'failed', reason, idempotency_keys: keys, error, hint };
				break;
			}
		}
		if (failure) results.push(failure);
		else sent.push({ ...plan, result: { ...plan.result, idempotency_keys: keys } });
	}
	if (sent.length === 0) return userType ? [...results, userType] : results;

	// 4. Read back: the role assignments (where a role was revoked) and the user, once after every write.
	const assignmentsAfter = sent.some((plan) => plan.result.right_type === 'role') ? await userAssignments(scope, accountId, userId) : undefined;
	const after = await readUser(scope, accountId, userId);
	for (const plan of sent) results.push(verify(plan, app, assignmentsAfter, after));
	if (userType && after.state === 'found' && lower(after.user.user_type) !== 'admin') {
		return [...results, { ...userType, outcome: 'revoked', reason: `Read back, user_type is now ${String(after.user.user_type ?? 'not reported')}: it followed the roles revoked`, state_now: `user_type ${String(after.user.user_type ?? 'not reported')}` }];
	}
	return userType ? [...results, { ...userType, state_now: after.state === 'found' ? `user_type ${String(after.user.user_type ?? 'not reported')}` : null }] : results;
}

/** Each privileged role held: the user's role assignments of it to delete, or why none can be. */
async function planAssignments(
	scope: ReadScope,
	account: AccountInfo,
	target: RevokeTarget,
	roles: Entry[],
	capabilities: Capabilities | undefined,
	readOnly: string | undefined,
): Promise<{ plans: Plan[]; skipped: RightResult[] }> {
	const plans: Plan[] = [];
	const skipped: RightResult[] = [];
	if (roles.length === 0) return { plans, skipped };
	const right = (role: Entry) => ({ right: `role ${role.name}`, right_type: 'role' as const, right_id: role.id });
	const cannot = readOnly ?? (can(capabilities, 'role_assignments', 'delete') && can(capabilities, 'role_assignments', 'list') ? undefined : `${account.integration} does not let Truto list and delete role assignments (its capabilities list no "list" and "delete" on role_assignments)`);
	if (cannot) {
		for (const role of roles) skipped.push(rightResult('skipped', `${cannot}: take ${role.name} away in the app by hand`, { ...right(role), previous_state: `holds role ${role.name}` }));
		return { plans, skipped };
	}
	const listed = await userAssignments(scope, target.accountId, target.userId);
	for (const role of roles) {
		if (listed.state === 'unreadable') {
			skipped.push(rightResult('skipped', `The role assignments could not be looked at before acting (${listed.why}), so nothing was sent`, right(role)));
			continue;
		}
		const ids = assignmentsOf(listed.records, role.id);
		const previous = `holds role ${role.name}${ids.length ? ` through role assignment${ids.length === 1 ? '' : 's'} ${ids.join(', ')}` : ''}`;
		if (ids.length === 0) {
			skipped.push(rightResult('skipped', `No role assignment of ${role.name} is listed for this user: the role may come with a group or the user type; take it away in the app by hand`, { ...right(role), previous_state: previous }));
			continue;
		}
		const writes: ActionCall[] = ids.map((id) => ({ resource: ROLE_ASSIGNMENT, operation: 'delete', method: 'DELETE', path: unifiedPath('role_assignments', id) }));
		plans.push({
			result: rightResult('planned', '', {
				...right(role),
				method: 'deleteRoleAssignment',
				requests: writes.map(describeCall),
				previous_state: previous,
				undo: `Assign ${role.name} to the user again in the app${ids.length > 1 ? ` (${ids.length} assignments: ${listed.records.filter((record) => ids.includes(String(record.id))).map((record) => String(record.group_id ?? record.group_type ?? 'the account')).join(', ')})` : ''} (Truto documents no create for role assignments)`,
			}),
			entry: role,
			writes,
			assignments: ids,
		});
	}
	return { plans, skipped };
}

function verify(plan: Plan, app: string, assignments: Assignments | undefined, after: UserRead): RightResult {
	const { result, entry } = plan;
	const accepted = `${app} accepted ${result.requests?.length === 1 ? 'the write' : `the ${result.requests?.length} writes`}`;
	if (after.state === 'gone') return { ...result, outcome: 'revoked', reason: `${accepted}; read back, the app no longer has this user`, state_now: 'user gone' };
	const field = result.right_type === 'role' ? 'roles' : 'groups';
	const listedNow = after.state === 'found' ? entriesOf(after.user[field]) : undefined;
	const inRecord = listedNow?.some((now) => now.id === entry.id);
	if (result.right_type === 'role' && assignments?.state === 'read') {
		const left = assignmentsOf(assignments.records, entry.id);
		if (left.length) return { ...result, outcome: 'still_held', reason: `${accepted}, but read back role assignment${left.length === 1 ? '' : 's'} ${left.join(', ')} ${left.length === 1 ? 'is' : 'are'} still listed`, state_now: `holds role ${entry.name} through ${left.join(', ')}` };
		if (inRecord) return { ...result, outcome: 'still_held', reason: `${accepted}; its role assignments are gone, but read back the user record still lists ${entry.name} (a group or the app may grant it)`, state_now: `roles still list ${entry.name}` };
		return { ...result, outcome: 'revoked', reason: `${accepted}; read back, no role assignment of ${entry.name} is listed for the user${listedNow ? ' and the user record no longer lists it' : ''}`, state_now: `no ${entry.name} assignment` };
	}
	if (inRecord) return { ...result, outcome: 'still_held', reason: `${accepted}, but read back the user record still lists ${result.right}`, state_now: `${field} still list ${entry.name}` };
	if (listedNow) return { ...result, outcome: 'revoked', reason: `${accepted}; read back, the user record no longer lists ${result.right}`, state_now: `not in ${field}` };
	const why = [after.state === 'unreadable' ? after.why : `the user record lists no ${field}`, assignments?.state === 'unreadable' ? assignments.why : undefined].filter(Boolean).join('; ');
	return { ...result, outcome: 'not_verified', reason: `${accepted}, but the result could not be verified: ${why}` };
}
