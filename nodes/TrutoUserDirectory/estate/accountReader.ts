import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountProblem } from '../../shared/checks/accountChecks';
import { checkCall } from '../../shared/checks/preflight';
import type { ItemLocation } from '../../shared/parameters/itemLocation';
import { fieldNaming, isNodeQuery } from '../../shared/model/naming';
import { findResource } from '../../shared/model/resources';
import type { ResourceDefinition } from '../../shared/model/types';
import { type AccountInfo, type Capabilities, type MetadataCache, type TrutoClient, unifiedPath } from '../../shared/transport';
import type { AccountRef, Gap } from './types';

/**
 * Reading one integrated account for the review, through the node's client (its request budgets per
 * account and per token keep every account read side by side under Truto's limits). What cannot be
 * read becomes a Gap — what and why, and what to do — instead of failing the run.
 */

/**
 * Accounts read or acted on at the same time by the estate-wide operations. The transport's budgets (49 requests per 10.2 s per account,
 * 495 per token) decide how fast they really go; this only has to be large enough to fill the token's
 * budget while answers are slow (at 300 ms an account sends at most ~3 requests a second).
 */
export const ACCOUNTS_SIDE_BY_SIDE = 32;

/**
 * User fields the review never reads, left out of every answer (truto_exclude_fields): each page is
 * smaller to send, parse and forget. Apps that do not know a field ignore it.
 */
const UNREAD_USER_FIELDS = [
	'title',
	'phones',
	'roles',
	'organizations',
	'workspaces',
	'avatar',
	'timezone',
	'languages',
	'bio',
	'urls',
	'identifiers',
	'external_id',
	'is_2fa_enabled',
	'is_email_verified',
	'activated_at',
	'status_changed_at',
	'updated_at',
];

/** Query parameters that take an organization's ID: filled by reading the account's organizations. */
const ORGANIZATION_PARAMETERS = new Set(['organization_id', 'organizations', 'organization']);

export interface ReadContext {
	client: TrutoClient;
	metadata: MetadataCache;
	location: ItemLocation;
	/** Each account's organization IDs, read once per run when a listing needs them. */
	organizations: Map<string, Promise<string[]>>;
	/** The environment's accounts, listed once for all the items that share this holder. */
	environment?: { accounts?: Promise<IDataObject[]> };
}

export const LICENSE = findResource('license') as ResourceDefinition;
export const USER = findResource('user') as ResourceDefinition;

export function accountRef(info: AccountInfo): AccountRef {
	return { id: info.id, name: info.label, integration: info.integration, slug: info.slug };
}

/** An error as the reason and the fix of a gap: the node's own errors already say both. */
export function gapFrom(part: Gap['part'], error: unknown): Gap {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return { part, reason: error.message, fix: error.description || 'Run the review again later.' };
	}
	return { part, reason: String((error as Error)?.message ?? error), fix: 'Run the review again later.' };
}

/** Account-wide reasons nothing can be read (needs reauth, blocked), known before sending anything. */
export async function accountGap(context: ReadContext, info: AccountInfo, purpose = 'to review seats'): Promise<Gap | undefined> {
	const problem = accountProblem(info, await context.metadata.capabilityAccount(info.id), { writes: false, purpose });
	return problem ? { part: 'account', reason: problem.message, fix: problem.description } : undefined;
}

/**
 * Truto's metadata for listing these resources of the account, asked now, side by side with its
 * capabilities, so that a reader does not wait for it afterwards. Only for an account its listing
 * already shows usable; a blocked one (known from the capabilities) may get these metadata calls,
 * which Truto answers itself: no call reaches the app. The answers are kept for the run.
 */
export function askListingMetaEarly(context: ReadContext, info: AccountInfo, resources: ResourceDefinition[]): void {
	if (accountProblem(info, undefined, { writes: false, purpose: '' })) return;
	for (const resource of resources) void context.metadata.meta(info.id, resource.path, 'list');
}

/** Whether the account's capabilities list `list` on a resource (unknown capabilities: assume so). */
export function canList(capabilities: Capabilities | undefined, path: string): boolean {
	return !capabilities || (capabilities.get(path) ?? []).includes('list');
}

/**
 * The gap of a resource the app cannot list through Truto (its capabilities lack `list`): never a
 * silent skip. An app that lists licenses but has none is fully checked; one that cannot list them
 * is only partly checked, as its seats were never read.
 */
