'use strict';
// @ts-check
/**
 * Output in a real n8n, where n8n itself fills in the defaults of each node version: a saved version 1
 * node (no Output parameter in its JSON) still outputs whole records; a version 1.1 node, as the editor
 * adds it now, outputs the simplified ones. One execution per n8n version.
 */
const { ACCOUNTS, describeInN8n, listDirect } = require('./setup');
const { itemsOf } = require('../../dev/n8n');
const { trutoNode, manualWorkflow, byId } = require('../../dev/workflows');

const users = { resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.salesforce), returnAll: true, options: {} };
const versions = manualWorkflow('outputVersions1', [
	trutoNode('Saved With Version 1', users),
	{ ...trutoNode('Added Now', users), typeVersion: 1.1 },
	{ ...trutoNode('Raw On 1.1', { ...users, output: 'raw' }), typeVersion: 1.1 },
]);

describeInN8n('n8n %s Output defaults per node version', {}, (e2e) => {
	beforeAll(async () => {
		await e2e.n8n.importWorkflow(versions);
	});

	it('version 1 keeps whole records, version 1.1 outputs simplified ones unless Raw is chosen', async () => {
		const { execution, exitCode } = await e2e.n8n.execute(versions.id);
		expect(exitCode).toBe(0);
		const records = await listDirect(e2e.sandbox, '/unified/user-directory/users', { integrated_account_id: ACCOUNTS.salesforce, truto_ignore_remote_data: 'true' });
		expect(itemsOf(execution, 'Saved With Version 1')).toEqual(records);
		expect(itemsOf(execution, 'Raw On 1.1')).toEqual(records);
		const simplified = itemsOf(execution, 'Added Now');
		expect(simplified.map((user) => user.id)).toEqual(records.map((record) => record.id));
		for (const user of simplified) expect(Object.keys(user).sort()).toEqual(['email', 'id', 'last_seen_at', 'licenses', 'name', 'roles', 'status']);
	});
});
