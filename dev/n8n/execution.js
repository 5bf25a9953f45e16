'use strict';
// @ts-check
/** Reading what an execution produced, from `n8n execute --rawOutput` or the public API. */

/**
 * @typedef {object} Execution n8n's IRun as printed by `n8n execute --rawOutput`
 * @property {{ resultData: { runData: Record<string, any[]>, lastNodeExecuted?: string, error?: any } }} data
 * @property {string} [status]
 * @property {boolean} [finished]
 * @property {string} [mode]
 */

/**
 * Parses the execution JSON out of `n8n execute --rawOutput` output: it starts at the first line
 * that is exactly `{` (log lines come before it) and ends at a line that is exactly `}`.
 * @param {string} text
 * @returns {Execution | null}
 */
function parseExecutionOutput(text) {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.replace(/\r$/, '') === '{');
	if (start === -1) return null;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end].replace(/\r$/, '') !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			/* a nested `}` line of a multi-line string: keep looking */
		}
	}
	return null;
}

/**
 * @param {Execution | null | undefined} execution
 * @param {string} nodeName
 */
function runOf(execution, nodeName) {
	return execution?.data?.resultData?.runData?.[nodeName]?.[0];
}

/**
 * The `json` of every item the node emitted on its first output (first run).
 * @param {Execution | null | undefined} execution
 * @param {string} nodeName
 * @returns {Array<Record<string, any>>}
 */
function itemsOf(execution, nodeName) {
	const items = runOf(execution, nodeName)?.data?.main?.[0] ?? [];
	return items.map((/** @type {{ json: Record<string, any> }} */ i) => i.json);
}

/**
 * The error the node failed with (first run), or undefined.
 * @param {Execution | null | undefined} execution
 * @param {string} nodeName
 * @returns {{ message?: string, description?: string, httpCode?: string, name?: string, [k: string]: any } | undefined}
 */
function nodeError(execution, nodeName) {
	return runOf(execution, nodeName)?.error;
}

/**
 * @param {Execution | null | undefined} execution
 * @returns {string | undefined}
 */
function lastNodeExecuted(execution) {
	return execution?.data?.resultData?.lastNodeExecuted;
}

module.exports = { parseExecutionOutput, itemsOf, nodeError, lastNodeExecuted };
