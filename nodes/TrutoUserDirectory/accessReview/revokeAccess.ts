import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { AccountInfo } from '../../shared/transport';
import { allDryRun, onePerAccount, readEveryItem, scopeFor, unknownAccount, withSummary } from '../actions/batch';
import { REVOKE_OUTCOMES, revokeRights, type RevokeOutcome, type RightResult, rightResult } from '../actions/revoke';
import { attentionLines, countOutcomes, inFieldOrder, outcomeHead, outcomesLine, plannedTitle, plural, summaryFields, textOrNull } from '../actions/summary';
import type { ExecutionScope } from '../execution';
import { ACCOUNTS_SIDE_BY_SIDE } from '../estate/accountReader';
import { readRevokeItem, type RevokeItem } from './revokeParameters';

/** Every item of Revoke Access has these fields, in this order, null where they do not apply. */
export const REVOKE_FIELDS = [
	'kind',
	'outcome',
	'title',
	'reason',
	'account_id',
	'account_name',
	'integration',
	'user_id',
	'user_name',
	'user_email',
	'right',
	'right_type',
	'right_id',
	'dry_run',
	'method',
	'requests',
	'idempotency_keys',
	'previous_state',
	'state_now',
	'undo',
	'error',
	'hint',
	'checked_at',
	// The summary item's own
	'text',
	'outcomes',
	'needs_attention',
] as const;

const OUTCOME_WORDS: Record<RevokeOutcome, string> = {
	revoked: 'revoked and verified',
	not_verified: 'accepted, not verified',
	still_held: 'accepted, but still held',
	failed: 'failed',
	skipped: 'skipped',
	planned: 'planned (dry run)',
};

const complete = inFieldOrder(REVOKE_FIELDS);

function outcomeItem(item: RevokeItem, account: AccountInfo | undefined, right: RightResult, now: number): IDataObject {
	const finding = item.finding ?? {};
	const who = textOrNull(finding.user_name) ?? textOrNull(finding.user_email) ?? (item.userId ? `User ${item.userId}` : 'Nobody');
	const { where, fields } = outcomeHead(account, finding, item.accountId);
	return complete({
		kind: 'revoke_outcome',
		title: `${who} (${where}): ${right.right} ${OUTCOME_WORDS[right.outcome]}`,
		...fields,
		user_id: item.userId || null,
		dry_run: item.dryRun,
		...right,
		checked_at: new Date(now).toISOString(),
	});
}

/** The summary: counts per outcome, what needs a look, and a digest ready to post. */
function summaryItem(outcomes: IDataObject[], dryRun: boolean, now: number): IDataObject {
	const counts = countOutcomes(REVOKE_OUTCOMES, outcomes);
	const attention = outcomes.filter((item) => ['still_held', 'failed', 'not_verified', 'skipped'].includes(String(item.outcome)));
	const title =
		dryRun && counts.planned
			? plannedTitle('Access revocation', counts.planned, 'right')
			: `Access revocation: ${plural(counts.revoked, 'right')} revoked and verified`;
	const lines = [outcomesLine(counts), ...attentionLines('Needs a look (do these by hand where it says so):', attention)];
	return complete({
		...summaryFields(title, lines, dryRun, counts, now),
		needs_attention: attention.map((item) => ({ title: item.title, outcome: item.outcome, right: item.right, reason: item.reason, error: item.error, hint: item.hint, account_id: item.account_id, user_id: item.user_id })),
	});
}

/**
 * Access Review → Revoke Access, over all input items at once: each item read and checked first (a
 * bad item stops the run before any write, or is an error item with On Error → Continue), then per
 * account one user at a time, accounts side by side within the request budgets; each user looked at,
 * their rights taken away and read back (actions/revoke.ts). One item per right and user, the summary
 * last. A failed right is a `failed` item, never a stop: writes already made must still be reported.
 */
export async function revokeAccess(execution: ExecutionScope, itemIndices: number[]): Promise<INodeExecutionData[]> {
	const { context } = execution;
	const now = Date.now();
	const { work, errors } = readEveryItem(context, itemIndices, (itemIndex) => readRevokeItem(context, itemIndex));
	const results = new Map<number, IDataObject[]>();
	await onePerAccount(execution, work, ACCOUNTS_SIDE_BY_SIDE, async (item, account) => {
		let rights: RightResult[];
		if (item.skip) rights = [rightResult('skipped', item.skip, { right: 'account', right_type: 'user' })];
		else if (!account) rights = [rightResult('failed', unknownAccount(item.accountId), { right: 'user', right_type: 'user' })];
		else {
			const { accountId, userId, roles, groups, userTypeAdmin, dryRun } = item;
			rights = await revokeRights(scopeFor(execution, item.itemIndex), account, { accountId, userId, roles, groups, userTypeAdmin, dryRun });
			if (rights.length === 0) rights = [rightResult('skipped', 'Nothing to revoke: the item names no privileged role, and no group under Groups That Grant Privileges holds the user', { right: 'user', right_type: 'user' })];
		}
		results.set(
			item.itemIndex,
			rights.map((right) => outcomeItem(item, account, right, now)),
		);
	});

	return withSummary(itemIndices, results, errors, 'revoke_outcome', (outcomes) => summaryItem(outcomes, allDryRun(work), now));
}
