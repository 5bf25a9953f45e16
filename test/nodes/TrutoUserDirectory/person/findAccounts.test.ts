/**
 * Person → Find Accounts through the node's execute(), against the sandbox over real HTTP: where a
 * person has users (primary and other emails, one email twice in one app), the email filter or one
 * reading per account, and every account that could not be searched named with its reason.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { ITEM_CONCURRENCY } from '../../../../nodes/TrutoUserDirectory/boundedConcurrency';
import { EMAIL_FILTER_AT_MOST } from '../../../../nodes/TrutoUserDirectory/person/findAccounts';
import { resetThrottle, TrutoClient } from '../../../../nodes/shared/transport';
import { executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, unifiedRequests, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

function find(emails: unknown, extra: Parameters = {}): Parameters {
	return { resource: 'person', operation: 'findAccounts', emails, accountScope: 'all', options: {}, ...extra };
}

async function run(parameters: Parameters | ((itemIndex: number) => Parameters), items = 1, credentials: IDataObject = {}): Promise<IDataObject[]> {
	const context = executeContext({ parameters, items: Array.from({ length: items }, () => ({ json: {} })), credentials: { apiToken: TOKEN, baseUrl: sb.url, ...credentials } });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output.map((item: INodeExecutionData) => ({ ...item.json, item: (item.pairedItem as { item: number }).item }));
}

/** Calls `record` with each request's URL as n8n's request helper is handed it, before it is sent. */
function whenHanded(context: ReturnType<typeof executeContext>, record: (url: URL) => void): void {
	const helpers = context.helpers as unknown as { httpRequestWithAuthentication: (this: unknown, type: string, options: { url: string }, extra?: unknown) => Promise<unknown> };
	const send = helpers.httpRequestWithAuthentication;
	helpers.httpRequestWithAuthentication = async function (this: unknown, type, options, extra) {
		record(new URL(options.url));
		return await send.call(this, type, options, extra);
	};
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { description?: string }) => error);
const ofKind = (items: IDataObject[], kind: string) => items.filter((item) => item.kind === kind);
const where = (items: IDataObject[]) => ofKind(items, 'account').map((item) => `${item.integration_slug}:${item.user_id}`);
const summaryOf = (items: IDataObject[]) => ofKind(items, 'summary')[0];
const usersLists = (accountId: string, requests = unifiedRequests(sb, 'users')) => requests.filter((request) => request.accountId === accountId && request.path === '/unified/user-directory/users');

/** More emails than the email filter is asked for: every account is read user by user. */
const six = ['maria.garcia@acme.com', 'jonas.weber@acme.com', 'emma.jensen@acme.com', 'nobody@acme.com', 'ava@acme.com', 'ingrid.larsen@acme.com'];

