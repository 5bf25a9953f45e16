'use strict';
// @ts-check
/**
 * The harness's child processes (n8n and Redis) and the loopback ports they listen on. Every child
 * runs in its own process group so that stopping it also ends the task-runner children n8n spawns;
 * an exit hook kills whatever an exiting test process leaves behind.
 */
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const { spawn } = require('node:child_process');

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ name: string, stdout: string, stderr: string, exitCode: number | null }} ProcessLog */
/** @typedef {{ exitCode: number | null, stdout: string, stderr: string }} RunResult */

/** @type {Set<ChildProcess>} */
const liveChildren = new Set();
let exitHookInstalled = false;

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const child of liveChildren) killGroup(child, 'SIGKILL');
	});
	for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		// Only when nobody else handles the signal: then we kill our children and die as before.
		if (process.listenerCount(sig) > 0) continue;
		process.once(sig, () => {
			for (const child of liveChildren) killGroup(child, 'SIGKILL');
			process.kill(process.pid, sig);
		});
	}
}

/**
 * @param {ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function killGroup(child, signal) {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* already gone */
	}
}

/**
 * Ends a child's process group: SIGTERM, then SIGKILL after `graceMs`.
 * @param {ChildProcess} child
 * @param {number} [graceMs]
 */
async function stopChild(child, graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) {
		killGroup(child, 'SIGKILL'); // the leader is gone; its runners may not be
		return;
	}
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	killGroup(child, 'SIGKILL');
}

/**
 * Starts a command in its own process group, recording everything it prints into `log`.
 * @param {{ command: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv, log: ProcessLog,
 *   stdoutFile?: string, onOutput?: (processName: string, chunk: string) => void }} o
 *   stdoutFile: collect stdout through this file instead of a pipe; onOutput: sees every chunk printed
 * @returns {{ child: ChildProcess, done: Promise<RunResult> }} done: resolves when the process has exited
 */
function spawnInGroup(o) {
	installExitHook();
	const { log } = o;
	// A pipe loses the end of a large output when the process exits right after printing it (the
	// execution JSON of a 100,000-item run is tens of MB); a file gets every byte.
	const stdoutFd = o.stdoutFile ? fs.openSync(o.stdoutFile, 'w') : undefined;
	const child = spawn(o.command, o.args, {
		cwd: o.cwd,
		env: o.env,
		detached: true,
		stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
	});
	if (stdoutFd !== undefined) fs.closeSync(stdoutFd);
	liveChildren.add(child);
	child.stdout?.setEncoding('utf8').on('data', (d) => {
		log.stdout += d;
		o.onOutput?.(log.name, d);
	});
	child.stderr?.setEncoding('utf8').on('data', (d) => {
		log.stderr += d;
		o.onOutput?.(log.name, d);
	});
	const done = /** @type {Promise<RunResult>} */ (
		new Promise((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (code, signal) => {
				liveChildren.delete(child);
				if (o.stdoutFile) {
					log.stdout = fs.readFileSync(o.stdoutFile, 'utf8');
					fs.rmSync(o.stdoutFile, { force: true });
				}
				log.exitCode = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null);
				resolve({ exitCode: log.exitCode, stdout: log.stdout, stderr: log.stderr });
			});
		})
	);
	return { child, done };
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The last lines of a process's output, for error messages. @param {string} s */
function tail(s, lines = 40) {
	return s.split('\n').slice(-lines).join('\n');
}

/** Ports handed out by this process, so two instances in one process never get the same one. */
const usedPorts = new Set();

/**
 * Asks the OS for a free TCP port on loopback.
 * @returns {Promise<number>}
 */
async function freePort() {
	for (;;) {
		const port = await new Promise((resolve, reject) => {
			const srv = net.createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const addr = srv.address();
				const p = typeof addr === 'object' && addr ? addr.port : 0;
				srv.close(() => resolve(p));
			});
		});
		if (!usedPorts.has(port)) {
			usedPorts.add(port);
			return port;
		}
	}
}

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function canConnect(port) {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host: '127.0.0.1' });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

module.exports = { spawnInGroup, killGroup, stopChild, sleep, tail, freePort, canConnect };
