'use strict';
// @ts-check
/** What every benchmark section shares: the sandbox as its own process, the floor, measured n8n runs, tables. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');

const { VERSIONS, ensureInstalled, N8nInstance, packPackage } = require('../../dev/n8n');
const { fetchAllPages } = require('../../dev/paging');
const {
	TRUTO_CREDENTIAL,
	trutoCredential,
	node,
	trutoNode,
	httpRequestNode,
	codeNode,
	byId,
	linearWorkflow,
} = require('../../dev/workflows');

const version = process.env.BENCH_N8N_VERSION ?? VERSIONS[VERSIONS.length - 1].n8n;
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BENCH_ACCOUNT = '7f3c2a10-0099-4c2e-9a00-000000000099';
const PAGE = 100;
const say = (line = '') => process.stdout.write(`${line}\n`);

/** The sandbox as a separate process, so the floor's client does not share an event loop with it. */
async function startSandboxProcess(args) {
	const child = spawn(process.execPath, [require.resolve('../../dev/sandbox/cli.js'), '--port', '0', ...args], {
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
		accounts: info.accounts,
		async requestCount() {
			return (await this.allRequests()).filter((request) => request.path.startsWith('/unified/'));
		},
		/** Every request the sandbox logged, management and metadata calls included. */
		async allRequests() {
			const body = await (await fetch(`${info.url}/__sandbox/requests`)).json();
			return body.requests;
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

/**
 * The sandbox as an estate of `accounts` × `users`, answers taking `latencyMs`, enforcing Truto's limits
 * per account and per token (requests per 10 s), in pages of PAGE.
 * @param {{ accounts: number, users: number, latencyMs: number, perAccount: number, perToken: number }} estate
 */
async function startEstateSandbox({ accounts, users, latencyMs, perAccount, perToken }) {
	return await startSandboxProcess([
		'--estate', `${accounts}x${users}`,
		'--latency', String(latencyMs),
		'--rate-limit', `${perAccount}/10s`,
		'--token-rate-limit', `${perToken}/10s`,
		'--page-cap', String(PAGE),
	]);
}

/**
 * The benchmark's estate (the sandbox's scale mode) as Truto's limits and a slow app make it: every
 * answer taking 300 ms, 50 requests / 10 s per account and 500 / 10 s per token enforced.
 */
const ESTATE = { latencyMs: 300, perAccount: { requests: 50, windowMs: 10_000 }, perToken: { requests: 500, windowMs: 10_000 } };

/** The estate's sandbox with `accounts` × `users`, under ESTATE's latency and limits. */
async function startBenchEstate(accounts, users) {
	return await startEstateSandbox({ accounts, users, latencyMs: ESTATE.latencyMs, perAccount: ESTATE.perAccount.requests, perToken: ESTATE.perToken.requests });
}

/**
 * The floor of reading an estate: the larger of (a) the slowest account's own requests, which come one
 * after the other (`sequential` answers of ESTATE.latencyMs), and (b) the least number of requests any
 * reader must send (`minimum`) ÷ the per-token limit. With the two table rows that show it.
 * @param {{ minimum: number, sequential: number, what: string }} least what = what (a)'s requests are
 */
function estateFloor({ minimum, sequential, what }) {
	const slowestAccountMs = sequential * ESTATE.latencyMs;
	const tokenBudgetMs = (minimum / ESTATE.perToken.requests) * ESTATE.perToken.windowMs;
	const rows = [
		[`floor (a): slowest account's own ${what}, ${sequential} answers × ${ESTATE.latencyMs} ms`, fmt(slowestAccountMs)],
		[`floor (b): ${minimum.toLocaleString('en-US')} requests ÷ ${ESTATE.perToken.requests} per 10 s`, fmt(tokenBudgetMs)],
	];
	return { minimum, slowestAccountMs, tokenBudgetMs, floorMs: Math.max(slowestAccountMs, tokenBudgetMs), rows };
}

/** The requests to list the environment's accounts (pages of 100). */
const accountListing = (accounts) => Math.ceil(accounts / 100);

/** Let every window of the estate's limits pass, so each run starts with the whole budget. */
const windowsPass = () => new Promise((resolve) => setTimeout(resolve, ESTATE.perToken.windowMs + 500));

/** One measured run in the estate: run data, peak memory, how many requests the sandbox logged (`log`: each) and its 429s. */
async function measureInEstate(n8n, sandbox, workflowId) {
	await sandbox.clear();
	const result = await executeMeasured(n8n, workflowId);
	const requests = await sandbox.allRequests();
	await windowsPass();
	return { ...result, log: requests, requests: requests.length, limited: requests.filter((request) => request.status === 429).length };
}

/** Peak memory, and what it adds to an empty workflow's. */
const memoryOver = (peakMb, idleMb) => `${peakMb.toFixed(0)} MB (+${(peakMb - idleMb).toFixed(0)} MB)`;

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
	const execution = await n8n.execute(workflowId, { timeoutMs: 20 * 60_000 });
	sampling = false;
	await sampler;
	// n8n 2.41 sometimes crashes (exit 139) while shutting down after a finished run: the run counts.
	const crashedAfterwards = execution.exitCode === 139 && execution.execution && !execution.execution.data.resultData.error;
	if (!execution.execution || (execution.exitCode !== 0 && !crashedAfterwards)) {
		throw new Error(`workflow ${workflowId} failed (exit ${execution.exitCode}):\n${execution.stderr.slice(-1500)}\n${execution.stdout.slice(0, 1500)}`);
	}
	return { execution: execution.execution.data.resultData.runData, peakMb: peakKb / 1024 };
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
 * @param {Record<string, string>} [env] more environment for n8n (e.g. N8N_CUSTOM_EXTENSIONS)
 */
async function instanceFor(sandbox, rateLimitPerAccount, env) {
	const n8n = await N8nInstance.create({ version, tarball: packPackage(), log: () => undefined, env });
	const data = { apiToken: sandbox.token, baseUrl: sandbox.url, ...(rateLimitPerAccount === undefined ? {} : { rateLimitPerAccount }) };
	await n8n.importCredentials([trutoCredential(data)]);
	return n8n;
}

function table(header, rows) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
	const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
	return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

module.exports = {
	version,
	SIZES,
	BENCH_ACCOUNT,
	PAGE,
	say,
	startSandboxProcess,
	startEstateSandbox,
	ESTATE,
	startBenchEstate,
	estateFloor,
	accountListing,
	windowsPass,
	measureInEstate,
	memoryOver,
	fetchFloor,
	executeMeasured,
	benchTrutoNode,
	benchHttpRequestNode,
	nodeListWorkflow,
	httpRequestWorkflow,
	time,
	count,
	fmt,
	ratio,
	instanceFor,
	table,
	linearWorkflow,
	codeNode,
	byId,
	trutoNode,
	node,
	TRUTO_CREDENTIAL,
};
