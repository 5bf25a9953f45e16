/**
 * Seat Reclamation → Reclaim Seats through the node's execute(), against the sandbox over real HTTP:
 * findings from Find Reclaimable Seats acted on, each seat looked at first, written once with an
 * Idempotency-Key and read back; every outcome, Dry Run sending nothing, and failures kept per seat.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { RECLAIM_FIELDS } from '../../../../nodes/TrutoUserDirectory/seatReclamation/reclaimSeats';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

// Writes change the sandbox's data: a fresh one per test.
const sb = useSandbox({}, { fresh: true });

async function run(
	parameters: Parameters,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; onError?: 'continueRegularOutput' | 'continueErrorOutput' } = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: { apiToken: TOKEN, baseUrl: sb.url },
		items: items.map((json) => ({ json })),
		continueOnFail: options.continueOnFail,
		onError: options.onError,
	});
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

const json = (output: INodeExecutionData[]) => output.map((item) => item.json);

async function findings(): Promise<IDataObject[]> {
	return json(await run({ resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all', inactiveDays: 90, reviewOutput: 'findings', options: {} }));
}

const reclaim = (extra: Parameters = {}): Parameters => ({ resource: 'seatReclamation', operation: 'reclaimSeats', reclaimInput: 'findings', dryRun: false, reclaimOptions: {}, ...extra });
const writes = () => sb.requests.filter((request) => request.method !== 'GET');
const userFinding = (all: IDataObject[], account: string, action: string) =>
	all.find((item) => item.account_id === account && item.reclaim_action === action && ['unused_seat', 'never_used', 'orphaned_account'].includes(String(item.kind))) as IDataObject;

describe('Reclaim Seats', () => {
	it('finds what to send per account: deactivate (Okta), a status update where the metadata takes status, nothing on a read-only account', async () => {
		const all = await findings();
		expect(userFinding(all, ACCOUNTS.workforce, 'deactivate')).toBeDefined();
		expect(userFinding(all, ACCOUNTS.hubspot, 'setInactive')).toBeDefined();
		expect(userFinding(all, ACCOUNTS.github, 'setInactive')).toBeDefined();
		const readOnly = all.filter((item) => item.account_id === ACCOUNTS.googleworkspace && item.user_id);
		expect(readOnly.every((item) => item.reclaim_action === null)).toBe(true);
	});

	it('Dry Run plans every seat and sends no write', async () => {
		const all = await findings();
		sb.clearRequests();
		const output = json(await run(reclaim({ dryRun: true }), all));
		expect(writes()).toEqual([]);
		const planned = output.filter((item) => item.outcome === 'planned');
		expect(planned.length).toBeGreaterThan(3);
		expect(planned.find((item) => item.account_id === ACCOUNTS.workforce)).toMatchObject({ action: 'deactivate', request: expect.stringMatching(/^POST \/unified\/user-directory\/users\/deactivate \{"user_id":/) });
		const summary = output[output.length - 1];
		expect(summary).toMatchObject({ kind: 'summary', dry_run: true, reclaimed_seats: 0, saved: [] });
		expect(String(summary.title)).toMatch(/\(dry run\): \d+ seats planned, nothing sent/);
		// License findings and not-checked rows are skipped with what to do instead.
		expect(output.find((item) => item.finding_key === all.find((finding) => finding.kind === 'unassigned_seats')?.finding_key)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/vendor/) });
	});

	it('gives each outcome: reclaimed (verified), still assigned, not verified, failed and skipped, with the writes and read-backs seen', async () => {
		const all = await findings();
		const okta = userFinding(all, ACCOUNTS.workforce, 'deactivate');
		const hubspot = userFinding(all, ACCOUNTS.hubspot, 'setInactive');
		const github = all.filter((item) => item.account_id === ACCOUNTS.github && item.reclaim_action === 'setInactive');
		const [verified, refused, unreadable] = github;
		const exempt = all.find((item) => item.account_id === ACCOUNTS.salesforce && item.reclaim_action === 'setInactive') as IDataObject;
		sb.clearRequests();
		sb.setFaults([
			{ match: { method: 'PATCH', path: `users/${String(refused.user_id)}$` }, kind: 'status', status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', message: 'The app refused the change', truto_is_remote_error: true } },
			// The read before the write passes; the read-back after it fails.
			{ match: { method: 'GET', path: `users/${String(unreadable.user_id)}$` }, after: 1, kind: 'status', status: 400, times: -1 },
		]);
		const input = [okta, hubspot, verified, refused, unreadable, exempt];
		const output = json(await run(reclaim({ reclaimOptions: { exemptEmails: String(exempt.user_email) } }), input));
		const byKey = (finding: IDataObject) => output.find((item) => item.finding_key === finding.finding_key) as IDataObject;

		expect(byKey(okta)).toMatchObject({ outcome: 'reclaimed', action: 'deactivate', previous_status: 'active', status_now: 'inactive', undo: expect.stringMatching(/Reactivate/) });
		expect(byKey(okta).monthly_saving).toBe(okta.monthly_cost);
		expect(byKey(hubspot)).toMatchObject({ outcome: 'still_assigned', action: 'setInactive', status_now: 'active', monthly_saving: null });
		expect(String(byKey(hubspot).reason)).toMatch(/still holds/);
		expect(byKey(verified)).toMatchObject({ outcome: 'reclaimed', action: 'setInactive', status_now: 'inactive', licenses_after: '' });
		expect(byKey(refused)).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/refused the change/), monthly_saving: null });
		expect(byKey(unreadable)).toMatchObject({ outcome: 'not_verified', reason: expect.stringMatching(/could not be verified/) });
		expect(byKey(exempt)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/exempt/) });

		// Exactly the writes, one per acted seat, each with its own key; each followed by a read of its user.
		const sent = writes();
		expect(sent.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
			[
				'POST /unified/user-directory/users/deactivate',
				`PATCH /unified/user-directory/users/${String(hubspot.user_id)}`,
				`PATCH /unified/user-directory/users/${String(verified.user_id)}`,
				`PATCH /unified/user-directory/users/${String(refused.user_id)}`,
				`PATCH /unified/user-directory/users/${String(unreadable.user_id)}`,
			].sort(),
		);
		expect(new Set(sent.map((request) => request.headers['idempotency-key'])).size).toBe(sent.length);
		// (The refused one was answered by a fault before its body was read.)
		for (const request of sent.filter((entry) => entry.method === 'PATCH' && !entry.fault)) expect((request as { body?: IDataObject }).body).toEqual({ status: "inactive" });
		const after = (finding: IDataObject) => {
			const index = sb.requests.findIndex((request) => request.method !== 'GET' && (request.path.endsWith(`/${String(finding.user_id)}`) || ((request as { body?: IDataObject }).body)?.user_id === finding.user_id));
			return sb.requests.slice(index + 1).some((request) => request.method === 'GET' && request.path === `/unified/user-directory/users/${String(finding.user_id)}`);
		};
		for (const finding of [okta, hubspot, verified, unreadable]) expect(after(finding)).toBe(true);

		const summary = output[output.length - 1];
		expect(summary).toMatchObject({ kind: 'summary', dry_run: false, outcomes: { reclaimed: 2, still_assigned: 1, not_verified: 1, failed: 1, skipped: 1, planned: 0 } });
		// Money only for verified seats, per currency.
		const usd = (summary.saved as IDataObject[]).find((total) => total.currency === 'USD');
		expect(usd?.monthly_amount).toBeCloseTo(Number(okta.monthly_cost) + Number(verified.monthly_cost ?? 0), 2);
		expect(String(summary.text)).toMatch(/Needs a look:/);
		// Every item has the same fields.
		for (const item of output) expect(Object.keys(item)).toEqual([...RECLAIM_FIELDS]);
	});

	it('skips a holder active again since the finding, a finding too old, an already free seat and delete unless allowed', async () => {
		const all = await findings();
		const acting = all.filter((item) => item.reclaim_action === 'setInactive' && item.account_id !== ACCOUNTS.hubspot && item.last_seen);
		const activeAgain = { ...acting[0], last_seen: '2000-01-01T00:00:00.000Z' };
		const old = { ...acting[1], found_at: '2000-01-01T00:00:00.000Z' };
		const gone = { ...acting[2], license_ids: 'no-such-license' };
		const deleteOnly = { ...all.find((item) => item.account_id === ACCOUNTS.github && item.reclaim_actions === 'setInactive, delete'), reclaim_action: 'delete' };
		sb.clearRequests();
		const output = json(await run(reclaim(), [activeAgain, old, gone, deleteOnly]));
		expect(output.slice(0, 4).map((item) => item.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
		expect(String(output[0].reason)).toMatch(/Active again since the finding/);
		expect(String(output[1].reason)).toMatch(/older than Max Finding Age \(7 days\)/);
		expect(String(output[2].reason)).toMatch(/Already free/);
		expect(String(output[3].reason)).toMatch(/Allow Delete/);
		expect(writes()).toEqual([]);

		const allowed = json(await run(reclaim({ reclaimOptions: { allowDelete: true } }), [deleteOnly]));
		expect(allowed[0]).toMatchObject({ outcome: 'reclaimed', action: 'delete', irreversible: true, undo: expect.stringMatching(/Cannot be undone/) });
		expect(writes().map((request) => request.method)).toEqual(['DELETE']);
	});

	it('looks at the next seat while one is written, one write at a time per account, and at the same user again only after the write', async () => {
		const all = await findings();
		const [first, second, third] = all.filter((item) => item.account_id === ACCOUNTS.github && item.reclaim_action === 'setInactive');
		sb.clearRequests();
		const output = json(await run(reclaim(), [first, first, second, third]));
		expect(output.slice(0, 4).map((item) => item.outcome)).toEqual(['reclaimed', 'skipped', 'reclaimed', 'reclaimed']);
		// The same user twice: the second look comes after the first write, so nothing is sent twice.
		expect(output[1]).toMatchObject({ previous_status: 'inactive', reason: expect.stringMatching(/Already free/) });
		const log = sb.requests.map((request) => `${request.method} ${request.path.replace('/unified/user-directory/users/', '')}`);
		expect(log.filter((entry) => !entry.startsWith('GET'))).toEqual([`PATCH ${String(first.user_id)}`, `PATCH ${String(second.user_id)}`, `PATCH ${String(third.user_id)}`]);
		// The third seat's fresh look was made before the second seat's write was answered and read back.
		expect(log.indexOf(`GET ${String(third.user_id)}`)).toBeLessThan(log.lastIndexOf(`GET ${String(second.user_id)}`));
		// Each write is read back before the next write is sent.
		for (const [done, next] of [[first, second], [second, third]]) {
			expect(log.lastIndexOf(`GET ${String(done.user_id)}`)).toBeGreaterThan(log.indexOf(`PATCH ${String(done.user_id)}`));
			expect(log.lastIndexOf(`GET ${String(done.user_id)}`)).toBeLessThan(log.indexOf(`PATCH ${String(next.user_id)}`));
		}
	});

	it('takes account and user IDs, freeing every paid seat the user holds', async () => {
		const users = (await (await fetch(`${sb.url}/unified/user-directory/users?integrated_account_id=${ACCOUNTS.workforce}&limit=100`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { result: IDataObject[] };
		const holder = users.result.find((user) => user.status === 'active' && (user.licenses as IDataObject[]).length > 0) as IDataObject;
		const output = json(await run(reclaim({ reclaimInput: 'ids', reclaimAccount: byId(ACCOUNTS.workforce), reclaimUserId: String(holder.id) })));
		expect(output[0]).toMatchObject({ outcome: 'reclaimed', action: 'deactivate', user_id: holder.id, licenses_after: '' });
	});

	it('stops before any write on an item that is not a finding, or reports it per item with On Error → Continue', async () => {
		const all = await findings();
		const okta = userFinding(all, ACCOUNTS.workforce, 'deactivate');
		sb.clearRequests();
		await expect(run(reclaim(), [okta, { hello: 'world' }])).rejects.toThrow('This item is not a finding of Find Reclaimable Seats');
		expect(writes()).toEqual([]);
		const output = await run(reclaim(), [okta, { hello: 'world' }], { continueOnFail: true });
		expect(output[0].json).toMatchObject({ outcome: 'reclaimed' });
		expect(output[1]).toMatchObject({ json: { error: expect.stringMatching(/not a finding/) }, pairedItem: { item: 1 } });
		expect(output[1].error).toBeUndefined();
		expect(output[2].json.kind).toBe('summary');
		// With Continue (using error output) the bad item carries its error, which n8n routes by.
		const routed = await run(reclaim(), [{ hello: 'world' }], { onError: 'continueErrorOutput' });
		expect(routed[0].error?.message).toMatch(/not a finding/);
		expect(routed[0].pairedItem).toEqual({ item: 0 });
	});
});
