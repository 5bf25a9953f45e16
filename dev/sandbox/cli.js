#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * node dev/sandbox/cli.js [--port 0] [--token T] [--page-cap 100] [--big-users N] [--rate-limit 50/10s]
 *   [--webhook-limit 20]
 * Prints one JSON line {"url","token","accounts"} once listening; runs until SIGTERM/SIGINT.
 */
const { startSandbox, ACCOUNTS, TOKEN } = require('./index');
const { parseRateLimit } = require('./lib/rate-limit');

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`unexpected argument ${argv[i]}`);
		args[m[1]] = m[2] ?? argv[++i];
		if (args[m[1]] === undefined) throw new Error(`--${m[1]} needs a value`);
	}
	const known = new Set(['port', 'token', 'page-cap', 'big-users', 'rate-limit', 'host', 'webhook-limit']);
	for (const k of Object.keys(args)) if (!known.has(k)) throw new Error(`unknown option --${k}`);
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const sb = await startSandbox({
		port: Number(args.port ?? 0),
		host: args.host,
		token: args.token ?? TOKEN,
		pageCap: args['page-cap'] ? Number(args['page-cap']) : undefined,
		bigDirectory: { users: Number(args['big-users'] ?? 0) },
		rateLimit: args['rate-limit'] ? parseRateLimit(args['rate-limit']) : null,
		webhookLimit: args['webhook-limit'] ? Number(args['webhook-limit']) : undefined,
	});
	process.stdout.write(`${JSON.stringify({ url: sb.url, token: sb.token, accounts: ACCOUNTS })}\n`);
	const stop = () => sb.close().then(() => process.exit(0));
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((err) => {
	process.stderr.write(`sandbox: ${err.message}\n`);
	process.exit(1);
});