describe('one person across every account', () => {
	let items: IDataObject[];
	let requests: ReturnType<typeof unifiedRequests>;
	let everyRequest: typeof sb.requests;
	beforeAll(async () => {
		sb.clearRequests();
		items = await run(find('Maria.Garcia@acme.com'));
		requests = unifiedRequests(sb, 'users');
		everyRequest = [...sb.requests];
	});

	it('finds exactly her users, by primary and by other email, in any case', () => {
		expect(where(items).sort()).toEqual(
			['hubspot:5100001', 'okta:00uabf2f0409220c1821', 'salesforce:0055g00000A1b2cAAA', 'webex:Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE'].sort(),
		);
		const webex = ofKind(items, 'account').find((item) => item.account_id === ACCOUNTS.webex);
		expect(webex).toMatchObject({ email: 'maria.garcia@acme.com', matched_by: 'other email', user_email: 'maria.garcia@acme-webex.com', other_emails: ['maria.garcia@acme.com'] });
		expect(ofKind(items, 'account').filter((item) => item.account_id !== ACCOUNTS.webex).every((item) => item.matched_by === 'primary email')).toBe(true);
	});

	it('says what each user holds and costs, their groups, roles, last seen and what the app allows', () => {
		const hubspot = ofKind(items, 'account').find((item) => item.account_id === ACCOUNTS.hubspot);
		expect(hubspot).toMatchObject({
			user_status: 'active',
			user_type: 'admin',
			active: true,
			licenses: ['Sales Hub Professional', 'Core Seat'],
			seats: 2,
			monthly_cost: 105,
			currency: 'EUR',
			price: 'app',
			groups: ['Sales DACH'],
			actions: ['update', 'removeFromGroup', 'delete'],
		});
		expect(typeof hubspot?.last_seen).toBe('string');
		const salesforce = ofKind(items, 'account').find((item) => item.account_id === ACCOUNTS.salesforce);
		// Salesforce users cannot be deleted through Truto: its capabilities do not list it.
		expect(salesforce).toMatchObject({ roles: ['System Administrator'], monthly_cost: 165, currency: 'USD', actions: ['update'], lookup: 'email filter (email)' });
	});

	it('names the accounts that could not be searched, with reason and fix', () => {
		const notChecked = ofKind(items, 'not_checked');
		expect(notChecked.map((item) => item.account_id).sort()).toEqual([ACCOUNTS.okta, ACCOUNTS.blocked].sort());
		for (const item of notChecked) expect(item).toMatchObject({ reason: expect.any(String), fix: expect.any(String), status: 'not_checked' });
	});

	it('ends with a summary: found in 4 apps, active in 4, seats and money per currency', () => {
		const summary = summaryOf(items);
		expect(items[items.length - 1]).toBe(summary);
		expect(summary).toMatchObject({ found_in: 4, active_in: 4, seats: 5, accounts: { not_checked: 2 } });
		expect(summary.held).toEqual([
			{ currency: 'EUR', monthly_amount: 105, seats: 2 },
			{ currency: 'USD', monthly_amount: 173, seats: 3 },
		]);
		expect(String(summary.text)).toContain('maria.garcia@acme.com: found in 4 apps');
	});

	it("asks each account once with its own email filter's name", () => {
		const hubspot = usersLists(ACCOUNTS.hubspot, requests);
		expect(hubspot).toHaveLength(1);
		expect(hubspot[0].query).toMatchObject({ emails: 'maria.garcia@acme.com' });
		// The salesforce account's mapping (an environment override) names the filter email.
		const [salesforce] = usersLists(ACCOUNTS.salesforce, requests);
		expect(salesforce.query).toMatchObject({ email: 'maria.garcia@acme.com' });
		expect(salesforce.query).not.toHaveProperty('emails');
		expect(summaryOf(items).lookups).toMatchObject({ every_user: 0 });
	});
	it("reads every searched account's licenses once, alongside its lookup, when the token's budget has room", () => {
		const found = new Set(ofKind(items, 'account').map((item) => String(item.account_id)));
		const searched = new Set(requests.map((request) => String(request.accountId)));
		expect([...searched].filter((accountId) => !found.has(accountId)).length).toBeGreaterThan(0);
		for (const accountId of searched) {
			const { metadata, listings } = aboutLicenses(everyRequest, accountId);
			expect({ accountId, metadata: metadata.length }).toEqual({ accountId, metadata: 1 });
			expect(listings.length).toBeGreaterThan(0);
			// Each listing query once (an account whose licenses need an organization has one per organization).
			expect(new Set(listings.map((request) => request.rawQuery)).size).toBe(listings.length);
		}
	});
});

describe('the order requests are handed to n8n (each leaves only after all asked with it are prepared)', () => {
	/** Each request as n8n's helper is handed it: what it is for, and its account. */
	async function handedRequests(emails: string): Promise<Array<{ kind: string; accountId: string | null }>> {
		const handed: Array<{ kind: string; accountId: string | null }> = [];
		const context = executeContext({ parameters: find(emails), credentials: { apiToken: TOKEN, baseUrl: sb.url } });
		whenHanded(context, (url) => {
			const path = url.pathname;
			const kind = path.endsWith('/capabilities')
				? 'capabilities'
				: path.startsWith('/unified/user-directory/licenses')
					? path.includes('/meta/') ? 'licenses metadata' : 'licenses'
					: path.startsWith('/unified/user-directory/users')
						? path.includes('/meta/') ? 'users metadata' : 'lookup'
						: path;
			handed.push({ kind, accountId: url.searchParams.get('integrated_account_id') ?? path.split('/')[2] ?? null });
		});
		await new TrutoUserDirectory().execute.call(context);
		return handed;
	}

	it("asks every account's capabilities and users' metadata before any licenses' metadata, and each account's lookup before its licenses", async () => {
		const handed = await handedRequests('maria.garcia@acme.com');
		const positions = (kind: string, accountId?: string) => handed.flatMap((request, index) => (request.kind === kind && (!accountId || request.accountId === accountId) ? [index] : []));
		const firstLicensesMetadata = Math.min(...positions('licenses metadata'));
		expect(positions('licenses metadata').length).toBeGreaterThan(1);
		expect(Math.max(...positions('capabilities'), ...positions('users metadata'))).toBeLessThan(firstLicensesMetadata);
		const accountsLookedUp = new Set(handed.filter((request) => request.kind === 'lookup').map((request) => String(request.accountId)));
		expect(accountsLookedUp.size).toBeGreaterThan(1);
		for (const accountId of accountsLookedUp) {
			expect(Math.max(...positions('lookup', accountId))).toBeLessThan(Math.min(...positions('licenses', accountId)));
		}
	});
});

