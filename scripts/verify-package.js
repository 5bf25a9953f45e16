#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * npm run verify (after npm run build) — what n8n's verification of a community package checks, run
 * here before publishing, with n8n's own scanner (@n8n/scan-community-package, pinned in
 * devDependencies) called on local folders instead of on a package downloaded from npm:
 *   1. the scanner's rules fire in this install (a small known-bad package must fail with them);
 *   2. `n8n-node cloud-support` reports cloud support enabled (strict mode, default ESLint config);
 *   3. the scanner's source leg: it finds the package at the repository root and lints its sources;
 *   4. `npm pack`: the tarball holds only what n8n loads, including every entry point and icon;
 *   5. the scanner's tarball leg: it lints the unpacked tarball's `.js` files and package.json.
 * The scanner's provenance check and its download of the attested GitHub commit need a published
 * version: they run only on n8n's side. Exits 1 on any finding.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const SCANNER_DIR = path.join(ROOT, 'node_modules', '@n8n', 'scan-community-package');
const fromScanner = createRequire(path.join(SCANNER_DIR, 'package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** What n8n loads from a community package; anything else in the tarball is dead weight. */
const TARBALL_ALLOWED = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^dist\/(nodes|credentials)\/.+\.js$/,
	/^dist\/nodes\/.+\.node\.json$/, // codex: categories and docs links
	/^dist\/.+\.(svg|png)$/,
];
/** The files the scanner lints in its tarball leg (inline in its analyzePackageByName, not exported). */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const failures = [];
const say = (line) => process.stdout.write(`${line}\n`);
const pass = (line) => say(`  ok    ${line}`);
const fail = (line, details) => {
	failures.push(line);
	say(`  FAIL  ${line}`);
	if (details) say(details.replace(/^/gm, '        '));
};

/** Files the scanner's analyzePackage would lint (same globs and ignores), so an empty set is caught. */
function countLinted(dir, patterns) {
	const glob = fromScanner('fast-glob');
	return glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] }).length;
}

/** Runs the scanner's analyzePackage on `dir`; it reports only errors (warnings do not fail a scan). */
async function scan(scanner, label, dir, patterns) {
	const files = countLinted(dir, patterns);
	if (files === 0) return fail(`${label}: no files matched ${patterns.join(', ')}`);
	const result = await scanner.analyzePackage(dir, patterns);
	if (result.passed) pass(`${label}: ${files} files (${patterns.join(', ')}) pass the scanner's rules`);
	else fail(`${label}: ${result.message}`, result.details);
}

/** A package that breaks one rule of each family the scanner applies; each must be reported. */
async function canary(scanner, tmp) {
	const dir = path.join(tmp, 'canary');
	const files = {
		'package.json': JSON.stringify({ name: 'n8n-nodes-canary', license: 'ISC', overrides: {} }),
		'nodes/Canary/Canary.node.ts': [
			'export class Canary {',
			"\tdescription = { displayName: 'Canary', name: 'canary', properties: [",
			"\t\t{ displayName: 'lower case', name: 'field', type: 'string', default: '' },",
			'\t] };',
			'}',
			'setTimeout(() => console.log(process.env.X), 1);',
		].join('\n'),
		'nodes/Canary/helper.js': "const fs = require('fs');\neval('1');\n",
	};
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	const expected = [
		'@n8n/community-nodes/no-overrides-field',
		'@n8n/community-nodes/no-restricted-globals',
		'@n8n/community-nodes/no-restricted-imports',
		'@n8n/community-nodes/no-dangerous-functions',
		'no-console',
		'n8n-nodes-base/community-package-json-license-not-default',
		'n8n-nodes-base/node-param-display-name-miscased',
	];
	const result = await scanner.analyzePackage(dir, scanner.SOURCE_FILE_PATTERNS);
	const missed = expected.filter((rule) => !(result.details ?? '').includes(rule));
	if (!result.passed && missed.length === 0) pass(`scanner rules fire: a known-bad package fails with ${expected.length} expected rules`);
	else fail(`scanner rules did not fire: ${missed.join(', ') || 'none reported'}`, result.details ?? result.message);
}

