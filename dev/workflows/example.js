'use strict';
// @ts-check
/**
 * What every example's wiring to local stand-ins does alike: read the example as saved in examples/,
 * set values of its Settings node, and turn its "Run Now" trigger into a webhook a test can call (a
 * server cannot be told to run a schedule now).
 */
const fs = require('node:fs');
const path = require('node:path');
const { webhookTrigger } = require('./flow');

/**
 * @param {string} file the example's file name in examples/
 * @param {Record<string, unknown>} settings values for the Settings node's fields of the same names (undefined ones are left as saved)
 * @param {string} [runPath] make "Run Now" a webhook at this path; without it stays a manual trigger
 */
function wiredExample(file, settings, runPath) {
	const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'));
	const node = workflow.nodes.find((/** @type {any} */ each) => each.name === 'Settings');
	for (const assignment of node.parameters.assignments.assignments) {
		if (settings[assignment.name] !== undefined) assignment.value = settings[assignment.name];
	}
	if (runPath) {
		const index = workflow.nodes.findIndex((/** @type {any} */ each) => each.name === 'Run Now');
		const manual = workflow.nodes[index];
		workflow.nodes[index] = webhookTrigger('Run Now', runPath, { id: manual.id, position: manual.position });
	}
	return workflow;
}

/** The example's node of this name. */
const nodeNamed = (/** @type {any} */ workflow, /** @type {string} */ name) => workflow.nodes.find((/** @type {any} */ node) => node.name === name);

module.exports = { wiredExample, nodeNamed };
