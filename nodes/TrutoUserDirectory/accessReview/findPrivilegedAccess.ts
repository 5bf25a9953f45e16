import type { IDataObject } from 'n8n-workflow';

import { type AccountInfo, failsWholeAccount } from '../../shared/transport';
import { inItemOrder } from '../boundedConcurrency';
import { accountGap, accountRef, ACCOUNTS_SIDE_BY_SIDE, canList, eachPage, gapFrom, listQueries, partialGap, type ReadContext, USER } from '../estate/accountReader';
import { type IdentityDirectory, readIdentityProvider } from '../estate/identity';
import { notCheckedFindings, unknownAccount } from '../estate/outcomes';
import { accountsInScope, failWhenNoAccountRead, identityProviderInScope } from '../estate/scope';
import type { AccountOutcome, Gap } from '../estate/types';
import type { ExecutionScope } from '../execution';
import { withBinary } from '../feature';
import { readAccessReviewRequest } from './parameters';
import { appSummary, type Holder, holdersCsv, inOutputOrder, privilegedHolder, reviewSummary, roleMatcher } from './privilege';

/** User fields the seat review leaves out that this review reads. */
const READ_FIELDS = ['roles', 'is_2fa_enabled'];
/** User fields the seat review reads that this review does not: left out of every page, which is smaller to send, parse and forget. */
const UNREAD_FIELDS = ['licenses', 'groups', 'organizations', 'created_at'];

interface AccountResult {
	outcome: AccountOutcome;
	holders: Holder[];
}

/** One account's privileged users, page by page (only they are kept); what cannot be read is a gap. */
async function reviewAccount(
	context: ReadContext,
	info: AccountInfo,
	matches: (role: string) => boolean,
	identity: Promise<IdentityDirectory | undefined>,
	identityAccountId: string | undefined,
	now: number,
): Promise<AccountResult> {
	const account = accountRef(info);
	const notChecked = (gap: Gap): AccountResult => ({ outcome: { account, status: 'not_checked', gaps: [gap] }, holders: [] });
	const problem = await accountGap(context, info, 'to review access');
	if (problem) return notChecked(problem);
	if (!canList(await context.metadata.capabilities(info.id), USER.path)) {
		return notChecked({ part: 'users', reason: `${info.integration} does not list users through Truto, so who holds privileged rights there is unknown`, fix: "Review this app's admins in its own admin console." });
	}
	const queries = await listQueries(context, info, USER, 'users', READ_FIELDS, UNREAD_FIELDS);
	if (!Array.isArray(queries)) return notChecked(queries);
	// The identity provider's people are read once, before any app's admins are compared with them.
	const directory = info.id === identityAccountId ? undefined : await identity;
	const holders: Holder[] = [];
	try {
		const count = await eachPage(context, info.id, USER, queries, (page) => {
			for (const user of page) {
				const holder = privilegedHolder(user, account, matches, directory, now);
				if (holder) holders.push(holder);
			}
		});
		const partial = partialGap('users', count, 'some privileged users may be missing; those listed are real');
		return { outcome: { account, status: partial ? 'partly_checked' : 'checked', gaps: partial ? [partial] : [] }, holders };
	} catch (error) {
		return notChecked(gapFrom(failsWholeAccount(error) ? 'account' : 'users', error));
	}
}

/**
 * Access Review → Find Privileged Access: every account in scope read side by side for users with
 * admin rights (user_type admin, or a role named in Privileged Roles), compared with the identity
 * provider when one is chosen. One item per privileged user and app (flagged ones first, service
 * accounts last), one per account not (fully) checked, a summary per app, and a summary item that
 * can carry a CSV for auditors. Fails only when no account at all could be read.
 */
export async function findPrivilegedAccess(execution: ExecutionScope, itemIndex: number): Promise<IDataObject[]> {
	const request = readAccessReviewRequest(execution.context, itemIndex);
	const now = Date.now();
	const location = { node: execution.context.getNode(), itemIndex };
	const context: ReadContext = { client: execution.client, metadata: execution.metadata, location, organizations: new Map() };
	const scope = await accountsInScope(context, request.scope);
	const provider = await identityProviderInScope(context, request.identityProviderId);
	const identityRead = provider
		? 'info' in provider
			? readIdentityProvider(context, provider.info)
			: Promise.resolve({ outcome: unknownAccount(provider.id, 'identity provider') } as { directory?: IdentityDirectory; outcome: AccountOutcome })
		: undefined;
	const directory = identityRead ? identityRead.then((read) => read.directory) : Promise.resolve(undefined);
	const identityAccountId = provider && 'info' in provider ? provider.info.id : undefined;
	const matches = roleMatcher(request.roles);

	const results = await inItemOrder(scope.accounts.length, ACCOUNTS_SIDE_BY_SIDE, async (index): Promise<AccountResult> => {
		const scoped = scope.accounts[index];
		return 'info' in scoped ? await reviewAccount(context, scoped.info, matches, directory, identityAccountId, now) : { outcome: unknownAccount(scoped.id), holders: [] };
	});
	const outcomes = results.map((result) => result.outcome);
	failWhenNoAccountRead(location, outcomes, 'reviewed');
	const identity = identityRead ? await identityRead : undefined;
	const holders = inOutputOrder(results.flatMap((result) => result.holders));
	const summary = reviewSummary(holders, outcomes, {
		roles: request.roles,
		identity: identity ? { ...identity.outcome, people: identity.directory?.people ?? 0 } : undefined,
		unmatched: scope.unmatched,
		now,
	});
	const perApp = results.filter((result) => result.outcome.status !== 'not_checked').map((result) => appSummary(result.outcome, result.holders.map((holder) => holder.item)));
	const notChecked = [...(identity ? notCheckedFindings(identity.outcome) : []), ...outcomes.flatMap(notCheckedFindings)];
	if (request.csv) {
		const file = await execution.context.helpers.prepareBinaryData(Buffer.from(holdersCsv(holders), 'utf8'), `privileged-access-${new Date(now).toISOString().slice(0, 10)}.csv`, 'text/csv');
		withBinary(summary, { data: file });
	}
	return [...holders, ...notChecked, ...perApp, summary];
}
