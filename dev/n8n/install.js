'use strict';
// @ts-check
/**
 * Installs the pinned n8n versions (and the Node 24 binary that newer n8n needs) into
 * `<repo>/.cache/n8n/<name>/`, from the package.json + package-lock.json kept in `pins/<name>/`.
 *
 *   node dev/n8n/install.js [--all | <n8n version>...] [--redis]
 *
 * n8n lives in its own folder, never as a devDependency: it is ~2.5 GB and its native modules must
 * match the Node that runs it. A completion marker holding a hash of the pin makes a second run a
 * no-op and a changed pin a reinstall.
 */

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, execFile, spawnSync } = require('node:child_process');

const { REPO_ROOT, PINS_DIR, CACHE_DIR, VERSIONS, versionEntry, installDir, nodeBinFor, n8nBinFor } = require('./versions');

const MARKER = '.installed.json';
const PROGRESS_EVERY_MS = 15_000;

/** @typedef {(msg: string) => void} Logger */

/** @type {Logger} */
const defaultLog = (msg) => {
	process.stderr.write(`[e2e-install] ${msg}\n`);
};

/**
 * Folder whose include/node holds the headers of this node binary, so node-gyp builds offline
 * (it would otherwise try to download headers, and only the npm registry is reachable).
 * @param {string} nodeBin
 * @returns {string | undefined}
 */
function nodedirOf(nodeBin) {
	const prefix = path.dirname(path.dirname(fs.realpathSync(nodeBin)));
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : undefined;
}

/** @param {string} name */
function pinHash(name) {
	const h = crypto.createHash('sha256');
	for (const f of ['package.json', 'package-lock.json']) {
		h.update(f).update('\0').update(fs.readFileSync(path.join(PINS_DIR, name, f)));
	}
	return h.digest('hex');
}

/**
 * @param {string} dir
 * @returns {Promise<string>} e.g. "812 MB"
 */
function folderSize(dir) {
	return new Promise((resolve) => {
		execFile('du', ['-sm', dir], { timeout: 10_000 }, (err, stdout) => {
			resolve(err ? '? MB' : `${String(stdout).split(/\s/)[0]} MB`);
		});
	});
}

/**
 * Runs a command, streaming nothing but a progress line every 15 s; the output goes to a log file
 * inside the folder so a failure can be read afterwards (its tail is thrown).
 * @param {{ cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, label: string,
 *   log: Logger, logFile: string }} o
 */
function runWithProgress(o) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const out = fs.openSync(o.logFile, 'a');
		fs.writeSync(out, `\n$ ${o.cmd} ${o.args.join(' ')}\n`);
		const child = spawn(o.cmd, o.args, { cwd: o.cwd, env: o.env, stdio: ['ignore', out, out] });
		const timer = setInterval(() => {
			void folderSize(o.cwd).then((size) =>
				o.log(`${o.label}: ${Math.round((Date.now() - started) / 1000)} s, ${size}`),
			);
		}, PROGRESS_EVERY_MS);
		child.on('error', (err) => {
			clearInterval(timer);
			fs.closeSync(out);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearInterval(timer);
			fs.closeSync(out);
			const secs = Math.round((Date.now() - started) / 1000);
			if (code === 0) {
				o.log(`${o.label}: done in ${secs} s`);
				resolve(undefined);
			} else {
				const tail = fs.readFileSync(o.logFile, 'utf8').split('\n').slice(-30).join('\n');
				reject(new Error(`${o.label} failed (${signal ?? `exit ${code}`}) after ${secs} s; see ${o.logFile}\n${tail}`));
			}
		});
	});
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Cross-process lock (jest workers or a demo may install at the same time): mkdir is atomic.
 * A lock whose owner pid is gone is taken over.
 * @template T
 * @param {string} name
 * @param {Logger} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(name, log, fn) {
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	const lock = path.join(CACHE_DIR, `${name}.lock`);
	let waited = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			let pid = NaN;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* being created right now */
			}
			if (pid && !isAlive(pid)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!waited) log(`${name}: another process is installing it, waiting…`);
			waited = true;
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/**
 * @param {string} name
 * @returns {Record<string, unknown> | undefined}
 */
