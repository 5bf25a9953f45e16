'use strict';
// @ts-check
const fs = require('node:fs');
const path = require('node:path');

const { WORKFLOWS } = require('../../scripts/build-examples');
const { TrutoUserDirectory } = require('../../nodes/TrutoUserDirectory/TrutoUserDirectory.node');

/** The node's public parameters: resource values, and each resource's operation values. */
const { properties } = new TrutoUserDirectory().description;
const resources = properties.find((property) => property.name === 'resource').options.map((option) => option.value);
const operationsOf = (resource) =>
	properties
		.filter((property) => property.name === 'operation' && property.displayOptions.show.resource.includes(resource))
		.flatMap((property) => property.options.map((option) => option.value));

const { TrutoTrigger } = require('../../nodes/TrutoTrigger/TrutoTrigger.node');
const { TrutoUserDirectoryTrigger } = require('../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node');

const POLL_EVENTS = new TrutoUserDirectoryTrigger().description.properties
	.find((property) => property.name === 'event')
	.options.map((option) => option.value);

const TRIGGER_EVENTS = new TrutoTrigger().description.properties
	.find((property) => property.name === 'events')
	.options.map((option) => option.value);

describe('examples', () => {
	it.each(Object.keys(WORKFLOWS))('%s is up to date with its sources (npm run examples)', (file) => {
		const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8');
		expect(JSON.parse(committed)).toEqual(WORKFLOWS[file]);
	});

	it.each(Object.keys(WORKFLOWS))('%s has unique node ids and names (n8n refuses to import duplicates)', (file) => {
		const { nodes } = WORKFLOWS[file];
		expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
		expect(new Set(nodes.map((node) => node.name)).size).toBe(nodes.length);
	});

	it.each(Object.keys(WORKFLOWS))('%s explains itself in a sticky note: what it does, what to set, in order', (file) => {
		const notes = WORKFLOWS[file].nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const about = notes.find((note) => note.name === 'About This Workflow');
		expect(about?.parameters.content).toMatch(/^## .+\n/);
		expect(about?.parameters.content).toMatch(/### Set up, in order\n1\. .+\n2\. /);
	});

	it('seat-reclamation-approval.json picks the identity provider in the node\'s list, not a Settings field', () => {
		const { nodes } = WORKFLOWS['seat-reclamation-approval.json'];
		const find = nodes.find((node) => node.name === 'Find Reclaimable Seats');
		expect(find.parameters.identityProvider).toEqual({ __rl: true, mode: 'list', value: '' });
		const settings = nodes.find((node) => node.name === 'Settings');
		expect(settings.parameters.assignments.assignments.map((field) => field.name)).not.toContain('identityProviderAccountId');
	});

	it('account-health-alerts.json closes the loop on integrated_account:active, not reactivated', () => {
		// A reconnect sends integrated_account:updated then :active; :reactivated means the app's 401s stopped by themselves.
		const notes = WORKFLOWS['account-health-alerts.json'].nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const advice = notes.map((note) => note.parameters.content).join('\n');
		expect(advice).toMatch(/integrated_account:active/);
		expect(advice).toMatch(/Account Became Active/);
		expect(advice).toMatch(/integrated_account:reactivated[^.]*not sent when the customer reconnects/);
	});

	it('offboard-on-deactivation.json offboards with the node and n8n\'s own nodes: no Code node, delete only after an approval', () => {
		const { nodes, connections } = WORKFLOWS['offboard-on-deactivation.json'];
		expect(nodes.filter((node) => node.type === 'n8n-nodes-base.code')).toEqual([]);
		const offboards = nodes.filter((node) => node.parameters.operation === 'offboard');
		expect(offboards.map((node) => [node.name, node.parameters.offboardDryRun, node.parameters.offboardOptions.allowDelete])).toEqual([
			['Offboard', false, false],
			['Delete', false, true],
		]);
		// Delete is reached only through the approval's "approved" output.
		expect(connections['Delete Approved?'].main[0].map((link) => link.node)).toEqual(['Accounts to Delete']);
		expect(nodes.find((node) => node.name === 'Ask to Delete').parameters.operation).toBe('sendAndWait');
	});

	it('offboarding-check.json finds the accounts with Person → Find Accounts and answers with n8n\'s own nodes: no Code node', () => {
		const { nodes, connections } = WORKFLOWS['offboarding-check.json'];
		expect(nodes.filter((node) => node.type === 'n8n-nodes-base.code')).toEqual([]);
		// Callers keep their URL: same path and method.
		expect(nodes.find((node) => node.name === 'Webhook').parameters).toMatchObject({ httpMethod: 'POST', path: 'offboarding-check', responseMode: 'responseNode' });
		const truto = nodes.filter((node) => node.type.startsWith('n8n-nodes-truto.'));
		expect(truto.map((node) => [node.name, node.parameters.resource, node.parameters.operation, node.parameters.accountScope])).toEqual([
			['Find Accounts', 'person', 'findAccounts', 'all'],
		]);
		// Both answers are reached: the report, and the error with its fix.
		const next = (name, output = 0) => connections[name].main[output].map((link) => link.node);
		expect([next('Search Failed?', 1), next('All Results'), next('Access Report')]).toEqual([['All Results'], ['Access Report'], ['Respond']]);
		expect([next('Search Failed?', 0), next('Why Not Checked')]).toEqual([['Why Not Checked'], ['Respond With Error']]);
	});

	it.each(Object.keys(WORKFLOWS))('%s only uses the public node type and parameter names', (file) => {
		const workflow = WORKFLOWS[file];
		const truto = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-truto.'));
		expect(truto.length).toBeGreaterThan(0);
		for (const node of truto) {
			expect(Object.keys(node.credentials)).toEqual(['trutoApi']);
			if (node.type === 'n8n-nodes-truto.trutoTrigger') {
				// The webhook trigger (README → Interface additions): Truto's event names, and a fixed webhook id.
				expect(node.parameters.events.every((event) => TRIGGER_EVENTS.includes(event))).toBe(true);
				expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
				continue;
			}
			if (node.type === 'n8n-nodes-truto.trutoUserDirectoryTrigger') {
				expect(POLL_EVENTS).toContain(node.parameters.event);
				continue;
			}
			expect(node.type).toBe('n8n-nodes-truto.trutoUserDirectory');
			expect(resources).toContain(node.parameters.resource);
			expect(operationsOf(node.parameters.resource)).toContain(node.parameters.operation);
		}
	});
});
