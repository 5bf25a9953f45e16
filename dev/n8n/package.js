'use strict';
// @ts-check
/** The package under test, exactly as users get it: `npm pack` output, installed as a community package. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT } = require('./versions');

const PACKAGE_NAME = 'n8n-nodes-truto';

/** @type {string | undefined} */
let packedTarball;

/**
 * Packs the repo (its `dist/` must be built: `npm run build`) into a folder of this process (so that
 * two checkouts or two runs sharing `.cache` never unpack each other's build); cached per process.
 * @returns {string} absolute path of the .tgz
 */
function packPackage() {
	if (packedTarball && fs.existsSync(packedTarball)) return packedTarball;
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before packing the package for n8n');
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'truto-pack-'));
	process.once('exit', () => fs.rmSync(dest, { recursive: true, force: true }));
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
	const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest, '--loglevel=error'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env,
	});
	if (r.status !== 0) throw new Error(`npm pack failed (exit ${r.status}):\n${r.stderr}`);
	const json = r.stdout.slice(r.stdout.indexOf('['));
	const [{ filename }] = JSON.parse(json);
	packedTarball = path.join(dest, path.basename(filename));
	return packedTarball;
}

/**
 * Unpacks the tarball where n8n's community-package loader looks:
 * `.n8n/nodes/node_modules/<name>` (2.8.4 and 2.41.1 glob `n8n-nodes-*` there and need no
 * package.json or DB row; one package.json is written anyway, like the one n8n's own installer
 * leaves, so the folder looks as it does for users).
 * @param {string} tarball
 * @param {string} n8nFolder
 */
function installTarball(tarball, n8nFolder) {
	const nodesDir = path.join(n8nFolder, 'nodes');
	const dest = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(dest, { recursive: true, force: true }); // a kept user folder gets the new build
	fs.mkdirSync(dest, { recursive: true });
	const r = spawnSync('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1'], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`tar -xzf ${tarball} failed: ${r.stderr}`);
	const { version } = JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8'));
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2) + '\n',
	);
}

module.exports = { PACKAGE_NAME, packPackage, installTarball };
