/**
 * Find Reclaimable Seats through the node's execute(), against the sandbox over real HTTP: which
 * accounts, required parameters filled in, the identity provider, and every way an account can fail to
 * be read becoming a "not checked" item instead of a failed run.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, type Sandbox, TOKEN, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

function review(extra: Parameters = {}): Parameters {
	return { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'all', inactiveDays: 90, reviewOutput: 'findingsAndSummary', options: {}, ...extra };
}

async function run(parameters: Parameters, options: { continueOnFail?: boolean } = {}): Promise<IDataObject[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url }, continueOnFail: options.continueOnFail });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	expect(output.every((item: INodeExecutionData) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	return output.map((item) => item.json);
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { description?: string }) => error);
const ofKind = (items: IDataObject[], kind: string) => items.filter((item) => item.kind === kind);
const inAccount = (items: IDataObject[], accountId: string) => items.filter((item) => item.account_id === accountId);
const userIds = (items: IDataObject[]) => items.map((item) => item.user_id);
const summaryOf = (items: IDataObject[]) => items[items.length - 1];

describe('the whole estate with an identity provider', () => {
	let items: IDataObject[];
	let requests: Sandbox['requests'];
	beforeAll(async () => {
		sb.clearRequests();
		items = await run(review({ identityProvider: byId(ACCOUNTS.workforce) }));
		requests = [...sb.requests];
	});

	it('ends with one summary item after the findings', () => {
		expect(summaryOf(items).kind).toBe('summary');
		expect(ofKind(items, 'summary')).toHaveLength(1);
	});

	it('finds orphaned accounts: deactivated or absent in the identity provider, active in an app', () => {
		const orphans = ofKind(items, 'orphaned_account').map((item) => `${item.integration_slug}:${item.user_email}`);
		expect(orphans.sort()).toEqual(
			[
				'atlassian:dana.whitfield@acme.com',
				'atlassian:liam.obrien@acme.com',
				'hubspot:chloe.dubois@acme.com',
				'salesforce:chloe.dubois@acme.com',
				'salesforce:dana.whitfield@acme.com',
			].sort(),
		);
		const dana = ofKind(inAccount(items, ACCOUNTS.salesforce), 'orphaned_account').find((item) => item.user_email === 'dana.whitfield@acme.com');
		expect(dana).toMatchObject({ identity_provider: 'Okta · acme-workforce.okta.com', identity_match: 'absent', monthly_cost: 165, currency: 'USD' });
	});

	it('matches emails in any case, reports ambiguous ones, and leaves other domains alone', () => {
		const salesforce = inAccount(items, ACCOUNTS.salesforce);
		// The provider spells him Marcus.Johnson@Acme.com: a match, so no finding.
		expect(salesforce.some((item) => item.user_email === 'marcus.johnson@acme.com')).toBe(false);
		expect(ofKind(salesforce, 'ambiguous_identity').map((item) => item.user_email)).toEqual(['grace.liu@acme.com']);
		// GitHub's people have acme-corp.com addresses: not the provider's domain, so never called orphaned.
		expect(ofKind(inAccount(items, ACCOUNTS.github), 'orphaned_account')).toEqual([]);
		const github = (summaryOf(items).per_account as IDataObject[]).find((entry) => entry.account_id === ACCOUNTS.github);
		expect(github?.not_in_identity_domains).toBeGreaterThan(0);
	});

	it('prices findings in two currencies and never adds them together', () => {
		const hubspot = inAccount(items, ACCOUNTS.hubspot);
		expect(hubspot.filter((item) => item.kind !== 'not_checked').every((item) => item.currency === 'EUR')).toBe(true);
		const money = summaryOf(items).to_reclaim as IDataObject[];
		expect(money.map((total) => total.currency)).toEqual(['EUR', 'USD']);
		const eur = hubspot.filter((item) => item.kind !== 'ambiguous_identity').reduce((sum, item) => sum + Number(item.monthly_cost ?? 0), 0);
		expect(money[0].monthly_amount).toBeCloseTo(eur, 2);
		expect(String(summaryOf(items).text)).toMatch(/EUR [\d,.]+ \+ USD [\d,.]+ a month/);
	});

	it('reports HubSpot as the fixture has it: underused, over-assigned, duplicates, never used, new users and bots apart', () => {
		const hubspot = inAccount(items, ACCOUNTS.hubspot);
		const byKind = (kind: string) => ofKind(hubspot, kind);
		expect(byKind('underused_license').map((item) => item.license_name)).toEqual(['Service Hub Professional']);
		expect(byKind('unassigned_seats').map((item) => item.license_name)).toEqual(['Core Seat']);
		// Sales Hub is over-assigned (6 of 4): nothing to give back. Content Hub was bought 10 days ago.
		expect([...byKind('underused_license'), ...byKind('unassigned_seats')].some((item) => /Sales Hub|Content Hub/.test(String(item.title)))).toBe(false);
		expect(userIds(byKind('unused_seat')).sort()).toEqual(['5100002', '5100006', '5100010']);
		expect(userIds(byKind('never_used'))).toEqual(['5100007']);
		const stats = (summaryOf(items).per_account as IDataObject[]).find((entry) => entry.account_id === ACCOUNTS.hubspot);
		expect(stats).toMatchObject({ service_accounts: 1, in_grace_period: 1, over_assigned_licenses: 1, status: 'checked' });
	});

	it('fills what an app requires: GitHub and Cisco Meraki per organization, Microsoft 365 per product', () => {
		const licenseCalls = (account: string) =>
			requests.filter((request) => request.path === '/unified/user-directory/licenses' && request.query.integrated_account_id === account);
		expect(licenseCalls(ACCOUNTS.github).map((request) => request.query.organization_id).sort()).toEqual(['acme-corp', 'acme-labs']);
		expect(licenseCalls(ACCOUNTS.ciscomeraki).map((request) => request.query.organization_id).sort()).toEqual(['549236', '549237']);
		expect(licenseCalls(ACCOUNTS.microsoft365).map((request) => request.query.product).sort()).toEqual(['azure_active_directory', 'onedrive']);
		const licenses = ofKind(inAccount(items, ACCOUNTS.github), 'unassigned_seats').map((item) => item.license_id);
		expect(licenses).toEqual(expect.arrayContaining(['acme-corp/enterprise', 'acme-labs/team']));
	});

	it('turns unhealthy accounts into "not checked" items with the reason and the fix, and goes on', () => {
		const notChecked = ofKind(items, 'not_checked');
		expect(notChecked.map((item) => item.account_id).sort()).toEqual([ACCOUNTS.blocked, ACCOUNTS.okta].sort());
		const okta = notChecked.find((item) => item.account_id === ACCOUNTS.okta);
		expect(okta).toMatchObject({ status: 'not_checked', reason: 'The customer must reconnect this integrated account (status: needs_reauth)' });
		expect(String(okta?.fix)).toMatch(/reconnect/i);
		const blocked = notChecked.find((item) => item.account_id === ACCOUNTS.blocked);
		// Truto's capabilities say it is blocked: nothing of it is listed.
		expect(blocked).toMatchObject({ reason: 'The integrated account Zendesk · acme-blocked is blocked in Truto', fix: expect.stringMatching(/contact Truto support \(support@truto\.one\)/i) });
		expect(String(blocked?.fix)).not.toMatch(/unblock|dashboard/i);
		expect(requests.filter((request) => request.accountId === ACCOUNTS.blocked && /^\/unified\/user-directory\/(users|licenses)$/.test(request.path))).toHaveLength(0);
		expect(summaryOf(items).accounts).toMatchObject({ not_checked: 2 });
	});

	it('gives every item the same fields, null where they do not apply: findings of every kind, not-checked rows and the summary', () => {
		const fields = Object.keys(items[0]);
		expect(fields.slice(0, 3)).toEqual(['kind', 'finding_key', 'title']);
		for (const item of items) {
			expect(Object.keys(item).filter((field) => !fields.includes(field))).toEqual([]);
			expect(fields.filter((field) => !(field in item))).toEqual([]);
			expect(Object.values(item).some((value) => value === undefined)).toBe(false);
		}
		const kinds = new Set(items.map((item) => item.kind));
		for (const kind of ['unused_seat', 'unassigned_seats', 'not_checked', 'summary']) expect(kinds).toContain(kind);
		const license = ofKind(items, 'unassigned_seats')[0];
		expect(license).toMatchObject({ user_id: null, user_email: null, text: null, gaps: null });
		expect(summaryOf(items)).toMatchObject({ finding_key: null, user_id: null, license_id: null, text: expect.any(String) });
	});

	it('keys every finding by account, kind and user, license or part, the same from one run to the next', async () => {
		const findings = items.filter((item) => item.kind !== 'summary');
		for (const finding of findings) {
			const subject = finding.user_id ?? finding.license_id ?? finding.part;
			expect(finding.finding_key).toBe(`${String(finding.account_id)}:${String(finding.kind)}:${String(subject)}`);
		}
		expect(new Set(findings.map((finding) => finding.finding_key)).size).toBe(findings.length);
		const again = (await run(review({ identityProvider: byId(ACCOUNTS.workforce) }))).filter((item) => item.kind !== 'summary');
		expect(again.map((item) => item.finding_key)).toEqual(findings.map((finding) => finding.finding_key));
		expect(findings.every((finding) => typeof finding.found_at === 'string')).toBe(true);
	});

	it('asks only for the user fields it reads', () => {
		const listing = requests.find((request) => request.path === '/unified/user-directory/users' && request.accountId === ACCOUNTS.hubspot);
		expect(listing?.query).toMatchObject({ truto_ignore_remote_data: 'true' });
		expect(listing?.query.truto_exclude_fields).toEqual(expect.arrayContaining(['phones', 'roles', 'title']));
		expect(listing?.query.truto_exclude_fields).not.toEqual(expect.arrayContaining(['emails']));
	});

	it('reads each listed account once: no look-up of an account it already listed', () => {
		expect(requests.filter((request) => request.path === '/integrated-account')).toHaveLength(1);
		expect(requests.filter((request) => /^\/integrated-account\/[^/]+$/.test(request.path))).toEqual([]);
	});
});

describe('which accounts', () => {
	it('reviews the accounts of the integrations named, by Truto name or display name, in any case', async () => {
		const items = await run(review({ accountScope: 'integrations', integrations: 'ZOOM, Microsoft 365', reviewOutput: 'findings' }));
		const accounts = new Set(items.map((item) => item.account_id));
		expect([...accounts].sort()).toEqual([ACCOUNTS.microsoft365, ACCOUNTS.zoom].sort());
		expect(sb.requests.filter((request) => request.accountId && ![ACCOUNTS.microsoft365, ACCOUNTS.zoom].includes(request.accountId))).toEqual([]);
	});

	it('names integrations it found no account of in the summary, and fails when it found none', async () => {
		const [summary] = await run(review({ accountScope: 'integrations', integrations: 'hubspot, zoomm', reviewOutput: 'summary' }));
		expect(summary.unmatched_integrations).toEqual(['zoomm']);
		expect(summary.text).toMatch(/No integrated account of: zoomm/);
		const error = await failure(run(review({ accountScope: 'integrations', integrations: 'zoomm' })));
		expect(error?.message).toBe('No integrated account of zoomm in this Truto environment');
		expect(error?.description).toMatch(/Integrations with accounts here: .*github.*zoom/);
	});

	it('reviews chosen accounts, and reports an unknown ID as not checked', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const items = await run(review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.hubspot, unknown] }));
		expect(ofKind(items, 'not_checked')).toEqual([
			expect.objectContaining({ account_id: unknown, reason: `Truto does not know the integrated account ${unknown}, or could not describe it` }),
		]);
		expect(inAccount(items, ACCOUNTS.hubspot).length).toBeGreaterThan(3);
		expect(sb.requests.some((request) => request.path === '/integrated-account')).toBe(false);
	});

	it('fails the run only when no account at all could be read, naming why', async () => {
		const error = await failure(run(review({ accountScope: 'accounts', integratedAccounts: `${ACCOUNTS.okta},${ACCOUNTS.blocked}` })));
		expect(error?.message).toBe('No integrated account could be reviewed (2 tried)');
		expect(error?.description).toMatch(/Okta · acme\.okta\.com: The customer must reconnect.*Zendesk · acme-blocked: .*blocked/);
		const [item] = await run(review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.okta] }), { continueOnFail: true });
		expect(item.error).toBe('No integrated account could be reviewed (1 tried)');
	});
});

describe('what cannot be read becomes "not checked", never a silent skip', () => {
	const only = (account: string, extra: Parameters = {}) => review({ accountScope: 'accounts', integratedAccounts: [account, ACCOUNTS.hubspot], ...extra });

	it('an identity provider that cannot be read: orphans are not checked, the rest is', async () => {
		const items = await run(only(ACCOUNTS.salesforce, { identityProvider: byId(ACCOUNTS.okta) }));
		const [provider] = ofKind(items, 'not_checked');
		expect(provider).toMatchObject({ account_id: ACCOUNTS.okta, part: 'identity provider', gaps: [expect.objectContaining({ part: 'identity provider' })] });
		expect(ofKind(items, 'orphaned_account')).toEqual([]);
		expect(ofKind(items, 'unused_seat').length).toBeGreaterThan(0);
		expect(summaryOf(items).text).toMatch(/Orphaned accounts were not checked: Okta · acme\.okta\.com could not be read/);
	});

	it('an account refused at its first list (a block found only then): not checked, its users not asked for', async () => {
		sb.setFaults([{ kind: 'status', status: 503, times: -1, match: { path: '^/unified/user-directory/licenses$', accountId: ACCOUNTS.salesforce } }]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [refused] = ofKind(items, 'not_checked');
		expect(refused).toMatchObject({ account_id: ACCOUNTS.salesforce, status: 'not_checked', part: 'account', reason: expect.stringMatching(/^Truto answered 503/) });
		expect(sb.requests.some((request) => request.accountId === ACCOUNTS.salesforce && request.path === '/unified/user-directory/users')).toBe(false);
	});

	it('an app rate limited past the wait: its 429 and what to do', async () => {
		sb.setFaults([{ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, times: -1, match: { accountId: ACCOUNTS.salesforce } }]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [limited] = ofKind(items, 'not_checked');
		expect(limited).toMatchObject({ account_id: ACCOUNTS.salesforce, status: 'not_checked' });
		expect(limited.reason).toMatch(/429/);
		expect(limited.fix).toMatch(/rate limit/i);
		expect(ofKind(inAccount(items, ACCOUNTS.hubspot), 'unused_seat').length).toBeGreaterThan(0);
	});

	it('partial pages: the findings read are listed and the account is "partly checked"', async () => {
		sb.setFaults([{ kind: 'partial', times: 1, match: { path: '^/unified/user-directory/users$', accountId: ACCOUNTS.salesforce } }]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [partial] = ofKind(items, 'not_checked');
		expect(partial).toMatchObject({ status: 'partly_checked', gaps: [expect.objectContaining({ part: 'users' })] });
		expect(partial.reason).toMatch(/Truto marked 1 of \d+ pages? as partial/);
		expect(ofKind(inAccount(items, ACCOUNTS.salesforce), 'unassigned_seats').length).toBeGreaterThan(0);
		expect(summaryOf(items).accounts).toMatchObject({ partly_checked: 1 });
	});

	it('a partial identity provider: nobody is called absent, deactivated people still count', async () => {
		sb.setFaults([{ kind: 'partial', times: 1, match: { path: '^/unified/user-directory/users$', accountId: ACCOUNTS.workforce } }]);
		const items = await run(review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.salesforce], identityProvider: byId(ACCOUNTS.workforce) }));
		const orphans = ofKind(items, 'orphaned_account').map((item) => item.identity_match);
		expect(orphans).not.toContain('absent');
		expect(ofKind(items, 'not_checked')).toEqual([expect.objectContaining({ status: 'partly_checked', gaps: [expect.objectContaining({ part: 'identity provider' })] })]);
	});

	it('a capability the app lacks: users not listed through Truto', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				times: -1,
				match: { path: `^/integrated-account/${ACCOUNTS.salesforce}/capabilities$` },
				body: { unified: { resources: [{ api_name: 'licenses', model: 'user-directory', methods: ['list', 'get'] }] } },
			},
		]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [lacking] = ofKind(items, 'not_checked');
		expect(lacking).toMatchObject({ status: 'partly_checked', reason: 'Salesforce does not list users through Truto, so held seats cannot be checked' });
		expect(ofKind(inAccount(items, ACCOUNTS.salesforce), 'unassigned_seats').length).toBeGreaterThan(0);
		expect(sb.requests.some((request) => request.accountId === ACCOUNTS.salesforce && request.path === '/unified/user-directory/users')).toBe(false);
	});

	it("an app that cannot list licenses: partly checked, saying licenses were not read and to review them in the app's console", async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				times: -1,
				match: { path: `^/integrated-account/${ACCOUNTS.salesforce}/capabilities$` },
				body: { unified: { resources: [{ api_name: 'users', model: 'user-directory', methods: ['list', 'get'] }] } },
			},
		]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [lacking] = ofKind(items, 'not_checked');
		expect(lacking).toMatchObject({
			status: 'partly_checked',
			part: 'licenses',
			reason: 'Salesforce does not list licenses through Truto, so its licenses were not read: unassigned and underused seats are unknown, and each user counts as one seat',
			fix: "Review this app's licenses in its own admin console.",
		});
		expect(summaryOf(items).accounts).toMatchObject({ checked: 1, partly_checked: 1 });
		expect(summaryOf(items).per_account).toContainEqual(expect.objectContaining({ account_id: ACCOUNTS.salesforce, status: 'partly_checked' }));
		expect(String(summaryOf(items).text)).toMatch(/Salesforce · acme\.my\.salesforce\.com \(licenses\): Salesforce does not list licenses through Truto/);
		expect(sb.requests.some((request) => request.accountId === ACCOUNTS.salesforce && request.path === '/unified/user-directory/licenses')).toBe(false);
	});

	it('an app that lists no licenses (an empty list): checked', async () => {
		sb.setFaults([{ kind: 'status', status: 200, times: -1, match: { path: '^/unified/user-directory/licenses$', accountId: ACCOUNTS.salesforce }, body: { result: [], next_cursor: null } }]);
		const items = await run(only(ACCOUNTS.salesforce));
		expect(ofKind(items, 'not_checked')).toEqual([]);
		expect(summaryOf(items).per_account).toContainEqual(expect.objectContaining({ account_id: ACCOUNTS.salesforce, status: 'checked' }));
	});

	it('a required parameter the review cannot fill: named, with how to check by hand', async () => {
		sb.setFaults([
			{
				kind: 'status',
				status: 200,
				times: -1,
				match: { path: '^/unified/user-directory/users/meta/list$', query: ACCOUNTS.salesforce },
				body: { method: 'list', query_schema: { type: 'object', properties: { workspace_id: { type: 'string', required: true } } } },
			},
		]);
		const items = await run(only(ACCOUNTS.salesforce));
		const [missing] = ofKind(items, 'not_checked');
		expect(missing).toMatchObject({ reason: 'Salesforce needs workspace_id to list users, which the review cannot fill in', status: 'partly_checked' });
		expect(missing.fix).toMatch(/User → Get Many.*workspace_id/);
	});
});

describe('output', () => {
	it('counts the same summary whether it keeps the findings or only counts them', async () => {
		const scope = { accountScope: 'integrations', integrations: 'salesforce, hubspot, zoom', identityProvider: byId(ACCOUNTS.workforce) };
		const full = await run(review({ ...scope, reviewOutput: 'findingsAndSummary' }));
		const [counted] = await run(review({ ...scope, reviewOutput: 'summary' }));
		const withoutClock = (summary: IDataObject) => ({ ...summary, generated_at: undefined });
		expect(withoutClock(counted)).toEqual(withoutClock(summaryOf(full)));
		expect(String(counted.text)).toMatch(/Biggest findings \(10 of \d+\):/);
	});

	it('gives only the summary, or only the findings, as asked', async () => {
		const summary = await run(review({ accountScope: 'integrations', integrations: 'hubspot', reviewOutput: 'summary' }));
		expect(summary.map((item) => item.kind)).toEqual(['summary']);
		const findings = await run(review({ accountScope: 'integrations', integrations: 'hubspot', reviewOutput: 'findings' }));
		expect(findings.length).toBeGreaterThan(3);
		expect(ofKind(findings, 'summary')).toEqual([]);
	});

	it('reports only the finding types asked for, with exemptions and entered prices applied', async () => {
		const items = await run(
			review({
				accountScope: 'integrations',
				integrations: 'atlassian',
				reviewOutput: 'findings',
				options: {
					findingTypes: ['unusedSeat'],
					exemptEmails: 'NOAH.williams@acme.com',
					prices: { price: [{ integration: 'atlassian', license: 'Jira Software (Standard)', monthlyPrice: 7.75, currency: 'USD' }] },
				},
			}),
		);
		expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['unused_seat']));
		expect(items.some((item) => item.user_email === 'noah.williams@acme.com')).toBe(false);
		const liam = items.find((item) => item.user_email === 'liam.obrien@acme.com');
		expect(liam).toMatchObject({ price: 'partly unknown', unpriced_seats: 1, monthly_cost: 7.75, currency: 'USD', seats: 2 });
	});
});

describe('an identity provider account that is not one', () => {
	async function hintsFor(identityProvider: string) {
		const context = executeContext({
			parameters: review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.salesforce], identityProvider: byId(identityProvider) }),
			credentials: { apiToken: TOKEN, baseUrl: sb.url },
		});
		await new TrutoUserDirectory().execute.call(context);
		return context.hints;
	}

	it('is said in the output pane, and the run goes on', async () => {
		const hints = await hintsFor(ACCOUNTS.github);
		expect(hints).toEqual([
			expect.objectContaining({
				location: 'outputPane',
				message: expect.stringMatching(/^Identity Provider Account is GitHub · acme-corp, and GitHub is not an identity provider: .* Choose your Okta, Microsoft Entra ID/),
			}),
		]);
	});

	it('is not said for an identity provider', async () => {
		expect(await hintsFor(ACCOUNTS.workforce)).toEqual([]);
	});
});
