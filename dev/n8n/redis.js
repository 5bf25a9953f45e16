'use strict';
// @ts-check
/** Redis for n8n's queue mode. */
const { ensureDebianPackage } = require('../apt');
const { defaultLog } = require('./install');
const { spawnInGroup, stopChild, sleep, freePort, canConnect } = require('./processes');

/**
 * Makes sure `redis-server` exists (queue-mode tests need it); installs Debian's package if not.
 * Debian starts a system redis on 6379 after install; ours use their own ports, so it is harmless.
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {string} path of redis-server
 */
function ensureRedis(opts = {}) {
	return ensureDebianPackage('redis-server', 'redis-server', opts.log ?? defaultLog);
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
