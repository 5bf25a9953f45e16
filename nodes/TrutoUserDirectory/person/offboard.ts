import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { AccountInfo } from '../../shared/transport';
import { allDryRun, errorItem, itemError, onePerAccount, readEveryItem, scopeFor, unknownAccount, withSummary } from '../actions/batch';
import { OFFBOARD_OUTCOMES, type OffboardOutcome, type OffboardResult, offboardResult, offboardUser } from '../actions/offboardAction';
import { countOutcomes, inFieldOrder, outcomeHead, outcomesLine, plannedTitle, summaryFields, textOrNull as str } from '../actions/summary';
import { inItemOrder, ITEM_CONCURRENCY } from '../boundedConcurrency';
import type { ExecutionScope } from '../execution';
import { ACCOUNTS_SIDE_BY_SIDE } from '../estate/accountReader';
import { findAccounts } from './findAccounts';
import { type OffboardItem, readOffboardItem } from './offboardParameters';

/** Every item of Offboard has these fields, in this order, null where they do not apply. */
export const OFFBOARD_FIELDS = [
	'kind',
	'outcome',
	'title',
	'reason',
	'email',
	'account_id',
	'account_name',
	'integration',
	'integration_slug',
	'user_id',
	'user_name',
	'user_email',
	'dry_run',
	'actions',
	'steps',
	'previous_status',
	'status_now',
	'groups_before',
	'groups_after',
	'delete_available',
	'undo',
	'irreversible',
	'error',
	'hint',
	'checked_at',
	// The summary item's own
	'text',
	'outcomes',
	'still_active_in',
] as const;

const OUTCOME_WORDS: Record<OffboardOutcome, string> = {
	offboarded: 'offboarded and verified',
	already_inactive: 'already inactive',
	still_active: 'still active',
	not_verified: 'accepted, not verified',
	failed: 'failed',
	skipped: 'skipped, left to check by hand',
	planned: 'planned (dry run)',
};

/** The outcomes that leave something to do by hand: the summary's "still active in X: reason". */
const LEFT_TO_DO: OffboardOutcome[] = ['still_active', 'not_verified', 'failed', 'skipped'];

const complete = inFieldOrder(OFFBOARD_FIELDS);

/** One user to offboard (or one account that could not be searched), with where it came from. */
interface Target {
	itemIndex: number;
	accountId: string;
	settings: OffboardItem['settings'];
	/** The account item of Find Accounts (or an Offboard outcome) that names the user. */
	account: IDataObject;
}

function outcomeItem(target: Target, info: AccountInfo | undefined, result: OffboardResult, now: number): IDataObject {
	const found = target.account;
	const who = str(found.user_name) ?? str(found.user_email) ?? str(found.email) ?? (str(found.user_id) ? `User ${String(found.user_id)}` : undefined);
	const { where, fields } = outcomeHead(info, found, String(found.account_id));
	return complete({
		kind: 'offboard_outcome',
		title: `${who ? `${who} (${where})` : where}: ${OUTCOME_WORDS[result.outcome]}`,
		email: str(found.email) ?? str(found.user_email),
		...fields,
		account_name: where,
		integration_slug: info?.slug ?? str(found.integration_slug),
		user_id: str(found.user_id),
		dry_run: target.settings.dryRun,
		actions: result.steps.map((step) => step.action),
		...result,
		checked_at: new Date(now).toISOString(),
	});
}

/** An account Find Accounts could not (fully) search: the person may have a user there, left to check by hand. */
function notSearched(account: IDataObject): OffboardResult {
	const fix = str(account.fix);
	return offboardResult('skipped', `Could not be searched for the person (${String(account.reason ?? 'no reason given')}), so nothing was sent${fix ? `: ${fix}` : ''}`);
}

