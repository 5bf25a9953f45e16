import type { IDataObject } from 'n8n-workflow';

import { inItemOrder } from '../boundedConcurrency';
import type { ScopedAccount } from '../estate/scope';
import { type AccountInfo, failsWholeAccount } from '../../shared/transport';
import {
	accountGap,
	accountRef,
	ACCOUNTS_SIDE_BY_SIDE,
	canList,
	eachPage,
	gapFrom,
	LICENSE,
	listQueries,
	notListedGap,
	partialGap,
	type ReadContext,
	USER,
} from '../estate/accountReader';
import { type IdentityDirectory, readIdentityProvider } from '../estate/identity';
import { notCheckedFindings, unknownAccount } from '../estate/outcomes';
import type { AccountOutcome, AccountStatus, Gap } from '../estate/types';
import { completeFinding } from './analysis/fields';
import { reclaimSupport } from './analysis/reclaim';
import { AccountReview } from './analysis/review';
import { SummaryTally } from './analysis/summary';
import type { Finding, ReclamationSettings, ReviewOutcome } from './analysis/types';

export interface EstateResult {
	/** Account by account, in scope order; empty when the findings were only counted. */
	findings: Finding[];
	/** Every finding counted for the summary, kept or not. */
	tally: SummaryTally;
	outcomes: ReviewOutcome[];
	identity?: { directory?: IdentityDirectory; outcome: AccountOutcome };
}

/** Findings are handed on as they are made: kept for the output, or only counted. */
type Emit = (findings: Finding[]) => void;

/** One account's review: what could not be read becomes a gap, never a failure of the run. */
async function reviewAccount(
	context: ReadContext,
	info: AccountInfo,
	settings: ReclamationSettings,
	identity: Promise<IdentityDirectory | undefined>,
	identityAccountId: string | undefined,
	emit: Emit,
): Promise<ReviewOutcome> {
	const account = accountRef(info);
	const problem = await accountGap(context, info);
	if (problem) return { account, status: 'not_checked', gaps: [problem] };
	const capabilities = await context.metadata.capabilities(info.id);
	// A status update frees a seat only where the account's update metadata takes a status field.
	const updateMeta = !info.isSandbox && capabilities?.get(USER.path)?.includes('update') ? await context.metadata.meta(info.id, USER.path, 'update') : undefined;
	const review = new AccountReview(account, settings, reclaimSupport(capabilities, info.isSandbox, updateMeta));
	const gaps: Gap[] = [];
	let licensesRead = false;
	// What listing users needs is looked up while the licenses are read (one answer time less per account).
	const userQueries = canList(capabilities, USER.path) ? listQueries(context, info, USER, 'users') : undefined;

	// Licenses first (few, and their prices price the users' seats). An app that cannot list them is
	// only partly checked; one that lists none is checked (each user then counts as one seat).
	if (!canList(capabilities, LICENSE.path)) gaps.push(notListedGap(info, 'licenses'));
	else {
		const queries = await listQueries(context, info, LICENSE, 'licenses');
		if (Array.isArray(queries)) {
			const records: IDataObject[] = [];
			try {
				const count = await eachPage(context, info.id, LICENSE, queries, (page) => records.push(...page));
				emit(review.licenses(records));
				licensesRead = true;
				const partial = partialGap('licenses', count, 'seat counts may be missing');
				if (partial) gaps.push(partial);
			} catch (error) {
				// After an account-wide failure (ACCOUNT_WIDE_FAILURE_CODES) the account's users are not asked for as well.
				if (failsWholeAccount(error)) return { account, status: 'not_checked', gaps: [gapFrom('account', error)] };
				gaps.push(gapFrom('licenses', error));
			}
		} else gaps.push(queries);
	}

	let usersRead = false;
	if (!userQueries) gaps.push(notListedGap(info, 'users'));
	else {
		const queries = await userQueries;
		if (Array.isArray(queries)) {
			// The identity provider's people are read once, before any app's users are compared with them.
			const directory = info.id === identityAccountId ? undefined : await identity;
			try {
				const count = await eachPage(context, info.id, USER, queries, (page) => emit(review.usersPage(page, directory)));
				usersRead = true;
				const partial = partialGap('users', count, 'some users may be missing; the findings listed are real');
				if (partial) gaps.push(partial);
			} catch (error) {
				gaps.push(gapFrom('users', error));
			}
		} else gaps.push(queries);
	}
	const finished = review.finish();
	emit(finished.findings);
	const status: AccountStatus = gaps.length === 0 ? 'checked' : usersRead || licensesRead ? 'partly_checked' : 'not_checked';
	return { account, status, gaps, stats: usersRead ? finished.stats : undefined };
}

/**
 * Reviews every account in scope, side by side within the request budgets, the identity provider's
 * people read first. Findings come back account by account, in scope order, each account's license
 * findings before its users', followed by a "not checked" item when it could not be read fully.
 * `keepFindings: false` only counts them for the summary: memory then stays flat however many there are.
 */
export async function reviewEstate(
	context: ReadContext,
	accounts: ScopedAccount[],
	settings: ReclamationSettings,
	identityProvider: ScopedAccount | undefined,
	options: { keepFindings: boolean; write?: (finding: Finding) => void } = { keepFindings: true },
): Promise<EstateResult> {
	let identityRead: Promise<{ directory?: IdentityDirectory; outcome: AccountOutcome }> | undefined;
	if (identityProvider && settings.types.has('orphanedAccount')) {
		identityRead =
			'info' in identityProvider
				? readIdentityProvider(context, identityProvider.info)
				: Promise.resolve({ outcome: unknownAccount(identityProvider.id, 'identity provider') });
	}
	const directory = identityRead ? identityRead.then((read) => read.directory) : Promise.resolve(undefined);
	const identityAccountId = identityProvider && 'info' in identityProvider ? identityProvider.info.id : undefined;
	const tally = new SummaryTally();
	const kept: Finding[][] = accounts.map(() => []);
	const outcomes = await inItemOrder(accounts.length, ACCOUNTS_SIDE_BY_SIDE, async (index) => {
		const scoped = accounts[index];
		const emit: Emit = (findings) => {
			for (const finding of findings) tally.add(finding);
			if (options.keepFindings) kept[index].push(...findings.map((finding) => completeFinding(finding, settings.now)));
			// Written out as they come (a CSV file), never kept.
			else if (options.write) for (const finding of findings) options.write(completeFinding(finding, settings.now));
		};
		const outcome = 'info' in scoped ? await reviewAccount(context, scoped.info, settings, directory, identityAccountId, emit) : unknownAccount(scoped.id);
		const notChecked = notCheckedFindings(outcome).map((finding) => completeFinding(finding, settings.now));
		if (options.keepFindings) kept[index].push(...notChecked);
		else if (options.write) notChecked.forEach(options.write);
		return outcome;
	});
	return { findings: kept.flat(), tally, outcomes, identity: identityRead ? await identityRead : undefined };
}
