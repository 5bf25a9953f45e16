'use strict';
// @ts-check
/**
 * What the sandbox answers the way real Truto does beyond the basics: the account's health in its
 * capabilities, per-account metadata with the environment's overrides, the email filter under the
 * name each mapping knows, SuperQuery, raw lists that keep Truto's envelope, DELETE without
 * idempotent replay, and partial pages.
 */
const { ACCOUNTS, call, unified, listAll, useSharedSandbox } = require('./helpers');

const sb = useSharedSandbox();

describe('capabilities', () => {
	test('tell the account status and whether it is blocked', async () => {
		const okta = await call(`/integrated-account/${ACCOUNTS.okta}/capabilities?type=unified`);
		expect(okta.json.account).toMatchObject({ status: 'needs_reauth', is_blocked: false });
		const blocked = await call(`/integrated-account/${ACCOUNTS.blocked}/capabilities?type=unified`);
		expect(blocked.json.account).toMatchObject({ status: 'active', is_blocked: true });
	});

	test('mark the resources whose mapping the environment overrides', async () => {
		const caps = await call(`/integrated-account/${ACCOUNTS.salesforce}/capabilities?type=unified`);
		const flags = Object.fromEntries(caps.json.unified.resources.map((/** @type {any} */ r) => [r.api_name, r.env_overridden]));
		expect(flags.users).toBe(true);
		expect(flags.licenses).toBe(false);
	});
});

describe('metadata per account', () => {
	test('carries the environment override; the per-integration form does not', async () => {
		const perAccount = await call(unified('salesforce', 'users/meta/list'));
		const perIntegration = await call('/unified/user-directory/users/salesforce/meta/list');
		expect(Object.keys(perAccount.json.query_schema.properties)).toContain('email');
		expect(Object.keys(perAccount.json.query_schema.properties)).not.toContain('emails');
		expect(Object.keys(perIntegration.json.query_schema.properties)).toContain('emails');
		expect(Object.keys(perIntegration.json.query_schema.properties)).not.toContain('email');
	});
});

describe('the email filter', () => {
	/** @param {keyof typeof ACCOUNTS} key @param {string} q */
	const count = async (key, q) => (await listAll(key, 'users', q)).records.length;

	test('works under the name the mapping lists, and is ignored under the other', async () => {
		const all = await count('github', '');
		expect(await count('github', '&emails=lena.fischer@acme-labs.io')).toBe(1);
		expect(await count('github', '&email=lena.fischer@acme-labs.io')).toBe(all);
		const zoomAll = await count('zoom', '');
		const [someone] = (await listAll('zoom', 'users')).records;
		const address = someone.emails[0].email;
		expect(await count('zoom', `&email=${encodeURIComponent(address)}`)).toBe(1);
		expect(await count('zoom', `&emails=${encodeURIComponent(address)}`)).toBe(zoomAll);
	});

	test('follows the account override (salesforce lists email)', async () => {
		const [someone] = (await listAll('salesforce', 'users')).records;
		const address = encodeURIComponent(someone.emails[0].email);
		expect(await count('salesforce', `&email=${address}`)).toBe(1);
	});
});

