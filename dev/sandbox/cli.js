#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * node dev/sandbox/cli.js [--port 0] [--token T] [--page-cap 100] [--big-users N] [--rate-limit 50/10s]
 *                         [--token-rate-limit 500/10s] [--estate 20x5000] [--latency 300] [--webhook-limit 20]
 * Prints one JSON line {"url","token","accounts"} once listening; runs until SIGTERM/SIGINT.
 * --estate NxM serves N generated accounts of M users each instead of the fixture accounts (the
 * benchmark's scale mode); --latency answers every call after that many milliseconds.
 */
const { startSandbox, TOKEN } = require('./index');
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
	const known = new Set(['port', 'token', 'page-cap', 'big-users', 'rate-limit', 'token-rate-limit', 'estate', 'latency', 'host', 'webhook-limit']);
	for (const k of Object.keys(args)) if (!known.has(k)) throw new Error(`unknown option --${k}`);
	return args;
}

/** "20x5000" → 20 accounts of 5,000 users. @param {string | undefined} text */
function parseEstate(text) {
	if (text === undefined) return null;
	const m = /^(\d+)x(\d+)$/.exec(text.trim());
	if (!m || Number(m[1]) < 1) throw new Error(`--estate expects ACCOUNTSxUSERS such as 20x5000, got ${text}`);
	return { accounts: Number(m[1]), users: Number(m[2]) };
}

/**
 * --rate-limit (per account) and --token-rate-limit (per token) as one limiter with one window.
 * @param {Record<string, string>} args
 */
function rateLimitOf(args) {
	const account = args['rate-limit'] ? parseRateLimit(args['rate-limit']) : undefined;
	const token = args['token-rate-limit'] ? parseRateLimit(args['token-rate-limit'], '--token-rate-limit') : undefined;
	if (!account && !token) return null;
	if (account && token && account.windowMs !== token.windowMs) throw new Error('--rate-limit and --token-rate-limit must use the same window');
	return { perAccount: account?.perAccount, perToken: token?.perAccount, windowMs: (account ?? token)?.windowMs ?? 10_000 };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const latency = args.latency === undefined ? 0 : Number(args.latency);
	if (!Number.isFinite(latency) || latency < 0) throw new Error(`--latency expects milliseconds, got ${args.latency}`);
	const sb = await startSandbox({
		port: Number(args.port ?? 0),
		host: args.host,
		token: args.token ?? TOKEN,
		pageCap: args['page-cap'] ? Number(args['page-cap']) : undefined,
		bigDirectory: { users: Number(args['big-users'] ?? 0) },
		rateLimit: rateLimitOf(args),
		estate: parseEstate(args.estate),
		latencyMs: latency,
		webhookLimit: args['webhook-limit'] ? Number(args['webhook-limit']) : undefined,
	});
	process.stdout.write(`${JSON.stringify({ url: sb.url, token: sb.token, accounts: sb.accounts })}\n`);
	const stop = () => sb.close().then(() => process.exit(0));
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((err) => {
	process.stderr.write(`sandbox: ${err.message}\n`);
	process.exit(1);
});
