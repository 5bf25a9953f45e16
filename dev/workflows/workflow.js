'use strict';
// @ts-check
/** Whole workflows: nodes and the connections between them. */
const { manualTrigger } = require('./nodes');

/**
 * A workflow as `n8n import:workflow` takes it: a fixed id (with a digit), inactive, v1 execution order.
 * @param {string} id
 * @param {any[]} nodes
 * @param {Record<string, any>} connections from connect()
 * @param {string} [name]
 */
function workflow(id, nodes, connections, name = id) {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * Connections from `[from, to]` pairs of node names (first output to first input), in order.
 * @param {...[string, string]} pairs
 */
function connect(...pairs) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (const [from, to] of pairs) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}

/**
 * A Manual Trigger named "Start" connected to every node in `branches`; `extraNodes` are added
 * unconnected except through `chains` (`[from, to]` pairs).
 * @param {string} id
 * @param {any[]} branches
 * @param {{ chains?: Array<[string, string]>, extraNodes?: any[] }} [options]
 */
function manualWorkflow(id, branches, options = {}) {
	const nodes = [manualTrigger('Start', { id: `${id}-trigger` }), ...branches, ...(options.extraNodes ?? [])].map((node, index) => ({
		...node,
		position: [index === 0 ? 0 : 400, index * 120],
	}));
	/** @type {Array<[string, string]>} */
	const fromStart = branches.map((node) => ['Start', node.name]);
	return workflow(id, nodes, connect(...fromStart, ...(options.chains ?? [])));
}

/**
 * A Manual Trigger, then `nodes` one after the other.
 * @param {string} id
 * @param {any[]} nodes
 */
function linearWorkflow(id, nodes) {
	const all = [manualTrigger('Start', { id: `${id}-trigger` }), ...nodes].map((node, index) => ({ ...node, position: [index * 220, 0] }));
	/** @type {Array<[string, string]>} */
	const pairs = all.slice(1).map((node, index) => [all[index].name, node.name]);
	return workflow(id, all, connect(...pairs));
}

module.exports = { workflow, connect, manualWorkflow, linearWorkflow };