describe('SuperQuery', () => {
	test('lists from the synced store with its own operators and sorting, in larger pages', async () => {
		const live = await listAll('zoom', 'users');
		const store = await call(unified('zoom', 'users', '&truto_super_query=wnam&limit=1000'));
		expect(store.status).toBe(200);
		expect(store.json.result).toHaveLength(live.records.length);
		expect(store.json.next_cursor).toBeNull();
		const active = await call(unified('zoom', 'users', '&truto_super_query=wnam&limit=1000&status[eq]=active'));
		expect(active.json.result.length).toBe(live.records.filter((/** @type {any} */ u) => u.status === 'active').length);
		const notActive = await call(unified('zoom', 'users', '&truto_super_query=wnam&limit=1000&status[ne]=active'));
		expect(active.json.result.length + notActive.json.result.length).toBe(live.records.length);
		const sorted = await call(unified('zoom', 'users', '&truto_super_query=wnam&limit=5&sort_by[created_at]=desc'));
		const dates = sorted.json.result.map((/** @type {any} */ u) => Date.parse(u.created_at));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const next = await call(unified('zoom', 'users', `&truto_super_query=wnam&limit=5&sort_by[created_at]=desc&next_cursor=${encodeURIComponent(sorted.json.next_cursor)}`));
		expect(Date.parse(next.json.result[0].created_at)).toBeLessThanOrEqual(dates[4]);
	});

	test("tells each account's store region in features.super_query, and reads only a store that exists", async () => {
		expect((await call(`/integrated-account/${ACCOUNTS.zoom}`)).json.features).toEqual({ super_query: 'wnam' });
		expect((await call(`/integrated-account/${ACCOUNTS.workforce}`)).json.features).toEqual({ super_query: 'apac' });
		expect((await call(`/integrated-account/${ACCOUNTS.salesforce}`)).json.features).toEqual({});
		// Truto documents no answer for these: the sandbox's is a clear 400.
		const elsewhere = await call(unified('zoom', 'users', '&truto_super_query=apac'));
		expect([elsewhere.status, elsewhere.json.message]).toEqual([400, `Integrated account ${ACCOUNTS.zoom} has its SuperQuery store in wnam, not apac.`]);
		const none = await call(unified('salesforce', 'users', '&truto_super_query=wnam'));
		expect([none.status, none.json.message]).toEqual([400, `Integrated account ${ACCOUNTS.salesforce} has no SuperQuery store.`]);
	});

	test('needs neither the app nor its required parameters, but Truto still blocks a blocked account', async () => {
		const licenses = await call(unified('github', 'licenses', '&truto_super_query=wnam'));
		expect(licenses.status).toBe(200);
		const reauth = await call(unified('okta', 'users', '&truto_super_query=wnam'));
		expect(reauth.status).toBe(200);
		const blocked = await call(unified('blocked', 'users', '&truto_super_query=wnam'));
		expect(blocked.status).toBe(503);
	});

	test('refuses an unknown region, an unknown operator and the raw format', async () => {
		expect((await call(unified('zoom', 'users', '&truto_super_query=emea'))).status).toBe(400);
		expect((await call(unified('zoom', 'users', '&truto_super_query=wnam&status[like]=a'))).status).toBe(400);
		expect((await call(unified('zoom', 'users', '&truto_super_query=wnam&truto_response_format=raw'))).status).toBe(400);
	});
});

describe('raw lists', () => {
	test('keep Truto\'s envelope and cursor where the mapping does (webex), and are the app\'s bare answer elsewhere', async () => {
		const webex = await call(unified('webex', 'users', '&truto_response_format=raw&limit=2'));
		expect(Array.isArray(webex.json.result)).toBe(true);
		expect(webex.json.next_cursor).toEqual(expect.any(String));
		const github = await call(unified('github', 'users', '&truto_response_format=raw&limit=2'));
		expect(Array.isArray(github.json)).toBe(true);
	});
});

describe('DELETE', () => {
	test('is not replayed by its Idempotency-Key: the repeat finds the record gone', async () => {
		const [user] = (await listAll('zoom', 'users')).records;
		const headers = { 'idempotency-key': 'same-key' };
		const path = `/unified/user-directory/users/${encodeURIComponent(user.id)}?integrated_account_id=${ACCOUNTS.zoom}`;
		expect((await call(path, { method: 'DELETE', headers })).status).toBe(200);
		expect((await call(path, { method: 'DELETE', headers })).status).toBe(404);
	});
});

describe('the partial fault', () => {
	test('flags one page is_partial_response with half its records, and the cursor leads on', async () => {
		sb.setFaults([{ kind: 'partial', match: { path: '^/unified/user-directory/users$' } }]);
		const page = await call(unified('salesforce', 'users', '&limit=10'));
		expect(page.json.is_partial_response).toBe(true);
		expect(page.json.result).toHaveLength(5);
		expect(page.json.next_cursor).toEqual(expect.any(String));
		const clean = await call(unified('salesforce', 'users', '&limit=10'));
		expect(clean.json.is_partial_response).toBeUndefined();
	});
});

describe('fixture accounts', () => {
	const { checkFeatures } = require('../../../dev/sandbox/lib/fixtures');

	test("take features.super_query as a store region, and say how to fix anything else", () => {
		expect(checkFeatures('zoom', { super_query: 'wnam' })).toEqual({ super_query: 'wnam' });
		expect(checkFeatures('salesforce', undefined)).toEqual({});
		expect(() => checkFeatures('zoom', { super_query: 'emea' })).toThrow(
			'accounts.json: account "zoom" has features {"super_query":"emea"}; give { "super_query": "apac" } or { "super_query": "wnam" } (the region of its SuperQuery store), or leave features out for an account without one.',
		);
	});
});