/** The requests about one account's licenses: their metadata, and their listing. */
function aboutLicenses(requests: typeof sb.requests, accountId: string) {
	const licenses = requests.filter((request) => request.accountId === accountId && request.path.startsWith('/unified/user-directory/licenses'));
	return { metadata: licenses.filter((request) => request.path.includes('/meta/')), listings: licenses.filter((request) => !request.path.includes('/meta/')) };
}

describe("with the token's budget short (another run used most of it)", () => {
	let items: IDataObject[];
	let everyRequest: typeof sb.requests;
	beforeAll(async () => {
		resetThrottle();
		// Truto's standard budgets (495 per 10.2 s per token here), used up but for one request less than
		// reading licenses alongside would take: each account's search (4 requests) and lookup (1).
		const limited = { rateLimitPerAccount: 50 };
		const other = await TrutoClient.create(executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url, ...limited } }));
		const accounts = ((await other.request({ path: ['integrated-account'] })) as { result: unknown[] }).result.length;
		const room = accounts * 5 - 1;
		await Promise.all(Array.from({ length: other.tokenRoom() - room }, () => other.request({ path: ['integrated-account'], query: { limit: 1 } })));
		expect(other.tokenRoom()).toBe(room);
		sb.clearRequests();
		items = await run(find('Maria.Garcia@acme.com'), 1, limited);
		everyRequest = [...sb.requests];
	});
	afterAll(() => resetThrottle());

	it('asks about licenses (their metadata, their listing) only the accounts where she was found, after the lookup', () => {
		expect(where(items)).toHaveLength(4);
		const found = new Set(ofKind(items, 'account').map((item) => String(item.account_id)));
		const lookups = everyRequest.filter((request) => request.path === '/unified/user-directory/users');
		const searched = new Set(lookups.map((request) => String(request.accountId)));
		expect([...searched].filter((accountId) => !found.has(accountId)).length).toBeGreaterThan(0);
		for (const accountId of searched) {
			const { metadata, listings } = aboutLicenses(everyRequest, accountId);
			expect({ accountId, metadata: metadata.length, listed: listings.length > 0 }).toEqual({ accountId, metadata: found.has(accountId) ? 1 : 0, listed: found.has(accountId) });
			const lookup = usersLists(accountId, lookups)[0];
			for (const request of [...metadata, ...listings]) expect(request.at).toBeGreaterThanOrEqual(lookup.at);
		}
	});
});

describe('reading every user: the licenses', () => {
	const accountsWith = (items: IDataObject[]) => new Set(ofKind(items, 'account').map((item) => String(item.account_id)));
	const licensesAskedOf = (requests: typeof sb.requests) => new Set(requests.filter((request) => request.path.startsWith('/unified/user-directory/licenses')).map((request) => String(request.accountId)));

	it("are read after each account's users, only where someone was found, while the token's budget has room; their metadata with the capabilities", async () => {
		sb.clearRequests();
		const items = await run(find(six.join('\n')));
		const requests = [...sb.requests];
		const found = accountsWith(items);
		const searched = new Set(requests.filter((request) => request.path === '/unified/user-directory/users').map((request) => String(request.accountId)));
		expect([...searched].filter((accountId) => !found.has(accountId)).length).toBeGreaterThan(0);
		for (const accountId of searched) {
			const { metadata, listings } = aboutLicenses(requests, accountId);
			expect({ accountId, metadata: metadata.length, listed: listings.length > 0 }).toEqual({ accountId, metadata: 1, listed: found.has(accountId) });
			const firstPage = Math.min(...requests.filter((request) => request.accountId === accountId && request.path === '/unified/user-directory/users').map((request) => request.at));
			const lastPage = Math.max(...requests.filter((request) => request.accountId === accountId && request.path === '/unified/user-directory/users').map((request) => request.at));
			for (const request of metadata) expect(request.at).toBeLessThanOrEqual(firstPage);
			for (const request of listings) expect(request.at).toBeGreaterThanOrEqual(lastPage);
		}
	});

	it("start as soon as the token's budget runs out, when the reading waits anyway, and change nothing found", async () => {
		resetThrottle();
		sb.clearRequests();
		const roomy = await run(find(six.join('\n')));
		resetThrottle();
		// The token's budget made by a first client: 12 requests per 0.5 s, shared by the node's run.
		const small = await TrutoClient.create(executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url } }), {
			rateLimits: { token: { requests: 13, windowMs: 400 }, account: { requests: 1000, windowMs: 400 } },
		});
		expect(small.tokenRoom()).toBe(12);
		sb.clearRequests();
		const items = await run(find(six.join('\n')), 1, { rateLimitPerAccount: 50 });
		const requests = [...sb.requests];
		resetThrottle();
		expect(ofKind(items, 'account')).toEqual(ofKind(roomy, 'account'));
		// Asked of some account before knowing whether anybody is there: read early, used only where someone is.
		const found = accountsWith(items);
		expect([...licensesAskedOf(requests)].filter((accountId) => !found.has(accountId)).length).toBeGreaterThan(0);
	}, 20_000);
});

