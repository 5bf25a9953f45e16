#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * npm run bench — how the node compares with what users do today, measured side by side in one run
 * against the sandbox (started as its own process, page cap 100):
 *   1. listing N users: a bare fetch loop (the floor), this node in real n8n, and n8n's HTTP Request
 *      node with cursor pagination followed by Split Out (one item per user). For the n8n nodes the
 *      time is their execution time from n8n's run data in the same execution (n8n's boot is not
 *      counted); memory is the peak resident size of the n8n process.
 *   2. throttling: a long listing with the sandbox enforcing Truto's 50 requests / 10 s per account.
 *   3. many input items: Get for many ids with slow answers — this node (input items side by side,
 *      within its request budget) against the HTTP Request node (one item after the other).
 *   4. what remote_data costs.
 * Figures go to stdout; nothing here is an assertion.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');

const { VERSIONS, ensureInstalled, N8nInstance, packPackage } = require('../dev/n8n');
const { fetchAllPages } = require('../dev/paging');
const {
	TRUTO_CREDENTIAL,
	trutoCredential,
	node,
	trutoNode,
	httpRequestNode,
	codeNode,
	byId,
	linearWorkflow,
} = require('../dev/workflows');

const version = process.env.BENCH_N8N_VERSION ?? VERSIONS[VERSIONS.length - 1].n8n;
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BENCH_ACCOUNT = '7f3c2a10-0099-4c2e-9a00-000000000099';
const PAGE = 100;
const say = (line = '') => process.stdout.write(`${line}\n`);

