'use strict';
// @ts-check
/** The sandbox's scale mode for the benchmark: generated accounts, Truto's per-token limit, slow answers. */
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { fetchAllPages } = require('../../../dev/paging');
const { TOKEN, NOW, startSandbox, call } = require('./helpers');

describe('estate: N generated accounts of M users', () => {
	/** @type {Awaited<ReturnType<typeof startSandbox>>} */
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ now: NOW, estate: { accounts: 5, users: 250 } });
	});
	afterAll(() => sb.close());

	test('serves only the generated accounts, integrations and currencies by turns', async () => {
		const listed = (await call('/integrated-account', { base: sb.url })).json.result;
		expect(listed.map((/** @type {any} */ a) => a.id)).toEqual(Object.values(sb.accounts));
		expect(listed.map((/** @type {any} */ a) => a.integration.name)).toEqual(['zoom', 'salesforce', 'hubspot', 'bamboohr', 'zoom']);
		const currencies = [];
		for (const id of Object.values(sb.accounts)) {
			const licenses = (await call(`/unified/user-directory/licenses?integrated_account_id=${id}`, { base: sb.url })).json.result;
			currencies.push(licenses.find((/** @type {any} */ l) => l.id === 'estate-pro').currency);
		}
		expect(currencies).toEqual(['USD', 'EUR', 'USD', 'EUR', 'USD']);
	});

	/** Every user of the first two accounts, page by page. */
	async function usersOfFirstTwo() {
		const [first, second] = Object.values(sb.accounts);
		const users = async (/** @type {string} */ id) =>
			(await fetchAllPages(`${sb.url}/unified/user-directory/users`, { token: TOKEN, query: { integrated_account_id: id, limit: '100' } })).records;
		return { first, a: await users(first), b: await users(second) };
	}

	test('gives every account its own M users, holding the licenses whose seats are counted from them', async () => {
		const { first, a, b } = await usersOfFirstTwo();
		expect(a).toHaveLength(250);
		expect(new Set(a.map((user) => user.id)).size).toBe(250);
		expect(a.map((user) => user.name)).not.toEqual(b.map((user) => user.name));
		const licenses = (await call(`/unified/user-directory/licenses?integrated_account_id=${first}`, { base: sb.url })).json.result;
		const pro = licenses.find((/** @type {any} */ l) => l.id === 'estate-pro');
		expect(pro.assigned_quantity).toBe(a.filter((user) => user.licenses.some((/** @type {any} */ l) => l.id === 'estate-pro')).length);
		expect(pro.available_quantity).toBe(Math.ceil(250 * 0.72));
	});

	test('has the same 200 people in every account, and an admin in every 50 users, every other one without 2FA', async () => {
		const { a, b } = await usersOfFirstTwo();
		const primary = (/** @type {any} */ user) => user.emails.find((/** @type {any} */ e) => e.is_primary)?.email;
		const people = (/** @type {any[]} */ list) => list.map(primary).filter((email) => /^person\.\d+@estate\.example$/.test(email));
		expect(people(a)).toEqual(Array.from({ length: 200 }, (_, i) => `person.${i + 1}@estate.example`));
		expect(people(b)).toEqual(people(a));
		expect(new Set(a.map(primary)).size).toBe(250);
		const admins = a.filter((user) => user.user_type === 'admin');
		expect(admins.map((user) => a.indexOf(user))).toEqual([49, 99, 149, 199, 249]);
		expect(admins.map((user) => user.is_2fa_enabled)).toEqual([false, true, false, true, false]);
		expect(a.filter((user) => user.user_type !== 'admin').every((user) => user.is_2fa_enabled === undefined || user.is_2fa_enabled === null)).toBe(true);
	});

	test('answers an email filter with exactly the users holding that email, in any case, also after a write changed one', async () => {
		const { first, a } = await usersOfFirstTwo();
		const filterOf = async (/** @type {string} */ id) => {
			const meta = (await call(`/unified/user-directory/users/meta/list?integrated_account_id=${id}`, { base: sb.url })).json;
			return ['emails', 'email'].find((name) => name in (meta.query_schema?.properties ?? {}));
		};
		const filter = await filterOf(first);
		expect(filter).toBeDefined();
		const lookup = async (/** @type {string} */ email) =>
			(await call(`/unified/user-directory/users?integrated_account_id=${first}&${filter}=${encodeURIComponent(email)}`, { base: sb.url })).json.result;
		const holding = (/** @type {string} */ email) => a.filter((user) => user.emails.some((/** @type {any} */ e) => e.email.toLowerCase() === email.toLowerCase()));

		for (const email of ['person.7@estate.example', 'PERSON.200@Estate.Example', a[230].emails[0].email, 'nobody@estate.example']) {
			expect((await lookup(email)).map((/** @type {any} */ user) => user.id)).toEqual(holding(email).map((user) => user.id));
		}
		expect(await lookup('person.7@estate.example')).toHaveLength(1);

		const renamed = a[3];
		const patched = await call(`/unified/user-directory/users/${renamed.id}?integrated_account_id=${first}`, {
			base: sb.url,
			method: 'PATCH',
			body: { emails: [{ email: 'renamed@estate.example', type: 'work', is_primary: true }] },
		});
		expect(patched.status).toBe(200);
		expect((await lookup('renamed@estate.example')).map((/** @type {any} */ user) => user.id)).toEqual([renamed.id]);
		expect(await lookup(renamed.emails[0].email)).toEqual([]);
	});
});