describe('one email twice in one app', () => {
	it('reports both users of the app, and counts the app once', async () => {
		const items = await run(find('jonas.weber@acme.com'));
		expect(where(items).sort()).toEqual(['hubspot:5100005', 'hubspot:5100006', 'okta:00u1c1de0694d92ccf8c']);
		expect(summaryOf(items)).toMatchObject({ found_in: 2, people: [expect.objectContaining({ users: 3, found_in: 2 })] });
	});
});

describe('many people in one run', () => {

	it(`reads each account once, user by user, with more than ${EMAIL_FILTER_AT_MOST} emails, and finds the same users`, async () => {
		expect(six.length).toBeGreaterThan(EMAIL_FILTER_AT_MOST);
		const items = await run(find(six.join('\n')));
		const hubspot = usersLists(ACCOUNTS.hubspot);
		expect(hubspot).toHaveLength(1);
		expect(hubspot[0].query).not.toHaveProperty('emails');
		const byEmail = (email: string) => where(ofKind(items, 'account').filter((item) => item.email === email)).sort();
		expect(byEmail('maria.garcia@acme.com')).toEqual(
			['hubspot:5100001', 'okta:00uabf2f0409220c1821', 'salesforce:0055g00000A1b2cAAA', 'webex:Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE'].sort(),
		);
		expect(byEmail('jonas.weber@acme.com')).toEqual(['hubspot:5100005', 'hubspot:5100006', 'okta:00u1c1de0694d92ccf8c']);
		expect(byEmail('nobody@acme.com')).toEqual([]);
		expect(summaryOf(items).people).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'nobody@acme.com', found_in: 0 })]));
		expect(summaryOf(items).lookups).toMatchObject({ email_filter: 0 });
	});

	it('shares one reading of each account between the items of a run', async () => {
		const items = await run((itemIndex) => find(six[itemIndex]), 6);
		expect(usersLists(ACCOUNTS.hubspot)).toHaveLength(1);
		expect(ofKind(items, 'summary').map((item) => item.item)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(where(items.filter((item) => item.item === 1))).toEqual(expect.arrayContaining(['hubspot:5100005', 'hubspot:5100006']));
		expect(ofKind(items, 'account').every((item) => item.email === six[item.item as number])).toBe(true);
	});

	it("lists the environment's accounts and asks each account's capabilities and metadata once for all items", async () => {
		await run((itemIndex) => find(six[itemIndex]), 6);
		const count = (test: (path: string) => boolean) => {
			const paths = sb.requests.filter((request) => test(request.path)).map((request) => `${request.path} ${request.accountId ?? ''}`);
			return { all: paths.length, different: new Set(paths).size };
		};
		expect(count((path) => path === '/integrated-account')).toEqual({ all: 1, different: 1 });
		const capabilities = count((path) => path.endsWith('/capabilities'));
		expect(capabilities.all).toBeGreaterThan(1);
		expect(capabilities.all).toBe(capabilities.different);
		const metadata = count((path) => path.includes('/meta/'));
		expect(metadata.all).toBe(metadata.different);
	});

	/**
	 * A run of `emails.length` items whose parameter reads and requests are logged in order: `read i`
	 * when item i's emails (an expression n8n evaluates) are read, `start i` when the node starts item i
	 * (its third read of the resource: the node reads every item's twice to plan the run).
	 */
	async function loggedRun(emails: string[]): Promise<{ events: string[]; output: INodeExecutionData[] }> {
		const events: string[] = [];
		const resourceReads = new Map<number, number>();
		const context = executeContext({
			parameters: (itemIndex) =>
				Object.defineProperties(find(''), {
					emails: {
						enumerable: true,
						get: () => {
							if (!events.includes(`read ${itemIndex}`)) events.push(`read ${itemIndex}`);
							return emails[itemIndex];
						},
					},
					resource: {
						enumerable: true,
						get: () => {
							resourceReads.set(itemIndex, (resourceReads.get(itemIndex) ?? 0) + 1);
							if (resourceReads.get(itemIndex) === 3) events.push(`start ${itemIndex}`);
							return 'person';
						},
					},
				}),
			items: emails.map(() => ({ json: {} })),
			credentials: { apiToken: TOKEN, baseUrl: sb.url },
		});
		whenHanded(context, (url) => events.push(`request ${url.pathname}`));
		const [output] = await new TrutoUserDirectory().execute.call(context);
		return { events, output };
	}

	it("hands the account listing to n8n before reading the other items' emails, which n8n may take long to evaluate", async () => {
		const { events, output } = await loggedRun(six);
		expect(output.filter((item) => item.json.kind === 'summary')).toHaveLength(6);
		const reads = events.filter((event) => !event.startsWith('start'));
		expect(reads.slice(0, reads.indexOf('request /integrated-account'))).toEqual(['read 0']);
		expect(reads.filter((event) => event.startsWith('read'))).toEqual(six.map((_, itemIndex) => `read ${itemIndex}`));
	});

	it('starts every item at once, as they share the readings: more items than the node otherwise runs side by side', async () => {
		const emails = Array.from({ length: ITEM_CONCURRENCY + 4 }, (_, itemIndex) => six[itemIndex % 3]);
		const { events, output } = await loggedRun(emails);
		expect(output.filter((item) => item.json.kind === 'summary').map((item) => (item.pairedItem as { item: number }).item)).toEqual(emails.map((_, itemIndex) => itemIndex));
		const firstRequest = events.findIndex((event) => event.startsWith('request'));
		expect(events.slice(0, firstRequest).filter((event) => event.startsWith('start'))).toEqual(emails.map((_, itemIndex) => `start ${itemIndex}`));
	});

	it('lists the accounts again for the next item when the listing failed for one', async () => {
		sb.setFaults([{ kind: 'status', status: 400, times: 1, match: { path: '^/integrated-account$' } }]);
		const context = executeContext({ parameters: (itemIndex) => find(six[itemIndex]), items: [{ json: {} }, { json: {} }], credentials: { apiToken: TOKEN, baseUrl: sb.url }, continueOnFail: true });
		const [output] = await new TrutoUserDirectory().execute.call(context);
		const failed = output.filter((item) => item.json.error !== undefined);
		expect(failed.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0]);
		expect(output.some((item) => item.json.kind === 'summary' && (item.pairedItem as { item: number }).item === 1)).toBe(true);
		expect(sb.requests.filter((request) => request.path === '/integrated-account')).toHaveLength(2);
	});

	it('fails an item whose emails cannot be read on its own, and still searches for the others', async () => {
		const emails = ['maria.garcia@acme.com', 'not-an-email', 'jonas.weber@acme.com'];
		const context = executeContext({ parameters: (itemIndex) => find(emails[itemIndex]), items: emails.map(() => ({ json: {} })), credentials: { apiToken: TOKEN, baseUrl: sb.url }, continueOnFail: true });
		const [output] = await new TrutoUserDirectory().execute.call(context);
		const itemOf = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;
		expect(output.filter((item) => item.json.error !== undefined).map(itemOf)).toEqual([1]);
		expect(String(output.find((item) => itemOf(item) === 1)?.json.error)).toMatch(/not an email/);
		expect(output.filter((item) => item.json.kind === 'summary').map(itemOf)).toEqual([0, 2]);
	});
});

