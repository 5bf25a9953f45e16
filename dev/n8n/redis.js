'use strict';
// @ts-check
/** Redis for n8n's queue mode. */
const { spawnSync } = require('node:child_process');
const { defaultLog } = require('./install');
const { spawnInGroup, stopChild, sleep, freePort, canConnect } = require('./processes');

/**
 * @param {string} cmd
 * @returns {string | undefined}
 */
function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Makes sure `redis-server` exists (queue-mode tests need it); installs Debian's package if not.
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {string} path of redis-server
 */
function ensureRedis(opts = {}) {
	const log = opts.log ?? defaultLog;
	const found = which('redis-server');
	if (found) return found;
	log('redis-server missing: apt-get install -y redis-server…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
		const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}); run it as root`);
	}
	const installed = which('redis-server');
	if (!installed) throw new Error('redis-server still not on PATH after apt-get install');
	// Debian starts a system redis on 6379 after install; ours use their own ports, so it is harmless.
	return installed;
}

/**
 * Starts a throw-away redis-server on a free loopback port (no persistence).
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ port: number, stop: () => Promise<void>, logs: () => string }>}
 */
async function startRedis(opts = {}) {
	const bin = ensureRedis(opts);
	const port = await freePort();
	/** @type {import('./processes').ProcessLog} */
	const log = { name: 'redis', stdout: '', stderr: '', exitCode: null };
	const { child } = spawnInGroup({
		command: bin,
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		log,
	});
	const logs = () => log.stdout + log.stderr;
	const deadline = Date.now() + 15_000;
	while (!(await canConnect(port))) {
		if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${logs()}`);
		if (Date.now() > deadline) {
			await stopChild(child);
			throw new Error(`redis-server did not listen on ${port}:\n${logs()}`);
		}
		await sleep(100);
	}
	return { port, stop: () => stopChild(child, 5000), logs };
}

module.exports = { startRedis, ensureRedis };
