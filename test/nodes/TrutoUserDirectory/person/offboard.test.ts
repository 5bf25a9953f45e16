/**
 * Person → Offboard through the node's execute(), against the sandbox over real HTTP: a person's
 * accounts found by email (or given as Find Accounts' items) and closed per app — the reversible step
 * first, removal from groups while still active, delete only when allowed — each write sent once with
 * an Idempotency-Key and read back; every outcome, Dry Run and a second run sending nothing, and
 * failures kept per account.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { OFFBOARD_FIELDS } from '../../../../nodes/TrutoUserDirectory/person/offboard';
import { executeContext, type Parameters } from '../../../helpers/n8nContext';
import { MARIA_OFFBOARDING_WRITES } from '../../../helpers/people';
import { ACCOUNTS, type SandboxRequest, TOKEN, useSandbox } from '../../../helpers/sandbox';

// Writes change the sandbox's data: a fresh one per test.
const sb = useSandbox({}, { fresh: true });

async function run(parameters: Parameters, items: IDataObject[] = [{}], options: { continueOnFail?: boolean } = {}): Promise<IDataObject[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url }, items: items.map((json) => ({ json })), continueOnFail: options.continueOnFail });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output.map((item: INodeExecutionData) => ({ ...item.json, paired: item.pairedItem }));
}

const MARIA = 'maria.garcia@acme.com';
const byEmail = (emails: string, extra: Parameters = {}): Parameters => ({
	resource: 'person',
	operation: 'offboard',
	offboardInput: 'emails',
	emails,
	accountScope: 'all',
	options: {},
	offboardDryRun: false,
	offboardOptions: {},
	...extra,
});
const byAccounts = (extra: Parameters = {}): Parameters => ({ resource: 'person', operation: 'offboard', offboardInput: 'accounts', offboardDryRun: false, offboardOptions: {}, ...extra });
const find = (emails: string) => run({ resource: 'person', operation: 'findAccounts', emails, accountScope: 'all', options: {} });

const writes = (): SandboxRequest[] => sb.requests.filter((request) => request.method !== 'GET');
const bodyOf = (request: SandboxRequest) => (request as SandboxRequest & { body?: IDataObject }).body;
const outcomesOf = (items: IDataObject[]) => items.filter((item) => item.kind === 'offboard_outcome');
const at = (items: IDataObject[], account: string) => outcomesOf(items).find((item) => item.account_id === account) as IDataObject;
const summaryOf = (items: IDataObject[]) => items[items.length - 1];
/** `integration:outcome` of every outcome item, sorted. */
const spread = (items: IDataObject[]) => outcomesOf(items).map((item) => `${String(item.integration_slug)}:${String(item.outcome)}`).sort();

