'use strict';
// @ts-check
/**
 * n8n in server mode: the credential test and the node's dropdowns through n8n's own REST
 * endpoints (as the editor calls them), the AI-tool variant, and the offboarding example answering
 * its webhook (the report, and the error answer).
 */
const fs = require('node:fs');
const path = require('node:path');

const { ACCOUNTS, describeInN8n } = require('./setup');
const { TRUTO_NODE, TRUTO_CREDENTIAL, byId } = require('../../dev/workflows');

const offboardingExample = JSON.parse(
	fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'offboarding-check.json'), 'utf8'),
);
const LEAVER = 'dana.whitfield@acme.com';

/** A second Truto credential, with a token the sandbox refuses. @param {any} e2e */
const withWrongToken = (e2e) => ({
	credentials: [
		{ id: 'trutoBadToken1', name: 'Truto API (wrong token)', type: 'trutoApi', data: { apiToken: 'not-a-valid-token', baseUrl: e2e.sandbox.url } },
	],
});

describeInN8n('n8n %s server', { boot: withWrongToken }, (e2e) => {
	beforeAll(async () => {
		await e2e.n8n.importWorkflow(offboardingExample);
		await e2e.n8n.publishWorkflow(offboardingExample.id);
		await e2e.n8n.start();
		await e2e.n8n.login();
	});

	it('loads the node and its AI-tool variant', async () => {
		const names = (await e2e.n8n.nodeTypes()).map((type) => type.name);
		expect(names).toContain(TRUTO_NODE);
		expect(names).toContain(`${TRUTO_NODE}Tool`);
	});

	it('passes the credential test with a valid token', async () => {
		const result = await e2e.n8n.testCredential(TRUTO_CREDENTIAL.id);
		expect(result.status).toBe('OK');
		expect(e2e.sandbox.requests.some((request) => request.path === '/integrated-account' && request.query.limit === '1')).toBe(true);
	});

	it('fails the credential test with a wrong token', async () => {
		const result = await e2e.n8n.testCredential('trutoBadToken1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/401|Unauthorized|Authorization/i);
		expect(result.message).not.toContain('not-a-valid-token');
	});

	it('lists integrated accounts in the dropdown', async () => {
		const { results } = await e2e.n8n.listSearch({
			nodeType: TRUTO_NODE,
			methodName: 'searchIntegratedAccounts',
			parameters: { resource: 'user', operation: 'getAll' },
			credentials: { trutoApi: TRUTO_CREDENTIAL },
			path: 'parameters.integratedAccount',
		});
		expect(results).toEqual(expect.arrayContaining([{ name: 'GitHub · acme-corp', value: ACCOUNTS.github }]));
		expect(results.map((result) => result.value)).toEqual(expect.arrayContaining(Object.values(ACCOUNTS)));
	});

	it('searches integrated accounts by what the user types', async () => {
		const { results } = await e2e.n8n.listSearch({
			nodeType: TRUTO_NODE,
			methodName: 'searchIntegratedAccounts',
			parameters: { resource: 'user', operation: 'getAll' },
			credentials: { trutoApi: TRUTO_CREDENTIAL },
			filter: 'salesforce',
			path: 'parameters.integratedAccount',
		});
		expect(results.map((result) => result.value)).toEqual([ACCOUNTS.salesforce]);
	});

	it('lists the chosen account\'s organizations in the Organization dropdown', async () => {
		const { results } = await e2e.n8n.listSearch({
			nodeType: TRUTO_NODE,
			methodName: 'searchOrganizations',
			parameters: { resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github) },
			credentials: { trutoApi: TRUTO_CREDENTIAL },
			path: 'parameters.organization',
		});
		expect(results.map((result) => result.value).sort()).toEqual(['acme-corp', 'acme-labs']);
	});

	it('answers the offboarding webhook with where the person still has access', async () => {
		const response = await e2e.n8n.restRaw('POST', '/webhook/offboarding-check', { email: LEAVER });
		expect(response.status).toBe(200);
		const report = response.body;
		const ids = (/** @type {any[]} */ entries) => entries.map((entry) => entry.account_id).sort();
		expect(report.email).toBe(LEAVER);
		// Active users of the leaver in the sandbox: Salesforce and Atlassian; Webex has her, inactive.
		expect(ids(report.stillHasAccess)).toEqual([ACCOUNTS.salesforce, ACCOUNTS.atlassian].sort());
		expect(report.stillHasAccess.map((entry) => [entry.kind, entry.user_email, entry.user_status, entry.active])).toEqual([
			['account', LEAVER, 'active', true],
			['account', LEAVER, 'active', true],
		]);
		expect(report.notActive.map((entry) => [entry.account_id, entry.user_status, entry.active])).toEqual([[ACCOUNTS.webex, 'inactive', false]]);
		// Okta needs re-authentication and the blocked account is blocked: neither could be searched.
		expect(ids(report.couldNotCheck)).toEqual([ACCOUNTS.okta, ACCOUNTS.blocked].sort());
		expect(Object.fromEntries(report.couldNotCheck.map((entry) => [entry.account_id, [entry.kind, entry.status, entry.reason]]))).toEqual({
			[ACCOUNTS.okta]: ['not_checked', 'not_checked', expect.stringMatching(/reconnect.*needs_reauth/)],
			[ACCOUNTS.blocked]: ['not_checked', 'not_checked', expect.stringMatching(/is blocked in Truto/)],
		});
		expect(report.couldNotCheck.every((entry) => typeof entry.fix === 'string' && entry.fix.length > 0)).toBe(true);
		expect(report.clean).toBe(false);
		expect(report.summary).toMatchObject({
			kind: 'summary',
			accounts: { total: Object.keys(ACCOUNTS).length, checked: Object.keys(ACCOUNTS).length - 2, partly_checked: 0, not_checked: 2 },
			people: [expect.objectContaining({ email: LEAVER, found_in: 3, active_in: 2 })],
		});
		expect(report.text).toBe(report.summary.text);
		expect(report.text).toMatch(/^\*dana\.whitfield@acme\.com: found in 3 apps, active in 2\*\n/);
	});

	it('answers the offboarding webhook with the cause and the fix when no email is given', async () => {
		const response = await e2e.n8n.restRaw('POST', '/webhook/offboarding-check', { email: '  ' });
		expect(response.status).toBe(422);
		expect(response.body).toEqual({ email: '', error: 'Emails is empty', fix: expect.stringMatching(/^Enter the email of the person to look for/) });
	});
});
