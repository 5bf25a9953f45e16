'use strict';
// @ts-check
/**
 * n8n in server mode: the credential test and the node's dropdowns through n8n's own REST
 * endpoints (as the editor calls them), the AI-tool variant, and the offboarding example answering
 * its webhook.
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
		expect(report.email).toBe(LEAVER);
		expect(report.stillHasAccess.map((entry) => entry.accountId).sort()).toEqual(
			[ACCOUNTS.salesforce, ACCOUNTS.atlassian, ACCOUNTS.webex].sort(),
		);
		expect(report.stillHasAccess.find((entry) => entry.accountId === ACCOUNTS.webex).status).toBe('inactive');
		expect(report.couldNotCheck.map((entry) => entry.accountId)).toEqual(expect.arrayContaining([ACCOUNTS.okta, ACCOUNTS.blocked]));
		expect(report.clean).toBe(false);
		expect(report.text).toMatch(/Still has access \(2\)/);
	});
});