describe('choices', () => {
	it('searches only the accounts of chosen integrations', async () => {
		const items = await run(find(['maria.garcia@acme.com'], { accountScope: 'integrations', integrations: 'webex, Salesforce' }));
		expect(where(items).map((entry) => entry.split(':')[0]).sort()).toEqual(['salesforce', 'webex']);
		expect(ofKind(items, 'not_checked')).toEqual([]);
		expect(summaryOf(items).accounts).toMatchObject({ total: 2, checked: 2 });
	});

	it('matches usernames only when asked, reading every user', async () => {
		expect(where(await run(find('ingrid.larsen@elsewhere.example')))).toEqual([]);
		const items = await run(find('ingrid.larsen@elsewhere.example', { options: { matchUsernames: true } }));
		expect(ofKind(items, 'account').map((item) => [item.integration_slug, item.matched_by])).toEqual([['atlassian', 'username']]);
		expect(usersLists(ACCOUNTS.atlassian).at(-1)?.query).not.toHaveProperty('emails');
	});

	it('reads every user instead of the email filter when asked', async () => {
		const items = await run(find('maria.garcia@acme.com', { options: { readEveryUser: true } }));
		expect(where(items)).toHaveLength(4);
		expect(usersLists(ACCOUNTS.hubspot)[0].query).not.toHaveProperty('emails');
		expect(ofKind(items, 'account').every((item) => item.lookup === 'every user')).toBe(true);
	});

	it('offers no action on a read-only sandbox account', async () => {
		const items = await run(find('ava@acme.com', { accountScope: 'accounts', integratedAccounts: [ACCOUNTS.googleworkspace] }));
		expect(ofKind(items, 'account')[0]).toMatchObject({ actions: [], actions_note: expect.stringContaining('read-only') });
	});
});

