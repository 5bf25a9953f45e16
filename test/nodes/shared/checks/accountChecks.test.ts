import { accountProblem, storeProblem } from '../../../../nodes/shared/checks/accountChecks';
import type { AccountInfo } from '../../../../nodes/shared/transport';

const account = (extra: Partial<AccountInfo> = {}): AccountInfo => ({
	id: 'a1',
	slug: 'github',
	integration: 'GitHub',
	label: 'GitHub · acme-corp',
	status: 'active',
	isSandbox: false,
	...extra,
});
const read = { writes: false, purpose: 'to list users' };
const write = { writes: true, purpose: 'to create a user' };

describe('accountProblem', () => {
	it('finds nothing wrong with a healthy production account', () => {
		expect(accountProblem(account(), { status: 'active', blocked: false }, write)).toBeUndefined();
	});

	it.each(['needs_reauth', 'validation_error', 'post_install_error', 'connecting'])(
		'asks the customer to reconnect an account in status %s',
		(status) => {
			const problem = accountProblem(account({ status }), undefined, read);
			expect(problem?.kind).toBe('reconnect');
			expect(problem?.message).toBe(`The customer must reconnect this integrated account (status: ${status})`);
			expect(problem?.description).toMatch(/GitHub · acme-corp/);
		},
	);

	it('reads the status from the capabilities answer when the account record has none', () => {
		expect(accountProblem(account({ status: undefined }), { status: 'needs_reauth', blocked: false }, read)?.kind).toBe('reconnect');
	});

	it('says a blocked account is blocked, before anything else', () => {
		const problem = accountProblem(account({ status: 'needs_reauth' }), { blocked: true }, read);
		expect(problem?.kind).toBe('blocked');
		expect(problem?.description).toMatch(/503/);
		// Truto's blocklist, not a dashboard switch: its operator guide sends you to Truto support.
		expect(problem?.description).toMatch(/contact Truto support \(support@truto\.one\)/i);
		expect(problem?.description).not.toMatch(/unblock|dashboard/i);
	});

	it('refuses writes, not reads, on a sandbox account', () => {
		expect(accountProblem(account({ isSandbox: true }), undefined, read)).toBeUndefined();
		expect(accountProblem(account({ isSandbox: true }), undefined, write)?.kind).toBe('readOnly');
	});

	it('sends a SuperQuery read of an account that needs reconnecting (Truto documents neither answer), never of a blocked one', () => {
		expect(accountProblem(account({ status: 'needs_reauth' }), undefined, { ...read, readsStore: true })).toBeUndefined();
		expect(accountProblem(account(), { blocked: true }, { ...read, readsStore: true })?.kind).toBe('blocked');
	});
});

describe('storeProblem', () => {
	it("finds nothing wrong when the account's store is in the chosen region, or its record was not read", () => {
		expect(storeProblem(account({ superQuery: 'wnam' }), 'wnam')).toBeUndefined();
		expect(storeProblem(undefined, 'wnam')).toBeUndefined();
	});

	it('names the account and its store region, or the lack of one, and the fix', () => {
		expect(storeProblem(account({ superQuery: 'apac' }), 'wnam')).toMatchObject({
			kind: 'noStore',
			message: 'GitHub · acme-corp has its SuperQuery store in apac, not wnam',
			description: expect.stringMatching(/features\.super_query = apac\. Set Data Source to SuperQuery \(APAC Region\), or Live App; nothing was sent\./),
		});
		expect(storeProblem(account(), 'apac')).toMatchObject({
			kind: 'noStore',
			message: 'GitHub · acme-corp has no SuperQuery store',
			description: expect.stringMatching(/no features\.super_query.*Set Data Source to Live App/),
		});
	});
});

