'use strict';
// @ts-check
/**
 * A real n8n, started headlessly for end-to-end tests, demos and `npm run dev`.
 *
 *   const { N8nInstance, packPackage } = require('./dev/n8n');
 *   const n8n = await N8nInstance.create({ version: '2.41.1', tarball: packPackage() });
 *   await n8n.importCredentials([{ id: 'cred1', name: 'Truto', type: 'trutoApi', data: {...} }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const { execution } = await n8n.execute(workflowJson.id);
 *   await n8n.cleanup();
 *
 * Every n8n process is started through `n8nCommand()` so a container could replace the npm-installed
 * binary later (n8n 3.0 stops publishing a runnable npm package).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const { ensureInstalled, ensureRedis, nodeBinFor, n8nBinFor, installDir, REPO_ROOT } = require('./install');

const PACKAGE_NAME = 'n8n-nodes-truto';
/** Fixed so credentials imported by one process can be decrypted by the next. */
const ENCRYPTION_KEY = 'truto-e2e-fixed-encryption-key-0000000001';
/** The owner every instance gets in server mode (password meets n8n's rules: 8+, digit, capital). */
const OWNER = Object.freeze({ email: 'owner@e2e.example.com', password: 'E2e-Owner-Passw0rd', firstName: 'E2E', lastName: 'Owner' });
const DEFAULT_TIMEOUT_MS = 180_000;

/** @typedef {(msg: string) => void} Logger */
/** @typedef {{ name: string, stdout: string, stderr: string, exitCode: number | null }} ProcessLog */
/** @typedef {{ exitCode: number | null, stdout: string, stderr: string }} RunResult */
/**
 * @typedef {object} Execution n8n's IRun as printed by `n8n execute --rawOutput`
 * @property {{ resultData: { runData: Record<string, any[]>, lastNodeExecuted?: string, error?: any } }} data
 * @property {string} [status]
 * @property {boolean} [finished]
 * @property {string} [mode]
 */

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: every child runs in its own process group so that stop() also ends the
// task-runner children n8n spawns; the set below lets an exiting test process kill leftovers.

/** @type {Set<import('node:child_process').ChildProcess>} */
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
 * @param {import('node:child_process').ChildProcess} child
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
 * @param {import('node:child_process').ChildProcess} child
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

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

// ---------------------------------------------------------------------------------------------
// The seam: how an n8n command line is started.

/**
 * The command that runs n8n `version`: today the npm-installed CLI on the Node it needs. Replace
 * this (and only this) to run n8n from a container instead.
 * @param {string} version
 * @returns {{ command: string, args: string[], pathPrefix: string[] }}
 *   pathPrefix: folders to put first on PATH (task runners are spawned as `node`).
 */
function n8nCommand(version) {
	const nodeBin = nodeBinFor(version);
	return {
		command: nodeBin,
		args: [n8nBinFor(version)],
		pathPrefix: nodeBin === process.execPath ? [] : [path.dirname(nodeBin)],
	};
}

// ---------------------------------------------------------------------------------------------
// The package under test, exactly as users get it: `npm pack` output.

/** @type {string | undefined} */
let packedTarball;

/**
 * Packs the repo (its `dist/` must be built: `npm run build`) into `.cache/pack/`; cached per process.
 * @returns {string} absolute path of the .tgz
 */
function packPackage() {
	if (packedTarball && fs.existsSync(packedTarball)) return packedTarball;
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before packing the package for n8n');
	}
	const dest = path.join(REPO_ROOT, '.cache', 'pack');
	fs.mkdirSync(dest, { recursive: true });
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

// ---------------------------------------------------------------------------------------------
// Reading execution results.

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

// ---------------------------------------------------------------------------------------------
// Redis for queue mode.

/**
 * Starts a throw-away redis-server on a free loopback port (no persistence).
 * @param {{ log?: Logger }} [opts]
 * @returns {Promise<{ port: number, stop: () => Promise<void>, logs: () => string }>}
 */
