/**
 * Access Review → Revoke Access through the node's execute(), against the sandbox over real HTTP:
 * items of Find Privileged Access acted on, each user looked at first, each privileged role taken away
 * by deleting its role assignments (or a named group left) once with an Idempotency-Key and read back;
 * every outcome, Dry Run sending nothing, bad input, and failures kept per right.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { REVOKE_FIELDS } from '../../../../nodes/TrutoUserDirectory/accessReview/revokeAccess';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

// Writes change the sandbox's data: a fresh one per test.
const sb = useSandbox({}, { fresh: true });

async function run(parameters: Parameters, items: IDataObject[] = [{}], options: { continueOnFail?: boolean } = {}): Promise<INodeExecutionData[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url }, items: items.map((json) => ({ json })), continueOnFail: options.continueOnFail });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}
const json = (output: INodeExecutionData[]) => output.map((item) => item.json);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { description?: string }) => error);

async function holders(accounts: string[]): Promise<IDataObject[]> {
	const items = json(await run({ resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'accounts', integratedAccounts: accounts, options: {} }));
	return items.filter((item) => item.kind === 'privileged_access' || item.kind === 'privileged_service_account');
}

const revoke = (extra: Parameters = {}): Parameters => ({ resource: 'accessReview', operation: 'revokeAccess', revokeInput: 'findings', revokeDryRun: false, revokeOptions: {}, ...extra });
const writes = () => sb.requests.filter((request) => request.method !== 'GET');
const ofUser = (output: IDataObject[], userId: string) => output.filter((item) => item.user_id === userId);
const rightOf = (output: IDataObject[], userId: string, right: string) => output.find((item) => item.user_id === userId && item.right === right) as IDataObject;

const MONA = '1200101'; // GitHub Owner in two organizations: two role assignments
const PRIYA = '1200103'; // GitHub Owner in one
const MIRIAM = 'd7a0f3b9-1c2e-4f3a-8b4c-6d7e8f9a0b1c'; // Microsoft 365 User and Billing Administrator

describe('Revoke Access', () => {
	it('Dry Run plans each role assignment delete and sends no write', async () => {
		const found = await holders([ACCOUNTS.github]);
		sb.clearRequests();
		const output = json(await run(revoke({ revokeDryRun: true }), found));
		expect(writes()).toEqual([]);
		expect(rightOf(output, MONA, 'role Owner')).toMatchObject({
			outcome: 'planned',
			method: 'deleteRoleAssignment',
			requests: ['DELETE /unified/user-directory/role_assignments/acme-corp:1200101:admin', 'DELETE /unified/user-directory/role_assignments/acme-labs:1200101:admin'],
			previous_state: 'holds role Owner through role assignments acme-corp:1200101:admin, acme-labs:1200101:admin',
			dry_run: true,
			idempotency_keys: null,
		});
		// user_type admin has no write Truto documents: said so, in a dry run too.
		expect(rightOf(output, MONA, 'user_type admin')).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/no write that changes a user's user_type/) });
		const summary = output[output.length - 1];
		expect(summary).toMatchObject({ kind: 'summary', dry_run: true, outcomes: expect.objectContaining({ planned: 2, revoked: 0 }) });
		expect(String(summary.title)).toMatch(/\(dry run\): 2 rights planned, nothing sent/);
		for (const item of output) expect(Object.keys(item)).toEqual([...REVOKE_FIELDS]);
	});

	it('revokes a role by deleting each of its assignments once with an Idempotency-Key, reads it back, and a second run finds it gone', async () => {
		const found = await holders([ACCOUNTS.github, ACCOUNTS.microsoft365]);
		const input = found.filter((item) => [MONA, PRIYA, MIRIAM].includes(String(item.user_id)));
		sb.clearRequests();
		const output = json(await run(revoke(), input));
		const sent = writes();
		expect(sent.map((request) => `${request.method} ${decodeURIComponent(request.path)}`).sort()).toEqual(
			[
				'DELETE /unified/user-directory/role_assignments/acme-corp:1200101:admin',
				'DELETE /unified/user-directory/role_assignments/acme-labs:1200101:admin',
				'DELETE /unified/user-directory/role_assignments/acme-corp:1200103:admin',
				'DELETE /unified/user-directory/role_assignments/5wuT_mJe20eRr5jDpJo4sXbfMmNyJlJ6-0uNWdCL0kc',
				'DELETE /unified/user-directory/role_assignments/5wuT_mJe20eRr5jDpJo4sXbfMmNyJlJ6-0uNWdCL0kd',
			].sort(),
		);
		const keys = sent.map((request) => request.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(sent.length);
		expect(keys.every(Boolean)).toBe(true);
		// Read back after the last write: the assignments listed and the user got again.
		const lastWrite = Math.max(...sent.map((request) => sb.requests.indexOf(request)));
		const after = sb.requests.slice(lastWrite + 1).map((request) => request.path);
		expect(after.some((path) => path.endsWith('/role_assignments'))).toBe(true);

		const mona = rightOf(output, MONA, 'role Owner');
		expect(mona).toMatchObject({ outcome: 'revoked', state_now: 'no Owner assignment', undo: expect.stringMatching(/Assign Owner to the user again in the app \(2 assignments: acme-corp, acme-labs\)/) });
		expect(mona.idempotency_keys).toHaveLength(2);
		expect(ofUser(output, MIRIAM).map((item) => [item.right, item.outcome])).toEqual([
			['role User Administrator', 'revoked'],
			['role Billing Administrator', 'revoked'],
			['user_type admin', 'skipped'],
		]);
		const summary = output[output.length - 1];
		expect(summary.outcomes).toMatchObject({ revoked: 4, skipped: 3, failed: 0 });
		expect(String(summary.text)).toMatch(/4 revoked, 3 skipped/);

		// Safe to run twice: nothing is sent again, each role is already gone.
		sb.clearRequests();
		const again = json(await run(revoke(), input));
		expect(writes()).toEqual([]);
		expect(rightOf(again, MONA, 'role Owner')).toMatchObject({ outcome: 'skipped', reason: 'Already gone: the user no longer holds role Owner' });
	});

	it('skips what the app does not let Truto revoke, saying to do it by hand: no role assignments (Webex, HubSpot), a read-only account', async () => {
		const found = await holders([ACCOUNTS.webex, ACCOUNTS.hubspot, ACCOUNTS.googleworkspace]);
		sb.clearRequests();
		const output = json(await run(revoke(), found));
		expect(writes()).toEqual([]);
		expect(output.find((item) => item.account_id === ACCOUNTS.webex && item.right === 'role Full Administrator')).toMatchObject({
			outcome: 'skipped',
			reason: expect.stringMatching(/does not let Truto list and delete role assignments .*: take Full Administrator away in the app by hand/),
		});
		expect(output.find((item) => item.account_id === ACCOUNTS.hubspot && item.right === 'role Org Admin')).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/by hand/) });
		expect(output.find((item) => item.account_id === ACCOUNTS.googleworkspace && item.right_type === 'role')).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/sandbox account, which is read-only/) });
	});

	it('takes the user out of a group named under Groups That Grant Privileges (HubSpot), verified in the user record', async () => {
		const maria = (await holders([ACCOUNTS.hubspot])).find((item) => item.user_email === 'maria.garcia@acme.com') as IDataObject;
		sb.clearRequests();
		const output = json(await run(revoke({ revokeOptions: { privilegedGroups: 'sales dach, Admins' } }), [maria]));
		expect(writes().map((request) => [request.method, request.path, request.body])).toEqual([['POST', '/unified/user-directory/groups/remove-user', { group_id: '7100001', user_id: String(maria.user_id) }]]);
		expect(writes()[0].headers['idempotency-key']).toBeTruthy();
		expect(rightOf(output, String(maria.user_id), 'group Sales DACH')).toMatchObject({ outcome: 'revoked', method: 'removeFromGroup', previous_state: 'member of Sales DACH (7100001)', state_now: 'not in groups', undo: expect.stringMatching(/Add the user to Sales DACH again/) });
		// A group she is not in is no right of hers; her user_type has no write Truto documents.
		expect(rightOf(output, String(maria.user_id), 'group Admins')).toBeUndefined();
		expect(output.filter((item) => item.kind === 'revoke_outcome')).toHaveLength(2);
		expect(rightOf(output, String(maria.user_id), 'user_type admin')).toMatchObject({ outcome: 'skipped' });
	});

	it('says still_held, not_verified and failed from what was seen, with the transport\'s message and hint', async () => {
		const found = await holders([ACCOUNTS.github, ACCOUNTS.microsoft365, ACCOUNTS.salesforce]);
		const pick = (id: string) => found.find((item) => item.user_id === id) as IDataObject;
		const salesforce = found.find((item) => item.account_id === ACCOUNTS.salesforce && (item.privileged_roles as string[]).includes('System Administrator')) as IDataObject;
		const global = found.find((item) => item.account_id === ACCOUNTS.microsoft365 && (item.privileged_roles as string[]).includes('Global Administrator')) as IDataObject;
		sb.setFaults([
			// GitHub answers the delete but keeps the assignment: the fault answers 200 without acting.
			{ match: { method: 'DELETE', path: 'acme-corp%3A1200103%3Aadmin$' }, kind: 'status', status: 200, body: { id: 'acme-corp:1200103:admin' } },
			// Salesforce refuses.
			{ match: { method: 'DELETE', accountId: ACCOUNTS.salesforce }, kind: 'status', status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Insufficient access rights', truto_is_remote_error: true } },
			// Microsoft 365: the read-backs after the write fail.
			{ match: { method: 'GET', path: 'role_assignments$', accountId: ACCOUNTS.microsoft365 }, after: 1, kind: 'status', status: 400, times: -1 },
			{ match: { method: 'GET', path: `users/${String(global.user_id)}$` }, after: 1, kind: 'status', status: 400, times: -1 },
		]);
		const output = json(await run(revoke(), [pick(PRIYA), salesforce, global]));
		expect(rightOf(output, PRIYA, 'role Owner')).toMatchObject({ outcome: 'still_held', reason: expect.stringMatching(/still listed/) });
		expect(rightOf(output, String(salesforce.user_id), 'role System Administrator')).toMatchObject({
			outcome: 'failed',
			error: expect.stringMatching(/Insufficient access rights|403|Forbidden/),
			idempotency_keys: [expect.any(String)],
		});
		expect(rightOf(output, String(global.user_id), 'role Global Administrator')).toMatchObject({ outcome: 'not_verified', reason: expect.stringMatching(/could not be verified/) });
		const summary = output[output.length - 1];
		expect((summary.needs_attention as IDataObject[]).map((entry) => entry.outcome)).toEqual(expect.arrayContaining(['still_held', 'failed', 'not_verified']));
	});

	it('skips a user the app no longer has, and an account that could not be reviewed', async () => {
		const output = json(
			await run(revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.github), revokeUserId: '999999', revokeRoles: 'Owner' }), [{}]),
		);
		expect(output[0]).toMatchObject({ outcome: 'skipped', right: 'user', reason: expect.stringMatching(/no longer has this user/) });
		const notChecked = { kind: 'not_checked', account_id: ACCOUNTS.okta, account_name: 'Okta', reason: 'needs reconnecting' };
		const skipped = json(await run(revoke(), [notChecked, { kind: 'summary' }, { kind: 'app_summary', account_id: ACCOUNTS.github }]));
		expect(skipped.filter((item) => item.kind === 'revoke_outcome')).toEqual([expect.objectContaining({ outcome: 'skipped', reason: expect.stringMatching(/could not be reviewed.*needs reconnecting/) })]);
	});

	it('takes account, user and roles by name or ID (Input: Account, User and Roles)', async () => {
		sb.clearRequests();
		const output = json(await run(revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.github), revokeUserId: PRIYA, revokeRoles: 'ADMIN' }), [{}]));
		expect(output[0]).toMatchObject({ outcome: 'revoked', right: 'role Owner', right_id: 'admin', user_id: PRIYA });
		expect(writes()).toHaveLength(1);
	});

	it('rejects bad input before any write, naming the cause and the fix; On Error → Continue keeps the others', async () => {
		const found = await holders([ACCOUNTS.github]);
		sb.clearRequests();
		const error = await failure(run(revoke(), [{ kind: 'unused_seat', account_id: ACCOUNTS.github }, found[0]]));
		expect(error?.message).toMatch(/not an item of Find Privileged Access/);
		expect(error?.description).toMatch(/Connect Revoke Access after Access Review → Find Privileged Access/);
		expect(writes()).toEqual([]);

		const empty = await failure(run(revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.github), revokeUserId: PRIYA, revokeRoles: ' ' }), [{}]));
		expect(empty?.message).toMatch(/Nothing to revoke: Roles to Revoke is empty/);
		const noUser = await failure(run(revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.github), revokeUserId: '', revokeRoles: 'Owner' }), [{}]));
		expect(noUser?.message).toMatch(/User ID/);

		const output = json(await run(revoke({ revokeDryRun: true }), [{ kind: 'whatever' }, found[0]], { continueOnFail: true }));
		expect(output[0]).toMatchObject({ error: expect.stringMatching(/not an item of Find Privileged Access/) });
		expect(output.some((item) => item.outcome === 'planned')).toBe(true);
	});

	it('fails, without sending, for an account Truto does not know', async () => {
		sb.clearRequests();
		const output = json(await run(revoke(), [{ kind: 'privileged_access', account_id: 'no-such-account', user_id: '1', privileged_roles: ['Owner'], privileged_by: ['role Owner'] }]));
		expect(output[0]).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/does not know the integrated account no-such-account/) });
		expect(writes()).toEqual([]);
	});
});

describe('Revoke Access reads back what the app says', () => {
	const byIds = (userId: string, extra: Parameters = {}) => revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.github), revokeUserId: userId, revokeRoles: 'Owner', ...extra });
	const userPath = (userId: string) => `users/${userId}$`;

	it('still_held when the assignments are gone but the user record still lists the role', async () => {
		// The read-back of the user answers a stale record that still lists Owner.
		sb.setFaults([{ match: { method: 'GET', path: userPath(PRIYA) }, after: 1, kind: 'status', status: 200, body: { id: PRIYA, user_type: 'admin', roles: [{ id: 'admin', name: 'Owner' }] } }]);
		const [item] = json(await run(byIds(PRIYA), [{}]));
		expect(item).toMatchObject({ outcome: 'still_held', reason: expect.stringMatching(/its role assignments are gone, but read back the user record still lists Owner/), state_now: 'roles still list Owner' });
	});

	it('revoked when the role assignments cannot be listed again but the user record no longer lists the role', async () => {
		sb.setFaults([{ match: { method: 'GET', path: 'role_assignments$' }, after: 1, kind: 'status', status: 400, times: -1 }]);
		const [item] = json(await run(byIds(PRIYA), [{}]));
		expect(item).toMatchObject({ outcome: 'revoked', reason: expect.stringMatching(/the user record no longer lists role Owner/) });
	});

	it('not_verified when neither the role assignments nor the user can be read back', async () => {
		sb.setFaults([
			{ match: { method: 'GET', path: 'role_assignments$' }, after: 1, kind: 'status', status: 400, times: -1 },
			{ match: { method: 'GET', path: userPath(PRIYA) }, after: 1, kind: 'status', status: 400, times: -1 },
		]);
		const [item] = json(await run(byIds(PRIYA), [{}]));
		expect(item).toMatchObject({ outcome: 'not_verified', reason: expect.stringMatching(/could not be verified: reading the user back failed.*; listing the role assignments failed/) });
	});

	it('a partial listing of role assignments is no proof: nothing is sent', async () => {
		sb.setFaults([{ match: { method: 'GET', path: 'role_assignments$' }, kind: 'partial' }]);
		sb.clearRequests();
		const [item] = json(await run(byIds(PRIYA), [{}]));
		expect(item).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/role assignments could not be looked at before acting \(Truto marked the role assignments list partial/) });
		expect(writes()).toEqual([]);
	});

	it('user_type admin is revoked when, read back, it followed the roles', async () => {
		sb.setFaults([{ match: { method: 'GET', path: userPath(PRIYA) }, after: 1, kind: 'status', status: 200, body: { id: PRIYA, user_type: 'user', roles: [] } }]);
		const found = (await holders([ACCOUNTS.github])).find((item) => item.user_id === PRIYA) as IDataObject;
		const output = json(await run(revoke(), [found]));
		expect(rightOf(output, PRIYA, 'user_type admin')).toMatchObject({ outcome: 'revoked', state_now: 'user_type user', previous_state: 'user_type admin' });
	});

	it('skips, sending nothing, when the user cannot be looked at first or their record lists no roles', async () => {
		sb.setFaults([{ match: { method: 'GET', path: userPath(PRIYA) }, kind: 'status', status: 400 }]);
		sb.clearRequests();
		const [unreadable] = json(await run(byIds(PRIYA), [{}]));
		expect(unreadable).toMatchObject({ outcome: 'skipped', right: 'user', reason: expect.stringMatching(/could not be looked at before acting/) });
		sb.setFaults([{ match: { method: 'GET', path: userPath(PRIYA) }, kind: 'status', status: 200, body: { id: PRIYA, user_type: 'admin' } }]);
		const [noRoles] = json(await run(byIds(PRIYA), [{}]));
		expect(noRoles).toMatchObject({ outcome: 'skipped', right: 'role Owner', reason: expect.stringMatching(/user record lists no roles through Truto/) });
		expect(writes()).toEqual([]);
	});

	it('a group removal the app accepts without acting is still_held; one that cannot be read back is not_verified', async () => {
		const hubspot = (userId: string) => revoke({ revokeInput: 'ids', revokeAccount: byId(ACCOUNTS.hubspot), revokeUserId: userId, revokeRoles: '', revokeOptions: { privilegedGroups: 'Sales DACH' } });
		const maria = (await holders([ACCOUNTS.hubspot])).find((item) => item.user_email === 'maria.garcia@acme.com') as IDataObject;
		const id = String(maria.user_id);
		sb.setFaults([{ match: { method: 'POST', path: 'groups/remove-user$' }, kind: 'status', status: 200, body: { result: {} } }]);
		const [kept] = json(await run(hubspot(id), [{}]));
		expect(kept).toMatchObject({ outcome: 'still_held', right: 'group Sales DACH', reason: expect.stringMatching(/still lists group Sales DACH/) });
		sb.setFaults([{ match: { method: 'GET', path: userPath(id) }, after: 1, kind: 'status', status: 400, times: -1 }]);
		const [unverified] = json(await run(hubspot(id), [{}]));
		expect(unverified).toMatchObject({ outcome: 'not_verified', reason: expect.stringMatching(/could not be verified: reading the user back failed/) });
	});
});
