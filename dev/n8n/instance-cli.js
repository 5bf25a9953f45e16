'use strict';
// @ts-check
/**
 * One real n8n used through its command line: a user folder (sqlite DB, settings, the package under
 * test) and the n8n commands run on it (import, execute, publish). Server mode builds on this
 * (instance-server.js).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./install');
const { n8nPackageDir } = require('./versions');
const { n8nCommand, instanceEnv } = require('./environment');
const { installTarball } = require('./package');
const { parseExecutionOutput } = require('./execution');
const { spawnInGroup, killGroup, stopChild, tail, freePort } = require('./processes');

const DEFAULT_TIMEOUT_MS = 180_000;

/** @typedef {(msg: string) => void} Logger */
/** @typedef {import('./processes').ProcessLog} ProcessLog */
/** @typedef {import('./processes').RunResult} RunResult */
/** @typedef {{ child: import('node:child_process').ChildProcess, log: ProcessLog, done: Promise<RunResult> }} N8nProcess */

class N8nCliInstance {
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
		/** @protected @type {ProcessLog[]} */ this.processLogs = [];
		/** Long-running processes (`n8n start`, workers), stopped by stop(). @protected @type {N8nProcess[]} */ this.servers = [];
		/** @protected @type {{ redisPort: number } | undefined} */ this.queue = undefined;
		/** @private */ this.seq = 0;
	}

	/**
	 * Creates an instance with the package tarball installed as a community package. Installs the
	 * n8n version first if needed. Nothing runs until a method is called.
	 * @template {typeof N8nCliInstance} C
	 * @this {C}
	 * @param {{ version: string, tarball?: string | null, env?: Record<string, string>, log?: Logger,
	 *   userFolder?: string, onOutput?: (processName: string, chunk: string) => void }} o
	 *   tarball: from packPackage(); null for an n8n without the package.
	 *   env: extra/overriding variables (an N8N_PORT given here is used instead of a free port).
	 *   userFolder: keep n8n's data there (e.g. for `npm run dev`; cleanup() then leaves it); default:
	 *   a fresh folder under the OS temp dir, deleted by cleanup().
	 *   onOutput: sees every chunk any n8n process prints (e.g. to echo the server log).
	 * @returns {Promise<InstanceType<C>>}
	 */
	static async create(o) {
		const log = o.log ?? ((m) => process.stderr.write(`[n8n ${o.version}] ${m}\n`));
		await ensureInstalled(o.version, { log });
		const userFolder = o.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${o.version}-`));
		const n8nFolder = path.join(userFolder, '.n8n');
		fs.mkdirSync(n8nFolder, { recursive: true });
		if (o.tarball) installTarball(o.tarball, n8nFolder);
		const port = o.env?.N8N_PORT ? Number(o.env.N8N_PORT) : await freePort();
		const env = instanceEnv({ version: o.version, userFolder, port, env: o.env });
		return /** @type {InstanceType<C>} */ (
			new this({ version: o.version, userFolder, port, env, log, ownsUserFolder: !o.userFolder, onOutput: o.onOutput })
		);
	}

	/** Whether this n8n creates the owner from N8N_INSTANCE_OWNER_* (2.41 yes, 2.8 no). */
	get ownerFromEnv() {
		return fs.existsSync(path.join(n8nPackageDir(this.version), 'dist', 'instance-settings-loader', 'loaders', 'owner.instance-settings-loader.js'));
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
	 * @protected
	 * @param {string} name
	 * @param {string[]} args
	 * @param {Record<string, string>} [extraEnv]
	 * @param {{ stdoutFile?: string }} [opts] stdoutFile: collect stdout through this file instead of a pipe
	 * @returns {Promise<N8nProcess>}
	 */
	async spawnN8n(name, args, extraEnv, opts = {}) {
		const cmd = n8nCommand(this.version);
		/** @type {ProcessLog} */
		const log = { name: `${++this.seq}:${name}`, stdout: '', stderr: '', exitCode: null };
		this.processLogs.push(log);
		const { child, done } = spawnInGroup({
			command: cmd.command,
			args: [...cmd.args, ...args],
			cwd: this.userFolder,
			env: await this.envFor(extraEnv),
			log,
			stdoutFile: opts.stdoutFile,
			onOutput: this.onOutput,
		});
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
	 * @protected
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
	 * @returns {Promise<RunResult & { execution: import('./execution').Execution | null }>}
	 */
	async execute(workflowId, opts = {}) {
		const r = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], { ...opts, stdoutToFile: true });
		const execution = parseExecutionOutput(r.stdout) ?? parseExecutionOutput(r.stderr);
		return { ...r, execution };
	}

	/** Stops all server processes (main and workers), workers first. */
	async stop() {
		const procs = this.servers.splice(0).reverse();
		for (const p of procs) await stopChild(p.child);
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
}

module.exports = { N8nCliInstance, DEFAULT_TIMEOUT_MS };
