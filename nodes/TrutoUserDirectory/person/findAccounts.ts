import { type IDataObject, sleep } from 'n8n-workflow';

import { type AccountInfo, type Capabilities, failsWholeAccount } from '../../shared/transport';
import { inItemOrder } from '../boundedConcurrency';
import { accountGap, accountRef, askListingMetaEarly, canList, eachPage, gapFrom, LICENSE, listQueries, partialGap, type ReadContext, USER } from '../estate/accountReader';
import { LicenseBook } from '../estate/licenses';
import { notCheckedFindings, unknownAccount } from '../estate/outcomes';
import { accountsInScope, failWhenNoAccountRead, type Scope, type ScopedAccount } from '../estate/scope';
import type { AccountOutcome, Gap, PriceSettings } from '../estate/types';
import type { ExecutionScope } from '../execution';
import { emailMatcher, foundItem, type Match, personSummary, supportedActions } from './match';
import { type PersonRequest, readPersonRequest } from './parameters';

/**
 * At most this many different emails in one run are each asked of an app with its email filter (one
 * request per email and account); with more, every account is read once, user by user, and every
 * email matched against it: fewer requests, and the same answer.
 */
export const EMAIL_FILTER_AT_MOST = 5;

/**
 * Accounts searched at the same time. Searching one account takes a few requests (its capabilities and
 * users' metadata, the lookup, its licenses where someone is found), so every account of a page of the
 * environment's listing (100) is asked at once: the transport's budgets per account and per token pace
 * them, and one person across many apps takes about as long as one app.
 */
const ACCOUNTS_SEARCHED_SIDE_BY_SIDE = 100;

/**
 * Requests of one account's search besides its email lookups: capabilities, the users' and the
 * licenses' metadata, and the licenses.
 */
const REQUESTS_BESIDES_LOOKUPS = 4;

/** User fields read besides what the seat review reads: each match shows its roles. */
const READ_FIELDS = ['roles', 'title'];

/** Only the apps' own prices price a seat found here: nothing is entered on this operation. */
const PRICES_ONLY: PriceSettings = { prices: [] };

/**
 * Two turns of the event loop: requests asked before it have left by then. n8n prepares each request
 * on the CPU (about 1 ms in n8n 2.41) and a request leaves only once the event loop polls its
 * connection, so requests asked together all wait for the last one's preparation. Requests an answer
 * waits for are asked first, those that can wait (the licenses) after this.
 */
async function afterRequestsLeave(): Promise<void> {
	await sleep(0);
	await sleep(0);
}

type Found = { match: Match; user: IDataObject };
/** Users found in one reading, by the email they matched: each item takes only its own emails' users. */
type Search = { found: Map<string, Found[]>; gaps: Gap[] } | { gap: Gap };
/** What searching an account needs, found out once per run: its capabilities and the queries listing its users. */
type Prepared = { capabilities: Capabilities | undefined; queries: IDataObject[] };

/**
 * What the items of one run share: every item's parameters read once, the environment's accounts
 * listed once, each account prepared once and read (or asked for an email) once, its licenses once.
 */
class PersonRun {
	/** Each item's request, or the error that item fails with; read by readEveryRequest. */
	private readonly requests: Array<PersonRequest | Error | undefined>;

	private everyEmail: Set<string> | undefined;

	private everyRequestRead: Promise<void> | undefined;

	/** The accounts in scope of the item that started the run, asked for before the others were read. */
	private firstListing: { itemIndex: number; scope: Promise<Scope> } | undefined;

	readonly prepared = new Map<string, Promise<Prepared | Gap>>();

	readonly organizations = new Map<string, Promise<string[]>>();

	readonly environment: NonNullable<ReadContext['environment']> = {};

	readonly searches = new Map<string, Promise<Search>>();

	readonly books = new Map<string, Promise<{ book: LicenseBook; gap?: Gap }>>();

	/** Whether the licenses go alongside the email lookups: decided once, for the run's first scope. */
	private licensesWithLookups: boolean | undefined;