async function startRedis(opts = {}) {
	const bin = ensureRedis(opts);
	installExitHook();
	const port = await freePort();
	const child = spawn(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	liveChildren.add(child);
	let out = '';
	child.stdout?.on('data', (d) => (out += d));
	child.stderr?.on('data', (d) => (out += d));
	child.on('exit', () => liveChildren.delete(child));
	const deadline = Date.now() + 15_000;
	while (!(await canConnect(port))) {
		if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${out}`);
		if (Date.now() > deadline) {
			await stopChild(child);
			throw new Error(`redis-server did not listen on ${port}:\n${out}`);
		}
		await sleep(100);
	}
	return { port, stop: () => stopChild(child, 5000), logs: () => out };
}

// ---------------------------------------------------------------------------------------------

class HttpError extends Error {
	/**
	 * @param {string} message
	 * @param {number} status
	 * @param {any} body
	 */
	constructor(message, status, body) {
		super(message);
		this.name = 'HttpError';
		this.status = status;
		this.body = body;
	}
}

/**
 * One real n8n: a user folder (sqlite DB, settings, the package under test) plus the processes
 * started on it (CLI commands, `n8n start`, workers).
 */
class N8nInstance {
	/**
	 * @param {{ version: string, userFolder: string, port: number, env: NodeJS.ProcessEnv, log: Logger,
	 *   ownsUserFolder: boolean, onOutput?: (processName: string, chunk: string) => void }} o
	 */
	constructor(o) {
		this.version = o.version;
		this.userFolder = o.userFolder;
		this.port = o.port;
		this.baseUrl = `http://127.0.0.1:${o.port}`;
		/** @private */ this.baseEnv = o.env;
		/** @private */ this.log = o.log;
		/** @private */ this.ownsUserFolder = o.ownsUserFolder;
		/** @private */ this.onOutput = o.onOutput;
		/** @private @type {ProcessLog[]} */ this.processLogs = [];
		/** @private @type {{ child: import('node:child_process').ChildProcess, log: ProcessLog }[]} */ this.servers = [];
		/** @private @type {string | undefined} */ this.cookie = undefined;
		/** @private @type {string | undefined} */ this.apiKey = undefined;
		/** @private */ this.browserId = crypto.randomUUID();
		/** @private @type {{ redisPort: number } | undefined} */ this.queue = undefined;
		/** @private */ this.seq = 0;
	}

	/**
	 * Creates an instance with the package tarball installed as a community package. Installs the
	 * n8n version first if needed. Nothing runs until a method is called.
	 * @param {{ version: string, tarball?: string | null, env?: Record<string, string>, log?: Logger,
	 *   userFolder?: string, onOutput?: (processName: string, chunk: string) => void }} o
	 *   tarball: from packPackage(); null for an n8n without the package.
	 *   env: extra/overriding variables (an N8N_PORT given here is used instead of a free port).
	 *   userFolder: keep n8n's data there (e.g. for `npm run dev`; cleanup() then leaves it); default:
	 *   a fresh folder under the OS temp dir, deleted by cleanup().
	 *   onOutput: sees every chunk any n8n process prints (e.g. to echo the server log).
	 * @returns {Promise<N8nInstance>}
	 */
	static async create(o) {
		const log = o.log ?? ((m) => process.stderr.write(`[n8n ${o.version}] ${m}\n`));
		await ensureInstalled(o.version, { log });
		installExitHook();
		const userFolder = o.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${o.version}-`));
		const n8nFolder = path.join(userFolder, '.n8n');
		fs.mkdirSync(n8nFolder, { recursive: true });
		if (o.tarball) installTarball(o.tarball, n8nFolder);
		const port = o.env?.N8N_PORT ? Number(o.env.N8N_PORT) : await freePort();
		const env = {
			...cleanEnv(process.env),
			N8N_USER_FOLDER: userFolder,
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			// Nothing may call home: the machine has no network but the registries.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			// With warn/error, `n8n execute` prints no result at all.
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_SECURE_COOKIE: 'false',
			// Community packages are on by default; said explicitly because the package is loaded as one.
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			N8N_PUBLIC_API_DISABLED: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			// n8n >= 2.36 creates the owner from these (2.8 ignores them; start() uses /rest/owner/setup).
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(o.version, OWNER.password),
			...o.env,
		};
		return new N8nInstance({ version: o.version, userFolder, port, env, log, ownsUserFolder: !o.userFolder, onOutput: o.onOutput });
	}

	/** Whether this n8n creates the owner from N8N_INSTANCE_OWNER_* (2.41 yes, 2.8 no). */
	get ownerFromEnv() {
		return fs.existsSync(
			path.join(installDir(`n8n-${this.version}`), 'node_modules', 'n8n', 'dist', 'instance-settings-loader', 'loaders', 'owner.instance-settings-loader.js'),
		);
	}

	/**
	 * Env of one n8n process. Every process gets its own task-runner broker port: a CLI command run
	 * while `n8n start` (and workers) are up would otherwise fail to bind it.
	 * @private
	 * @param {Record<string, string>} [extra]
	 */
	async envFor(extra = {}) {
		const { pathPrefix } = n8nCommand(this.version);
		return {
			...this.baseEnv,
			PATH: [...pathPrefix, this.baseEnv.PATH ?? ''].join(path.delimiter),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...(this.queue
				? {
						EXECUTIONS_MODE: 'queue',
						QUEUE_BULL_REDIS_HOST: '127.0.0.1',
						QUEUE_BULL_REDIS_PORT: String(this.queue.redisPort),
						QUEUE_BULL_PREFIX: `bull-${path.basename(this.userFolder)}`,
					}
				: {}),
			...extra,
		};
	}

	/**
	 * Spawns an n8n command in its own process group, recording its output.
	 * @private
	 * @param {string} name
	 * @param {string[]} args
	 * @param {Record<string, string>} [extraEnv]
	 * @param {{ stdoutFile?: string }} [opts] stdoutFile: collect stdout through this file instead of a pipe
	 */
	async spawnN8n(name, args, extraEnv, opts = {}) {
		const cmd = n8nCommand(this.version);
		// A pipe loses the end of a large output when the CLI exits right after printing it (the
		// execution JSON of a 100,000-item run is tens of MB); a file gets every byte.
		const stdoutFd = opts.stdoutFile ? fs.openSync(opts.stdoutFile, 'w') : undefined;
		const child = spawn(cmd.command, [...cmd.args, ...args], {
			cwd: this.userFolder,
			env: await this.envFor(extraEnv),
			detached: true,
			stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
		});
		if (stdoutFd !== undefined) fs.closeSync(stdoutFd);
		liveChildren.add(child);
		/** @type {ProcessLog} */
		const log = { name: `${++this.seq}:${name}`, stdout: '', stderr: '', exitCode: null };
		this.processLogs.push(log);
		child.stdout?.setEncoding('utf8').on('data', (d) => {
			log.stdout += d;
			this.onOutput?.(log.name, d);
		});
		child.stderr?.setEncoding('utf8').on('data', (d) => {
			log.stderr += d;
			this.onOutput?.(log.name, d);
		});
		const done = /** @type {Promise<RunResult>} */ (
			new Promise((resolve, reject) => {
				child.on('error', reject);
				child.on('close', (code, signal) => {
					liveChildren.delete(child);
					if (opts.stdoutFile) {
						log.stdout = fs.readFileSync(opts.stdoutFile, 'utf8');
						fs.rmSync(opts.stdoutFile, { force: true });
					}
					log.exitCode = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null);
					resolve({ exitCode: log.exitCode, stdout: log.stdout, stderr: log.stderr });
				});
			})
		);
		return { child, log, done };
	}

	/**
	 * Runs one n8n CLI command to its end (e.g. `['list:workflow']`).
	 * @param {string[]} args
	 * @param {{ timeoutMs?: number, stdoutToFile?: boolean }} [opts]
	 * @returns {Promise<RunResult>}
	 */
	async run(args, opts = {}) {
		const stdoutFile = opts.stdoutToFile ? path.join(this.userFolder, `stdout-${++this.seq}.txt`) : undefined;
		const { child, done } = await this.spawnN8n(args[0], args, undefined, { stdoutFile });
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		try {
			const r = await done;
			killGroup(child, 'SIGKILL'); // a task runner may outlive the CLI
			return r;
		} finally {
			clearTimeout(timer);
		}
	}

	/**
	 * @private
	 * @param {string[]} args
	 * @param {string} what
	 */
	async runOrThrow(args, what) {
		const r = await this.run(args);
		if (r.exitCode !== 0) throw new Error(`${what} failed (exit ${r.exitCode}):\n${tail(r.stdout + r.stderr)}`);
		return r;
	}

	/** @private @param {string} name @param {unknown} data */
	writeInput(name, data) {
		const dir = path.join(this.userFolder, 'inputs');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${++this.seq}-${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/**
	 * `n8n import:credentials`: an array of `{ id, name, type, data: {...plain fields} }`; n8n
	 * encrypts the data on import. The input file is deleted afterwards (it holds secrets).
	 * @param {Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>} credentials
	 */
	async importCredentials(credentials) {
		const file = this.writeInput('credentials', credentials);
		try {
			return await this.runOrThrow(['import:credentials', `--input=${file}`], 'import:credentials');
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/**
	 * `n8n import:workflow` of one workflow (or an array). Workflows need a fixed `id` (with a digit).
	 * @param {Record<string, any> | Array<Record<string, any>>} workflow
	 */
	async importWorkflow(workflow) {
		const file = this.writeInput('workflow', workflow);
		return this.runOrThrow(['import:workflow', `--input=${file}`], 'import:workflow');
	}

	/**
	 * `n8n execute --id <id> --rawOutput`. `execution` is null when n8n printed none (treat as a
	 * failure: e.g. an unknown id exits 0 with nothing run). exitCode is 1 when a node failed.
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number }} [opts]
	 * @returns {Promise<RunResult & { execution: Execution | null }>}
	 */
	async execute(workflowId, opts = {}) {
		const r = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], { ...opts, stdoutToFile: true });
		const execution = parseExecutionOutput(r.stdout) ?? parseExecutionOutput(r.stderr);
		return { ...r, execution };
	}

	/**
	 * Activates (publishes) a workflow. With the server up: the public API's activate endpoint, which
	 * registers its webhooks live. Otherwise `n8n publish:workflow --id` (both 2.8.4 and 2.41.1 have
	 * it; `update:workflow --active` is deprecated), picked up by the next `start()`.
	 * @param {string} workflowId
	 */
	async publishWorkflow(workflowId) {
		if (this.servers.length && this.cookie) {
			return this.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/activate`);
		}
		return this.runOrThrow(['publish:workflow', `--id=${workflowId}`], 'publish:workflow');
	}

	// -------------------------------------------------------------------------------------------
	// Server mode

	/**
	 * `n8n start` and wait until it answers; then makes sure the owner exists and logs in.
	 * @param {{ queue?: { redisPort: number }, timeoutMs?: number, login?: boolean }} [opts]
	 *   queue: run in queue mode against that Redis (start workers with startWorker()).
	 */
	async start(opts = {}) {
		if (this.servers.length) throw new Error('n8n is already started');
		this.queue = opts.queue;
		const proc = await this.spawnN8n('start', ['start']);
		this.servers.push(proc);
		const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		for (;;) {
			if (proc.log.exitCode !== null) {
				throw new Error(`n8n start exited (${proc.log.exitCode}):\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			// /healthz/readiness answers before the REST routes exist (2.8.4: they 404 for a moment;
			// 2.41.1: every route answers 200 "n8n is starting up. Please wait"), so wait for the
			// settings JSON the editor loads first.
			const res = await this.restRaw('GET', '/rest/settings').catch(() => undefined);
			if (res?.status === 200 && typeof res.body === 'object' && res.body?.data) break;
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(`n8n start not ready after ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms:\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			await sleep(250);
		}
		if (!this.ownerFromEnv) await this.setupOwner();
		if (opts.login !== false) await this.login();
		return this;
	}

	/**
	 * n8n 2.8 has no N8N_INSTANCE_OWNER_*: create the owner as the setup screen does.
	 * @private
	 */
	async setupOwner() {
		const settings = await this.restRaw('GET', '/rest/settings');
		if (settings.body?.data?.userManagement?.showSetupOnFirstLoad === false) return;
		const r = await this.restRaw('POST', '/rest/owner/setup', { ...OWNER });
		if (r.status >= 400) throw new HttpError(`owner setup failed: ${r.status} ${JSON.stringify(r.body)}`, r.status, r.body);
	}

	/**
	 * `n8n worker` against the same DB and Redis (queue mode only); resolves once it says it is ready.
	 * @param {{ concurrency?: number, timeoutMs?: number }} [opts]
	 */
	async startWorker(opts = {}) {
		if (!this.queue) throw new Error('startWorker() needs start({ queue: { redisPort } }) first');
		const proc = await this.spawnN8n('worker', ['worker', `--concurrency=${opts.concurrency ?? 2}`]);
		this.servers.push(proc);
		const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		while (!/n8n worker is now ready/.test(proc.log.stdout + proc.log.stderr)) {
			if (proc.log.exitCode !== null) {
				throw new Error(`n8n worker exited (${proc.log.exitCode}):\n${tail(proc.log.stdout + proc.log.stderr)}`);
			}
			if (Date.now() > deadline) throw new Error(`n8n worker not ready:\n${tail(proc.log.stdout + proc.log.stderr)}`);
			await sleep(250);
		}
		return proc.log.name;
	}

	/** Stops all server processes (main and workers), workers first. */
	async stop() {
		const procs = this.servers.splice(0).reverse();
		for (const p of procs) await stopChild(p.child);
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	/** stop() and delete the user folder (unless it was given to create()). */
	async cleanup() {
		await this.stop();
		if (this.ownsUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/**
	 * Everything every process of this instance printed so far, e.g. to assert a secret never
	 * appears in logs.
	 * @returns {ProcessLog[]}
	 */
	logs() {
		return this.processLogs.map((l) => ({ ...l }));
	}

	/** All output of all processes as one string. */
	allLogText() {
		return this.processLogs.map((l) => `${l.stdout}\n${l.stderr}`).join('\n');
	}

	// -------------------------------------------------------------------------------------------
	// HTTP

	/**
	 * Raw request to the running n8n (cookie and browser-id sent when logged in).
	 * @param {string} method
	 * @param {string} urlPath e.g. '/rest/settings' or '/webhook/abc'
	 * @param {unknown} [body] JSON body
	 * @param {Record<string, string>} [headers]
	 * @returns {Promise<{ status: number, body: any, headers: Headers }>}
	 */
	async restRaw(method, urlPath, body, headers = {}) {
		const res = await fetch(this.baseUrl + urlPath, {
			method,
			redirect: 'manual',
			headers: {
				accept: 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
		const text = await res.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text;
		}
		return { status: res.status, body: parsed, headers: res.headers };
	}

	/** `POST /rest/login` as the owner; keeps the `n8n-auth` cookie. */
	async login() {
		const r = await this.restRaw('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		const setCookie = r.headers.get('set-cookie') ?? '';
		const m = /n8n-auth=[^;]+/.exec(setCookie);
		if (r.status !== 200 || !m) throw new HttpError(`login failed: ${r.status} ${JSON.stringify(r.body)}`, r.status, r.body);
		this.cookie = m[0];
		return r.body?.data;
	}

	/**
	 * Internal REST API call (what the editor uses); returns the response's `data`, throws
	 * HttpError (with .status and .body) on a non-2xx answer.
	 * @param {string} method
	 * @param {string} urlPath path under the server, e.g. '/rest/credentials'
	 * @param {unknown} [body]
	 */
	async rest(method, urlPath, body) {
		if (!this.cookie) await this.login();
		const r = await this.restRaw(method, urlPath, body);
		if (r.status < 200 || r.status >= 300) {
			throw new HttpError(`${method} ${urlPath} → ${r.status}: ${JSON.stringify(r.body)}`, r.status, r.body);
		}
		return r.body && typeof r.body === 'object' && 'data' in r.body ? r.body.data : r.body;
	}

	/**
	 * Creates (once) a public-API key for the owner: `POST /rest/api-keys` with
	 * `{ label, scopes, expiresAt: null }` (same body on 2.8.4 and 2.41.1; scopes from
	 * `GET /rest/api-keys/scopes`). Returns the raw key.
	 */
	async ensureApiKey() {
		if (this.apiKey) return this.apiKey;
		const scopes = await this.rest('GET', '/rest/api-keys/scopes');
		const created = await this.rest('POST', '/rest/api-keys', { label: `e2e ${Date.now()}`, scopes, expiresAt: null });
		this.apiKey = created.rawApiKey;
		if (!this.apiKey) throw new Error(`POST /rest/api-keys returned no rawApiKey: ${JSON.stringify(created)}`);
		return this.apiKey;
	}

	/**
	 * Public API call (`/api/v1/...` with X-N8N-API-KEY); returns the parsed body; throws HttpError.
	 * @param {string} method
	 * @param {string} apiPath e.g. '/workflows' (without /api/v1)
	 * @param {unknown} [body]
	 */
	async publicApi(method, apiPath, body) {
		const key = await this.ensureApiKey();
		const r = await this.restRaw(method, `/api/v1${apiPath}`, body, { 'X-N8N-API-KEY': key, cookie: '' });
		if (r.status < 200 || r.status >= 300) {
			throw new HttpError(`${method} /api/v1${apiPath} → ${r.status}: ${JSON.stringify(r.body)}`, r.status, r.body);
		}
		return r.body;
	}

	/**
	 * @private
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 */
	dynamicBody(o) {
		return {
			nodeTypeAndVersion: { name: o.nodeType, version: o.nodeVersion ?? 1 },
			methodName: o.methodName,
			path: o.path ?? 'parameters',
			currentNodeParameters: o.parameters ?? {},
			...(o.credentials ? { credentials: o.credentials } : {}),
		};
	}

	/**
	 * A resource locator's "From list" search, as the editor asks for it:
	 * `POST /rest/dynamic-node-parameters/resource-locator-results`. Returns `{ results, paginationToken? }`.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, filter?: string, paginationToken?: string,
	 *   path?: string }} o  nodeType e.g. 'n8n-nodes-truto.trutoUserDirectory'; credentials e.g.
	 *   `{ trutoApi: { id, name } }`; path: the parameter's path, e.g. 'parameters.user'.
	 * @returns {Promise<{ results: Array<{ name: string, value: string | number, url?: string }>, paginationToken?: unknown }>}
	 */
	async listSearch(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			...this.dynamicBody(o),
			...(o.filter !== undefined ? { filter: o.filter } : {}),
			...(o.paginationToken !== undefined ? { paginationToken: o.paginationToken } : {}),
		});
	}

	/**
	 * A `loadOptions` method: `POST /rest/dynamic-node-parameters/options`. Returns the options array.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 * @returns {Promise<Array<{ name: string, value: string | number | boolean, description?: string }>>}
	 */
	async loadOptions(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/options', this.dynamicBody(o));
	}

	/**
	 * A `resourceMapping` method: `POST /rest/dynamic-node-parameters/resource-mapper-fields`.
	 * @param {{ nodeType: string, nodeVersion?: number, methodName: string, parameters?: Record<string, unknown>,
	 *   credentials?: Record<string, { id: string, name: string }>, path?: string }} o
	 * @returns {Promise<{ fields: Array<Record<string, any>>, emptyFieldsNotice?: string }>}
	 */
	async resourceMapperFields(o) {
		return this.rest('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', this.dynamicBody(o));
	}

	/**
	 * Runs a stored credential's test as the editor's "Retry"/save does: reads it
	 * (`GET /rest/credentials/:id?includeData=true`, secrets come back redacted) and posts it to
	 * `POST /rest/credentials/test`, which swaps the stored secrets back in. Works on 2.8.4 and 2.41.1.
	 * @param {string} credentialId
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredential(credentialId) {
		const cred = await this.rest('GET', `/rest/credentials/${encodeURIComponent(credentialId)}?includeData=true`);
		return this.rest('POST', '/rest/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type: cred.type, data: cred.data },
		});
	}

	/**
	 * The public API's credential test, `POST /api/v1/credentials/:id/test` (stored data only).
	 * n8n 2.41.1 has it; 2.8.4 answers 404 (use testCredential()).
	 * @param {string} credentialId
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredentialViaPublicApi(credentialId) {
		return this.publicApi('POST', `/credentials/${encodeURIComponent(credentialId)}/test`);
	}

	/**
	 * Every node type the running n8n loaded (the editor's `GET /types/nodes.json`, cookie auth),
	 * including the `…Tool` variants n8n derives from `usableAsTool` nodes.
	 * @returns {Promise<Array<{ name: string, displayName: string, version: number | number[], [k: string]: any }>>}
	 */
	async nodeTypes() {
		if (!this.cookie) await this.login();
		const r = await this.restRaw('GET', '/types/nodes.json');
		if (r.status !== 200 || !Array.isArray(r.body)) throw new HttpError(`GET /types/nodes.json → ${r.status}`, r.status, r.body);
		return r.body;
	}

	/**
	 * One execution with its data via the public API (`GET /api/v1/executions/:id?includeData=true`).
	 * @param {string | number} executionId
	 */
	async getExecution(executionId) {
		return this.publicApi('GET', `/executions/${executionId}?includeData=true`);
	}

	/**
	 * Waits for a finished execution of the workflow (public API list, newest first).
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number, after?: number }} [opts] after: only executions with a larger id
	 * @returns {Promise<Record<string, any>>} the execution (with data)
	 */
	async waitForExecution(workflowId, opts = {}) {
		const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
		for (;;) {
			const list = await this.publicApi('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=5`);
			const done = (list.data ?? []).find(
				(/** @type {any} */ e) => Number(e.id) > (opts.after ?? 0) && e.stoppedAt && e.status !== 'running' && e.status !== 'new',
			);
			if (done) return this.getExecution(done.id);
			if (Date.now() > deadline) throw new Error(`no finished execution of ${workflowId} within ${opts.timeoutMs ?? 60_000} ms`);
			await sleep(300);
		}
	}

	/**
	 * Where an execution ran. The DB does not record it (no worker id on executions in 2.8.4 or
	 * 2.41.1); the logs do: the main logs `Enqueued execution <id> (job <n>)` and the worker
	 * `Worker started execution <id> (job <n>)` / `Worker finished execution <id> (job <n>)`.
	 * @param {string | number} executionId
	 * @returns {{ enqueuedByMain: boolean, startedOnWorker: string | undefined, finishedOnWorker: string | undefined }}
	 *   startedOnWorker/finishedOnWorker: the worker's process-log name, or undefined.
	 */
	executionHost(executionId) {
		const id = String(executionId);
		const has = (/** @type {ProcessLog} */ l, /** @type {string} */ s) => (l.stdout + l.stderr).includes(s);
		const workers = this.processLogs.filter((l) => /:worker$/.test(l.name));
		const main = this.processLogs.filter((l) => /:start$/.test(l.name));
		return {
			enqueuedByMain: main.some((l) => has(l, `Enqueued execution ${id} (job `)),
			startedOnWorker: workers.find((l) => has(l, `Worker started execution ${id} (job `))?.name,
			finishedOnWorker: workers.find((l) => has(l, `Worker finished execution ${id} (job `))?.name,
		};
	}
}

// ---------------------------------------------------------------------------------------------
// helpers

/**
 * Drops variables that would steer n8n or npm from the caller's shell (e.g. a developer's own
 * N8N_* settings, or npm_* from `npm run`).
 * @param {NodeJS.ProcessEnv} env
 */
function cleanEnv(env) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const [k, v] of Object.entries(env)) {
		if (v === undefined) continue;
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|OFFLOAD_|WEBHOOK_URL$|GENERIC_TIMEZONE$|npm_|NODE_OPTIONS$|NODE_ENV$)/i.test(k)) continue;
		out[k] = v;
	}
	return out;
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

/**
 * A bcrypt hash with the bcryptjs that the installed n8n itself uses (no dependency of ours).
 * @param {string} version
 * @param {string} password
 */
function bcryptHash(version, password) {
	const n8nDir = path.join(installDir(`n8n-${version}`), 'node_modules', 'n8n');
	const bcryptjs = require(require.resolve('bcryptjs', { paths: [n8nDir] }));
	return bcryptjs.hashSync(password, 10);
}

/** @param {string} s */
function tail(s, lines = 40) {
	return s.split('\n').slice(-lines).join('\n');
}

module.exports = {
	N8nInstance,
	HttpError,
	packPackage,
	startRedis,
	n8nCommand,
	freePort,
	parseExecutionOutput,
	itemsOf,
	nodeError,
	lastNodeExecuted,
	OWNER,
	ENCRYPTION_KEY,
	PACKAGE_NAME,
};
