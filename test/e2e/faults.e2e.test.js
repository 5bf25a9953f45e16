'use strict';
// @ts-check
/**
 * Throttling, faults and bad input with the packed package inside a real n8n (`n8n execute`), against
 * a sandbox that enforces Truto's real rate limit (50 requests / 10 s per integrated account).
 *
 * 1. Get for 120 users, one input item each: items run side by side within the node's request
 *    budget; no 429 reaches the sandbox log, no 10-second window holds more than 50 requests, output
 *    order and pairedItem are those of the input.
 * 2. Return All listings under scripted faults (429s, 502/504 bursts, resets, truncated bodies, HTML
 *    pages, a slow answer, a repeating cursor): every record once, or a clear error item.
 * 3. A subset of the bad-input catalogue (test/nodes/TrutoUserDirectory/badInput.test.ts), including
 *    broken credentials: each a specific error; the API tokens appear nowhere in the execution data
 *    or in any n8n process log.
 */
const { itemsOf, nodeError } = require('../../dev/n8n');
const { ACCOUNTS, TOKEN, describeInN8n, startSandbox, listDirect, idsOf } = require('./setup');
const { byId, trutoNode, codeNode, manualWorkflow } = require('../../dev/workflows');

const USERS = '/unified/user-directory/users';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const BENCH_USERS = 300;
const GETS = 120;
const GET_DELAY_MS = 100;
const WRONG_TOKEN = `${TOKEN}-revoked-e2e`;
const CREDENTIALS = {
	wrongToken: { id: 'trutoWrongToken1', name: 'Truto Wrong Token' },
	htps: { id: 'trutoHtps1', name: 'Truto htps' },
	plainHttp: { id: 'trutoPlainHttp1', name: 'Truto plain http' },
};

/**
 * The most requests within any `windowMs`.
 * @param {Array<{ at: number }>} requests
 * @param {number} windowMs
 */
function busiestWindow(requests, windowMs) {
	const times = requests.map((r) => r.at).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/**
 * The most requests being answered at one moment.
 * @param {Array<{ at: number, ms?: number }>} requests
 */
function mostInFlight(requests) {
	const edges = requests.flatMap((r) => [
		{ at: r.at, step: 1 },
		{ at: r.at + (r.ms ?? 0), step: -1 },
	]);
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let current = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (current += edge.step));
	return most;
}

/** Query regex for a listing marked with Options → Remote Query `case=<name>`. */
const marked = (name) => `remote_query\\[case\\]=${name}(&|$)`;

/**
 * A Return All listing of an account's users, marked so that faults can target it.
 * @param {string} name
 * @param {string} account
 * @param {string} marker
 */
function markedListing(name, account, marker) {
	return trutoNode(
		name,
		{
			resource: 'user',
			operation: 'getAll',
			integratedAccount: byId(account),
			returnAll: true,
			options: { remoteQuery: { parameters: [{ name: 'case', value: marker }] } },
		},
		{ onError: 'continueRegularOutput' },
	);
}

/** Truto's real rate limit, and a directory big enough to page through under it. */
const LIMITED = { now: NOW, bigDirectory: { users: BENCH_USERS }, rateLimit: { perAccount: 50, windowMs: 10_000 } };

/** The broken credentials of the bad-input cases. @param {any} e2e */
const brokenCredentials = (e2e) => ({
	credentials: [
		{ ...CREDENTIALS.wrongToken, type: 'trutoApi', data: { apiToken: WRONG_TOKEN, baseUrl: e2e.sandbox.url } },
		{ ...CREDENTIALS.htps, type: 'trutoApi', data: { apiToken: TOKEN, baseUrl: 'htps://api.truto.one' } },
		{ ...CREDENTIALS.plainHttp, type: 'trutoApi', data: { apiToken: TOKEN, baseUrl: 'http://api.truto.one' } },
	],
});