/** The sandbox as a separate process, so the floor's client does not share an event loop with it. */
async function startSandboxProcess(args) {
	const child = spawn(process.execPath, [require.resolve('../dev/sandbox/cli.js'), '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve, reject) => {
		const lines = readline.createInterface({ input: /** @type {any} */ (child.stdout) });
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
	});
	const info = JSON.parse(String(line));
	return {
		url: info.url,
		token: info.token,
		async requestCount() {
			const body = await (await fetch(`${info.url}/__sandbox/requests`)).json();
			return body.requests.filter((request) => request.path.startsWith('/unified/'));
		},
		async clear() {
			await fetch(`${info.url}/__sandbox/requests`, { method: 'DELETE' });
		},
		async faults(faults) {
			await fetch(`${info.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ faults }), headers: { 'content-type': 'application/json' } });
		},
		stop: () => new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill('SIGTERM');
		}),
	};
}

/** The floor: the same listing with nothing but fetch and a cursor loop. */
async function fetchFloor(sandbox, query = {}) {
	const started = process.hrtime.bigint();
	const { records, pages, bytes } = await fetchAllPages(`${sandbox.url}/unified/user-directory/users`, {
		token: sandbox.token,
		query: { integrated_account_id: BENCH_ACCOUNT, limit: String(PAGE), ...query },
	});
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, records: records.length, requests: pages.length, bytes };
}

/**
 * Runs `n8n execute` for one workflow while sampling the peak resident memory of that process.
 * @param {N8nInstance} n8n
 * @param {string} workflowId
 */
async function executeMeasured(n8n, workflowId) {
	let peakKb = 0;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
				try {
					const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
					if (!cmdline.includes(`--id=${workflowId}`)) continue;
					const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
					if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
				} catch {
					// The process ended between listing and reading.
				}
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	})();
	const run = await n8n.execute(workflowId, { timeoutMs: 20 * 60_000 });
	sampling = false;
	await sampler;
	if (!run.execution || run.exitCode !== 0) {
		throw new Error(`workflow ${workflowId} failed (exit ${run.exitCode}):\n${run.stderr.slice(-1500)}\n${run.stdout.slice(0, 1500)}`);
	}
	return { run: run.execution.data.resultData.runData, peakMb: peakKb / 1024 };
}

/** The Truto node reading the bench account's users with the given operation parameters. */
function benchTrutoNode(parameters) {
	return trutoNode('Truto', { resource: 'user', integratedAccount: byId(BENCH_ACCOUNT), options: {}, ...parameters });
}

/** The HTTP Request node calling `url` with the Truto credential, as users configure it today. */
function benchHttpRequestNode(url, extraQuery, options, settings = {}) {
	const parameters = {
		url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'trutoApi',
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'integrated_account_id', value: BENCH_ACCOUNT }, ...extraQuery] },
		options,
	};
	return httpRequestNode('HTTP Request', parameters, { credentials: { trutoApi: TRUTO_CREDENTIAL }, ...settings });
}

function nodeListWorkflow(id, options = {}) {
	return linearWorkflow(id, [benchTrutoNode({ operation: 'getAll', returnAll: true, options })]);
}

function httpRequestWorkflow(id, sandboxUrl) {
	const pagination = {
		pagination: {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: { parameters: [{ type: 'qs', name: 'next_cursor', value: '={{ $response.body.next_cursor }}' }] },
			paginationCompleteWhen: 'other',
			completeExpression: '={{ !$response.body.next_cursor }}',
		},
	};
	return linearWorkflow(id, [
		benchHttpRequestNode(`${sandboxUrl}/unified/user-directory/users`, [{ name: 'limit', value: String(PAGE) }], { pagination }),
		node('n8n-nodes-base.splitOut', 1, 'Split Out', { fieldToSplitOut: 'result', options: {} }),
	]);
}

const time = (runData, name) => runData[name][0].executionTime;
const count = (runData, name) => runData[name][0].data.main[0].length;
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/**
 * @param {{ url: string, token: string }} sandbox
 * @param {number} [rateLimitPerAccount] the credential's local budget; 0 = off (an unthrottled sandbox)
 */
async function instanceFor(sandbox, rateLimitPerAccount) {
	const n8n = await N8nInstance.create({ version, tarball: packPackage(), log: () => undefined });
	const data = { apiToken: sandbox.token, baseUrl: sandbox.url, ...(rateLimitPerAccount === undefined ? {} : { rateLimitPerAccount }) };
	await n8n.importCredentials([trutoCredential(data)]);
	return n8n;
}

async function listingBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE)]);
	// This sandbox enforces no limit, like the floor: the node's own budget is off (credential → 0).
	const n8n = await instanceFor(sandbox, 0);
	try {
		await n8n.importWorkflow([nodeListWorkflow('benchNode1'), httpRequestWorkflow('benchHttp1', sandbox.url), linearWorkflow('benchIdle1', [])]);
		await fetchFloor(sandbox); // warm the sandbox's generator and the JIT
		await sandbox.clear();
		const floor = await fetchFloor(sandbox);

		await sandbox.clear();
		const node = await executeMeasured(n8n, 'benchNode1');
		const nodeRequests = (await sandbox.requestCount()).length;

		await sandbox.clear();
		const http = await executeMeasured(n8n, 'benchHttp1');
		const httpRequests = (await sandbox.requestCount()).length;

		const idle = await executeMeasured(n8n, 'benchIdle1');
		const nodeMs = time(node.run, 'Truto');
		const httpMs = time(http.run, 'HTTP Request') + time(http.run, 'Split Out');
		return {
			size,
			rows: [
				['fetch loop (floor)', fmt(floor.ms), floor.records, floor.requests, '—'],
				['Truto User Directory node', fmt(nodeMs), count(node.run, 'Truto'), nodeRequests, `${node.peakMb.toFixed(0)} MB`],
				['HTTP Request + Split Out', fmt(httpMs), count(http.run, 'Split Out'), httpRequests, `${http.peakMb.toFixed(0)} MB`],
				['(n8n running an empty workflow)', '—', 0, 0, `${idle.peakMb.toFixed(0)} MB`],
			],
			ratios: { nodeFloor: ratio(nodeMs, floor.ms), nodeHttp: ratio(nodeMs, httpMs), memory: ratio(node.peakMb, http.peakMb) },
		};
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

async function throttleBenchmark(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow(nodeListWorkflow('benchThrottle1'));
		const { run } = await executeMeasured(n8n, 'benchThrottle1');
		const requests = await sandbox.requestCount();
		const answered = requests.filter((request) => request.status === 200).length;
		const limited = requests.filter((request) => request.status === 429).length;
		const ms = time(run, 'Truto');
		const achieved = answered / (ms / 1000);
		return { size, ms, answered, limited, achieved, allowed: 5, records: count(run, 'Truto') };
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

function idsCode(items) {
	return codeNode('IDs', `return Array.from({ length: ${items} }, (_, i) => ({ json: { id: String(100000 + i) } }));`);
}

function nodeGetWorkflow(id, items) {
	return linearWorkflow(id, [idsCode(items), benchTrutoNode({ operation: 'get', userId: byId('={{ $json.id }}') })]);
}

function httpGetWorkflow(id, items, sandboxUrl) {
	const url = `=${sandboxUrl}/unified/user-directory/users/{{ $json.id }}`;
	// Continue on error so that its 429 failures are counted instead of stopping the run.
	return linearWorkflow(id, [idsCode(items), benchHttpRequestNode(url, [], {}, { onError: 'continueRegularOutput' })]);
}

/** Get for `items` ids while every answer takes `latencyMs`, as slow apps behind Truto do. */
async function manyItemsBenchmark(items, latencies) {
	const sandbox = await startSandboxProcess(['--big-users', String(items), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([nodeGetWorkflow('benchGetNode1', items), httpGetWorkflow('benchGetHttp1', items, sandbox.url)]);
		const rows = [];
		for (const latencyMs of latencies) {
			await sandbox.faults([{ kind: 'delay', ms: latencyMs, times: -1, match: { method: 'GET', path: '^/unified/user-directory/users/' } }]);
			await sandbox.clear();
			const node = await executeMeasured(n8n, 'benchGetNode1');
			const nodeLimited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			// Let the sandbox's rate window pass so the second run starts with the same budget.
			await new Promise((resolve) => setTimeout(resolve, 10_500));
			await sandbox.clear();
			const http = await executeMeasured(n8n, 'benchGetHttp1');
			const httpLimited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			await new Promise((resolve) => setTimeout(resolve, 10_500));
			const nodeMs = time(node.run, 'Truto');
			const httpMs = time(http.run, 'HTTP Request');
			const httpFailed = http.run['HTTP Request'][0].data.main[0].filter((item) => item.json.error).length;
			rows.push([
				`${latencyMs} ms`,
				`${fmt(nodeMs)}: ${count(node.run, 'Truto')} users, ${nodeLimited} × 429`,
				`${fmt(httpMs)}: ${count(http.run, 'HTTP Request') - httpFailed} users, ${httpFailed} failed, ${httpLimited} × 429`,
			]);
		}
		return rows;
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

/**
 * The node's own code outside n8n (its HTTP helper replaced by fetch), Get for `items` ids one at a
 * time and side by side: what the item concurrency buys under the default budget.
 */
async function concurrencyBenchmark(items, latencyMs) {
	const { TrutoUserDirectory } = require('../dist/nodes/TrutoUserDirectory/TrutoUserDirectory.node');
	const transport = require('../dist/nodes/TrutoUserDirectory/transport');
	const sandbox = await startSandboxProcess(['--big-users', String(items), '--page-cap', String(PAGE), '--rate-limit', '50/10s']);
	try {
		await sandbox.faults([{ kind: 'delay', ms: latencyMs, times: -1, match: { method: 'GET', path: '^/unified/user-directory/users/' } }]);
		const truto = trutoNode('Truto', {});
		const context = {
			getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { id: String(100000 + i) } })),
			getNodeParameter: (name, itemIndex, fallback, options) => {
				const values = {
					resource: 'user',
					operation: 'get',
					integratedAccount: BENCH_ACCOUNT,
					userId: String(100000 + itemIndex),
					options: {},
				};
				return name in values ? values[name] : fallback;
			},
			getCredentials: async () => ({ apiToken: sandbox.token, baseUrl: sandbox.url }),
			getNode: () => truto,
			continueOnFail: () => false,
			helpers: {
				async httpRequestWithAuthentication(_type, options) {
					const response = await fetch(options.url, {
						method: options.method,
						headers: { ...options.headers, authorization: `Bearer ${sandbox.token}` },
					});
					const text = await response.text();
					const headers = {};
					response.headers.forEach((value, key) => (headers[key] = value));
					return { body: text ? JSON.parse(text) : '', headers, statusCode: response.status };
				},
			},
		};
		const results = [];
		for (const itemConcurrency of [1, undefined]) {
			transport.resetThrottle();
			transport.setClientDefaults(itemConcurrency ? { itemConcurrency } : {});
			await sandbox.clear();
			const started = process.hrtime.bigint();
			const [output] = await new TrutoUserDirectory().execute.call(context);
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const limited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			results.push({ label: itemConcurrency ? 'one item at a time' : `${transport.ITEM_CONCURRENCY} items at a time (default)`, ms, items: output.length, limited });
			await new Promise((resolve) => setTimeout(resolve, 10_500));
		}
		transport.setClientDefaults({});
		return results;
	} finally {
		await sandbox.stop();
	}
}

async function remoteDataCost(size) {
	const sandbox = await startSandboxProcess(['--big-users', String(size), '--page-cap', String(PAGE)]);
	try {
		await fetchFloor(sandbox);
		const withData = await fetchFloor(sandbox);
		const without = await fetchFloor(sandbox, { truto_ignore_remote_data: 'true' });
		return { size, withData, without };
	} finally {
		await sandbox.stop();
	}
}

function table(header, rows) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
	const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
	return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
	say(`n8n ${version}, Node ${process.version}, sandbox page cap ${PAGE}; preparing n8n…`);
	await ensureInstalled(version, { log: (message) => say(`  ${message}`) });
	for (const size of SIZES) {
		const result = await listingBenchmark(size);
		say();
		say(`## Listing ${size.toLocaleString('en-US')} users`);
		say(table(['how', 'time', 'items', 'requests', 'n8n peak memory'], result.rows));
		say(`node / floor: ${result.ratios.nodeFloor} · node / HTTP Request: ${result.ratios.nodeHttp} · memory node / HTTP Request: ${result.ratios.memory}`);
	}

	const throttleSize = Number(process.env.BENCH_THROTTLE_USERS ?? 25_000);
	const throttle = await throttleBenchmark(throttleSize);
	say();
	say(`## Under Truto's limit (50 requests / 10 s per account, enforced by the sandbox)`);
	say(
		`${throttle.records.toLocaleString('en-US')} users in ${fmt(throttle.ms)}: ${throttle.answered} answered requests, ${throttle.limited} × 429; ` +
			`achieved ${throttle.achieved.toFixed(2)} requests/s of ${throttle.allowed} allowed (${Math.round((throttle.achieved / throttle.allowed) * 100)}%)`,
	);

	const manyItems = Number(process.env.BENCH_GET_ITEMS ?? 120);
	const latencies = (process.env.BENCH_LATENCIES ?? '250,1000').split(',').map(Number);
	say();
	say(`## Get for ${manyItems} input items in n8n, each answer delayed (sandbox enforcing 50 requests / 10 s)`);
	say(table(['answer time', 'Truto User Directory node', 'HTTP Request (all items at once)'], await manyItemsBenchmark(manyItems, latencies)));

	const concurrencyItems = Number(process.env.BENCH_CONCURRENCY_ITEMS ?? 40);
	const concurrencyLatency = Number(process.env.BENCH_CONCURRENCY_LATENCY ?? 500);
	const concurrency = await concurrencyBenchmark(concurrencyItems, concurrencyLatency);
	say();
	say(`## Get for ${concurrencyItems} input items, answers taking ${concurrencyLatency} ms: the node's code, sequential vs side by side`);
	say(table(['items worked on', 'time', 'items', '429s'], concurrency.map((r) => [r.label, fmt(r.ms), r.items, r.limited])));
	say(`speed-up: ${ratio(concurrency[0].ms, concurrency[1].ms)}`);

	const cost = await remoteDataCost(10_000);
	say();
	say('## What remote_data costs (10,000 users, fetch loop)');
	say(
		table(
			['', 'bytes', 'time'],
			[
				['with remote_data', cost.withData.bytes.toLocaleString('en-US'), fmt(cost.withData.ms)],
				['truto_ignore_remote_data=true', cost.without.bytes.toLocaleString('en-US'), fmt(cost.without.ms)],
			],
		),
	);
	say(`remote_data makes each answer ${ratio(cost.withData.bytes, cost.without.bytes)} larger.`);
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
}
