'use strict';
// @ts-check
/** The node's own code outside n8n: Get for many ids one item at a time, and side by side. */
const {
	PAGE,
	BENCH_ACCOUNT,
	say,
	startSandboxProcess,
	fmt,
	ratio,
	table,
	trutoNode,
} = require('./common');

/**
 * The node's own code outside n8n (its HTTP helper replaced by fetch), Get for `items` ids one at a
 * time and side by side: what the item concurrency buys under the default budget.
 */
async function concurrencyBenchmark(items, latencyMs) {
	const { router } = require('../../dist/nodes/TrutoUserDirectory/router');
	const { ITEM_CONCURRENCY } = require('../../dist/nodes/TrutoUserDirectory/boundedConcurrency');
	const transport = require('../../dist/nodes/shared/transport');
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
			await sandbox.clear();
			const started = process.hrtime.bigint();
			const [output] = await router.call(context, { itemConcurrency });
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const limited = (await sandbox.requestCount()).filter((request) => request.status === 429).length;
			results.push({ label: itemConcurrency ? 'one item at a time' : `${ITEM_CONCURRENCY} items at a time (default)`, ms, items: output.length, limited });
			await new Promise((resolve) => setTimeout(resolve, 10_500));
		}
		return results;
	} finally {
		await sandbox.stop();
	}
}

async function run() {
	const concurrencyItems = Number(process.env.BENCH_CONCURRENCY_ITEMS ?? 40);
	const concurrencyLatency = Number(process.env.BENCH_CONCURRENCY_LATENCY ?? 500);
	const concurrency = await concurrencyBenchmark(concurrencyItems, concurrencyLatency);
	say();
	say(`## Get for ${concurrencyItems} input items, answers taking ${concurrencyLatency} ms: the node's code, sequential vs side by side`);
	say(table(['items worked on', 'time', 'items', '429s'], concurrency.map((r) => [r.label, fmt(r.ms), r.items, r.limited])));
	say(`speed-up: ${ratio(concurrency[0].ms, concurrency[1].ms)}`);
}

module.exports = { name: 'concurrency', run };
