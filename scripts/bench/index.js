#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * npm run bench — how the node compares with what users do today, measured side by side in one run
 * against the sandbox (started as its own process, page cap 100). Each section is a file here;
 * `BENCH_ONLY=listing,throttle` runs some of them. Figures go to stdout; nothing here is an assertion.
 */
const { ensureInstalled } = require('../../dev/n8n');
const { version, PAGE, say } = require('./common');

/** In the order they print. */
const SECTIONS = [
	require('./listing'),
	require('./throttle'),
	require('./manyItems'),
	require('./concurrency'),
	require('./remoteData'),
	require('./superQuery'),
	require('./simplify'),
	require('./webhooks'),
	require('./reclamation'),
	require('./reclaim'),
	require('./people'),
	require('./access'),
];

async function main() {
	const only = (process.env.BENCH_ONLY ?? '').split(',').map((name) => name.trim()).filter(Boolean);
	const unknown = only.filter((name) => !SECTIONS.some((section) => section.name === name));
	if (unknown.length) throw new Error(`BENCH_ONLY names unknown sections: ${unknown.join(', ')} (there are: ${SECTIONS.map((s) => s.name).join(', ')})`);
	say(`n8n ${version}, Node ${process.version}, sandbox page cap ${PAGE}; preparing n8n…`);
	await ensureInstalled(version, { log: (message) => say(`  ${message}`) });
	for (const section of SECTIONS) {
		if (only.length === 0 || only.includes(section.name)) await section.run();
	}
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}
