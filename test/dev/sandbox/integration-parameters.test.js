'use strict';
// @ts-check
/**
 * Per-integration parameters: required and enum query parameters, metadata, licenses by
 * organization and product.
 */
const { ACCOUNTS, call, unified, useSharedSandbox } = require('./helpers');

useSharedSandbox();

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

	test('licenses follow organization and product', async () => {
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

	test('license get: Meraki needs the matching organization, Webex lists holders', async () => {
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
