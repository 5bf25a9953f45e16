'use strict';
// @ts-check
/**
 * The sandbox's own contract, checked over real HTTP. Other suites rely on these facts, so a
 * change that breaks one of them should fail here first.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { startSandbox, ACCOUNTS, TOKEN } = require('../../../dev/sandbox');

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sb;

/**
 * @param {string} p path + query
 * @param {{ method?: string, body?: unknown, headers?: Record<string, string>, token?: string | null, base?: string }} [opts]
 */
async function call(p, opts = {}) {
	/** @type {Record<string, string>} */
	const headers = { accept: 'application/json', ...(opts.headers ?? {}) };
	if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? TOKEN}`;
	if (opts.body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch((opts.base ?? sb.url) + p, {
		method: opts.method ?? 'GET',
		headers,
		body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
	});
	const text = await res.text();
	/** @type {any} */
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** @param {keyof typeof ACCOUNTS} key @param {string} resource @param {string} [query] */
const unified = (key, resource, query = '') =>
	`/unified/user-directory/${resource}?integrated_account_id=${ACCOUNTS[key]}${query}`;

/** Follows next_cursor to the end. @param {keyof typeof ACCOUNTS} key @param {string} resource @param {string} [query] */
async function listAll(key, resource, query = '') {
	const pages = [];
	const cursors = [];
	let cursor = null;
	do {
		const r = await call(
			unified(key, resource, query + (cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : '')),
		);
		expect(r.status).toBe(200);
		pages.push(r.json.result);
		cursor = r.json.next_cursor;
		if (cursor) cursors.push(cursor);
	} while (cursor);
	return { pages, cursors, records: pages.flat() };
}

beforeAll(async () => {
	sb = await startSandbox({ port: 0, now: NOW });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.clearFaults();
	sb.clearRequests();
});

describe('auth and the request log', () => {
	test('missing or wrong token is a Truto 401 without the remote flag', async () => {
		for (const token of [null, 'wrong']) {
			const r = await call(unified('github', 'users'), { token });
			expect(r.status).toBe(401);
			expect(r.json).toEqual({
				statusCode: 401,
				error: 'Unauthorized',
				message: 'Invalid API token.',
			});
		}
	});

	test('requests are recorded with the token masked', async () => {
		await call(`${unified('github', 'users')}&remote_query[role]=admin&truto_exclude_fields[]=id`);
		expect(sb.requests).toHaveLength(1);
		const [req] = sb.requests;
		expect(req).toMatchObject({
			method: 'GET',
			path: '/unified/user-directory/users',
			status: 200,
			accountId: ACCOUNTS.github,
		});
		expect(req.query).toMatchObject({
			remote_query: { role: 'admin' },
			truto_exclude_fields: ['id'],
		});
		expect(req.rawQuery).toContain('remote_query[role]=admin');
		expect(req.headers.authorization).toBe('Bearer ***');
		expect(JSON.stringify(sb.requests)).not.toContain(TOKEN);
	});

	test('control endpoints need no token', async () => {
		await call(unified('github', 'organizations'));
		const log = await call('/__sandbox/requests', { token: null });
		expect(log.json.requests).toHaveLength(1);
		expect((await call('/__sandbox/requests', { method: 'DELETE', token: null })).status).toBe(200);
		expect(sb.requests).toHaveLength(0);
		expect((await call('/__sandbox/health', { token: null })).json.ok).toBe(true);
	});
});

describe('management endpoints', () => {
	test('lists the fixture accounts with paging and filters', async () => {
		const all = await call('/integrated-account');
		expect(all.json.result.map((/** @type {any} */ a) => a.id)).toEqual(Object.values(ACCOUNTS));
		expect(all.json).toMatchObject({ next_cursor: null, limit: 20 });

		const first = await call('/integrated-account?limit=5');
		expect(first.json.result).toHaveLength(5);
		expect(first.json.next_cursor).toMatch(/\+.*\/|\/.*\+/);
		const second = await call(
			`/integrated-account?limit=5&next_cursor=${encodeURIComponent(first.json.next_cursor)}`,
		);
		expect(second.json.result[0].id).toBe(ACCOUNTS.atlassian);

		expect((await call('/integrated-account?integration.name=github')).json.result).toHaveLength(1);
		expect((await call('/integrated-account?integration[name]=zendesk')).json.result[0].id).toBe(
			ACCOUNTS.blocked,
		);
		expect(
			(await call('/integrated-account?is_sandbox=true')).json.result.map(
				(/** @type {any} */ a) => a.id,
			),
		).toEqual([ACCOUNTS.googleworkspace]);
		expect(
			(await call('/integrated-account?status=needs_reauth')).json.result.map(
				(/** @type {any} */ a) => a.id,
			),
		).toEqual([ACCOUNTS.okta]);
		expect(
			(await call('/integrated-account?tenant_id=acme.com')).json.result[0].integration,
		).toEqual({
			id: expect.any(String),
			name: 'googleworkspace',
			label: 'Google Workspace',
			category: 'user-directory',
		});
	});

	test('one account, 404 for an unknown one', async () => {
		const r = await call(`/integrated-account/${ACCOUNTS.microsoft365}`);
		expect(r.json).toMatchObject({
			id: ACCOUNTS.microsoft365,
			tenant_id: 'contoso.onmicrosoft.com',
			status: 'active',
			is_sandbox: false,
			context: {},
		});
		const missing = await call('/integrated-account/00000000-0000-0000-0000-000000000000');
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
	});

	/** Lists that need a parameter before they answer. */
	const REQUIRED = /** @type {Record<string, string>} */ ({
		'github/licenses': '&organization_id=acme-corp',
		'microsoft365/licenses': '&product=onedrive',
		'ciscomeraki/licenses': '&organization_id=549236',
	});

	test('capabilities agree with what the unified API answers', async () => {
		for (const [key, id] of Object.entries(ACCOUNTS)) {
			const caps = await call(`/integrated-account/${id}/capabilities?type=unified`);
			expect(caps.status).toBe(200);
			const resources = caps.json.unified.resources;
			expect(resources.map((/** @type {any} */ r) => r.api_name)).toEqual(
				expect.arrayContaining(['users', 'organizations', 'licenses']),
			);
			if (key === 'okta' || key === 'blocked') continue;
			for (const r of resources) {
				const list = await call(
					unified(/** @type {any} */ (key), r.api_name, REQUIRED[`${key}/${r.api_name}`] ?? ''),
				);
				expect([key, r.api_name, list.status]).toEqual([key, r.api_name, 200]);
			}
			const unsupported = ['groups', 'roles', 'billing'].filter(
				(n) => !resources.some((/** @type {any} */ r) => r.api_name === n),
			);
			for (const n of unsupported)
				expect((await call(unified(/** @type {any} */ (key), n))).status).toBe(404);
		}
	});
});

describe('paging', () => {
	test('zoom: cap 25, empty 3rd page with a cursor, short 5th page, 237 distinct users', async () => {
		const { pages, cursors, records } = await listAll('zoom', 'users', '&limit=100');
		expect(pages.map((p) => p.length)).toEqual([25, 25, 0, 25, 7, 25, 25, 25, 25, 25, 25, 5]);
		expect(records).toHaveLength(237);
		expect(new Set(records.map((u) => u.id)).size).toBe(237);
		for (const c of cursors) expect(c).toMatch(/^(?=.*\+)(?=.*\/)(?=.*=)/);
	});

	test('default limit is 20 and result_count matches', async () => {
		const r = await call(unified('github', 'users'));
		expect(r.json.result).toHaveLength(12);
		expect(r.json).toMatchObject({ next_cursor: null, prev_cursor: null, result_count: 12 });
		const z = await call(unified('zoom', 'users'));
		expect(z.json.result).toHaveLength(20);
	});

	test('small limits walk the whole list without repeats', async () => {
		const { pages, records } = await listAll('github', 'users', '&limit=5');
		expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
		expect(new Set(records.map((u) => u.id)).size).toBe(12);
	});

	test('a cursor that was not URL-encoded, or encoded twice, or belongs elsewhere is a 400', async () => {
		const first = await call(unified('zoom', 'users', '&limit=10'));
		const cursor = first.json.next_cursor;
		expect(cursor).toMatch(/^(?=.*\+)(?=.*\/)(?=.*=)/);
		for (const bad of [
			cursor,
			encodeURIComponent(encodeURIComponent(cursor)),
			cursor.replace(/\+/g, ' '),
		]) {
			const r = await call(unified('zoom', 'users', `&next_cursor=${bad}`));
			expect(r.status).toBe(400);
			expect(r.json).toMatchObject({
				statusCode: 400,
				error: 'Bad Request',
				message: 'Invalid cursor',
			});
		}
		const other = await call(
			unified('zoom', 'groups', `&next_cursor=${encodeURIComponent(cursor)}`),
		);
		expect(other.status).toBe(400);
	});

	test('the server cap bounds any limit', async () => {
		const small = await startSandbox({ pageCap: 4, now: NOW });
		try {
			const r = await call(`${unified('github', 'users')}&limit=50`, { base: small.url });
			expect(r.json.result).toHaveLength(4);
			expect(r.json.next_cursor).toEqual(expect.any(String));
		} finally {
			await small.close();
		}
	});

	test('bench: a 100,000-user directory generated on demand', async () => {
		const big = await startSandbox({ bigDirectory: { users: 100_000 }, now: NOW });
		try {
			const r = await call(`${unified('bench', 'users')}&limit=100`, { base: big.url });
			expect(r.json.result).toHaveLength(100);
			expect(r.json.result[0].id).toBe('100000');
			const last = await call(
				`/unified/user-directory/users/199999?integrated_account_id=${ACCOUNTS.bench}`,
				{ base: big.url },
			);
			expect(last.status).toBe(200);
			expect(
				(
					await call(
						`/unified/user-directory/users/200000?integrated_account_id=${ACCOUNTS.bench}`,
						{ base: big.url },
					)
				).status,
			).toBe(404);
			const licences = await call(unified('bench', 'licenses'), { base: big.url });
			const seats = licences.json.result.reduce(
				(/** @type {number} */ n, /** @type {any} */ l) => n + l.assigned_quantity,
				0,
			);
			expect(seats).toBe(100_000);
		} finally {
			await big.close();
		}
		expect((await call(unified('bench', 'users'))).json.result).toEqual([]);
	});
});

describe('per-integration parameters', () => {
	test('missing required query parameter: 400 with the insight', async () => {
		const r = await call(unified('github', 'licenses'));
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({
			statusCode: 400,
			error: 'Bad Request',
			message: 'Missing required query parameters: organization_id',
			truto_error_insight: { missing_required_query_parameters: { value: ['organization_id'] } },
		});
		expect(
			(await call(unified('microsoft365', 'licenses'))).json.truto_error_insight
				.missing_required_query_parameters.value,
		).toEqual(['product']);
		expect(
			(
				await call(
					`/unified/user-directory/licenses/284628?integrated_account_id=${ACCOUNTS.ciscomeraki}`,
				)
			).status,
		).toBe(400);
		expect(
			(await call('/unified/user-directory/users')).json.truto_error_insight
				.missing_required_query_parameters.value,
		).toEqual(['integrated_account_id']);
	});

	test('a value outside the enum is a 400 naming the parameter and the allowed values', async () => {
		const r = await call(unified('microsoft365', 'licenses', '&product=teams'));
		expect(r.status).toBe(400);
		expect(r.json.message).toContain('product');
		expect(r.json.message).toContain('azure_active_directory, onedrive');
		expect((await call(unified('microsoft365', 'users', '&product=teams'))).status).toBe(200);
	});

	test('meta answers from the same table, by account and by integration slug', async () => {
		const byAccount = await call(
			`/unified/user-directory/licenses/meta/list?integrated_account_id=${ACCOUNTS.github}`,
		);
		expect(byAccount.json.query_schema.properties.organization_id).toMatchObject({
			type: 'string',
			required: true,
		});
		expect(byAccount.json.query_schema.required).toEqual(['organization_id']);
		const bySlug = await call('/unified/user-directory/licenses/microsoft365/meta/list');
		expect(bySlug.json.query_schema.properties.product.enum).toEqual([
			'azure_active_directory',
			'onedrive',
		]);
		expect(bySlug.json).toEqual(
			expect.objectContaining({
				method: 'list',
				schema: expect.any(Object),
				response_schema: expect.any(Object),
				default_query: {},
				default_body: {},
				documentation_link: expect.any(String),
			}),
		);
		const users = await call('/unified/user-directory/users/microsoft365/meta/list');
		expect(users.json.query_schema.properties.product.enum).toHaveLength(6);
		const create = await call('/unified/user-directory/users/github/meta/create');
		expect(create.json.request_body_schema.required).toEqual(['emails']);
		expect((await call('/unified/user-directory/users/salesforce/meta/delete')).status).toBe(404);
	});

	test('licences follow organization and product', async () => {
		const corp = await call(unified('github', 'licenses', '&organization_id=acme-corp'));
		const labs = await call(unified('github', 'licenses', '&organization_id=acme-labs'));
		expect(corp.json.result.map((/** @type {any} */ l) => l.id)).toEqual([
			'acme-corp/enterprise',
			'acme-corp/copilot_business',
			'acme-corp/advanced_security',
		]);
		expect(
			labs.json.result.map((/** @type {any} */ l) => [
				l.id,
				l.available_quantity,
				l.assigned_quantity,
			]),
		).toEqual([
			['acme-labs/team', 8, 5],
			['acme-labs/copilot_business', 4, 2],
		]);
		const od = await call(unified('microsoft365', 'licenses', '&product=onedrive'));
		expect(
			od.json.result.map((/** @type {any} */ l) => [l.name, l.unit_amount, l.currency]),
		).toEqual([
			['OneDrive for Business (Plan 1)', 5, 'USD'],
			['OneDrive for Business (Plan 2)', 10, 'USD'],
		]);
	});

	test('licence get: Meraki needs the matching organization, Webex lists holders', async () => {
		expect(
			(
				await call(
					`/unified/user-directory/licenses/284631?integrated_account_id=${ACCOUNTS.ciscomeraki}&organizations=549237`,
				)
			).status,
		).toBe(200);
		expect(
			(
				await call(
					`/unified/user-directory/licenses/284631?integrated_account_id=${ACCOUNTS.ciscomeraki}&organizations=549236`,
				)
			).status,
		).toBe(404);
		const list = await call(unified('webex', 'licenses'));
		const calling = list.json.result.find(
			(/** @type {any} */ l) => l.name === 'Webex Calling - Professional',
		);
		expect(calling.id).toMatch(/^(?=.*\+)(?=.*\/)(?=.*=)/);
		const r = await call(
			`/unified/user-directory/licenses/${encodeURIComponent(calling.id)}?integrated_account_id=${ACCOUNTS.webex}&include_assigned_to=user`,
		);
		expect(r.json.assigned_to).toHaveLength(3);
		expect(r.json.assigned_to[0]).toEqual({
			type: 'user',
			id: expect.any(String),
			name: 'Samuel Osei',
			email: 'samuel.osei@acme-webex.com',
		});
	});
});

describe('filters', () => {
	/** @param {string} q */
	const ids = async (q, key = /** @type {keyof typeof ACCOUNTS} */ ('github')) =>
		(await call(unified(key, 'users', q))).json.result.map((/** @type {any} */ u) => u.id);

	test('unified user filters', async () => {
		expect(await ids('&organization_id=acme-labs')).toEqual([
			'1200101',
			'1200103',
			'1200107',
			'1200108',
			'1200112',
		]);
		expect(await ids('&status=invited')).toEqual(['1200111']);
		expect(await ids('&name=KOW')).toEqual(['1200102']);
		expect(await ids('&email=LENA.fischer@acme-labs.io')).toEqual(['1200108']);
		expect(await ids('&first_name=rosa')).toEqual(['1200110']);
		expect(await ids('&group_id=4821003')).toEqual(['1200103', '1200107', '1200108']);
		expect(await ids(`&created_at[gt]=${new Date(NOW - 50 * DAY).toISOString()}`)).toEqual([
			'1200110',
			'1200111',
		]);
		expect(
			await ids(
				`&updated_at[lte]=${new Date(NOW - 100 * DAY).toISOString()}&updated_at[gte]=${new Date(NOW - 400 * DAY).toISOString()}`,
			),
		).toEqual(['1200106', '1200108', '1200109']);
		expect(await ids('&user_type=limited', 'salesforce')).toEqual(['0055g00000A1b2oAAA']);
		expect(await ids('&unknown_filter=x')).toHaveLength(12);
	});

	test('remote_query[role]=admin is honoured by GitHub', async () => {
		expect(await ids('&remote_query[role]=admin')).toEqual(['1200101', '1200103']);
	});

	test('dates are relative to the now option', async () => {
		const r = await call(
			`/unified/user-directory/users/1200104?integrated_account_id=${ACCOUNTS.github}`,
		);
		expect(r.json.last_active_at).toBe(new Date(NOW - 75 * DAY).toISOString());
	});
});

describe('response formats', () => {
	test('raw answers the provider shape', async () => {
		const gh = await call(unified('github', 'users', '&truto_response_format=raw&limit=3'));
		expect(Array.isArray(gh.json)).toBe(true);
		expect(gh.json[0]).toMatchObject({
			login: 'octo-mona',
			id: 1200101,
			type: 'User',
			site_admin: false,
		});
		const ms = await call(unified('microsoft365', 'users', '&truto_response_format=raw'));
		expect(ms.json['@odata.context']).toContain('$metadata#users');
		expect(ms.json.value[0]).toHaveProperty('userPrincipalName');
		const ls = await call(unified('licensespring', 'licenses', '&truto_response_format=raw'));
		expect(Array.isArray(ls.json)).toBe(true);
		expect(ls.json[0].license).toMatchObject({
			id: 10003,
			license_type: 'perpetual',
			product_details: { short_code: 'up' },
		});
		expect(ls.json[0].user).toMatchObject({ id: 10003, email: 'someuser@somedomain.com' });
		const one = await call(
			`/unified/user-directory/licenses/1719215304208059?integrated_account_id=${ACCOUNTS.licensespring}&truto_response_format=raw`,
		);
		expect(one.json.license.is_trial).toBe(true);
	});

	test('normalized, truto_ignore_remote_data and truto_exclude_fields', async () => {
		const norm = await call(unified('github', 'users', '&truto_response_format=normalized'));
		expect(norm.json.result[0]).not.toHaveProperty('remote_data');
		expect(norm.json.next_cursor).toBeNull();
		const ignore = await call(unified('github', 'organizations', '&truto_ignore_remote_data=true'));
		expect(ignore.json.result[0]).not.toHaveProperty('remote_data');
		const excl = await call(
			unified(
				'github',
				'users',
				'&truto_exclude_fields[]=remote_data&truto_exclude_fields[]=licenses',
			),
		);
		expect(Object.keys(excl.json.result[0])).not.toEqual(expect.arrayContaining(['remote_data']));
		expect(excl.json.result[0]).not.toHaveProperty('licenses');
		expect((await call(unified('github', 'users', '&truto_response_format=xml'))).status).toBe(400);
	});

	test('ids with reserved characters round-trip when encoded', async () => {
		const guest = 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com';
		const r = await call(
			`/unified/user-directory/users/${encodeURIComponent(guest)}?integrated_account_id=${ACCOUNTS.microsoft365}`,
		);
		expect(r.json.id).toBe(guest);
		const slash = await call(
			`/unified/user-directory/licenses/${encodeURIComponent('acme-corp/enterprise')}?integrated_account_id=${ACCOUNTS.github}`,
		);
		expect(slash.json.assigned_quantity).toBe(10);
		const colon = await call(
			`/unified/user-directory/users/${encodeURIComponent('557058:f58131cb-b67d-43c7-b30d-6b58d40bd077')}?integrated_account_id=${ACCOUNTS.atlassian}`,
		);
		expect(colon.json.name).toBe('Ingrid Larsen');
	});
});

describe('account states', () => {
	test('needs_reauth answers a remote 401; blocked a 503; sandbox writes a 405', async () => {
		const okta = await call(unified('okta', 'users'));
		expect(okta.status).toBe(401);
		expect(okta.json).toMatchObject({
			statusCode: 401,
			truto_is_remote_error: true,
			raw_response: expect.any(Object),
		});
		const blocked = await call(unified('blocked', 'licenses'));
		expect(blocked.status).toBe(503);
		expect(blocked.json.statusCode).toBe(503);
		expect((await call(unified('googleworkspace', 'users'))).status).toBe(200);
		const write = await call(unified('googleworkspace', 'users'), {
			method: 'POST',
			body: { emails: [{ email: 'x@acme.com' }], first_name: 'X', last_name: 'Y' },
		});
		expect(write.status).toBe(405);
		expect(write.json.error).toBe('Method Not Allowed');
	});

	test('unsupported resource or method is a 404', async () => {
		expect(
			(
				await call(
					`/unified/user-directory/users/0055g00000A1b2oAAA?integrated_account_id=${ACCOUNTS.salesforce}`,
					{ method: 'DELETE' },
				)
			).status,
		).toBe(404);
		expect((await call(unified('webex', 'groups'))).status).toBe(404);
		expect((await call(unified('github', 'me/someid'))).status).toBe(404);
		const unknown = await call(
			'/unified/user-directory/users?integrated_account_id=00000000-0000-0000-0000-000000000000',
		);
		expect(unknown.status).toBe(404);
	});
});

describe('writes', () => {
	test('create, read back, update, delete; deleting frees the seat', async () => {
		const w = await startSandbox({ now: NOW });
		try {
			const opts = { base: w.url };
			const missing = await call(unified('github', 'users'), {
				...opts,
				method: 'POST',
				body: { username: 'x' },
			});
			expect(missing.status).toBe(400);
			expect(missing.json.truto_error_insight.missing_required_body_fields.value).toEqual([
				'emails',
			]);

			const created = await call(unified('github', 'users'), {
				...opts,
				method: 'POST',
				body: {
					emails: ['new.hire@acme-corp.com'],
					first_name: 'New',
					last_name: 'Hire',
					username: 'new-hire',
					licenses: ['acme-corp/copilot_business'],
				},
			});
			expect(created.status).toBe(201);
			expect(created.json).toMatchObject({
				name: 'New Hire',
				emails: [{ email: 'new.hire@acme-corp.com', is_primary: true }],
			});
			const id = created.json.id;
			const url = `/unified/user-directory/users/${id}?integrated_account_id=${ACCOUNTS.github}`;
			expect((await call(url, opts)).json.username).toBe('new-hire');
			const seats = async () =>
				(
					await call(
						`/unified/user-directory/licenses/${encodeURIComponent('acme-corp/copilot_business')}?integrated_account_id=${ACCOUNTS.github}`,
						opts,
					)
				).json.assigned_quantity;
			expect(await seats()).toBe(6);

			expect(
				(await call(url, { ...opts, method: 'PATCH', body: { title: 'Engineer' } })).json.title,
			).toBe('Engineer');
			const del = await call(url, { ...opts, method: 'DELETE' });
			expect(del.json).toEqual({ id });
			expect((await call(url, opts)).status).toBe(404);
			expect(await seats()).toBe(5);
		} finally {
			await w.close();
		}
	});

	test('Idempotency-Key replays the first answer without acting twice', async () => {
		const w = await startSandbox({ now: NOW });
		try {
			const opts = {
				base: w.url,
				method: 'POST',
				headers: { 'idempotency-key': 'abc-123' },
				body: { name: 'Incident responders' },
			};
			const a = await call(unified('github', 'groups'), opts);
			const b = await call(unified('github', 'groups'), opts);
			expect(a.status).toBe(201);
			expect(b.status).toBe(201);
			expect(b.json).toEqual(a.json);
			expect(b.headers.get('idempotent-replayed')).toBe('true');
			expect((await call(unified('github', 'groups'), { base: w.url })).json.result).toHaveLength(
				4,
			);
		} finally {
			await w.close();
		}
	});

	test('groups/remove-user', async () => {
		const w = await startSandbox({ now: NOW });
		try {
			const opts = { base: w.url };
			const r = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003', user_id: '1200108' } },
			);
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ group_id: '4821003', user_id: '1200108' });
			const again = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003', user_id: '1200108' } },
			);
			expect(again.status).toBe(404);
			const missing = await call(
				`/unified/user-directory/groups/remove-user?integrated_account_id=${ACCOUNTS.github}`,
				{ ...opts, method: 'POST', body: { group_id: '4821003' } },
			);
			expect(missing.json.truto_error_insight.missing_required_body_fields.value).toEqual([
				'user_id',
			]);
		} finally {
			await w.close();
		}
	});
});

describe('faults', () => {
	test('status with headers, after and times', async () => {
		sb.setFaults([
			{
				match: { path: '^/unified/user-directory/users$' },
				after: 1,
				times: 2,
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
			},
		]);
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await call(unified('github', 'users'))).status);
		expect(statuses).toEqual([200, 429, 429, 200]);
		const r = sb.requests[1];
		expect(r).toMatchObject({ status: 429, fault: 'status' });
	});

	test('a status fault without a body answers a Truto error body', async () => {
		sb.setFaults([{ kind: 'status', status: 502 }]);
		const r = await call(unified('github', 'users'));
		expect(r.status).toBe(502);
		expect(r.json).toMatchObject({ statusCode: 502, error: 'Bad Gateway' });
	});

	test('reset, truncate, html', async () => {
		sb.setFaults([{ kind: 'reset' }]);
		await expect(call(unified('github', 'users'))).rejects.toThrow();
		sb.setFaults([{ kind: 'truncate' }]);
		const t = await call(unified('github', 'users'));
		expect(t.status).toBe(200);
		expect(t.json).toBeUndefined();
		expect(t.text.length).toBeGreaterThan(10);
		sb.setFaults([{ kind: 'html', status: 504 }]);
		const h = await call(unified('github', 'users'));
		expect(h.status).toBe(504);
		expect(h.headers.get('content-type')).toContain('text/html');
	});

	test('delay, then a normal answer', async () => {
		sb.setFaults([{ kind: 'delay', ms: 300 }]);
		const start = Date.now();
		expect((await call(unified('github', 'users'))).status).toBe(200);
		expect(Date.now() - start).toBeGreaterThanOrEqual(280);
	});

	test('repeat-cursor hands back the cursor that was sent', async () => {
		sb.setFaults([{ kind: 'repeat-cursor', times: -1, match: { accountId: ACCOUNTS.zoom } }]);
		const first = await call(unified('zoom', 'users'));
		const second = await call(
			unified('zoom', 'users', `&next_cursor=${encodeURIComponent(first.json.next_cursor)}`),
		);
		expect(second.json.result).toHaveLength(20);
		expect(second.json.next_cursor).toBe(first.json.next_cursor);
	});

	test('faults over HTTP, match by account', async () => {
		const put = await call('/__sandbox/faults', {
			token: null,
			method: 'PUT',
			body: {
				faults: [
					{ kind: 'status', status: 500, times: -1, match: { accountId: ACCOUNTS.atlassian } },
				],
			},
		});
		expect(put.status).toBe(200);
		expect((await call(unified('atlassian', 'users'))).status).toBe(500);
		expect((await call(unified('github', 'users'))).status).toBe(200);
		expect((await call(unified('atlassian', 'users'))).status).toBe(500);
		await call('/__sandbox/faults', { token: null, method: 'DELETE' });
		expect((await call(unified('atlassian', 'users'))).status).toBe(200);
		const bad = await call('/__sandbox/faults', {
			token: null,
			method: 'PUT',
			body: { faults: [{ kind: 'explode' }] },
		});
		expect(bad.status).toBe(400);
	});
});

describe('rate limit', () => {
	test('per account, with ratelimit headers on every unified answer', async () => {
		const rl = await startSandbox({ now: NOW, rateLimit: { perAccount: 3, windowMs: 10_000 } });
		try {
			const opts = { base: rl.url };
			const remaining = [];
			for (let i = 0; i < 3; i++) {
				const r = await call(unified('github', 'users'), opts);
				expect(r.headers.get('ratelimit-limit')).toBe('3;w=10');
				remaining.push(r.headers.get('ratelimit-remaining'));
			}
			expect(remaining).toEqual(['2', '1', '0']);
			const limited = await call(unified('github', 'organizations'), opts);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(limited.headers.get('ratelimit-reset')).toEqual(expect.any(String));
			expect(limited.json).toMatchObject({
				statusCode: 429,
				error: 'Too Many Requests',
				truto_error_insight: { rate_limit_error: expect.any(Object) },
			});
			expect((await call(unified('atlassian', 'users'), opts)).status).toBe(200);
		} finally {
			await rl.close();
		}
	});
});

describe('cli', () => {
	test('prints one JSON line, serves, stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, '..', '..', '..', 'dev', 'sandbox', 'cli.js'), '--port', '0', '--page-cap', '3', '--rate-limit', '50/10s'],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		try {
			const line = await new Promise((resolve) =>
				readline
					.createInterface({ input: /** @type {import('stream').Readable} */ (child.stdout) })
					.once('line', resolve),
			);
			const info = JSON.parse(/** @type {string} */ (line));
			expect(info).toEqual({
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
				token: TOKEN,
				accounts: { ...ACCOUNTS },
			});
			const r = await call(unified('github', 'users'), { base: info.url });
			expect(r.json.result).toHaveLength(3);
			expect(r.headers.get('ratelimit-limit')).toBe('50;w=10');
		} finally {
			const exit = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exit).toBe(0);
		}
	});
});
