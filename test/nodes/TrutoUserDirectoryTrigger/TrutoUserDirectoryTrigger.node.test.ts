import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { fetchAllPages } from '../../../dev/paging';
import { TrutoUserDirectoryTrigger } from '../../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';
import { byId, type Parameters, pollContext } from '../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox } from '../../helpers/sandbox';

// A fresh sandbox per test: the tests change users and seat counts.
const sb = useSandbox({}, { fresh: true });

const trigger = new TrutoUserDirectoryTrigger();

/** One node configuration and the static data n8n keeps for it between polls. */
function watcher(parameters: Parameters) {
	const staticData: IDataObject = {};
	const poll = async (mode: WorkflowExecuteMode = 'trigger') => {
		const context = pollContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url }, mode, staticData });
		const output = await trigger.poll.call(context);
		return output === null ? null : output[0].map((item) => item.json);
	};
	return { poll, staticData };
}

async function sandboxCall(method: string, path: string, account: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sb.url}/unified/user-directory/${path}?integrated_account_id=${account}`, {
		method,
		headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

async function listAll(path: string, account: string, extra: Record<string, string> = {}): Promise<IDataObject[]> {
	const url = `${sb.url}/unified/user-directory/${path}`;
	const { records } = await fetchAllPages(url, { token: TOKEN, query: { integrated_account_id: account, limit: '100', ...extra } });
	return records as IDataObject[];
}

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the poll to fail');
}

const github = (extra: Parameters = {}): Parameters => ({ integratedAccount: byId(ACCOUNTS.github), options: {}, ...extra });

describe('New User', () => {
	it('records a baseline on the first poll, then fires only for users created since', async () => {
		const zoom = watcher({ event: 'newUser', integratedAccount: byId(ACCOUNTS.zoom), options: {} });
		expect(await zoom.poll()).toBeNull();
		// Every page was read (Zoom: 237 users over pages of at most 25, one of them empty).
		expect(Object.keys(zoom.staticData.users as IDataObject)).toHaveLength(237);
		expect(await zoom.poll()).toBeNull();

		const created = await sandboxCall('POST', 'users', ACCOUNTS.zoom, {
			emails: ['new.hire@acme.com'],
			first_name: 'New',
			last_name: 'Hire',
		});
		const events = await zoom.poll();
		expect(events).toHaveLength(1);
		expect(events?.[0]).toMatchObject({
			id: created.id,
			name: 'New Hire',
			status: 'active',
			emails: [{ email: 'new.hire@acme.com', type: 'work', is_primary: true }],
		});
		expect(events?.[0]).not.toHaveProperty('remote_data');
		expect(await zoom.poll()).toBeNull();
	});

	it('fires once per new user, several at a time', async () => {
		const node = watcher(github({ event: 'newUser' }));
		await node.poll();
		const first = await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['one@acme.com'] });
		const second = await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['two@acme.com'] });
		expect((await node.poll())?.map((user) => user.id)).toEqual([first.id, second.id]);
	});

	it('sends the query the list needs, with remote data dropped unless asked for', async () => {
		const node = watcher({
			event: 'newUser',
			integratedAccount: byId(ACCOUNTS.microsoft365),
			product: 'teams',
			options: {},
		});
		await node.poll();
		const request = unifiedRequests(sb, 'users')[0];
		expect(request.query).toMatchObject({
			integrated_account_id: ACCOUNTS.microsoft365,
			product: 'teams',
			truto_ignore_remote_data: 'true',
		});

		const withRemote = watcher(github({ event: 'newUser', options: { ignoreRemoteData: false } }));
		await withRemote.poll();
		await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['raw@acme.com'] });
		const [user] = (await withRemote.poll()) ?? [];
		expect(user).toHaveProperty('remote_data');
		expect(unifiedRequests(sb, 'users').slice(-1)[0].query).not.toHaveProperty('truto_ignore_remote_data');
	});
});

describe('User Status Changed', () => {
	it('fires with previous_status when a known user changes status, and only once', async () => {
		const node = watcher(github({ event: 'userStatusChanged' }));
		expect(await node.poll()).toBeNull();
		expect((node.staticData.users as IDataObject)['1200105']).toBe('active');

		await sandboxCall('PATCH', 'users/1200105', ACCOUNTS.github, { status: 'inactive' });
		const events = await node.poll();
		expect(events).toHaveLength(1);
		expect(events?.[0]).toMatchObject({ id: '1200105', status: 'inactive', previous_status: 'active' });
		expect(await node.poll()).toBeNull();

		// Back again: another change.
		await sandboxCall('PATCH', 'users/1200105', ACCOUNTS.github, { status: 'active' });
		expect((await node.poll())?.map((user) => [user.id, user.previous_status, user.status])).toEqual([
			['1200105', 'inactive', 'active'],
		]);
	});

	it('does not fire for new or deleted users, or for changes other than the status', async () => {
		const node = watcher(github({ event: 'userStatusChanged' }));
		await node.poll();
		await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['someone@acme.com'] });
		await sandboxCall('DELETE', 'users/1200108', ACCOUNTS.github);
		await sandboxCall('PATCH', 'users/1200101', ACCOUNTS.github, { title: 'CTO' });
		expect(await node.poll()).toBeNull();
	});
});

describe('License Seats Threshold Reached', () => {
	// acme-corp/advanced_security: 5 seats, held by user 1200103 only → 4 unassigned.
	const ADVANCED_SECURITY = 'acme-corp/advanced_security';
	const parameters = github({
		event: 'licenseSeatsThreshold',
		organization: byId('acme-corp'),
		threshold: 5,
	});

	it('fires once when unassigned seats reach the threshold, again only after dropping below', async () => {
		const node = watcher(parameters);
		expect(await node.poll()).toBeNull();
		expect(node.staticData.licenses).toEqual({
			'acme-corp/enterprise': 5,
			'acme-corp/copilot_business': 5,
			[ADVANCED_SECURITY]: 4,
		});
		expect(unifiedRequests(sb, 'licenses')[0].query).toMatchObject({ organization_id: 'acme-corp' });

		// 1200103 leaves: advanced_security 4 → 5 crosses; enterprise 5 → 6 was already above.
		await sandboxCall('DELETE', 'users/1200103', ACCOUNTS.github);
		const events = await node.poll();
		expect(events).toHaveLength(1);
		expect(events?.[0]).toMatchObject({
			id: ADVANCED_SECURITY,
			available_quantity: 5,
			assigned_quantity: 0,
			unassigned_quantity: 5,
			previous_unassigned_quantity: 4,
			threshold: 5,
		});
		expect(await node.poll()).toBeNull();

		// A seat is taken (4: below) and given back (5: crosses again).
		const holder = await sandboxCall('POST', 'users', ACCOUNTS.github, {
			emails: ['temp@acme.com'],
			licenses: [ADVANCED_SECURITY],
		});
		expect(await node.poll()).toBeNull();
		expect((node.staticData.licenses as IDataObject)[ADVANCED_SECURITY]).toBe(4);
		await sandboxCall('DELETE', `users/${String(holder.id)}`, ACCOUNTS.github);
		expect((await node.poll())?.map((license) => [license.id, license.previous_unassigned_quantity])).toEqual([
			[ADVANCED_SECURITY, 4],
		]);
		expect(await node.poll()).toBeNull();
	});

	it('reads Microsoft 365 licenses of the chosen product', async () => {
		const node = watcher({
			event: 'licenseSeatsThreshold',
			integratedAccount: byId(ACCOUNTS.microsoft365),
			product: 'onedrive',
			threshold: 1,
			options: {},
		});
		expect(await node.poll()).toBeNull();
		expect(unifiedRequests(sb, 'licenses')[0].query).toMatchObject({ product: 'onedrive' });
		const expected = await listAll('licenses', ACCOUNTS.microsoft365, { product: 'onedrive' });
		expect(Object.keys(node.staticData.licenses as IDataObject).sort()).toEqual(expected.map((l) => String(l.id)).sort());
	});
});

describe('state', () => {
	it('starts over with a new baseline when the watched list changes', async () => {
		const node = watcher(github({ event: 'newUser' }));
		await node.poll();
		await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['before-switch@acme.com'] });

		// Same static data, another account: its users are not "new".
		const switched = pollContext({
			parameters: { event: 'newUser', integratedAccount: byId(ACCOUNTS.salesforce), options: {} },
			credentials: { apiToken: TOKEN, baseUrl: sb.url },
			staticData: node.staticData,
		});
		expect(await trigger.poll.call(switched)).toBeNull();
		expect(String(node.staticData.scope)).toContain(ACCOUNTS.salesforce);
		// Back to GitHub: a new baseline again, so the user created meanwhile does not fire.
		expect(await node.poll()).toBeNull();
	});

	it('merges a partial poll into what it remembers: users it missed are not new at the next poll', async () => {
		// Salesforce lists more than one page at 10 per page; its second page comes back partial once.
		const node = watcher({ event: 'newUser', integratedAccount: byId(ACCOUNTS.salesforce), options: {} });
		expect(await node.poll()).toBeNull();
		const everyone = Object.keys(node.staticData.users as IDataObject).sort();
		sb.setFaults([{ kind: 'partial', match: { path: '^/unified/user-directory/users$' } }]);
		expect(await node.poll()).toBeNull();
		expect(Object.keys(node.staticData.users as IDataObject).sort()).toEqual(everyone);
		expect(await node.poll()).toBeNull();
		await sandboxCall('POST', 'users', ACCOUNTS.salesforce, {
			username: 'after.partial@acme.com',
			emails: [{ email: 'after.partial@acme.com' }],
			last_name: 'Partial',
		});
		expect((await node.poll())?.map((user) => user.username)).toEqual(['after.partial@acme.com']);
	});

	it('takes no baseline from a partial first poll: the next complete poll is the baseline', async () => {
		const node = watcher({ event: 'newUser', integratedAccount: byId(ACCOUNTS.salesforce), options: {} });
		sb.setFaults([{ kind: 'partial', match: { path: '^/unified/user-directory/users$' } }]);
		expect(await node.poll()).toBeNull();
		expect(node.staticData).toEqual({});
		expect(await node.poll()).toBeNull();
		expect(node.staticData.users).toBeDefined();
		expect(await node.poll()).toBeNull();
	});

	it('keeps the state untouched when a poll fails, and fires on the next good poll', async () => {
		const node = watcher(github({ event: 'newUser' }));
		await node.poll();
		const remembered = JSON.parse(JSON.stringify(node.staticData)) as IDataObject;
		await sandboxCall('POST', 'users', ACCOUNTS.github, { emails: ['during-outage@acme.com'] });
		sb.setFaults([{ match: { path: '^/unified/user-directory/users$' }, kind: 'status', status: 400, times: 1 }]);
		const error = await failure(node.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(node.staticData).toEqual(remembered);
		expect((await node.poll())?.map((user) => user.emails)).toEqual([
			[{ email: 'during-outage@acme.com', type: 'work', is_primary: true }],
		]);
	});
});

describe('Fetch Test Event (manual mode)', () => {
	it('returns the newest user without remembering anything', async () => {
		const node = watcher(github({ event: 'newUser' }));
		const sample = await node.poll('manual');
		const users = await listAll('users', ACCOUNTS.github);
		const newest = [...users].sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)))[0];
		expect(sample).toHaveLength(1);
		expect(sample?.[0].id).toBe(newest.id);
		expect(node.staticData).toEqual({});
		// The first real poll is still a baseline.
		expect(await node.poll()).toBeNull();
	});

	it('leaves a remembered state as it was', async () => {
		const node = watcher(github({ event: 'userStatusChanged' }));
		await node.poll();
		await sandboxCall('PATCH', 'users/1200102', ACCOUNTS.github, { status: 'inactive' });
		const remembered = JSON.parse(JSON.stringify(node.staticData)) as IDataObject;
		const [sample] = (await node.poll('manual')) ?? [];
		expect(sample).toMatchObject({ id: '1200102', status: 'inactive', previous_status: null });
		expect(node.staticData).toEqual(remembered);
		// The change still fires for the active workflow.
		expect((await node.poll())?.map((user) => [user.id, user.previous_status])).toEqual([['1200102', 'active']]);
	});

	it('shows the license with the most unassigned seats', async () => {
		const node = watcher(github({ event: 'licenseSeatsThreshold', organization: byId('acme-labs'), threshold: 2 }));
		const [sample] = (await node.poll('manual')) ?? [];
		const licenses = await listAll('licenses', ACCOUNTS.github, { organization_id: 'acme-labs' });
		const seats = (l: IDataObject) => Number(l.available_quantity) - Number(l.assigned_quantity);
		const most = [...licenses].sort((a, b) => seats(b) - seats(a))[0];
		expect(sample).toMatchObject({
			id: most.id,
			unassigned_quantity: seats(most),
			previous_unassigned_quantity: null,
			threshold: 2,
		});
		expect(node.staticData).toEqual({});
	});
});

describe('errors', () => {
	it('names the missing Organization when GitHub licenses are polled without one, before listing', async () => {
		const node = watcher(github({ event: 'licenseSeatsThreshold', threshold: 1 }));
		const error = await failure(node.poll());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('GitHub needs Organization (organization_id) to list licenses');
		expect(unifiedRequests(sb, 'licenses')).toHaveLength(0);
		expect(node.staticData).toEqual({});
	});

	it('says the customer must reconnect an account that needs it, before listing', async () => {
		const node = watcher({ event: 'newUser', integratedAccount: byId(ACCOUNTS.okta), options: {} });
		const error = await failure(node.poll());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The customer must reconnect this integrated account (status: needs_reauth)');
		expect(error.description).toMatch(/reconnect/i);
		expect(error.message).not.toContain(TOKEN);
		expect(unifiedRequests(sb, 'users')).toHaveLength(0);
	});

	it('names the Organization when Truto itself reports it missing (the look-ups failed)', async () => {
		sb.setFaults([{ kind: 'status', status: 404, match: { path: '/meta/' }, times: -1 }]);
		const node = watcher(github({ event: 'licenseSeatsThreshold', threshold: 1 }));
		const error = await failure(node.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('Organization (organization_id)');
		expect(node.staticData).toEqual({});
	});

	it('surfaces a wrong token as a NodeApiError without the token', async () => {
		const wrong = `${TOKEN}-revoked`;
		const context = pollContext({ parameters: github({ event: 'newUser' }), credentials: { apiToken: wrong, baseUrl: sb.url } });
		const error = await failure(trigger.poll.call(context));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(`${error.message} ${error.description}`).not.toContain(wrong);
	});

	it('asks for an integrated account and a numeric threshold', async () => {
		const empty = watcher({ event: 'newUser', integratedAccount: byId(''), options: {} });
		const error = await failure(empty.poll());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Integrated Account is empty');

		const badThreshold = watcher(github({ event: 'licenseSeatsThreshold', organization: byId('acme-corp'), threshold: 'many' }));
		expect((await failure(badThreshold.poll())).message).toMatch(/Threshold must be a number/);
		expect(sb.requests).toHaveLength(0);
	});
});
