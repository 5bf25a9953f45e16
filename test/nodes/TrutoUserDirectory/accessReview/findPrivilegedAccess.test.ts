/**
 * Access Review → Find Privileged Access through the node's execute(), against the sandbox over real
 * HTTP: exactly the sandbox's privileged holders, flagged ones first, service accounts apart, the
 * identity provider read once, accounts not checked named, and the CSV for auditors.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { holdersCsv, roleMatcher } from '../../../../nodes/TrutoUserDirectory/accessReview/privilege';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { PRIVILEGED } from '../../../helpers/people';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

function review(extra: Parameters = {}): Parameters {
	return { resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'all', options: {}, ...extra };
}

async function run(parameters: Parameters): Promise<INodeExecutionData[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}
const json = (output: INodeExecutionData[]) => output.map((item) => item.json);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { description?: string }) => error);
const ofKind = (items: IDataObject[], kind: string) => items.filter((item) => item.kind === kind);
const holders = (items: IDataObject[]) => ofKind(items, 'privileged_access').map((item) => `${item.integration_slug}:${item.user_email}`);


describe('the whole estate with an identity provider', () => {
	let output: INodeExecutionData[];
	let items: IDataObject[];
	beforeAll(async () => {
		sb.clearRequests();
		output = await run(review({ identityProvider: byId(ACCOUNTS.workforce), options: { csvFile: true } }));
		items = json(output);
	});

	it('lists exactly the privileged users: user_type admin, or a role named like the list (Owner, Org Admin, Global Administrator …)', () => {
		expect(holders(items).sort()).toEqual(PRIVILEGED);
		const github = ofKind(items, 'privileged_access').find((item) => item.user_email === 'mona.okafor@acme-corp.com');
		expect(github).toMatchObject({ privileged_by: ['user_type admin', 'role Owner'], privileged_roles: ['Owner'], two_factor: true });
		// Billing manager is not billing admin; Member and Standard User are not privileged.
		expect(holders(items)).not.toContain('github:nadia.haddad@acme-corp.com');
	});

	it('flags admins gone from the identity provider first, then admins without 2FA', () => {
		const people = ofKind(items, 'privileged_access');
		expect(people.slice(0, 4).map((item) => [item.integration_slug, item.user_email, item.flags])).toEqual([
			['hubspot', 'chloe.dubois@acme.com', ['deactivated in identity provider']],
			['salesforce', 'dana.whitfield@acme.com', ['absent from identity provider']],
			['atlassian', 'ingrid.larsen@acme.com', ['no 2FA']],
			['hubspot', 'maria.garcia@acme.com', ['no 2FA']],
		]);
		expect(people.slice(4).every((item) => (item.flags as string[]).length === 0)).toBe(true);
		expect(people.find((item) => item.integration_slug === 'webex')?.two_factor).toBeNull();
	});

	it('keeps service accounts apart, after the people', () => {
		const services = ofKind(items, 'privileged_service_account');
		expect(services.map((item) => `${item.integration_slug}:${item.user_email}`)).toEqual(['atlassian:automation@connect.atlassian.com']);
		expect(items.indexOf(services[0])).toBeGreaterThan(items.lastIndexOf(ofKind(items, 'privileged_access').at(-1) as IDataObject));
	});

	it('reads the identity provider once for every app compared with it', async () => {
		await run(review({ accountScope: 'integrations', integrations: 'hubspot, salesforce, atlassian', identityProvider: byId(ACCOUNTS.workforce) }));
		expect(unifiedRequests(sb, 'users').filter((request) => request.accountId === ACCOUNTS.workforce)).toHaveLength(1);
	});

	it('names the accounts not checked, sums up per app and overall', () => {
		expect(ofKind(items, 'not_checked').map((item) => item.account_id).sort()).toEqual([ACCOUNTS.okta, ACCOUNTS.blocked].sort());
		const hubspot = ofKind(items, 'app_summary').find((item) => item.account_id === ACCOUNTS.hubspot);
		expect(hubspot).toMatchObject({ people: 2, flagged: 2, without_2fa: 1, gone_from_identity_provider: 1 });
		const summary = items[items.length - 1];
		expect(summary).toMatchObject({ kind: 'summary', privileged_accounts: 15, people: 14, service_accounts: 1, gone_from_identity_provider: 2, without_2fa: 2, accounts: { not_checked: 2 } });
		expect(String(summary.text)).toContain('Chloe Dubois (HubSpot · acme-eu): deactivated in identity provider');
	});

	it('attaches a CSV to the summary: one row per privileged user and app', () => {
		const file = output[output.length - 1].binary?.data;
		expect(file).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/^privileged-access-\d{4}-\d\d-\d\d\.csv$/) });
		const rows = Buffer.from(String(file?.data), 'base64').toString('utf8').trim().split('\r\n');
		expect(rows[0]).toBe('kind,integration,account_name,account_id,user_id,user_name,user_email,user_status,user_type,privileged_by,roles,two_factor,last_seen,identity_match,flags');
		expect(rows).toHaveLength(1 + PRIVILEGED.length + 1);
		expect(rows[1]).toContain('chloe.dubois@acme.com');
		expect(output.filter((item) => item.binary)).toHaveLength(1);
	});
});

describe('choices and failures', () => {
	it('takes its own list of privileged role names', async () => {
		const items = json(await run(review({ accountScope: 'integrations', integrations: 'github', privilegedRoles: 'billing manager' })));
		// user_type admin still counts; the billing manager is added.
		expect(holders(items).sort()).toEqual(['github:mona.okafor@acme-corp.com', 'github:nadia.haddad@acme-corp.com', 'github:priya.natarajan@acme-corp.com']);
	});

	it('compares nobody with the identity provider when none is chosen, and attaches no file unless asked', async () => {
		const output = await run(review({ accountScope: 'integrations', integrations: 'hubspot' }));
		expect(ofKind(json(output), 'privileged_access').map((item) => item.flags)).toEqual([['no 2FA'], []]);
		expect(output.some((item) => item.binary)).toBe(false);
	});

	it('says so when the identity provider cannot be read, and reviews the apps anyway', async () => {
		const items = json(await run(review({ accountScope: 'integrations', integrations: 'hubspot', identityProvider: byId(ACCOUNTS.okta) })));
		expect(ofKind(items, 'not_checked')).toEqual([expect.objectContaining({ account_id: ACCOUNTS.okta, part: 'identity provider' })]);
		expect(holders(items)).toHaveLength(2);
		expect(String(items[items.length - 1].text)).toContain('Nobody was compared with the identity provider');
	});

	it('names an account whose listing fails', async () => {
		sb.setFaults([{ kind: 'status', status: 403, times: -1, match: { path: '^/unified/user-directory/users$', accountId: ACCOUNTS.github } }]);
		const items = json(await run(review()));
		expect(ofKind(items, 'not_checked').find((item) => item.account_id === ACCOUNTS.github)).toMatchObject({ part: 'users', status: 'not_checked' });
		expect(holders(items).some((entry) => entry.startsWith('github:'))).toBe(false);
	});

	it('refuses an empty role list before any request', async () => {
		const error = await failure(run(review({ privilegedRoles: ' , ' })));
		expect(error?.message).toBe('Privileged Roles is empty');
		expect(error?.description).toContain('admin, owner');
		expect(unifiedRequests(sb, 'users')).toEqual([]);
	});

	it('fails when no account at all can be read', async () => {
		const error = await failure(run(review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.blocked] })));
		expect(error?.message).toBe('No integrated account could be reviewed (1 tried)');
	});
});

describe('role names', () => {
	const privileged = roleMatcher(['admin', 'owner', 'super admin', 'org admin', 'billing admin', 'administrator']);
	it.each(['Owner', 'Org Admin', 'Administrator', 'Site admin', 'Global Administrator', 'SUPER_ADMIN', 'Full Administrator'])('%s is privileged', (role) => {
		expect(privileged(role)).toBe(true);
	});
	it.each(['Member', 'Billing manager', 'Badminton coach', 'Standard User', 'Read-only', 'Co-owners club'])('%s is not', (role) => {
		expect(privileged(role)).toBe(false);
	});
});

describe('the CSV', () => {
	it('quotes cells with commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
		const csv = holdersCsv([{ kind: 'privileged_access', user_name: 'Smith, "Jo"', roles: ['=HYPERLINK("x")', 'Owner'], flags: [] }]);
		const row = csv.split('\r\n')[1];
		expect(row).toContain('"Smith, ""Jo"""');
		expect(row).toContain(`"'=HYPERLINK(""x""); Owner"`);
	});
});
