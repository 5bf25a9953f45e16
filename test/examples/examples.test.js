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

const TRIGGER_EVENTS = new TrutoTrigger().description.properties
	.find((property) => property.name === 'events')
	.options.map((option) => option.value);

describe('examples', () => {
	it.each(Object.keys(WORKFLOWS))('%s is up to date with its sources (npm run examples)', (file) => {
		const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8');
		expect(JSON.parse(committed)).toEqual(WORKFLOWS[file]);
	});

	it('account-health-alerts.json closes the loop on integrated_account:active, not reactivated', () => {
		// A reconnect sends integrated_account:updated then :active; :reactivated means the app's 401s stopped by themselves.
		const notes = WORKFLOWS['account-health-alerts.json'].nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const advice = notes.map((note) => note.parameters.content).join('\n');
		expect(advice).toMatch(/integrated_account:active/);
		expect(advice).toMatch(/Account Became Active/);
		expect(advice).toMatch(/integrated_account:reactivated[^.]*not sent when the customer reconnects/);
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
			expect(node.type).toBe('n8n-nodes-truto.trutoUserDirectory');
			expect(resources).toContain(node.parameters.resource);
			expect(operationsOf(node.parameters.resource)).toContain(node.parameters.operation);
		}
	});
});