/** The summary: counts per outcome, what is still active and why, and a digest ready to post. */
function summaryItem(outcomes: IDataObject[], dryRun: boolean, now: number): IDataObject {
	const counts = countOutcomes(OFFBOARD_OUTCOMES, outcomes);
	const left = outcomes.filter((item) => LEFT_TO_DO.includes(item.outcome as OffboardOutcome));
	const stillActiveIn = left.map((item) => ({
		account: item.account_name,
		account_id: item.account_id,
		user: item.user_email ?? item.email ?? item.user_id ?? null,
		outcome: item.outcome,
		reason: item.error ? `${String(item.reason)}: ${String(item.error)}` : item.reason,
		delete_available: item.delete_available,
	}));
	const title =
		dryRun && counts.planned
			? plannedTitle('Offboarding', counts.planned, 'account')
			: `Offboarding: ${counts.offboarded} offboarded, ${counts.already_inactive} already inactive, ${left.length} left to do by hand`;
	const lines = [
		outcomesLine(counts),
		...(left.length
			? ['Still active (or not known) — left to do by hand:', ...stillActiveIn.map((entry) => `• still active in ${String(entry.account)}${entry.user ? ` (${String(entry.user)})` : ''}: ${String(entry.reason)}`)]
			: []),
	];
	return complete({
		...summaryFields(title, lines, dryRun, counts, now),
		still_active_in: stillActiveIn,
	});
}

/**
 * The targets of one item: with Input: Emails, the accounts Find Accounts finds (its own reading,
 * shared by the items of the run); with Accounts Found, the item itself.
 */
async function targetsOf(execution: ExecutionScope, item: OffboardItem): Promise<Target[]> {
	if (item.input === 'accounts') return [{ itemIndex: item.itemIndex, accountId: String(item.account?.account_id), settings: item.settings, account: item.account as IDataObject }];
	const found = await findAccounts(execution, item.itemIndex);
	// An account that could not be searched names no email: it is about every email of the item.
	const emails = (found.find((entry) => entry.kind === 'summary')?.emails as string[] | undefined)?.join(', ');
	return found
		.filter((entry) => entry.kind !== 'summary')
		.map((account) => ({ itemIndex: item.itemIndex, accountId: String(account.account_id), settings: item.settings, account: account.email ? account : { ...account, email: emails } }));
}

/**
 * Person → Offboard, over all input items at once: each item read and checked first (a bad item stops
 * the run before any write, or is an error item with On Error → Continue); then per account one user
 * at a time, accounts side by side within the request budgets, each user looked at, offboarded step by
 * step and read back (actions/offboardAction.ts). A failed user is a `failed` item, never a stop.
 * The summary comes last.
 */
export async function offboard(execution: ExecutionScope, itemIndices: number[]): Promise<INodeExecutionData[]> {
	const { context } = execution;
	const now = Date.now();
	const { work: items, errors } = readEveryItem(context, itemIndices, (itemIndex) => readOffboardItem(context, itemIndex));
	// Finding the accounts only reads; every item's targets are known before the first write.
	const found = await inItemOrder(items.length, ITEM_CONCURRENCY, async (index) => {
		try {
			return await targetsOf(execution, items[index]);
		} catch (error) {
			// As a bad item: the run stops before any write, or with On Error → Continue the item is an error item of its own.
			const { itemIndex } = items[index];
			const described = itemError(context, error, itemIndex);
			if (!context.continueOnFail()) throw described;
			errors.set(itemIndex, errorItem(context, described, itemIndex));
			return [];
		}
	});
	// A user found twice (by two of the person's emails, or given twice) is offboarded once.
	const seen = new Set<string>();
	const targets = found.flat().filter((target) => {
		const key = `${target.accountId} ${target.account.kind === 'not_checked' ? '' : String(target.account.user_id)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});

	const outcomeOf = new Map<Target, IDataObject>();
	await onePerAccount(execution, targets, ACCOUNTS_SIDE_BY_SIDE, async (target, info) => {
		let result: OffboardResult;
		if (target.account.kind === 'not_checked') result = notSearched(target.account);
		else if (!info) result = offboardResult('failed', unknownAccount(target.accountId));
		else {
			result = await offboardUser(
				scopeFor(execution, target.itemIndex),
				info,
				{ accountId: target.accountId, userId: String(target.account.user_id), allowDelete: target.settings.allowDelete, removeFromGroups: target.settings.removeFromGroups, dryRun: target.settings.dryRun },
			);
		}
		outcomeOf.set(target, outcomeItem(target, info, result, now));
	});

	const results = new Map<number, IDataObject[]>();
	for (const target of targets) results.set(target.itemIndex, [...(results.get(target.itemIndex) ?? []), outcomeOf.get(target) as IDataObject]);
	return withSummary(itemIndices, results, errors, 'offboard_outcome', (outcomes) => summaryItem(outcomes, allDryRun(items.map((item) => item.settings)), now));
}