describe('accounts that cannot be searched', () => {
	it('names an account whose listing fails, and still searches the others', async () => {
		sb.setFaults([{ kind: 'status', status: 403, times: -1, match: { path: '^/unified/user-directory/users$', accountId: ACCOUNTS.hubspot } }]);
		const items = await run(find('maria.garcia@acme.com'));
		expect(ofKind(items, 'not_checked').find((item) => item.account_id === ACCOUNTS.hubspot)).toMatchObject({ part: 'users', status: 'not_checked' });
		expect(where(items)).toHaveLength(3);
	});

	it("names an app whose capabilities do not list users", async () => {
		const body = { unified: { resources: [{ api_name: 'groups', model: 'user-directory', methods: ['list'] }] } };
		sb.setFaults([{ kind: 'status', status: 200, body, times: -1, match: { path: `^/integrated-account/${ACCOUNTS.hubspot}/capabilities$` } }]);
		const items = await run(find('maria.garcia@acme.com'));
		expect(ofKind(items, 'not_checked').find((item) => item.account_id === ACCOUNTS.hubspot)).toMatchObject({ reason: expect.stringContaining('does not list users') });
	});

	it('calls an account with a partial page only partly checked', async () => {
		sb.setFaults([{ kind: 'partial', times: -1, match: { path: '^/unified/user-directory/users$', accountId: ACCOUNTS.webex } }]);
		const items = await run(find('maria.garcia@acme.com', { options: { readEveryUser: true } }));
		expect(ofKind(items, 'not_checked').find((item) => item.account_id === ACCOUNTS.webex)).toMatchObject({ status: 'partly_checked', part: 'users' });
	});

	it('fails when no account at all can be searched, naming why', async () => {
		const error = await failure(run(find('maria.garcia@acme.com', { accountScope: 'accounts', integratedAccounts: [ACCOUNTS.okta, ACCOUNTS.blocked] })));
		expect(error?.message).toBe('No integrated account could be searched (2 tried)');
		expect(error?.description).toContain('reconnect');
	});
});

describe('bad input', () => {
	it.each([
		['', 'Emails is empty'],
		[' ; ', 'Emails is empty'],
		['maria.garcia@acme.com, maria', 'Emails has an entry that is not an email: "maria"'],
	])('refuses %j before any request', async (emails, message) => {
		const error = await failure(run(find(emails)));
		expect(error?.message).toBe(message);
		expect(error?.description).toBeTruthy();
		expect(unifiedRequests(sb, 'users')).toEqual([]);
	});

	it('refuses an empty list of chosen accounts, naming the field to set', async () => {
		const error = await failure(run(find('maria.garcia@acme.com', { accountScope: 'accounts', integratedAccounts: [] })));
		expect(error?.message).toBe('Integrated Accounts is empty');
		expect(error?.description).toBe('Choose the accounts to search, or set Accounts to Search to Every Integrated Account.');
	});
});