describe('Offboard by email', () => {
	it('Dry Run plans every account and sends no write', async () => {
		const items = await run(byEmail(MARIA, { offboardDryRun: true }));
		expect(writes()).toEqual([]);
		expect(spread(items)).toEqual(['hubspot:planned', 'okta:planned', 'okta:skipped', 'salesforce:planned', 'webex:planned', 'zendesk:skipped']);
		expect(at(items, ACCOUNTS.workforce)).toMatchObject({ dry_run: true, steps: [{ action: 'deactivate', request: 'POST /unified/user-directory/users/deactivate {"user_id":"00uabf2f0409220c1821"}', idempotency_key: null, result: 'planned' }] });
		expect(at(items, ACCOUNTS.hubspot).reason).toMatch(/^Dry run: would send PATCH .*\{"status":"inactive"\}, then while still active POST \/unified\/user-directory\/groups\/remove-user .*; delete is possible but not allowed; nothing was sent$/);
		expect(summaryOf(items)).toMatchObject({ kind: 'summary', dry_run: true, title: 'Offboarding (dry run): 4 accounts planned, nothing sent', outcomes: expect.objectContaining({ planned: 4, skipped: 2 }) });
	});

	it('offboards every account that supports it, verified by reading back, and lists what is left', async () => {
		const items = await run(byEmail(MARIA));
		expect(spread(items)).toEqual(['hubspot:still_active', 'okta:offboarded', 'okta:skipped', 'salesforce:offboarded', 'webex:offboarded', 'zendesk:skipped']);
		expect(at(items, ACCOUNTS.workforce)).toMatchObject({ actions: ['deactivate'], previous_status: 'active', status_now: 'inactive', irreversible: false, undo: expect.stringMatching(/Reactivate/) });
		expect(at(items, ACCOUNTS.webex)).toMatchObject({ actions: ['setInactive'], status_now: 'inactive', reason: 'Webex accepted the status update to inactive; read back, status now "inactive"' });
		// HubSpot accepts a status and drops it: still active, taken out of its group, delete left to a person.
		expect(at(items, ACCOUNTS.hubspot)).toMatchObject({
			actions: ['setInactive', 'removeFromGroup'],
			status_now: 'active',
			groups_before: ['Sales DACH'],
			groups_after: [],
			delete_available: true,
			reason: expect.stringMatching(/still active; .*in none of them any more; delete is possible but not allowed/),
		});
		// An account that could not be searched is about every email of the item.
		expect(at(items, ACCOUNTS.okta)).toMatchObject({ outcome: 'skipped', email: MARIA, user_id: null, reason: expect.stringMatching(/reconnect/) });

		// Exactly these writes, each with its own key, each followed by a read of its user.
		const sent = writes();
		expect(sent.map((request) => `${request.method} ${request.path} ${JSON.stringify(bodyOf(request))}`).sort()).toEqual([...MARIA_OFFBOARDING_WRITES].sort());
		expect(new Set(sent.map((request) => request.headers['idempotency-key'])).size).toBe(sent.length);
		for (const write of sent) {
			const later = sb.requests.slice(sb.requests.indexOf(write) + 1);
			expect(later.some((request) => request.method === 'GET' && request.accountId === write.accountId && /\/users\/[^/]+$/.test(request.path))).toBe(true);
		}
		const summary = summaryOf(items);
		expect(summary).toMatchObject({ kind: 'summary', dry_run: false, outcomes: { offboarded: 3, already_inactive: 0, still_active: 1, not_verified: 0, failed: 0, skipped: 2, planned: 0 } });
		expect(String(summary.text)).toMatch(/^\*Offboarding: 3 offboarded, 0 already inactive, 3 left to do by hand\*/);
		expect(String(summary.text)).toContain('• still active in HubSpot · acme-eu (maria.garcia@acme.com): HubSpot accepted the status update to inactive');
		expect((summary.still_active_in as IDataObject[]).map((entry) => entry.account_id).sort()).toEqual([ACCOUNTS.hubspot, ACCOUNTS.okta, ACCOUNTS.blocked].sort());
		for (const item of items) expect(Object.keys(item).filter((key) => key !== 'paired')).toEqual([...OFFBOARD_FIELDS]);
	});

	it('deletes only when allowed, and a second run finds everything done and sends nothing', async () => {
		const first = await run(byEmail(MARIA, { offboardOptions: { allowDelete: true } }));
		expect(at(first, ACCOUNTS.hubspot)).toMatchObject({ outcome: 'offboarded', actions: ['setInactive', 'removeFromGroup', 'delete'], status_now: null, irreversible: true, undo: expect.stringMatching(/Cannot be undone/) });
		expect(writes().filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual(['/unified/user-directory/users/5100001']);
		sb.clearRequests();
		const second = await run(byEmail(MARIA, { offboardOptions: { allowDelete: true } }));
		expect(writes()).toEqual([]);
		// HubSpot's user is gone; the others inactive; the two accounts that cannot be searched stay skipped.
		expect(spread(second)).toEqual(['okta:already_inactive', 'okta:skipped', 'salesforce:already_inactive', 'webex:already_inactive', 'zendesk:skipped']);
		expect(summaryOf(second).outcomes).toMatchObject({ already_inactive: 3, offboarded: 0 });
	});

	it('stops before any write on an item without emails, or reports it per item with On Error → Continue', async () => {
		const perItem = (itemIndex: number) => byEmail(itemIndex === 0 ? MARIA : '');
		const context = (continueOnFail: boolean) =>
			executeContext({ parameters: perItem, credentials: { apiToken: TOKEN, baseUrl: sb.url }, items: [{ json: {} }, { json: {} }], continueOnFail });
		await expect(new TrutoUserDirectory().execute.call(context(false))).rejects.toThrow('Emails is empty');
		expect(writes()).toEqual([]);
		const [output] = await new TrutoUserDirectory().execute.call(context(true));
		expect(output.filter((item) => item.json.outcome === 'offboarded')).toHaveLength(3);
		expect(output.find((item) => item.json.error)).toMatchObject({ json: { error: 'Emails is empty' }, pairedItem: { item: 1 } });
	});
});

describe('Offboard the accounts Find Accounts found', () => {
	it('offboards exactly the items given, paired with them; summary items are ignored', async () => {
		const found = await find(MARIA);
		const chosen = found.filter((item) => item.kind === 'summary' || [ACCOUNTS.webex, ACCOUNTS.salesforce].includes(String(item.account_id)));
		sb.clearRequests();
		const items = await run(byAccounts(), chosen);
		expect(spread(items)).toEqual(['salesforce:offboarded', 'webex:offboarded']);
		expect(writes().map((request) => request.accountId).sort()).toEqual([ACCOUNTS.webex, ACCOUNTS.salesforce].sort());
		expect(outcomesOf(items).map((item) => item.paired)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(at(items, ACCOUNTS.webex)).toMatchObject({ email: MARIA, user_email: 'maria.garcia@acme-webex.com' });
	});

	it('reports an already deactivated or suspended user as already inactive, with no write', async () => {
		const users = [
			{ account_id: ACCOUNTS.workforce, user_id: '00uc6548673a83f0edd5' },
			{ account_id: ACCOUNTS.workforce, user_id: '00u1b37db88b3dfa5105' },
		];
		const items = await run(byAccounts(), users);
		expect(outcomesOf(items).map((item) => [item.outcome, item.previous_status])).toEqual([
			['already_inactive', 'inactive'],
			['already_inactive', 'suspended'],
		]);
		expect(writes()).toEqual([]);
	});

	it('leaves a user of a read-only sandbox account, or of an app whose capabilities do not answer, active and says why', async () => {
		sb.setFaults([{ match: { path: `${ACCOUNTS.webex}/capabilities$` }, kind: 'status', status: 500, times: -1 }]);
		const items = await run(byAccounts(), [
			{ account_id: ACCOUNTS.googleworkspace, user_id: '104593712283746501234' },
			{ account_id: ACCOUNTS.webex, user_id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE' },
		]);
		expect(at(items, ACCOUNTS.googleworkspace)).toMatchObject({ outcome: 'still_active', reason: expect.stringMatching(/sandbox account, which is read-only/), steps: [] });
		expect(at(items, ACCOUNTS.webex)).toMatchObject({ outcome: 'still_active', reason: expect.stringMatching(/capabilities did not answer/), delete_available: null });
		expect(writes()).toEqual([]);
	});

	it('reports a refused write as failed and an unreadable read-back as not verified, and goes on with the others', async () => {
		sb.setFaults([
			{ match: { method: 'PATCH', path: 'users/0055g00000A1b2cAAA$' }, kind: 'status', status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', message: 'The app refused the change', truto_is_remote_error: true } },
			// The look before the write passes; the read-back after it fails.
			{ match: { method: 'GET', path: 'users/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE$' }, after: 1, kind: 'status', status: 400, times: -1 },
		]);
		const items = await run(byAccounts(), [
			{ account_id: ACCOUNTS.salesforce, user_id: '0055g00000A1b2cAAA' },
			{ account_id: ACCOUNTS.webex, user_id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE' },
			{ account_id: ACCOUNTS.workforce, user_id: '00uabf2f0409220c1821' },
		]);
		expect(at(items, ACCOUNTS.salesforce)).toMatchObject({
			outcome: 'failed',
			reason: 'Salesforce refused the status update to inactive',
			error: expect.stringMatching(/refused the change/),
			steps: [expect.objectContaining({ action: 'setInactive', result: expect.stringMatching(/^refused: /), idempotency_key: expect.any(String) })],
		});
		expect(at(items, ACCOUNTS.webex)).toMatchObject({ outcome: 'not_verified', reason: expect.stringMatching(/could not be verified: reading the user back failed/) });
		expect(at(items, ACCOUNTS.workforce)).toMatchObject({ outcome: 'offboarded' });
		expect(summaryOf(items).outcomes).toMatchObject({ failed: 1, not_verified: 1, offboarded: 1 });
		expect(String(summaryOf(items).text)).toMatch(/still active in Salesforce · acme\.my\.salesforce\.com \(0055g00000A1b2cAAA\): Salesforce refused .*: .*refused the change/);
	});

	it('reports a user the app no longer has as already inactive, and an unknown account as failed', async () => {
		const items = await run(byAccounts(), [
			{ account_id: ACCOUNTS.hubspot, user_id: 'no-such-user' },
			{ account_id: '7f3c2a10-dead-4c2e-9a00-000000000000', user_id: '1' },
		]);
		expect(outcomesOf(items).map((item) => item.outcome)).toEqual(['already_inactive', 'failed']);
		expect(String(outcomesOf(items)[0].reason)).toMatch(/no longer has this user/);
		expect(String(outcomesOf(items)[1].reason)).toMatch(/does not know the integrated account/);
		expect(writes()).toEqual([]);
	});

	it('stops before any write on an item that is not an account, or reports it per item with On Error → Continue', async () => {
		const good = { account_id: ACCOUNTS.workforce, user_id: '00uabf2f0409220c1821' };
		await expect(run(byAccounts(), [good, { hello: 'world' }])).rejects.toThrow('This item is not an account of Person → Find Accounts');
		expect(writes()).toEqual([]);
		const items = await run(byAccounts(), [good, { hello: 'world' }], { continueOnFail: true });
		expect(items[0]).toMatchObject({ outcome: 'offboarded', paired: { item: 0 } });
		expect(items[1]).toMatchObject({ error: expect.stringMatching(/not an account/), paired: { item: 1 } });
		expect(items[2].kind).toBe('summary');
	});

	it('leaves a user active where the app offers nothing, or only delete (not allowed), and says so', async () => {
		// Without the users update metadata no status update is known: Webex then offers only delete.
		sb.setFaults([{ match: { path: 'meta/update$' }, kind: 'status', status: 500, times: -1 }]);
		const items = await run(byAccounts(), [
			{ account_id: ACCOUNTS.licensespring, user_id: '10003' },
			{ account_id: ACCOUNTS.webex, user_id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE' },
		]);
		expect(at(items, ACCOUNTS.licensespring)).toMatchObject({ outcome: 'still_active', delete_available: false, reason: expect.stringMatching(/^Truto lists no way to deactivate, suspend, set the status of, remove from groups or delete users of LicenseSpring/) });
		expect(at(items, ACCOUNTS.webex)).toMatchObject({ outcome: 'still_active', delete_available: true, reason: expect.stringMatching(/offers only delete through Truto, which cannot be undone: switch on Allow Delete/) });
		expect(writes()).toEqual([]);
	});

	it('keeps a user in their groups when Remove From Groups is off', async () => {
		const items = await run(byAccounts({ offboardOptions: { removeFromGroups: false } }), [{ account_id: ACCOUNTS.hubspot, user_id: '5100001' }]);
		expect(outcomesOf(items)[0]).toMatchObject({ outcome: 'still_active', actions: ['setInactive'], groups_after: ['Sales DACH'] });
		expect(writes().map((request) => request.method)).toEqual(['PATCH']);
	});
});