	constructor(private readonly execution: ExecutionScope) {
		this.requests = new Array(execution.context.getInputData().length);
	}

	private read(itemIndex: number): PersonRequest | Error {
		let request = this.requests[itemIndex];
		if (request === undefined) {
			try {
				request = readPersonRequest(this.execution.context, itemIndex);
			} catch (error) {
				request = error as Error;
			}
			this.requests[itemIndex] = request;
		}
		return request;
	}

	/**
	 * Reads every item's request, once per run. n8n evaluates each item's expressions (about 0.7 ms an
	 * item in n8n 2.41): with many items the first one's account listing is sent first, and the others
	 * are read while it is answered.
	 */
	readEveryRequest(firstItem: number, context: ReadContext): Promise<void> {
		this.everyRequestRead ??= (async () => {
			const first = this.read(firstItem);
			if (!(first instanceof Error)) {
				const scope = accountsInScope(context, first.scope);
				// Awaited by its item (scopeOf); until then a failure must not count as unhandled.
				scope.catch(() => undefined);
				this.firstListing = { itemIndex: firstItem, scope };
			}
			await afterRequestsLeave();
			for (let itemIndex = 0; itemIndex < this.requests.length; itemIndex++) this.read(itemIndex);
		})();
		return this.everyRequestRead;
	}

	/** The accounts in scope of an item: listed once for the run (estate/scope.ts), the first item's already asked for. */
	scopeOf(itemIndex: number, context: ReadContext, request: PersonRequest): Promise<Scope> {
		if (this.firstListing?.itemIndex === itemIndex) return this.firstListing.scope;
		return accountsInScope(context, request.scope);
	}

	/** The item's request (after readEveryRequest); an item whose parameters cannot be read fails with its own error. */
	requestOf(itemIndex: number): PersonRequest {
		const request = this.read(itemIndex);
		if (request instanceof Error) throw request;
		return request;
	}

	/** The emails every item of the run asks for (after readEveryRequest). */
	get wanted(): Set<string> {
		this.everyEmail ??= new Set(this.requests.flatMap((request) => (request === undefined || request instanceof Error ? [] : request.emails)));
		return this.everyEmail;
	}

	/** Whether the run asks for more emails than the email filter is asked for: every account is then read user by user. */
	get readsEveryUser(): boolean {
		return this.wanted.size > EMAIL_FILTER_AT_MOST;
	}

	/**
	 * Whether each account's licenses (their metadata, their listing) are read alongside its email
	 * lookups rather than after a match: a found seat is then priced without another wait. Only when
	 * the token's budget has room for the whole search at once, so that reading ahead never holds a
	 * lookup back; it costs two requests per account where nobody is found.
	 */
	readsLicensesWithLookups(accounts: number): boolean {
		this.licensesWithLookups ??= !this.readsEveryUser && this.execution.client.tokenRoom() >= accounts * (REQUESTS_BESIDES_LOOKUPS + this.wanted.size);
		return this.licensesWithLookups;
	}

	once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
		let pending = cache.get(key);
		if (!pending) cache.set(key, (pending = make()));
		return pending;
	}
}

const runs = new WeakMap<ExecutionScope, PersonRun>();

function runOf(execution: ExecutionScope): PersonRun {
	let run = runs.get(execution);
	if (!run) runs.set(execution, (run = new PersonRun(execution)));
	return run;
}

/** The name the account's list metadata gives the users' email filter (emails, or email in a few apps). */
async function emailFilterName(context: ReadContext, info: AccountInfo): Promise<string | undefined> {
	const names = new Set((await context.metadata.meta(info.id, USER.path, 'list'))?.query.map((spec) => spec.name) ?? []);
	return ['emails', 'email'].find((name) => names.has(name));
}

