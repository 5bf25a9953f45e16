'use strict';
// @ts-check
/**
 * What every e2e test shares: the n8n versions under test, a booted n8n with the packed package and
 * a Truto credential pointing at an in-process sandbox, and small builders for workflow JSON.
 */
const { VERSIONS, N8nInstance, packPackage } = require('../../dev/n8n');
const { startSandbox, ACCOUNTS, TOKEN } = require('../../dev/sandbox');
const { fetchAllPages } = require('../../dev/paging');

const TRUTO_NODE = 'n8n-nodes-truto.trutoUserDirectory';
const TRUTO_CREDENTIAL = { id: 'trutoCredential1', name: 'Truto API' };
const E2E_TIMEOUT_MS = 15 * 60_000;

/** `E2E_N8N_VERSIONS=2.41.1` narrows a local run; CI runs every pinned version. */
function versionsUnderTest() {
	const wanted = (process.env.E2E_N8N_VERSIONS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	const all = VERSIONS.map((entry) => entry.n8n);
	return wanted.length ? all.filter((version) => wanted.includes(version)) : all;
}

/**
 * A fresh n8n of that version with the package, plus the Truto credential (and any others).
 * @param {string} version
 * @param {{ url: string }} sandbox
 * @param {{ credentials?: Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>, env?: Record<string, string> }} [options]
 */
async function bootN8n(version, sandbox, options = {}) {
	const instance = await N8nInstance.create({ version, tarball: packPackage(), env: options.env });
	await instance.importCredentials([
		{ ...TRUTO_CREDENTIAL, type: 'trutoApi', data: { apiToken: TOKEN, baseUrl: sandbox.url } },
		...(options.credentials ?? []),
	]);
	return instance;
}

/** A resource locator as saved in workflow JSON. */
function byId(value) {
	return { __rl: true, mode: 'id', value };
}

/**
 * A Truto node for a workflow.
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 * @param {Record<string, unknown>} [extra] node settings such as onError or executeOnce
 */
function trutoNode(name, parameters, extra = {}) {
	return {
		id: `e2e-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: TRUTO_NODE,
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials: { trutoApi: TRUTO_CREDENTIAL },
		...extra,
	};
}

/**
 * A workflow that starts with a Manual Trigger connected to every node in `branches`, each of
 * which may be followed by the nodes in `after[branchName]`.
 * @param {string} id
 * @param {any[]} branches
 * @param {{ chains?: Array<[string, string]>, extraNodes?: any[] }} [options]
 */
function manualWorkflow(id, branches, options = {}) {
	const trigger = { id: `${id}-trigger`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [trigger, ...branches, ...(options.extraNodes ?? [])].map((node, index) => ({
		...node,
		position: [index === 0 ? 0 : 400, index * 120],
	}));
	/** @type {Record<string, any>} */
	const connections = { Start: { main: [branches.map((node) => ({ node: node.name, type: 'main', index: 0 }))] } };
	for (const [from, to] of options.chains ?? []) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return { id, name: id, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * Reads a list straight from the sandbox, cursor by cursor: the expected answer for a node run.
 * @param {{ url: string }} sandbox
 * @param {string} path e.g. '/unified/user-directory/users'
 * @param {Record<string, string>} query
 */
async function listDirect(sandbox, path, query) {
	const { records } = await fetchAllPages(`${sandbox.url}${path}`, { token: TOKEN, query: { ...query, limit: '100' } });
	return records;
}

/** @param {any[]} records */
const idsOf = (records) => records.map((record) => String(record.id));

module.exports = {
	ACCOUNTS,
	TOKEN,
	TRUTO_NODE,
	TRUTO_CREDENTIAL,
	E2E_TIMEOUT_MS,
	startSandbox,
	versionsUnderTest,
	bootN8n,
	byId,
	trutoNode,
	manualWorkflow,
	listDirect,
	idsOf,
};
