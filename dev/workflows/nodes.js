'use strict';
// @ts-check
/** Nodes as workflow JSON saves them. */
const { TRUTO_CREDENTIAL } = require('./credentials');

const TRUTO_NODE = 'n8n-nodes-truto.trutoUserDirectory';
const TRUTO_TRIGGER_NODE = 'n8n-nodes-truto.trutoTrigger';

/** @typedef {import('./credentials').CredentialRef} CredentialRef */
/**
 * @typedef {{ id?: string, position?: [number, number], credentials?: Record<string, CredentialRef>,
 *   [setting: string]: unknown }} NodeOptions
 *   id: by default made from the name; any other key is a node setting (onError, executeOnce,
 *   alwaysOutputData, webhookId, …)
 */

/**
 * One node, its keys in the order the editor writes them (so generated examples read like exported ones).
 * @param {string} type
 * @param {number} typeVersion
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 * @param {NodeOptions} [options]
 */
function node(type, typeVersion, name, parameters, options = {}) {
	const { id = name.replace(/\W+/g, '-').toLowerCase(), position = [0, 0], credentials, ...settings } = options;
	return { id, name, type, typeVersion, position, ...settings, parameters, ...(credentials ? { credentials } : {}) };
}

/** @param {string} [name] @param {NodeOptions} [options] */
function manualTrigger(name = 'Start', options) {
	return node('n8n-nodes-base.manualTrigger', 1, name, {}, options);
}

/**
 * The Truto User Directory node with the Truto credential.
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 * @param {NodeOptions} [options]
 */
function trutoNode(name, parameters, options = {}) {
	return node(TRUTO_NODE, 1, name, parameters, { credentials: { trutoApi: TRUTO_CREDENTIAL }, ...options });
}

/**
 * The Truto Trigger (webhooks) with the Truto credential. Give it a fixed `webhookId` (n8n's URL for
 * it is /webhook/<webhookId>/webhook), as the editor does when the node is added.
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 * @param {NodeOptions} [options]
 */
function trutoTriggerNode(name, parameters, options = {}) {
	return node(TRUTO_TRIGGER_NODE, 1, name, parameters, { credentials: { trutoApi: TRUTO_CREDENTIAL }, ...options });
}

/** @param {string} name @param {Record<string, unknown>} parameters @param {NodeOptions} [options] */
function httpRequestNode(name, parameters, options) {
	return node('n8n-nodes-base.httpRequest', 4.2, name, parameters, options);
}

/** A Code node running `jsCode` once for all items. @param {string} name @param {string} jsCode @param {NodeOptions} [options] */
function codeNode(name, jsCode, options) {
	return node('n8n-nodes-base.code', 2, name, { jsCode }, options);
}

/**
 * A Set node ("Edit Fields") setting `fields` by hand.
 * @param {string} name
 * @param {Array<ReturnType<typeof field>>} fields
 * @param {NodeOptions} [options]
 */
function setNode(name, fields, options) {
	return node('n8n-nodes-base.set', 3.4, name, { assignments: { assignments: fields }, options: {} }, options);
}

/**
 * One field of a Set node.
 * @param {string} id unique within the node
 * @param {string} name
 * @param {unknown} value
 * @param {string} [type] 'string', 'number', 'boolean', …
 */
function field(id, name, value, type = 'string') {
	return { id, name, value, type };
}

/**
 * A sticky note on the canvas, as n8n's templates carry their instructions.
 * @param {string} name
 * @param {string[]} lines Markdown, one line each
 * @param {NodeOptions & { width?: number, height?: number, color?: number }} options
 */
function stickyNote(name, lines, options) {
	const { width = 420, height = 300, color, ...rest } = options;
	return node('n8n-nodes-base.stickyNote', 1, name, { content: lines.join('\n'), height, width, ...(color ? { color } : {}) }, rest);
}

/** A resource locator picked from its list, as the editor saves it. @param {string} value @param {string} label */
function fromList(value, label) {
	return { __rl: true, mode: 'list', value, cachedResultName: label };
}

/** A resource locator set by ID, as workflow JSON saves it. @param {unknown} value */
function byId(value) {
	return { __rl: true, mode: 'id', value };
}

module.exports = { TRUTO_NODE, TRUTO_TRIGGER_NODE, node, manualTrigger, trutoNode, trutoTriggerNode, httpRequestNode, codeNode, setNode, field, byId, fromList, stickyNote };