describeInN8n('throttling, faults and bad input in n8n %s', { sandbox: LIMITED, boot: brokenCredentials }, (e2e) => {
	/** @type {string[]} */ let zoomIds;
	/** @type {string[]} */ let benchIds;

	beforeAll(async () => {
		// The expected answers come from an unlimited twin, so the limited sandbox stays untouched.
		const twin = await startSandbox({ port: 0, now: NOW, bigDirectory: { users: BENCH_USERS } });
		zoomIds = idsOf(await listDirect(twin, USERS, { integrated_account_id: ACCOUNTS.zoom }));
		benchIds = idsOf(await listDirect(twin, USERS, { integrated_account_id: ACCOUNTS.bench }));
		await twin.close();
		expect(benchIds).toHaveLength(BENCH_USERS);
	});

	describe(`Get for ${GETS} users under the real rate limit`, () => {
		/** @type {any} */ let run;
		/** @type {any[]} */ let requests;
		let elapsedMs = 0;

		beforeAll(async () => {
			const wanted = benchIds.slice(0, GETS);
			const workflow = manualWorkflow(
				'trutoE2eThrottle1',
				[
					codeNode('User IDs', `return ${JSON.stringify(wanted)}.map((id) => ({ json: { id } }));`),
				],
				{
					extraNodes: [
						trutoNode('Get Each User', {
							resource: 'user',
							operation: 'get',
							integratedAccount: byId(ACCOUNTS.bench),
							userId: byId('={{ $json.id }}'),
						}),
					],
					chains: [['User IDs', 'Get Each User']],
				},
			);
			await e2e.n8n.importWorkflow(workflow);
			e2e.sandbox.clearRequests();
			// Each answer takes 100 ms, so that requests side by side are visible in the log.
			e2e.sandbox.setFaults([{ kind: 'delay', ms: GET_DELAY_MS, match: { path: `^${USERS}/` }, times: -1 }]);
			const started = Date.now();
			run = await e2e.n8n.execute(workflow.id);
			elapsedMs = Date.now() - started;
			e2e.sandbox.clearFaults();
			// Data calls only: the once-per-run metadata look-up is not one of the 120 gets.
			requests = e2e.sandbox.requests.filter((/** @type {any} */ r) => r.path.startsWith(`${USERS}/`) && !r.path.includes('/meta/'));
			process.stderr.write(
				`[faults e2e ${e2e.version}] ${GETS} gets: ${elapsedMs} ms for the whole n8n execute, ${requests.length} requests, ` +
					`busiest 10 s window ${busiestWindow(requests, 10_000)}, most in flight ${mostInFlight(requests)}, ` +
					`429s ${requests.filter((/** @type {any} */ r) => r.status === 429).length}\n`,
			);
		});

		it('returns every user in input order, each paired with its input item', () => {
			expect(run.exitCode).toBe(0);
			expect(idsOf(itemsOf(run.execution, 'Get Each User'))).toEqual(benchIds.slice(0, GETS));
			const items = run.execution.data.resultData.runData['Get Each User'][0].data.main[0];
			expect(items.map((/** @type {any} */ item) => item.pairedItem.item)).toEqual(Array.from({ length: GETS }, (_, i) => i));
		});

		it('stays under 50 requests per 10 s with no 429, working on several items at a time', () => {
			expect(requests).toHaveLength(GETS);
			expect(requests.filter((r) => r.status === 429)).toHaveLength(0);
			expect(busiestWindow(requests, 10_000)).toBeLessThanOrEqual(50);
			expect(mostInFlight(requests)).toBeGreaterThan(1);
			expect(mostInFlight(requests)).toBeLessThanOrEqual(8);
			// 120 requests at 49 per 10.2 s need two full waits; a bound, not a speed test.
			expect(elapsedMs).toBeGreaterThanOrEqual(2 * 10_000);
			expect(elapsedMs).toBeLessThan(3 * 35_000);
		});
	});

	describe('Return All listings under faults', () => {
		/** @type {any} */ let run;
		let elapsedMs = 0;
		const tooMany = { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' };
		// Microsoft Graph down for a moment, as Truto passes it on: retried, not taken for a blocked account.
		const appUnavailable = { statusCode: 503, error: 'Service Unavailable', message: 'Service unavailable', truto_is_remote_error: true };

		/** name → [account, faults, expected: 'all' | RegExp] */
		const CASES = {
			'429 Retry-After': [ACCOUNTS.zoom, [{ kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: tooMany, after: 2, times: 2 }], 'all'],
			'429 ratelimit-reset': [ACCOUNTS.bench, [{ kind: 'status', status: 429, headers: { 'ratelimit-reset': '1' }, body: tooMany, after: 1 }], 'all'],
			'502 burst': [ACCOUNTS.bench, [{ kind: 'status', status: 502, after: 1, times: 3 }], 'all'],
			'504 burst': [ACCOUNTS.bench, [{ kind: 'status', status: 504, after: 2, times: 2 }], 'all'],
			'connection resets': [ACCOUNTS.zoom, [{ kind: 'reset', after: 3, times: 2 }], 'all'],
			'truncated body': [ACCOUNTS.bench, [{ kind: 'truncate', after: 1 }], 'all'],
			'HTML error page': [ACCOUNTS.bench, [{ kind: 'html', status: 502, after: 2 }], 'all'],
			'slow answer': [ACCOUNTS.bench, [{ kind: 'delay', ms: 2000, after: 1 }], 'all'],
			"the app's 503": [ACCOUNTS.bench, [{ kind: 'status', status: 503, body: appUnavailable, after: 1, times: 2 }], 'all'],
			'HTML pages every time': [ACCOUNTS.bench, [{ kind: 'html', status: 502, times: -1 }], /^Truto answered 502 Bad Gateway: 502 Bad Gateway [^<>]*$/],
			'repeating cursor': [ACCOUNTS.zoom, [{ kind: 'repeat-cursor', after: 2, times: -1 }], /Truto returned a page cursor it had already returned/],
		};
		/** @param {string} name */
		const nodeName = (name) => `Faults ${name}`;
		/** @param {string} name */
		const marker = (name) => name.replace(/\W+/g, '-').toLowerCase();

		beforeAll(async () => {
			const names = Object.keys(CASES);
			e2e.sandbox.setFaults(
				names.flatMap((name) =>
					CASES[name][1].map((/** @type {any} */ fault) => ({ ...fault, match: { path: `^${USERS}$`, query: marked(marker(name)) } })),
				),
			);
			const workflow = manualWorkflow(
				'trutoE2eFaults1',
				names.map((name) => markedListing(nodeName(name), /** @type {string} */ (CASES[name][0]), marker(name))),
			);
			await e2e.n8n.importWorkflow(workflow);
			e2e.sandbox.clearRequests();
			const started = Date.now();
			run = await e2e.n8n.execute(workflow.id);
			elapsedMs = Date.now() - started;
			e2e.sandbox.clearFaults();
		});

		it('runs to the end', () => {
			expect(run.execution).not.toBeNull();
			expect(run.exitCode).toBe(0);
			// Waits here: 2 × 1 s + 1 s for 429s, 2 s of slow answer, 5 attempts with backoff: bounded.
			expect(elapsedMs).toBeLessThan(120_000);
		});

		it.each(Object.keys(CASES))('%s', (name) => {
			const [account, , expected] = CASES[name];
			const items = itemsOf(run.execution, nodeName(name));
			if (expected === 'all') {
				expect(items.filter((item) => item.error)).toEqual([]);
				expect(idsOf(items)).toEqual(account === ACCOUNTS.zoom ? zoomIds : benchIds);
			} else {
				// One error item, no partial list.
				expect(items).toHaveLength(1);
				expect(items[0].error).toMatch(/** @type {RegExp} */ (expected));
			}
			const fired = e2e.sandbox.requests.filter(
				(/** @type {any} */ r) => r.fault && new RegExp(marked(marker(name))).test(r.rawQuery),
			);
			expect(fired.length).toBeGreaterThan(0);
		});
	});

	describe('as real Truto answers', () => {
		/** @type {any} */ let run;

		beforeAll(async () => {
			e2e.sandbox.setFaults([
				{ kind: 'partial', match: { path: `^${USERS}$`, query: marked('partial'), accountId: ACCOUNTS.zoom }, after: 1, times: 2 },
			]);
			const workflow = manualWorkflow('trutoE2eTruto1', [
				markedListing('Needs Reauth', ACCOUNTS.okta, 'reauth'),
				markedListing('Partial Pages', ACCOUNTS.zoom, 'partial'),
			]);
			await e2e.n8n.importWorkflow(workflow);
			e2e.sandbox.clearRequests();
			run = await e2e.n8n.execute(workflow.id);
			e2e.sandbox.clearFaults();
		});

		it('stops a call to an account that needs reconnecting before sending it, and says so', () => {
			expect(run.exitCode).toBe(0);
			const items = itemsOf(run.execution, 'Needs Reauth');
			expect(items).toHaveLength(1);
			expect(items[0].error).toBe('The customer must reconnect this integrated account (status: needs_reauth)');
			expect(items[0].description).toMatch(/Okta · acme\.okta\.com/);
			const sent = e2e.sandbox.requests.filter((/** @type {any} */ r) => r.path === USERS && r.accountId === ACCOUNTS.okta);
			expect(sent).toHaveLength(0);
		});

		it('lists what came, and warns on the output that two pages were partial', () => {
			const items = itemsOf(run.execution, 'Partial Pages');
			expect(items.filter((item) => item.error)).toEqual([]);
			expect(items.length).toBeLessThan(zoomIds.length);
			const hints = run.execution.data.resultData.runData['Partial Pages'][0].hints ?? [];
			expect(hints).toEqual([
				expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^Zoom · acme-zoom: Truto marked 2 of 12 pages as partial/) }),
			]);
		});
	});

	describe('bad input', () => {
		/** @type {any} */ let run;
		const getUser = (/** @type {string} */ name, /** @type {unknown} */ userId, extra = {}) =>
			trutoNode(
				name,
				{ resource: 'user', operation: 'get', integratedAccount: byId(ACCOUNTS.zoom), userId: byId(/** @type {string} */ (userId)), ...extra },
				{ onError: 'continueRegularOutput' },
			);
		const listUsers = (/** @type {string} */ name, /** @type {Record<string, unknown>} */ parameters, extra = {}) =>
			trutoNode(
				name,
				{ resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), limit: 5, ...parameters },
				{ onError: 'continueRegularOutput', ...extra },
			);
		/** node name → expected error message */
		const EXPECTED = {
			'Empty Account': /^Integrated Account is empty$/,
			'Unknown Account': /^Truto answered 404 Not Found: Integrated account no-such-account not found\.$/,
			'ID With Slash': /404 Not Found: users record "a\/b" was not found/,
			'ID Dot Dot': /^"\.\." is not a valid ID$/,
			'ID Object': /^User must be an ID, not an object$/,
			'ID Too Long': /^An ID is 3000 characters long; IDs longer than 2048 characters are not sent$/,
			'Limit Zero': /^Limit must be a whole number of at least 1, not 0$/,
			'Limit Text': /^Limit must be a whole number of at least 1, not "abc"$/,
			'Remote Query Name': /^Remote Query has an invalid parameter name: "a\["$/,
			'Invalid Date': /^The filter "createdAfter" is not a valid date: "yesterday-ish"$/,
			'Wrong Token': /^Truto answered 401 Unauthorized: Invalid API token\.$/,
			'Base URL htps': /^The Base URL "htps:\/\/api\.truto\.one" must use https, not htps$/,
			'Base URL http': /^The Base URL "http:\/\/api\.truto\.one" must use https, not http$/,
		};

		beforeAll(async () => {
			const nodes = [
				// An expression: a literally empty required field is refused by n8n before the node runs.
				listUsers('Empty Account', { integratedAccount: byId('={{ "  " }}') }),
				listUsers('Unknown Account', { integratedAccount: byId('no-such-account') }),
				getUser('ID With Slash', 'a/b'),
				getUser('ID Dot Dot', '..'),
				getUser('ID Object', '={{ { "id": "u1" } }}'),
				getUser('ID Too Long', `={{ "u".repeat(3000) }}`),
				listUsers('Limit Zero', { limit: '={{ 0 }}' }),
				listUsers('Limit Text', { limit: '={{ "abc" }}' }),
				listUsers('Remote Query Name', { options: { remoteQuery: { parameters: [{ name: 'a[', value: 'x' }] } } }),
				listUsers('Invalid Date', { filters: { createdAfter: '={{ "yesterday-ish" }}' } }),
				listUsers('Wrong Token', {}, { credentials: { trutoApi: CREDENTIALS.wrongToken } }),
				listUsers('Base URL htps', {}, { credentials: { trutoApi: CREDENTIALS.htps } }),
				listUsers('Base URL http', {}, { credentials: { trutoApi: CREDENTIALS.plainHttp } }),
			];
			const workflow = manualWorkflow('trutoE2eBadInput1', nodes);
			await e2e.n8n.importWorkflow(workflow);
			e2e.sandbox.clearRequests();
			run = await e2e.n8n.execute(workflow.id);
		});

		it('runs every node to an error item', () => {
			expect(run.execution).not.toBeNull();
			expect(run.exitCode).toBe(0);
			for (const name of Object.keys(EXPECTED)) {
				const items = itemsOf(run.execution, name);
				const error = items[0]?.error ?? nodeError(run.execution, name)?.message;
				expect({ name, error }).toEqual({ name, error: expect.stringMatching(EXPECTED[name]) });
			}
		});

		it('keeps IDs inside one path segment', () => {
			const gets = e2e.sandbox.requests.filter((/** @type {any} */ r) => r.path.startsWith(`${USERS}/`) && !r.path.includes('/meta/'));
			expect(gets.map((/** @type {any} */ r) => r.path)).toEqual([`${USERS}/a%2Fb`]);
			expect(e2e.sandbox.requests.some((/** @type {any} */ r) => r.path.includes('..'))).toBe(false);
		});

		it('never writes either API token into execution data or any process log', () => {
			const everything = `${JSON.stringify(run.execution)}\n${run.stdout}\n${run.stderr}\n${e2e.n8n.allLogText()}`;
			expect(everything).not.toContain(TOKEN);
			expect(everything).not.toContain(WRONG_TOKEN);
		});
	});

	it('never writes the API token anywhere, across all three workflows', () => {
		expect(e2e.n8n.allLogText()).not.toContain(TOKEN);
		expect(JSON.stringify(e2e.sandbox.requests)).not.toContain(TOKEN);
	});
});
