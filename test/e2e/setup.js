'use strict';
// @ts-check
/**
 * What every e2e test shares: the n8n versions under test, a booted n8n with the packed package and
 * a Truto credential pointing at an in-process sandbox, and the sandbox's own answers to compare with.
 * Workflow JSON comes from dev/workflows.
 */
const { VERSIONS, N8nInstance, packPackage } = require('../../dev/n8n');
const { startSandbox, ACCOUNTS, TOKEN } = require('../../dev/sandbox');
const { fetchAllPages } = require('../../dev/paging');
const { trutoCredential } = require('../../dev/workflows');

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
		trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url }),
		...(options.credentials ?? []),
	]);
	return instance;
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
	E2E_TIMEOUT_MS,
	startSandbox,
	versionsUnderTest,
	bootN8n,
	listDirect,
	idsOf,
};