describe("Truto's per-token limit", () => {
	test('counts every call made with the token, across accounts and management calls', async () => {
		const sb = await startSandbox({ now: NOW, rateLimit: { perToken: 4, windowMs: 10_000 } });
		try {
			const answers = [];
			for (const path of ['/integrated-account', '/unified/user-directory/users', '/unified/user-directory/licenses', '/integrated-account', '/unified/user-directory/users']) {
				const query = path.startsWith('/unified') ? '?integrated_account_id=7f3c2a10-0001-4c2e-9a00-000000000001&organization_id=acme-corp' : '';
				answers.push(await call(path + query, { base: sb.url }));
			}
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 429]);
			// No per-account limit was set: unified answers carry no per-account headers.
			expect(answers[1].headers.get('ratelimit-limit')).toBeNull();
			const limited = await call('/integrated-account', { base: sb.url });
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(limited.json).toMatchObject({ statusCode: 429, message: expect.stringMatching(/API token/), truto_error_insight: { rate_limit_error: expect.any(Object) } });
		} finally {
			await sb.close();
		}
	});
});

describe('latency and the command line', () => {
	test('--estate, --latency, --rate-limit and --token-rate-limit', async () => {
		const child = spawn(
			process.execPath,
			[require.resolve('../../../dev/sandbox/cli'), '--port', '0', '--estate', '2x50', '--latency', '150', '--rate-limit', '50/10s', '--token-rate-limit', '500/10s'],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		try {
			const line = await new Promise((resolve) => readline.createInterface({ input: /** @type {import('stream').Readable} */ (child.stdout) }).once('line', resolve));
			const info = JSON.parse(/** @type {string} */ (line));
			expect(Object.keys(info.accounts)).toEqual(['estate01', 'estate02']);
			const started = Date.now();
			const r = await call(`/unified/user-directory/users?integrated_account_id=${info.accounts.estate02}`, { base: info.url });
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			expect(r.json.result).toHaveLength(20);
			expect(r.headers.get('ratelimit-limit')).toBe('50;w=10');
		} finally {
			const exit = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exit).toBe(0);
		}
	});

	test('refuses flags it cannot read', async () => {
		for (const args of [['--estate', '20'], ['--latency', 'slow'], ['--rate-limit', '50/10s', '--token-rate-limit', '500/1m']]) {
			const child = spawn(process.execPath, [require.resolve('../../../dev/sandbox/cli'), '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
			let stderr = '';
			child.stderr?.on('data', (chunk) => (stderr += chunk));
			expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
			expect(stderr).toMatch(/--estate expects|--latency expects|same window/);
		}
	});
});
