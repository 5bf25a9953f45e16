'use strict';
// @ts-check
/**
 * Proves the harness against each pinned n8n, with built-in nodes only (so it works before the
 * package is built; with `dist/` present the packed package is installed and its AI-tool variant
 * checked too):
 *
 *   node dev/n8n/selfcheck.js [<n8n version>...]
 *
 * Per version: fresh instance → import a credential and two workflows → `n8n execute` a
 * Manual→Set workflow → Redis + `n8n start` in queue mode + one worker → login, node types,
 * loadOptions, resource-locator search, credential test (failing and passing) → a webhook
 * execution that must have run on the worker → stop and clean up.
 */

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { REPO_ROOT } = require('./versions');
const { node, manualTrigger, codeNode, setNode, field, workflow, connect } = require('../workflows');
const { VERSIONS, N8nInstance, HttpError, packPackage, startRedis, itemsOf, nodeError, lastNodeExecuted, PACKAGE_NAME } = require('./index');

/** @param {boolean} cond @param {string} msg */
function check(cond, msg) {
	if (!cond) throw new Error(`selfcheck: ${msg}`);
	console.log(`  ok  ${msg}`);
}

const manualToSet = workflow(
	'selfChk0001',
	[manualTrigger(), setNode('Set', [field('a1', 'greeting', '={{ "hello " + 41 + 1 }}')], { position: [200, 0] })],
	connect(['Start', 'Set']),
	'Selfcheck Manual to Set',
);

/** Code node (runs in n8n's task runner, i.e. the `node` on PATH) then a node that fails. */
const codeThenFail = workflow(
	'selfChk0003',
	[
		manualTrigger(),
		codeNode('Code', 'return [{ json: { sum: [1, 2, 3].reduce((a, b) => a + b, 0) } }];', { position: [200, 0] }),
		node('n8n-nodes-base.stopAndError', 1, 'Fail', { errorMessage: 'selfcheck boom' }, { position: [400, 0] }),
	],
	connect(['Start', 'Code'], ['Code', 'Fail']),
	'Selfcheck Code then Stop and Error',
);

/** @param {string} webhookPath */
const webhookToSet = (webhookPath) =>
	workflow(
		'selfChk0002',
		[
			node('n8n-nodes-base.webhook', 2, 'Webhook', { httpMethod: 'GET', path: webhookPath, responseMode: 'lastNode', options: {} }, {
				webhookId: crypto.randomUUID(),
			}),
			setNode('Set', [field('b1', 'ranOn', 'queue')], { position: [200, 0] }),
		],
		connect(['Webhook', 'Set']),
		'Selfcheck Webhook to Set',
	);