/** Users listed with the planned queries, as matches of the emails wanted; a failure is a gap. */
async function search(context: ReadContext, info: AccountInfo, queries: IDataObject[], wanted: string[], usernames: boolean, afterPage = (): void => {}): Promise<Search> {
	const found = new Map<string, Found[]>();
	const matchesOf = emailMatcher(wanted, usernames);
	try {
		const count = await eachPage(context, info.id, USER, queries, (page) => {
			for (const user of page) {
				for (const match of matchesOf(user)) {
					const users = found.get(match.email);
					if (users) users.push({ match, user });
					else found.set(match.email, [{ match, user }]);
				}
			}
			afterPage();
		});
		const partial = partialGap('users', count, 'the person may have a user there that was not listed');
		return { found, gaps: partial ? [partial] : [] };
	} catch (error) {
		return { gap: gapFrom(failsWholeAccount(error) ? 'account' : 'users', error) };
	}
}

/** The account's licenses, for the prices of the seats a match holds; read once per run. */
function licenseBook(run: PersonRun, context: ReadContext, info: AccountInfo, listsLicenses: boolean): Promise<{ book: LicenseBook; gap?: Gap }> {
	return run.once(run.books, info.id, async () => {
		const book = new LicenseBook(accountRef(info), PRICES_ONLY);
		if (!listsLicenses) return { book };
		const queries = await listQueries(context, info, LICENSE, 'licenses');
		if (!Array.isArray(queries)) return { book, gap: { ...queries, reason: `${queries.reason}; licenses are named without prices` } };
		try {
			await eachPage(context, info.id, LICENSE, queries, (page) => book.add(page));
			return { book };
		} catch (error) {
			const gap = gapFrom('licenses', error);
			return { book, gap: { ...gap, reason: `${gap.reason}; licenses are named without prices` } };
		}
	});
}

interface AccountResult {
	outcome: AccountOutcome;
	items: IDataObject[];
	lookup?: 'email filter' | 'every user';
}

/** Whether and how an account can be searched, found out once per run; why not as a gap. */
function prepareAccount(run: PersonRun, context: ReadContext, info: AccountInfo, licensesMetaEarly: boolean): Promise<Prepared | Gap> {
	return run.once(run.prepared, info.id, async () => {
		// The listing metadata is asked side by side with the capabilities: the pre-flight check of the
		// lookup needs both (a blocked account, the listing's required parameters), and the email
		// filter's name is in the users' metadata. The licenses' too when they go with the lookups, or
		// when every user is read (then nearly every account has someone): Truto answers it itself, and
		// the licenses are then read in one step instead of two. Asked once the requests the lookup waits
		// for have left.
		askListingMetaEarly(context, info, [USER]);
		if (licensesMetaEarly) void afterRequestsLeave().then(() => askListingMetaEarly(context, info, [LICENSE]));
		const problem = await accountGap(context, info, 'to search for people');
		if (problem) return problem;
		const capabilities = await context.metadata.capabilities(info.id);
		if (!canList(capabilities, USER.path)) {
			return { part: 'users', reason: `${info.integration} does not list users through Truto, so whether the person has a user there is unknown`, fix: 'Check this app in its own admin console.' };
		}
		const queries = await listQueries(context, info, USER, 'users', READ_FIELDS);
		return Array.isArray(queries) ? { capabilities, queries } : queries;
	});
}

