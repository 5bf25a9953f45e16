/**
 * Seat reclamation built into the node: User → Get Many → Options → Inactive Days (with the choice for
 * users without activity data, and Limit counting inactive users), and License → Options → Seat
 * Utilization. Expected values are worked out here from the sandbox's own records.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, sandboxRecords, useSandbox } from '../../../helpers/sandbox';

const DAY = 24 * 60 * 60 * 1000;

const sb = useSandbox();

async function run(parameters: Parameters): Promise<INodeExecutionData[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

const direct = (path: string, query: Record<string, string> = {}) => sandboxRecords(sb, path, query);

const ids = (records: Array<IDataObject | INodeExecutionData>) =>
	records.map((record) => String(((('json' in record ? record.json : record) as IDataObject).id)));

const seen = (user: IDataObject): number | undefined => {
	const value = (user.last_active_at ?? user.last_login_at) as string | null | undefined;
	return value ? Date.parse(value) : undefined;
};

const users = (account: string, options: IDataObject, extra: Parameters = {}): Parameters => ({
	resource: 'user',
	operation: 'getAll',
	integratedAccount: byId(account),
	returnAll: true,
	options,
	...extra,
});

describe('Inactive Days', () => {
	it('keeps exactly the users not seen for N days (last active, else last login)', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const expected = all.filter((user) => seen(user) !== undefined && (seen(user) as number) <= Date.now() - 90 * DAY);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(all.length);
		const output = await run(users(ACCOUNTS.github, { inactiveDays: 90 }));
		expect(ids(output)).toEqual(ids(expected));
		expect(output.every((item) => (item.pairedItem as IPairedItemData).item === 0)).toBe(true);
	});

	it('uses last_login_at when last_active_at is missing', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const loginOnly = all.filter((user) => !user.last_active_at && user.last_login_at);
		const activeOnly = all.filter((user) => user.last_active_at && !user.last_login_at);
		// The sandbox's GitHub data has a bot with last_active_at only; the rule reads either.
		expect(loginOnly.length + activeOnly.length).toBeGreaterThan(0);
		const output = await run(users(ACCOUNTS.github, { inactiveDays: 0.01 }));
		for (const user of [...loginOnly, ...activeOnly]) {
			expect(ids(output).includes(String(user.id))).toBe((seen(user) as number) <= Date.now() - 0.01 * DAY);
		}
	});

	it('treats users without activity data as chosen: exclude (default), include, only', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.github });
		const noData = all.filter((user) => seen(user) === undefined);
		const inactive = all.filter((user) => seen(user) !== undefined && (seen(user) as number) <= Date.now() - 30 * DAY);
		expect(noData.length).toBeGreaterThan(0);

		expect(ids(await run(users(ACCOUNTS.github, { inactiveDays: 30 })))).toEqual(ids(inactive));
		expect(ids(await run(users(ACCOUNTS.github, { inactiveDays: 30, noActivityUsers: 'exclude' })))).toEqual(ids(inactive));
		const included = all.filter((user) => noData.includes(user) || inactive.includes(user));
		expect(ids(await run(users(ACCOUNTS.github, { inactiveDays: 30, noActivityUsers: 'include' })))).toEqual(ids(included));
		expect(ids(await run(users(ACCOUNTS.github, { inactiveDays: 30, noActivityUsers: 'only' })))).toEqual(ids(noData));
	});

	it('with Limit, reads page after page until it has that many inactive users', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.zoom });
		const inactive = all.filter((user) => seen(user) !== undefined && (seen(user) as number) <= Date.now() - 60 * DAY);
		// Chosen so that the first Zoom page (25 users at most) cannot hold them all.
		const limit = Math.min(inactive.length, 30);
		expect(limit).toBeGreaterThan(5);
		const output = await run(users(ACCOUNTS.zoom, { inactiveDays: 60 }, { returnAll: false, limit }));
		expect(ids(output)).toEqual(ids(inactive.slice(0, limit)));
		const pages = unifiedRequests(sb, 'users');
		expect(pages.length).toBeGreaterThan(1);
		// It stopped at the page that completed the count instead of reading the whole list.
		const position = all.findIndex((user) => user.id === inactive[limit - 1].id);
		expect(position).toBeLessThan(all.length - 25);
		expect(pages[pages.length - 1].query.next_cursor).toBeDefined();
	});

	it('returns what there is when fewer users are inactive than Limit', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.salesforce });
		const inactive = all.filter((user) => seen(user) !== undefined && (seen(user) as number) <= Date.now() - 90 * DAY);
		const output = await run(users(ACCOUNTS.salesforce, { inactiveDays: 90 }, { returnAll: false, limit: 50 }));
		expect(ids(output)).toEqual(ids(inactive));
	});

	it('is off at 0 and refuses a negative number or the raw format', async () => {
		const all = await direct('users', { integrated_account_id: ACCOUNTS.salesforce });
		expect(await run(users(ACCOUNTS.salesforce, { inactiveDays: 0 }))).toHaveLength(all.length);
		sb.clearRequests();
		await expect(run(users(ACCOUNTS.salesforce, { inactiveDays: -3 }))).rejects.toThrow(
			'Inactive Days must be a number of days of at least 0, not -3',
		);
		await expect(run(users(ACCOUNTS.salesforce, { inactiveDays: 30, responseFormat: 'raw' }))).rejects.toThrow(
			'Inactive Days needs the unified response format',
		);
		expect(sb.requests).toHaveLength(0);
	});
});

describe('Seat Utilization', () => {
	function expectedSeats(license: IDataObject): IDataObject {
		const available = typeof license.available_quantity === 'number' ? license.available_quantity : null;
		const assigned = typeof license.assigned_quantity === 'number' ? license.assigned_quantity : null;
		const unassigned = available !== null && assigned !== null ? Math.max(0, available - assigned) : null;
		const currency = (license.currency as string | null | undefined) || null;
		const price = typeof license.unit_amount === 'number' ? license.unit_amount : null;
		return {
			available,
			assigned,
			unassigned,
			utilization: available && assigned !== null ? Math.min(1, assigned / available) : null,
			unassigned_cost: unassigned !== null && price !== null && currency ? unassigned * price : null,
			currency,
		};
	}

	it.each([
		['Salesforce (priced)', ACCOUNTS.salesforce, {}],
		['GitHub (no prices)', ACCOUNTS.github, { organization_id: 'acme-corp' }],
		['Atlassian (no seat counts)', ACCOUNTS.atlassian, {}],
		['Microsoft 365 OneDrive', ACCOUNTS.microsoft365, { product: 'onedrive' }],
	])('adds seats to every license: %s', async (_, account, query) => {
		const licenses = await direct('licenses', { integrated_account_id: account, ...query });
		const output = await run({
			resource: 'license',
			operation: 'getAll',
			integratedAccount: byId(account),
			returnAll: true,
			organization: byId((query as IDataObject).organization_id as string ?? ''),
			product: (query as IDataObject).product ?? '',
			options: { seatUtilization: true },
		});
		expect(output).toHaveLength(licenses.length);
		output.forEach((item, index) => {
			const { seats, ...rest } = item.json;
			expect(rest).toEqual(licenses[index]);
			const wanted = expectedSeats(licenses[index]);
			// Exact where exact, close where a division or a price is involved.
			expect(seats).toEqual({
				...wanted,
				utilization: wanted.utilization === null ? null : expect.any(Number),
				unassigned_cost: wanted.unassigned_cost === null ? null : expect.any(Number),
			});
			const got = seats as IDataObject;
			if (wanted.utilization === null) expect(got.utilization).toBeNull();
			else expect(got.utilization).toBeCloseTo(wanted.utilization as number, 4);
			if (wanted.unassigned_cost !== null) expect(got.unassigned_cost).toBeCloseTo(wanted.unassigned_cost as number, 4);
		});
	});

	it('has the values of one known license (Salesforce: 20 seats at 165 USD)', async () => {
		const licenses = await direct('licenses', { integrated_account_id: ACCOUNTS.salesforce });
		const salesforce = licenses.find((license) => license.name === 'Salesforce') as IDataObject;
		const [item] = await run({
			resource: 'license',
			operation: 'get',
			integratedAccount: byId(ACCOUNTS.salesforce),
			licenseId: byId(String(salesforce.id)),
			options: { seatUtilization: true },
		});
		const assigned = salesforce.assigned_quantity as number;
		expect(item.json.seats).toEqual({
			available: 20,
			assigned,
			unassigned: 20 - assigned,
			utilization: assigned / 20,
			unassigned_cost: (20 - assigned) * 165,
			currency: 'USD',
		});
	});

	it('adds nothing when off, and refuses the raw format', async () => {
		const [item] = await run({ resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.salesforce), returnAll: false, limit: 1, options: {} });
		expect(item.json).not.toHaveProperty('seats');
		await expect(
			run({ resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.salesforce), returnAll: true, options: { seatUtilization: true, responseFormat: 'raw' } }),
		).rejects.toThrow('Seat Utilization needs the unified response format');
	});
});