export function notListedGap(info: AccountInfo, part: 'users' | 'licenses'): Gap {
	return part === 'users'
		? {
				part,
				reason: `${info.integration} does not list users through Truto, so held seats cannot be checked`,
				fix: 'Review this app in its own admin console.',
			}
		: {
				part,
				reason: `${info.integration} does not list licenses through Truto, so its licenses were not read: unassigned and underused seats are unknown, and each user counts as one seat`,
				fix: "Review this app's licenses in its own admin console.",
			};
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The queries that together list a resource of this account. A parameter the integration requires is
 * filled in: an organization with each of the account's organizations (GitHub, Cisco Meraki, ClickUp
 * licenses), a parameter with listed values with each value (Microsoft 365's product). Each planned
 * call then passes the node's pre-flight check. A required parameter that cannot be filled is a gap.
 * `readFields` are user fields the caller reads after all (roles, is_2fa_enabled), kept in the answer;
 * `unreadFields` more user fields this caller never reads, also left out.
 */
export async function listQueries(
	context: ReadContext,
	info: AccountInfo,
	resource: ResourceDefinition,
	part: Gap['part'],
	readFields: string[] = [],
	unreadFields: string[] = [],
): Promise<IDataObject[] | Gap> {
	const base: IDataObject = { truto_ignore_remote_data: true };
	if (resource === USER) base.truto_exclude_fields = [...UNREAD_USER_FIELDS.filter((field) => !readFields.includes(field)), ...unreadFields];
	const meta = await context.metadata.meta(info.id, resource.path, 'list');
	let queries = [base];
	for (const spec of meta?.query ?? []) {
		if (!spec.required || isNodeQuery(spec.name) || present(meta?.defaultQuery[spec.name])) continue;
		let values: string[];
		try {
			values = ORGANIZATION_PARAMETERS.has(spec.name) ? await organizationIds(context, info) : (spec.enum ?? []);
		} catch (error) {
			return gapFrom(part, error);
		}
		if (values.length === 0) {
			const source = ORGANIZATION_PARAMETERS.has(spec.name) ? ', and the account lists no organizations' : '';
			return {
				part,
				reason: `${info.integration} needs ${spec.name} to list ${resource.plural}${source}, which the review cannot fill in`,
				fix: `Check this account with ${resource.name} → Get Many, giving ${spec.name} under Integration Parameters.`,
			};
		}
		queries = queries.flatMap((query) => values.map((value) => ({ ...query, [spec.name]: value })));
	}
	const naming = fieldNaming(resource, 'getAll');
	try {
		for (const query of queries) await checkCall(context.metadata, { resource, operation: 'getAll', accountId: info.id, query, naming }, context.location);
	} catch (error) {
		return gapFrom(part, error);
	}
	return queries;
}

/** The account's organization IDs, read once per run and account. */
function organizationIds(context: ReadContext, info: AccountInfo): Promise<string[]> {
	let pending = context.organizations.get(info.id);
	if (!pending) {
		pending = context.client
			.list({ path: unifiedPath('organizations'), accountId: info.id, query: { truto_ignore_remote_data: true }, itemIndex: context.location.itemIndex })
			.then((records) => records.map((record) => record.id).filter(present).map(String));
		context.organizations.set(info.id, pending);
	}
	return pending;
}

/** Pages read and pages Truto flagged partial (is_partial_response) while listing. */
export interface PageCount {
	pages: number;
	partial: number;
}

/**
 * Every page of a resource over the planned queries, each handed to `take` as it arrives. With several
 * queries (one per organization) a record listed twice is taken once. `take` must not keep the array:
 * it is emptied once taken, because the suspended page walk still refers to it while the next page is
 * awaited, long enough for the records to be moved to the old generation and pile up there as garbage
 * (measured: ~35 MB of peak memory less for 100,000 users, docs/benchmarks.md).
 */
export async function eachPage(
	context: ReadContext,
	accountId: string,
	resource: ResourceDefinition,
	queries: IDataObject[],
	take: (records: IDataObject[]) => void,
): Promise<PageCount> {
	const seen = queries.length > 1 ? new Set<string>() : undefined;
	const count: PageCount = { pages: 0, partial: 0 };
	for (const query of queries) {
		const request = { path: unifiedPath(resource.path), accountId, query, itemIndex: context.location.itemIndex, describeParameter: fieldNaming(resource, 'getAll').query };
		for await (const page of context.client.pages(request)) {
			count.pages++;
			if (page.partial) count.partial++;
			const records = seen
				? page.records.filter((record) => {
						const id = String(record.id);
						if (seen.has(id)) return false;
						seen.add(id);
						return true;
					})
				: page.records;
			take(records);
			records.length = 0;
			page.records.length = 0;
		}
	}
	return count;
}

/** A listing Truto marked partial: what was read is real, but some records may be missing. */
export function partialGap(part: Gap['part'], count: PageCount, consequence: string): Gap | undefined {
	if (count.partial === 0) return undefined;
	return {
		part,
		reason: `Truto marked ${count.partial} of ${count.pages} page${count.pages === 1 ? '' : 's'} as partial (is_partial_response): the app returned less than it has, so ${consequence}`,
		fix: 'Run the review again later for a complete answer.',
	};
}