function readMarker(name) {
	try {
		return JSON.parse(fs.readFileSync(path.join(installDir(name), MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Installs one pin (`npm ci` from its lockfile) unless the marker says this exact pin is there.
 * @param {string} name pin folder name
 * @param {{ log?: Logger, nodeBin?: string, rebuild?: string[] }} [opts]
 *   nodeBin: the Node the native modules are rebuilt for; rebuild: packages to `npm rebuild`.
 */
async function installPin(name, opts = {}) {
	const log = opts.log ?? defaultLog;
	const nodeBin = opts.nodeBin ?? process.execPath;
	const hash = pinHash(name);
	// The marker names the Node ABI too: a sqlite3 built for another Node would not load.
	const nodeVersion = opts.rebuild?.length
		? spawnSync(nodeBin, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim()
		: undefined;
	const wanted = { pin: name, hash, nodeVersion };
	const dir = installDir(name);
	const isCurrent = () => {
		const m = readMarker(name);
		return !!m && m.hash === wanted.hash && m.nodeVersion === wanted.nodeVersion;
	};
	if (isCurrent()) return dir;
	return withLock(name, log, async () => {
		if (isCurrent()) return dir; // the process we waited for installed it
		const started = Date.now();
		const hint = name.startsWith('n8n-') ? ' (about 3-4 min and 2.5 GB, once)' : '';
		log(`${name}: installing into ${path.relative(REPO_ROOT, dir)}${hint}…`);
		fs.mkdirSync(dir, { recursive: true });
		fs.rmSync(path.join(dir, MARKER), { force: true });
		for (const f of ['package.json', 'package-lock.json']) {
			fs.copyFileSync(path.join(PINS_DIR, name, f), path.join(dir, f));
		}
		const logFile = path.join(dir, 'install.log');
		fs.writeFileSync(logFile, '');
		const binDir = path.dirname(nodeBin);
		// npm is started with the target Node first on PATH so node-gyp (run by `npm rebuild`)
		// builds for that Node; the folder has its own package.json, so the repo's .npmrc is not
		// read, and the flags are explicit anyway.
		/** @type {NodeJS.ProcessEnv} */
		const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };
		for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k]; // e.g. from `npm run demo`
		const common = ['--no-audit', '--no-fund', '--loglevel=warn'];
		await runWithProgress({
			cmd: 'npm',
			args: ['ci', '--ignore-scripts', ...common],
			cwd: dir,
			env,
			label: `${name}: npm ci`,
			log,
			logFile,
		});
		if (opts.rebuild?.length) {
			const nodedir = nodedirOf(nodeBin);
			await runWithProgress({
				cmd: 'npm',
				args: ['rebuild', ...opts.rebuild, '--foreground-scripts', ...(nodedir ? [`--nodedir=${nodedir}`] : []), ...common],
				cwd: dir,
				env,
				label: `${name}: npm rebuild ${opts.rebuild.join(' ')} (compiles from source)`,
				log,
				logFile,
			});
			// Fail here, not at n8n start, when the native module does not load.
			const check = spawnSync(nodeBin, ['-e', opts.rebuild.map((p) => `require(${JSON.stringify(p)})`).join(';')], {
				cwd: dir,
				encoding: 'utf8',
			});
			if (check.status !== 0) throw new Error(`${name}: ${opts.rebuild.join(', ')} does not load after rebuild:\n${check.stderr}`);
		}
		const marker = { ...wanted, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) };
		fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(marker, null, 2) + '\n');
		log(`${name}: ready (${marker.seconds} s, ${await folderSize(dir)})`);
		return dir;
	});
}

/**
 * Makes sure n8n `version` (and the Node it needs) is installed; fast when it already is.
 * @param {string} version e.g. '2.8.4'
 * @param {{ log?: Logger }} [opts]
 * @returns {Promise<{ dir: string, nodeBin: string, n8nBin: string }>}
 */
async function ensureInstalled(version, opts = {}) {
	const entry = versionEntry(version);
	if (entry.node === '24') await installPin('node-24', opts);
	const nodeBin = nodeBinFor(version);
	const dir = await installPin(`n8n-${version}`, { ...opts, nodeBin, rebuild: ['sqlite3'] });
	return { dir, nodeBin, n8nBin: n8nBinFor(version) };
}

module.exports = { ensureInstalled, installPin, defaultLog };

if (require.main === module) {
	const { ensureRedis } = require('./redis');
	const args = process.argv.slice(2);
	const redis = args.includes('--redis');
	const unknown = args.filter((a) => a.startsWith('-') && a !== '--all' && a !== '--redis');
	if (unknown.length || args.includes('--help') || args.includes('-h')) {
		console.error('usage: node dev/n8n/install.js [--all | <n8n version>...] [--redis]');
		process.exit(unknown.length ? 2 : 0);
	}
	let versions = args.filter((a) => !a.startsWith('-'));
	if (args.includes('--all') || versions.length === 0) versions = VERSIONS.map((v) => v.n8n);
	(async () => {
		const started = Date.now();
		// Redis first: apt-get runs synchronously and would pause the progress lines of the installs.
		if (redis) defaultLog(`redis-server: ${ensureRedis()}`);
		// The versions side by side: an install mostly waits for the registry and the disk, and the
		// sqlite3 compile of one overlaps the download of the other.
		await Promise.all(
			versions.map(async (v) => {
				const r = await ensureInstalled(v);
				defaultLog(`n8n ${v}: ${path.relative(REPO_ROOT, r.n8nBin)} on ${r.nodeBin}`);
			}),
		);
		defaultLog(`all done in ${Math.round((Date.now() - started) / 1000)} s`);
	})().catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
