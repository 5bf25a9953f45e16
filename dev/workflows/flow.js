'use strict';
// @ts-check
/**
 * Nodes that steer a workflow, as workflow JSON saves them (n8n 2.8.4 and 2.41.1 alike): conditions,
 * If, Filter, Switch, Loop Over Items, and the triggers the examples start from.
 */
const crypto = require('node:crypto');
const { node } = require('./nodes');

/** @typedef {import('./nodes').NodeOptions} NodeOptions */
/** @typedef {{ id: string, leftValue: unknown, rightValue: unknown, operator: Record<string, unknown> }} Condition */

/** `left` equals the text `right`. @param {string} id @param {string} left @param {string} right @returns {Condition} */
function equals(id, left, right) {
	return { id, leftValue: left, rightValue: right, operator: { type: 'string', operation: 'equals' } };
}

/** `left` (an expression giving a boolean) is true. @param {string} id @param {string} left @returns {Condition} */
function isTrue(id, left) {
	return { id, leftValue: left, rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } };
}

/** `left` is a non-empty text. @param {string} id @param {string} left @returns {Condition} */
function notEmpty(id, left) {
	return { id, leftValue: left, rightValue: '', operator: { type: 'string', operation: 'notEmpty', singleValue: true } };
}

/**
 * The conditions block of If 2.2, Filter 2.2 and Switch 3.2 rules (filter version 2).
 * @param {Condition[]} list
 * @param {'and' | 'or'} [combinator]
 */
function conditions(list, combinator = 'and') {
	return { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: list, combinator };
}

/** If: output 0 when the conditions hold, output 1 otherwise. @param {string} name @param {Condition[]} list @param {NodeOptions} [options] */
function ifNode(name, list, options) {
	return node('n8n-nodes-base.if', 2.2, name, { conditions: conditions(list), options: {} }, options);
}

/** Filter: only the items for which the conditions hold. @param {string} name @param {Condition[]} list @param {NodeOptions} [options] */
function filterNode(name, list, options) {
	return node('n8n-nodes-base.filter', 2.2, name, { conditions: conditions(list), options: {} }, options);
}

/**
 * Switch with one named output per rule, in order.
 * @param {string} name
 * @param {Array<{ output: string, when: Condition[] }>} rules
 * @param {NodeOptions} [options]
 */
function switchNode(name, rules, options) {
	const values = rules.map((rule) => ({ conditions: conditions(rule.when), renameOutput: true, outputKey: rule.output }));
	return node('n8n-nodes-base.switch', 3.2, name, { rules: { values }, options: {} }, options);
}

/** Loop Over Items (Split in Batches 3): output 0 "done" with every item sent back, output 1 "loop" one batch at a time. @param {string} name @param {NodeOptions} [options] */
function loopNode(name, options) {
	return node('n8n-nodes-base.splitInBatches', 3, name, { batchSize: 1, options: {} }, options);
}

/** A Schedule Trigger firing weekly on `day` (0 = Sunday) at `hour`. @param {string} name @param {number} day @param {number} hour @param {NodeOptions} [options] */
function weeklyTrigger(name, day, hour, options) {
	return node('n8n-nodes-base.scheduleTrigger', 1.2, name, { rule: { interval: [{ field: 'weeks', triggerAtDay: [day], triggerAtHour: hour }] } }, options);
}

/** A UUID that stays the same for the same text (webhook IDs, as the editor would have made one). @param {string} text */
function stableUuid(text) {
	const hex = crypto.createHash('sha1').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Webhook trigger answering at once (the run goes on after the answer). @param {string} name @param {string} path @param {NodeOptions} [options] */
function webhookTrigger(name, path, options = {}) {
	return node('n8n-nodes-base.webhook', 2, name, { httpMethod: 'POST', path, options: {} }, { webhookId: stableUuid(path), ...options });
}

module.exports = { equals, isTrue, notEmpty, conditions, ifNode, filterNode, switchNode, loopNode, weeklyTrigger, webhookTrigger };