/**
 * @template T
 * @param {string} label
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function timed(label, fn) {
	const t = Date.now();
	const r = await fn();
	console.log(`  ${String(Date.now() - t).padStart(6)} ms  ${label}`);
	return r;
}

/** @param {string} version @param {string | null} tarball */
async function checkVersion(version, tarball) {
	console.log(`\n== n8n ${version} (${tarball ? 'with' : 'without'} ${PACKAGE_NAME})`);
	const n8n = await timed('create (install check, user folder, package)', () => N8nInstance.create({ version, tarball }));
	/** @type {{ port: number, stop: () => Promise<void> } | undefined} */
	let redis;
	try {
		await timed('import:credentials', () =>
			n8n.importCredentials([
				{ id: 'selfCred0001', name: 'Selfcheck wrong key', type: 'n8nApi', data: { apiKey: 'wrong-key', baseUrl: `${n8n.baseUrl}/api/v1` } },
			]),
		);
		const webhookPath = `selfcheck-${crypto.randomUUID()}`;
		await timed('import:workflow x3', () => n8n.importWorkflow([manualToSet, codeThenFail, webhookToSet(webhookPath)]));

		const run = await timed('execute Manual→Set', () => n8n.execute(manualToSet.id));
		check(run.exitCode === 0, `execute exit code 0 (got ${run.exitCode})`);
		check(run.execution !== null, 'execute printed an execution');
		check(itemsOf(run.execution, 'Set')[0]?.greeting === 'hello 411', 'Set node output read via itemsOf');
		const failed = await timed('execute Manual→Code→Stop and Error', () => n8n.execute(codeThenFail.id));
		check(failed.exitCode === 1 && failed.execution !== null, `failing workflow: exit ${failed.exitCode}, execution parsed`);
		check(itemsOf(failed.execution, 'Code')[0]?.sum === 6, 'Code node ran in the task runner');
		check(nodeError(failed.execution, 'Fail')?.message === 'selfcheck boom', 'nodeError() reads the failing node\'s error');
		check(lastNodeExecuted(failed.execution) === 'Fail', 'lastNodeExecuted() is the failing node');
		const missing = await n8n.execute('noSuchWf1');
		check(missing.execution === null, 'unknown workflow id → execution null');

		redis = await timed('start redis', () => startRedis());
		const redisPort = redis.port;
		await timed('n8n start (queue mode) + owner + login', () => n8n.start({ queue: { redisPort } }));
		await timed('n8n worker ready', () => n8n.startWorker());

		const types = await timed('GET /types/nodes.json', () => n8n.nodeTypes());
		const names = new Set(types.map((t) => t.name));
		check(names.has('n8n-nodes-base.set'), `node types loaded (${types.length})`);
		check(names.has('n8n-nodes-base.httpRequestTool'), 'AI-tool variants are listed (httpRequestTool)');
		if (tarball) {
			const ours = [...names].filter((n) => n.startsWith(`${PACKAGE_NAME}.`));
			check(ours.length > 0, `community package loaded: ${ours.join(', ')}`);
			check(names.has(`${PACKAGE_NAME}.trutoUserDirectoryTool`), 'trutoUserDirectoryTool exists');
		}

		const zones = await timed('loadOptions dateTime.getTimezones', () =>
			n8n.loadOptions({ nodeType: 'n8n-nodes-base.dateTime', nodeVersion: 1, methodName: 'getTimezones', path: 'parameters.options.toTimezone' }),
		);
		check(zones.some((z) => z.value === 'Europe/Berlin'), `loadOptions returned ${zones.length} options`);

		const bad = await timed('credential test (wrong key)', () => n8n.testCredential('selfCred0001'));
		check(bad.status === 'Error', `wrong key → ${bad.status}: ${bad.message}`);
		const apiKey = await n8n.ensureApiKey();
		const good = await n8n.rest('POST', '/rest/credentials', {
			name: 'Selfcheck good key',
			type: 'n8nApi',
			data: { apiKey, baseUrl: `${n8n.baseUrl}/api/v1` },
		});
		const ok = await timed('credential test (good key)', () => n8n.testCredential(good.id));
		check(ok.status === 'OK', `good key → ${ok.status}`);

		// The public API's credential test exists from some 2.x after 2.8 (2.41.1 has it, 2.8.4 not).
		try {
			const viaApi = await n8n.testCredentialViaPublicApi(good.id);
			check(viaApi.status === 'OK', `public API credential test → ${JSON.stringify(viaApi)}`);
		} catch (e) {
			if (!(e instanceof HttpError)) throw e;
			check(e.status === 404, `public API credential test absent (${e.status})`);
		}

		const found = await timed('listSearch n8n.searchWorkflows', () =>
			n8n.listSearch({
				nodeType: 'n8n-nodes-base.n8n',
				nodeVersion: 1,
				methodName: 'searchWorkflows',
				path: 'parameters.workflowId',
				credentials: { n8nApi: { id: good.id, name: good.name } },
				filter: 'Selfcheck',
			}),
		);
		check(found.results.some((r) => r.value === manualToSet.id), `listSearch found ${found.results.length} workflows`);

		await timed('publish webhook workflow (public API activate)', () => n8n.publishWorkflow('selfChk0002'));
		const hook = await timed('GET webhook (queue → worker, responseMode lastNode)', async () => {
			for (let i = 0; ; i++) {
				const r = await n8n.restRaw('GET', `/webhook/${webhookPath}`);
				if (r.status !== 404 || i > 40) return r;
				await new Promise((res) => setTimeout(res, 250)); // webhooks register just after activation
			}
		});
		check(hook.status === 200 && hook.body?.ranOn === 'queue', `webhook answered ${hook.status} ${JSON.stringify(hook.body)}`);
		const exec = await n8n.waitForExecution('selfChk0002');
		check(exec.status === 'success', `execution ${exec.id} status ${exec.status}`);
		const where = n8n.executionHost(exec.id);
		check(where.enqueuedByMain && !!where.startedOnWorker && !!where.finishedOnWorker, `execution ${exec.id} ran on ${where.startedOnWorker}`);
		check(!n8n.allLogText().includes(apiKey), 'the API key never appears in n8n logs');
	} catch (err) {
		const dump = path.join(REPO_ROOT, '.cache', `selfcheck-${version}.log`);
		fs.writeFileSync(dump, n8n.logs().map((l) => `### ${l.name} (exit ${l.exitCode})\n${l.stdout}\n${l.stderr}`).join('\n'));
		console.error(`  process logs written to ${dump}`);
		throw err;
	} finally {
		await timed('stop + cleanup', async () => {
			await n8n.cleanup();
			await redis?.stop();
		});
	}
}

async function main() {
	const args = process.argv.slice(2);
	const versions = args.length ? args : VERSIONS.map((v) => v.n8n);
	let tarball = null;
	if (fs.existsSync(path.join(REPO_ROOT, 'dist'))) tarball = packPackage();
	else console.log('dist/ not built: checking n8n without the package');
	for (const v of versions) await checkVersion(v, tarball);
	console.log('\nselfcheck passed');
}

main().catch((err) => {
	console.error(err instanceof Error ? err.stack : err);
	process.exit(1);
});
