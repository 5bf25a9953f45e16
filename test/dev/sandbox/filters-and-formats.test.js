'use strict';
// @ts-check
/**
 * The sandbox's list filters and response formats (raw provider shapes, normalized, exclusions).
 */
const { ACCOUNTS, DAY, NOW, call, unified, useSharedSandbox } = require('./helpers');

useSharedSandbox();

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
		expect(await ids('&emails=LENA.fischer@acme-labs.io')).toEqual(['1200108']);
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