function cloudSupport() {
	const bin = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
	const r = spawnSync(bin, ['cloud-support'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	const out = `${r.stdout}${r.stderr}`;
	// The status command always exits 0; its verdict is in the text.
	if (r.status === 0 && /Cloud support is ENABLED/.test(out)) pass('n8n-node cloud-support: enabled (strict mode, default ESLint config)');
	else fail('n8n-node cloud-support: not enabled', out);
}

function sourceRoot(scanner) {
	const found = scanner.findPackageRoot(ROOT, pkg.name);
	if (found === ROOT) pass(`scanner finds ${pkg.name} at the repository root`);
	else fail(`scanner finds ${pkg.name} at ${found ?? 'no folder'} instead of the repository root`);
}

/** Packs like `npm publish` would and unpacks like the scanner does; returns the unpacked folder. */
function packAndUnpack(tmp) {
	const env = { ...process.env };
	// Settings of an enclosing `npm run` (e.g. --dry-run) would otherwise reach this npm pack.
	for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
	const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', tmp], {
		cwd: ROOT,
		encoding: 'utf8',
		env,
	});
	if (r.status !== 0) throw new Error(`npm pack failed (exit ${r.status}):\n${r.stderr}`);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	const files = info.files.map((f) => f.path);

	const stray = files.filter((f) => !TARBALL_ALLOWED.some((re) => re.test(f)));
	const wanted = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	for (const entry of pkg.n8n.nodes) {
		// The codex beside a node is optional, but must ship when the source has one.
		const codex = entry.replace(/^dist\//, '').replace(/\.js$/, '.json');
		if (fs.existsSync(path.join(ROOT, codex))) wanted.push(`dist/${codex}`);
	}
	const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
	const summary = `${info.filename}: ${files.length} files, ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked`;
	if (stray.length) fail(`tarball ${summary}; not needed by n8n:`, stray.join('\n'));
	else pass(`tarball ${summary}; all of it loaded by n8n`);

	const dir = path.join(tmp, 'package');
	fs.mkdirSync(dir);
	const tar = spawnSync('tar', ['-xzf', path.join(tmp, info.filename), '-C', dir, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);

	// Icons are referenced as `file:` paths relative to the compiled node or credential.
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(dir, entry))) continue;
		const code = fs.readFileSync(path.join(dir, entry), 'utf8');
		for (const [, ref] of code.matchAll(/['"]file:([^'"]+)['"]/g)) wanted.push(path.posix.join(path.posix.dirname(entry), ref));
	}
	const missing = [...new Set(wanted)].filter((f) => !files.includes(f));
	if (missing.length) fail('tarball lacks files n8n loads:', missing.join('\n'));
	else pass(`tarball has every entry point of package.json's "n8n" section, its codex files and icons (${new Set(wanted).size} files)`);
	return dir;
}

async function main() {
	const started = Date.now();
	if (!fs.existsSync(path.join(ROOT, 'dist'))) {
		say('dist/ is missing: run `npm run build` first');
		process.exit(1);
	}
	const scannerVersion = fromScanner('./package.json').version;
	say(`verify ${pkg.name}@${pkg.version} with @n8n/scan-community-package ${scannerVersion}`);
	// The scanner makes a temp folder when loaded; have it removed at exit.
	fromScanner('tmp').setGracefulCleanup();
	const scanner = await import(pathToFileURL(path.join(SCANNER_DIR, 'scanner', 'scanner.mjs')).href);

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-package-'));
	try {
		await canary(scanner, tmp);
		cloudSupport();
		sourceRoot(scanner);
		await scan(scanner, 'source', ROOT, scanner.SOURCE_FILE_PATTERNS);
		const unpacked = packAndUnpack(tmp);
		await scan(scanner, 'tarball', unpacked, TARBALL_PATTERNS);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	say('  --    not checked before publishing: npm provenance, and the lint of the attested GitHub commit');
	const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
	if (failures.length) {
		say(`verify: ${failures.length} finding(s) (${took})`);
		process.exit(1);
	}
	say(`verify: all checks passed (${took})`);
}

main().catch((error) => {
	say(`verify: ${error.stack ?? error}`);
	process.exit(1);
});
