'use strict';
// @ts-check
/** Debian packages the development tools need (redis-server, chromium), installed on demand. */
const { spawnSync } = require('node:child_process');

/**
 * @param {string} cmd
 * @returns {string | undefined} the command's path, when it is on PATH
 */
function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Makes sure `command` exists; installs Debian's `pkg` (apt-get update + install) if not.
 * @param {string} command e.g. 'redis-server'
 * @param {string} pkg e.g. 'redis-server'
 * @param {(msg: string) => void} log
 * @returns {string} the command's path
 */
function ensureDebianPackage(command, pkg, log) {
	const found = which(command);
	if (found) return found;
	log(`${command} missing: apt-get install -y ${pkg}…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', pkg]]) {
		const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}); run it as root`);
	}
	const installed = which(command);
	if (!installed) throw new Error(`${command} still not on PATH after apt-get install ${pkg}`);
	return installed;
}

module.exports = { which, ensureDebianPackage };
