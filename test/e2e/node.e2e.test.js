'use strict';
// @ts-check
/**
 * The packed package inside a real n8n, run with `n8n execute`: every resource × operation,
 * paging, limits, per-integration fields, raw format, a failing workflow and On Error → Continue.
 * Every assertion compares with what the sandbox itself holds.
 */
const { itemsOf, nodeError } = require('../../dev/n8n');
const { ACCOUNTS, TOKEN, describeInN8n, listDirect, idsOf } = require('./setup');
const { byId, trutoNode, codeNode, manualWorkflow } = require('../../dev/workflows');

const USERS = '/unified/user-directory/users';
const ORGANIZATIONS = '/unified/user-directory/organizations';
const LICENSES = '/unified/user-directory/licenses';

describeInN8n('Truto User Directory in n8n %s', {}, (e2e) => {
	/** @type {Record<string, any>} */ const expected = {};
	/** @type {any} */ let run;

	beforeAll(async () => {
		expected.zoomUsers = await listDirect(e2e.sandbox, USERS, { integrated_account_id: ACCOUNTS.zoom });
		expected.salesforceUser = (await listDirect(e2e.sandbox, USERS, { integrated_account_id: ACCOUNTS.salesforce }))[0];
		expected.githubOrgs = await listDirect(e2e.sandbox, ORGANIZATIONS, { integrated_account_id: ACCOUNTS.github });
		expected.githubLicenses = await listDirect(e2e.sandbox, LICENSES, {
			integrated_account_id: ACCOUNTS.github,
			organization_id: expected.githubOrgs[0].id,
		});
		expected.merakiOrg = (await listDirect(e2e.sandbox, ORGANIZATIONS, { integrated_account_id: ACCOUNTS.ciscomeraki }))[0];
		expected.merakiLicense = (
			await listDirect(e2e.sandbox, LICENSES, { integrated_account_id: ACCOUNTS.ciscomeraki, organization_id: expected.merakiOrg.id })
		)[0];
		expected.onedriveLicenses = await listDirect(e2e.sandbox, LICENSES, { integrated_account_id: ACCOUNTS.microsoft365, product: 'onedrive' });
		expected.webexLicense = (await listDirect(e2e.sandbox, LICENSES, { integrated_account_id: ACCOUNTS.webex }))[0];
		expected.rawLicenses = await (
			await fetch(`${e2e.sandbox.url}${LICENSES}?integrated_account_id=${ACCOUNTS.licensespring}&truto_response_format=raw`, {
				headers: { authorization: `Bearer ${TOKEN}` },
			})
		).json();

		const workflow = manualWorkflow('trutoE2eOperations1', [
			trutoNode('All Zoom Users', { resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.zoom), returnAll: true }),
			trutoNode('30 Zoom Users', { resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.zoom), limit: 30 }),
			trutoNode('Get User', {
				resource: 'user',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.salesforce),
				userId: byId(expected.salesforceUser.id),
			}),
			trutoNode('GitHub Organizations', { resource: 'organization', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true }),
			trutoNode('Get Organization', {
				resource: 'organization',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.github),
				organizationId: byId(expected.githubOrgs[1].id),
			}),
			trutoNode('GitHub Licenses', {
				resource: 'license',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.github),
				returnAll: true,
				organization: byId(expected.githubOrgs[0].id),
			}),
			trutoNode('Get GitHub License', {
				resource: 'license',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.github),
				licenseId: byId(expected.githubLicenses[0].id),
			}),
			trutoNode('Get Meraki License', {
				resource: 'license',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.ciscomeraki),
				licenseId: byId(expected.merakiLicense.id),
				organization: byId(expected.merakiOrg.id),
			}),
			trutoNode('OneDrive Licenses', {
				resource: 'license',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.microsoft365),
				returnAll: true,
				product: 'onedrive',
			}),
			trutoNode('Webex License With Users', {
				resource: 'license',
				operation: 'get',
				integratedAccount: byId(ACCOUNTS.webex),
				licenseId: byId(expected.webexLicense.id),
				includeAssignedTo: 'user',
			}),
			trutoNode('Raw Licenses', {
				resource: 'license',
				operation: 'getAll',
				integratedAccount: byId(ACCOUNTS.licensespring),
				returnAll: true,
				options: { responseFormat: 'raw' },
			}),
			trutoNode('Integrated Accounts', { resource: 'integratedAccount', operation: 'getAll', returnAll: true }),
			trutoNode('Get Integrated Account', { resource: 'integratedAccount', operation: 'get', integratedAccount: byId(ACCOUNTS.okta) }),
		]);
		await e2e.n8n.importWorkflow(workflow);
		e2e.sandbox.clearRequests();
		run = await e2e.n8n.execute(workflow.id);
	});

	const items = (name) => itemsOf(run.execution, name);
	// The calls the node was asked to make: its pre-flight metadata look-ups (…/meta/<method>) left out.
	const requestsTo = (path) => e2e.sandbox.requests.filter((request) => request.path.startsWith(path) && !request.path.includes('/meta/'));

	it('runs the workflow and prints its execution', () => {
		expect(run.execution).not.toBeNull();
		expect(run.exitCode).toBe(0);
	});

	it('returns all users across empty and short pages, in order, once each', () => {
		expect(idsOf(items('All Zoom Users'))).toEqual(idsOf(expected.zoomUsers));
		const cursors = requestsTo(USERS)
			.filter((request) => request.query.integrated_account_id === ACCOUNTS.zoom && request.query.next_cursor)
			.map((request) => request.query.next_cursor);
		expect(cursors.join('')).toMatch(/[+/=]/);
	});

	it('honours Limit', () => {
		expect(idsOf(items('30 Zoom Users'))).toEqual(idsOf(expected.zoomUsers).slice(0, 30));
	});

	it('gets one user, organization and license', () => {
		expect(items('Get User')).toHaveLength(1);
		expect(items('Get User')[0].id).toBe(expected.salesforceUser.id);
		expect(items('Get User')[0].emails).toEqual(expected.salesforceUser.emails);
		expect(items('Get Organization').map((org) => org.id)).toEqual([expected.githubOrgs[1].id]);
		expect(items('Get GitHub License')[0].id).toBe(expected.githubLicenses[0].id);
	});

	it('lists organizations', () => {
		expect(idsOf(items('GitHub Organizations'))).toEqual(idsOf(expected.githubOrgs));
	});

	it('sends Organization as organization_id to list licenses and as organizations to get one', () => {
		expect(idsOf(items('GitHub Licenses'))).toEqual(idsOf(expected.githubLicenses));
		const listed = requestsTo(LICENSES).find((r) => r.query.integrated_account_id === ACCOUNTS.github && !r.path.endsWith('licenses/' + encodeURIComponent(expected.githubLicenses[0].id)) && r.path === LICENSES);
		expect(listed.query.organization_id).toBe(expected.githubOrgs[0].id);

		expect(items('Get Meraki License')[0].id).toBe(expected.merakiLicense.id);
		const got = requestsTo(LICENSES).find((r) => r.query.integrated_account_id === ACCOUNTS.ciscomeraki);
		expect(got.query.organizations).toBe(expected.merakiOrg.id);
		expect(got.query.organization_id).toBeUndefined();
	});

	it('keeps IDs with / + = inside one path segment', () => {
		const githubGet = requestsTo(LICENSES).find((r) => r.query.integrated_account_id === ACCOUNTS.github && r.path !== LICENSES);
		expect(githubGet.path).toBe(`${LICENSES}/${encodeURIComponent(expected.githubLicenses[0].id)}`);
		expect(items('Webex License With Users')[0].id).toBe(expected.webexLicense.id);
	});

	it('sends Product and Include Assigned To', () => {
		expect(idsOf(items('OneDrive Licenses'))).toEqual(idsOf(expected.onedriveLicenses));
		expect(requestsTo(LICENSES).find((r) => r.query.integrated_account_id === ACCOUNTS.microsoft365).query.product).toBe('onedrive');
		const webex = items('Webex License With Users')[0];
		expect(Array.isArray(webex.assigned_to)).toBe(true);
		expect(webex.assigned_to.length).toBe(webex.assigned_quantity);
	});

	it('turns a raw bare-array answer into one item per element', () => {
		expect(Array.isArray(expected.rawLicenses)).toBe(true);
		expect(items('Raw Licenses')).toEqual(expected.rawLicenses);
	});

	it('lists and gets integrated accounts', () => {
		const accounts = items('Integrated Accounts');
		expect(accounts.map((account) => account.id).sort()).toEqual(expect.arrayContaining(Object.values(ACCOUNTS)));
		expect(items('Get Integrated Account')[0]).toMatchObject({ id: ACCOUNTS.okta, status: 'needs_reauth' });
	});

	it('never writes the API token into logs or execution data', () => {
		expect(JSON.stringify(run.execution)).not.toContain(TOKEN);
		expect(e2e.n8n.allLogText()).not.toContain(TOKEN);
	});

	describe('failures', () => {
		it('fails the workflow with a message naming the missing field', async () => {
			const workflow = manualWorkflow('trutoE2eMissingField1', [
				trutoNode('GitHub Licenses Without Organization', {
					resource: 'license',
					operation: 'getAll',
					integratedAccount: byId(ACCOUNTS.github),
					returnAll: true,
				}),
			]);
			await e2e.n8n.importWorkflow(workflow);
			const failed = await e2e.n8n.execute(workflow.id);
			expect(failed.exitCode).not.toBe(0);
			const error = nodeError(failed.execution, 'GitHub Licenses Without Organization');
			expect(error).toBeTruthy();
			expect(`${error.message} ${error.description}`).toMatch(/organization_id/);
			expect(error.description).toMatch(/Organization \(organization_id\)/);
		});

		it('continues on error with one error item paired with the failed input item', async () => {
			const accounts = [ACCOUNTS.salesforce, ACCOUNTS.blocked, ACCOUNTS.atlassian];
			const workflow = manualWorkflow(
				'trutoE2eContinue1',
				[
					codeNode('Accounts', `return ${JSON.stringify(accounts)}.map((accountId) => ({ json: { accountId } }));`),
				],
				{
					extraNodes: [
						trutoNode(
							'Two Users Per Account',
							{
								resource: 'user',
								operation: 'getAll',
								integratedAccount: byId('={{ $json.accountId }}'),
								limit: 2,
							},
							{ onError: 'continueRegularOutput' },
						),
					],
					chains: [['Accounts', 'Two Users Per Account']],
				},
			);
			await e2e.n8n.importWorkflow(workflow);
			const continued = await e2e.n8n.execute(workflow.id);
			expect(continued.exitCode).toBe(0);
			const output = continued.execution.data.resultData.runData['Two Users Per Account'][0].data.main[0];
			expect(output).toHaveLength(5);
			const failed = output.filter((item) => item.json.error);
			expect(failed).toHaveLength(1);
			expect(failed[0].json.error).toMatch(/blocked in Truto/);
			expect(failed[0].json.description).toMatch(/503/);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			expect(output.filter((item) => !item.json.error).map((item) => item.pairedItem.item)).toEqual([0, 0, 2, 2]);
		});

		it("routes a failed item to n8n's error output with On Error → Continue (using error output)", async () => {
			const accounts = [ACCOUNTS.salesforce, ACCOUNTS.blocked, ACCOUNTS.atlassian];
			const workflow = manualWorkflow(
				'trutoE2eErrorOutput1',
				[codeNode('Accounts', `return ${JSON.stringify(accounts)}.map((accountId) => ({ json: { accountId } }));`)],
				{
					extraNodes: [
						trutoNode(
							'Two Users Per Account',
							{ resource: 'user', operation: 'getAll', integratedAccount: byId('={{ $json.accountId }}'), limit: 2 },
							{ onError: 'continueErrorOutput' },
						),
					],
					chains: [['Accounts', 'Two Users Per Account']],
				},
			);
			await e2e.n8n.importWorkflow(workflow);
			const run = await e2e.n8n.execute(workflow.id);
			expect(run.exitCode).toBe(0);
			const [success, failure] = run.execution.data.resultData.runData['Two Users Per Account'][0].data.main;
			expect(success.map((item) => item.pairedItem.item)).toEqual([0, 0, 2, 2]);
			expect(success.every((item) => !item.json.error)).toBe(true);
			expect(failure).toHaveLength(1);
			// n8n keeps only the message as the item's JSON; the error itself (with the fix in its
			// description) stays on the item.
			expect(failure[0].json).toEqual({ error: expect.stringMatching(/blocked in Truto/) });
			expect(failure[0].error.description).toMatch(/contact Truto support/);
			expect(failure[0].pairedItem).toEqual({ item: 1 });
		});
	});
});
