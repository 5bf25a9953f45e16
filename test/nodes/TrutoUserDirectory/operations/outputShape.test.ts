/**
 * Output (Simplified / Raw / Selected Fields) on the reads of users, licenses, groups and activities:
 * what each record becomes, worked out here from the sandbox's own records, and the choices checked
 * before anything is sent.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { outputShape } from '../../../../nodes/TrutoUserDirectory/operations/outputShape';
import { readOutput } from '../../../../nodes/shared/parameters/output';
import { findResource } from '../../../../nodes/shared/model/resources';
import type { ItemOptions, ResourceDefinition } from '../../../../nodes/shared/model/types';
import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters, listParameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, sandboxRecords, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

async function run(parameters: Parameters): Promise<IDataObject[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output.map((item: INodeExecutionData) => item.json);
}

const direct = (path: string, query: Record<string, string> = {}) => sandboxRecords(sb, path, query);

const list = listParameters;

describe('Output → Simplified', () => {
	it('keeps what a person scans a user for: ID, name, primary email, status, last seen, licenses, roles', async () => {
		const users = await run(list('user', ACCOUNTS.salesforce, { output: 'simplified' }));
		const records = await direct('users', { integrated_account_id: ACCOUNTS.salesforce });
		expect(users).toHaveLength(records.length);
		for (const [index, user] of users.entries()) {
			const record = records[index];
			const emails = record.emails as IDataObject[];
			const primary = (emails.find((email) => email.is_primary) ?? emails[0])?.email ?? null;
			const seen = (record.last_active_at ?? record.last_login_at ?? null) as string | null;
			expect(user).toEqual({
				id: record.id,
				name: record.name ?? null,
				email: primary,
				status: record.status,
				last_seen_at: seen === null ? null : new Date(seen).toISOString(),
				licenses: ((record.licenses ?? []) as IDataObject[]).map((license) => license.name),
				roles: ((record.roles ?? []) as IDataObject[]).map((role) => role.name),
			});
		}
		expect(Object.keys(users[0])).toHaveLength(7);
	});

	it('keeps a license with its seats and price, and the seats Seat Utilization adds', async () => {
		const licenses = await run(list('license', ACCOUNTS.salesforce, { output: 'simplified', options: { seatUtilization: true } }));
		const records = await direct('licenses', { integrated_account_id: ACCOUNTS.salesforce });
		expect(licenses.map((license) => license.id)).toEqual(records.map((record) => record.id));
		const [first] = licenses;
		expect(Object.keys(first).sort()).toEqual(
			['assigned_quantity', 'available_quantity', 'currency', 'id', 'name', 'seats', 'status', 'unit_amount'].sort(),
		);
		expect(first.available_quantity).toBe(records[0].available_quantity);
		expect(first.unit_amount).toBe(records[0].unit_amount);
		expect((first.seats as IDataObject).unassigned).toBe(
			Math.max(0, (records[0].available_quantity as number) - (records[0].assigned_quantity as number)),
		);
	});

	it('shortens groups and activities too, and a Get as much as a Get Many', async () => {
		const groups = await run(list('group', ACCOUNTS.github, { output: 'simplified' }));
		expect(Object.keys(groups[0]).sort()).toEqual(['description', 'group_type', 'id', 'name', 'organization']);
		const activities = await run(list('activity', ACCOUNTS.github, { output: 'simplified' }));
		expect(Object.keys(activities[0]).sort()).toEqual(
			['action', 'actor_type', 'actor_user_id', 'created_at', 'entity', 'entity_type', 'id', 'ip_address'].sort(),
		);
		const [record] = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const [user] = await run({ resource: 'user', operation: 'get', integratedAccount: byId(ACCOUNTS.github), userId: byId(String(record.id)), options: {}, output: 'simplified' });
		expect(user).toMatchObject({ id: record.id, status: record.status });
		expect(user).not.toHaveProperty('emails');
	});

	it('leaves raw answers (the app\'s own shape) whole', async () => {
		const raw = await run(list('user', ACCOUNTS.github, { output: 'simplified', options: { responseFormat: 'raw' }, returnAll: false, limit: 3 }));
		expect(raw[0]).toHaveProperty('login');
		expect(raw[0]).not.toHaveProperty('last_seen_at');
	});

	it('does not change what is asked of Truto', async () => {
		await run(list('user', ACCOUNTS.zoom, { output: 'simplified', returnAll: false, limit: 30 }));
		const [request] = unifiedRequests(sb, 'users');
		expect(request.query).toMatchObject({ integrated_account_id: ACCOUNTS.zoom, truto_ignore_remote_data: 'true' });
		expect(request.query).not.toHaveProperty('truto_exclude_fields');
	});
});

describe('Output → Raw and Selected Fields', () => {
	it('Raw outputs every field of the unified record', async () => {
		const users = await run(list('user', ACCOUNTS.github, { output: 'raw' }));
		expect(users).toEqual(await direct('users', { integrated_account_id: ACCOUNTS.github }));
	});

	it('Selected Fields outputs just the fields named, in that order', async () => {
		const users = await run(list('user', ACCOUNTS.github, { output: 'selectedFields', outputFields: ' status, id ,not_a_field' }));
		const records = await direct('users', { integrated_account_id: ACCOUNTS.github });
		expect(users).toEqual(records.map((record) => ({ status: record.status, id: record.id })));
		expect(Object.keys(users[0])).toEqual(['status', 'id']);
	});

	it('Selected Fields without fields stops before sending, saying what to enter', async () => {
		await expect(run(list('user', ACCOUNTS.github, { output: 'selectedFields', outputFields: ' , ' }))).rejects.toThrow(
			'Output is Selected Fields, but Fields to Include names none',
		);
		expect(sb.requests).toHaveLength(0);
	});
});

describe('readOutput and outputShape', () => {
	const location = { node: { name: 'Truto' } as never };

	it('refuses an unknown Output', () => {
		expect(() => readOutput(location, 'short', '')).toThrow('Output must be simplified, raw or selectedFields, not "short"');
	});

	it('applies Seat Utilization before the short form, and nothing for Raw', () => {
		const license = findResource('license') as ResourceDefinition;
		const options = (output: ItemOptions['output'], seatUtilization = true): ItemOptions => ({
			ignoreRemoteData: true,
			excludeFields: [],
			noActivityUsers: 'exclude',
			seatUtilization,
			output,
		});
		const record = { id: 'l1', name: 'Pro', available_quantity: 10, assigned_quantity: 4, unit_amount: 5, currency: 'USD', remote_data: {} };
		const simplified = outputShape(license, options({ mode: 'simplified', fields: [] }))?.(record);
		expect(simplified).toMatchObject({ id: 'l1', seats: { unassigned: 6, unassigned_cost: 30 } });
		expect(simplified).not.toHaveProperty('remote_data');
		expect(outputShape(license, options({ mode: 'raw', fields: [] }), )?.(record)).toHaveProperty('seats');
		expect(outputShape(license, options({ mode: 'raw', fields: [] }, false))).toBeUndefined();
	});
});