/** One account: the person's users there, or why it could not be checked. */
async function searchAccount(run: PersonRun, context: ReadContext, info: AccountInfo, request: PersonRequest, now: number, licensesWithLookups: boolean): Promise<AccountResult> {
	const account = accountRef(info);
	const notChecked = (gap: Gap): AccountResult => ({ outcome: { account, status: 'not_checked', gaps: [gap] }, items: [] });
	const prepared = await prepareAccount(run, context, info, licensesWithLookups || run.readsEveryUser);
	if (!('queries' in prepared)) return notChecked(prepared);
	const { capabilities, queries } = prepared;
	const listsLicenses = canList(capabilities, LICENSE.path);

	const filter = request.readEveryUser || request.matchUsernames || run.readsEveryUser ? undefined : await emailFilterName(context, info);
	// The licenses price the seats of a user found. They are read after a match, or earlier where that
	// costs no waiting: with the email lookups when the token's budget has room for the whole search
	// (PersonRun); reading every user, as soon as the token's budget runs out, when the reading has to
	// wait for it anyway (one page at a time) and the licenses wait with it. Read early, they are used,
	// and a failure to read them reported, only where someone is found.
	if (filter && licensesWithLookups) void afterRequestsLeave().then(() => licenseBook(run, context, info, listsLicenses));
	const whenBudgetRunsOut = (): void => {
		if (context.client.tokenRoom() === 0) void licenseBook(run, context, info, listsLicenses);
	};
	const searches: Search[] = filter
		? await Promise.all(
				request.emails.map((email) =>
					run.once(run.searches, `${info.id} ${filter} ${email}`, () => search(context, info, queries.map((query) => ({ ...query, [filter]: email })), [email], false)),
				),
			)
		: // Every email of the run is matched in one reading (usernames too: each item keeps the matches it asked for).
			[await run.once(run.searches, `${info.id} *`, () => search(context, info, queries, [...run.wanted], true, whenBudgetRunsOut))];

	const failed = searches.find((result): result is { gap: Gap } => 'gap' in result);
	if (failed) return notChecked(failed.gap);
	const gaps = searches.flatMap((result) => ('gaps' in result ? result.gaps : []));
	// In the order asked; a user found by two lookups of one email (or one reading) once.
	const seen = new Set<string>();
	const found = request.emails
		.flatMap((email) => searches.flatMap((result) => ('found' in result ? (result.found.get(email) ?? []) : [])))
		.filter(({ match, user }) => {
			const key = `${match.email} ${String(user.id)}`;
			if ((match.by === 'username' && !request.matchUsernames) || seen.has(key)) return false;
			seen.add(key);
			return true;
		});

	const items: IDataObject[] = [];
	if (found.length) {
		const { book, gap } = await licenseBook(run, context, info, listsLicenses);
		if (gap) gaps.push(gap);
		const lookup = filter ? `email filter (${filter})` : 'every user';
		for (const { match, user } of found) items.push(foundItem(match, user, account, book, supportedActions(capabilities, info.isSandbox, user), lookup, now));
	}
	return { outcome: { account, status: gaps.length ? 'partly_checked' : 'checked', gaps }, items, lookup: filter ? 'email filter' : 'every user' };
}

/**
 * Person → Find Accounts: every account in scope searched side by side for the emails of the item.
 * One item per user found (an email can be two users of one app), one per account not (fully)
 * checked, and a summary item. Fails only when no account at all could be searched.
 */
export async function findAccounts(execution: ExecutionScope, itemIndex: number): Promise<IDataObject[]> {
	const run = runOf(execution);
	const location = { node: execution.context.getNode(), itemIndex };
	const context: ReadContext = { client: execution.client, metadata: execution.metadata, location, organizations: run.organizations, environment: run.environment };
	await run.readEveryRequest(itemIndex, context);
	const request = run.requestOf(itemIndex);
	const now = Date.now();
	const scope = await run.scopeOf(itemIndex, context, request);
	const licensesWithLookups = run.readsLicensesWithLookups(scope.accounts.length);

	const results = await inItemOrder(scope.accounts.length, ACCOUNTS_SEARCHED_SIDE_BY_SIDE, async (index): Promise<AccountResult> => {
		const scoped: ScopedAccount = scope.accounts[index];
		return 'info' in scoped ? await searchAccount(run, context, scoped.info, request, now, licensesWithLookups) : { outcome: unknownAccount(scoped.id), items: [] };
	});
	const outcomes = results.map((result) => result.outcome);
	failWhenNoAccountRead(location, outcomes, 'searched');
	const found = results.flatMap((result) => result.items);
	const lookups = { filtered: results.filter((result) => result.lookup === 'email filter').length, read: results.filter((result) => result.lookup === 'every user').length };
	const summary = personSummary(request.emails, found, outcomes, lookups, now);
	if (scope.unmatched.length) summary.unmatched_integrations = scope.unmatched;
	return [...results.flatMap((result) => [...result.items, ...notCheckedFindings(result.outcome)]), summary];
}
