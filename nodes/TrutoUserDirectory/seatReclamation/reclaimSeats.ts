import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { dateOf, daysSince, lastSeen, primaryEmail } from '../../shared/helpers/seats';
import type { AccountInfo } from '../../shared/transport';
import { allDryRun, onePerAccount, readEveryItem, scopeFor, unknownAccount, withSummary } from '../actions/batch';
import { readUser, type UserRead } from '../actions/readBack';
import { reclaimSeat, SEAT_OUTCOMES, type SeatOutcome, type SeatResult, seatResult } from '../actions/seatAction';
import { attentionLines, countOutcomes, inFieldOrder, outcomeHead, outcomesLine, plannedTitle, plural, summaryFields, textOrNull as str } from '../actions/summary';
import { ACCOUNTS_SIDE_BY_SIDE } from '../estate/accountReader';
import type { ExecutionScope } from '../execution';
import { FINDING_HEAD_FIELDS } from './analysis/fields';
import { findingCosts, formatMoney, MoneyByCurrency } from '../estate/money';
import { NOT_A_USER_SEAT, readReclaimItem, type ReclaimItem } from './reclaimParameters';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every item of Reclaim Seats has these fields, in this order, null where they do not apply. */
export const RECLAIM_FIELDS = [
	'kind',
	'outcome',
	...FINDING_HEAD_FIELDS,
	'user_id',
	'user_name',
	'user_email',
	'license_ids',
	'dry_run',
	'action',
	'request',
	'idempotency_key',
	'previous_status',
	'status_now',
	'licenses_before',
	'licenses_after',
	'undo',
	'irreversible',
	'seats',
	'monthly_saving',
	'currency',
	'costs',
	'unpriced_seats',
	'error',
	'hint',
	'checked_at',
	// The summary item's own
	'text',
	'outcomes',
	'reclaimed_seats',
	'saved',
	'needs_attention',
] as const;

const OUTCOME_WORDS: Record<SeatOutcome, string> = {
	reclaimed: 'reclaimed and verified',
	not_verified: 'accepted, not verified',
	still_assigned: 'accepted, but the seat is still assigned',
	failed: 'failed',
	skipped: 'skipped',
	planned: 'planned (dry run)',
};

const complete = inFieldOrder(RECLAIM_FIELDS);

/** Why the user, as seen now, is left alone: exempt, or active again since the finding. */
function skipCheck(item: ReclaimItem): (user: IDataObject) => string | undefined {
	return (user) => {
		const email = primaryEmail(user)?.toLowerCase();
		if (email && (item.exemptEmails.has(email) || item.exemptDomains.has(email.slice(email.lastIndexOf('@') + 1)))) {
			return `${email} is exempt (Options → Exempt Emails / Exempt Domains): left alone`;
		}
		const finding = item.finding;
		if (!finding) return undefined;
		const seenNow = lastSeen(user);
		const seenThen = dateOf(finding.last_seen);
		if (seenNow !== undefined && (seenThen === undefined || seenNow > seenThen)) {
			const then = seenThen === undefined ? 'no activity at all' : `last seen ${new Date(seenThen).toISOString().slice(0, 10)}`;
			return `Active again since the finding: last seen ${new Date(seenNow).toISOString().slice(0, 10)} (the finding saw ${then})`;
		}
		return undefined;
	};
}

/** Reasons to skip an item before any request: not a user's seat, or a finding too old. */
function skipBeforeLooking(item: ReclaimItem, now: number): string | undefined {
	const finding = item.finding;
	if (!finding) return undefined;
	const notSeat = NOT_A_USER_SEAT[String(finding.kind)];
	if (notSeat) return notSeat;
	if (item.maxFindingAgeDays > 0) {
		const found = dateOf(finding.found_at);
		if (found === undefined) return 'The finding has no found_at, so its age is unknown: run Find Reclaimable Seats again';
		if (found < now - item.maxFindingAgeDays * DAY_MS) {
			return `The finding is ${daysSince(found, now)} days old, older than Max Finding Age (${item.maxFindingAgeDays} days): run Find Reclaimable Seats again`;
		}
	}
	return undefined;
}

function outcomeItem(item: ReclaimItem, account: AccountInfo | undefined, seat: SeatResult, now: number): IDataObject {
	const finding = item.finding ?? {};
	const verified = seat.outcome === 'reclaimed';
	// Money only for seats seen freed; amounts of different currencies are never added.
	const costs = verified && item.finding ? findingCosts(finding) : [];
	const who = str(finding.user_name) ?? str(finding.user_email) ?? `User ${item.userId}`;
	const { where, fields } = outcomeHead(account, finding, item.accountId);
	const money = costs.length ? `, ${costs.map((cost) => formatMoney(cost.monthly_amount, cost.currency)).join(' + ')} a month` : '';
	return complete({
		kind: 'reclaim_outcome',
		finding_key: str(finding.finding_key),
		title: `${who} (${where}): ${OUTCOME_WORDS[seat.outcome]}${seat.action ? ` (${seat.action})` : ''}${money}`,
		...fields,
		user_id: item.userId || null,
		license_ids: str(finding.license_ids),
		dry_run: item.dryRun,
		...seat,
		seats: verified ? (typeof finding.seats === 'number' ? finding.seats : null) : null,
		monthly_saving: costs.length === 1 ? costs[0].monthly_amount : null,
		currency: costs.length === 1 ? costs[0].currency : null,
		costs: costs.length > 1 ? costs : null,
		unpriced_seats: verified && item.finding ? Number(finding.unpriced_seats ?? 0) : null,
		checked_at: new Date(now).toISOString(),
	});
}

/** The summary: verified seats and money per currency, what needs a look, and a digest ready to post. */
function summaryItem(outcomes: IDataObject[], dryRun: boolean, now: number): IDataObject {
	const counts = countOutcomes(SEAT_OUTCOMES, outcomes);
	const money = new MoneyByCurrency();
	let seats = 0;
	for (const item of outcomes) {
		if (item.outcome !== 'reclaimed') continue;
		seats += typeof item.seats === 'number' ? item.seats : 1;
		const costs = Array.isArray(item.costs)
			? (item.costs as Array<{ currency: string; monthly_amount: number; seats: number }>)
			: typeof item.monthly_saving === 'number' && typeof item.currency === 'string'
				? [{ currency: item.currency, monthly_amount: item.monthly_saving, seats: Number(item.seats ?? 0) - Number(item.unpriced_seats ?? 0) }]
				: [];
		money.addFinding(costs, Number(item.unpriced_seats ?? 0));
	}
	const saved = money.totals();
	const attention = outcomes.filter((item) => ['still_assigned', 'failed', 'not_verified'].includes(String(item.outcome)));
	const moneyWords = saved.map((total) => formatMoney(total.monthly_amount, total.currency)).join(' + ');
	const title = dryRun && counts.planned
		? plannedTitle('Seat reclamation', counts.planned, 'seat')
		: `Seat reclamation: ${plural(seats, 'seat')} reclaimed and verified${moneyWords ? `, ${moneyWords} a month` : ''}`;
	const lines = [
		...saved.map((total) => `• ${formatMoney(total.monthly_amount, total.currency)} a month (${plural(total.seats, 'seat')})`),
		...(money.unpriced ? [`• ${plural(money.unpriced, 'reclaimed seat')} without a price`] : []),
		outcomesLine(counts),
		...attentionLines('Needs a look:', attention),
	];
	return complete({
		...summaryFields(title, lines, dryRun, counts, now),
		reclaimed_seats: seats,
		saved,
		unpriced_seats: money.unpriced,
		needs_attention: attention.map((item) => ({ title: item.title, outcome: item.outcome, reason: item.reason, error: item.error, hint: item.hint, finding_key: item.finding_key })),
	});
}

/**
 * Seat Reclamation → Reclaim Seats, over all input items at once: each item read and checked first
 * (a bad item stops the run before any write, or is an error item with On Error → Continue), then per
 * account one seat at a time, accounts side by side within the request budgets; each seat looked at,
 * acted on and read back (actions/seatAction.ts). A failed seat is a `failed` item, never a stop:
 * writes already made must still be reported. The summary comes last.
 */
export async function reclaimSeats(execution: ExecutionScope, itemIndices: number[]): Promise<INodeExecutionData[]> {
	const { context } = execution;
	const now = Date.now();
	const { work, errors } = readEveryItem(context, itemIndices, (itemIndex) => readReclaimItem(context, itemIndex));
	const results = new Map<number, IDataObject[]>();
	// The next seat's fresh look is made while this one is written and read back, which leaves one write
	// at a time; not for the same user, who must be looked at after this write.
	const readAhead = (next: ReclaimItem, current: ReclaimItem): Promise<UserRead> | undefined =>
		skipBeforeLooking(next, now) || next.userId === current.userId ? undefined : readUser(scopeFor(execution, next.itemIndex), next.accountId, next.userId);
	await onePerAccount(
		execution,
		work,
		ACCOUNTS_SIDE_BY_SIDE,
		async (item, account, look) => {
			const early = skipBeforeLooking(item, now);
			let seat: SeatResult;
			if (early) seat = skipped(early);
			else if (!account) seat = seatResult('failed', unknownAccount(item.accountId));
			else {
				seat = await reclaimSeat(scopeFor(execution, item.itemIndex), account, {
					accountId: item.accountId,
					userId: item.userId,
					licenseIds: String(item.finding?.license_ids ?? '')
						.split(',')
						.map((id) => id.trim())
						.filter(Boolean),
					action: item.finding ? (str(item.finding.reclaim_action) ?? undefined) : undefined,
					allowDelete: item.allowDelete,
					dryRun: item.dryRun,
					skipWhen: skipCheck(item),
					look,
				});
			}
			results.set(item.itemIndex, [outcomeItem(item, account, seat, now)]);
		},
		readAhead,
	);

	return withSummary(itemIndices, results, errors, 'reclaim_outcome', (outcomes) => summaryItem(outcomes, allDryRun(work), now));
}

function skipped(reason: string): SeatResult {
	return seatResult('skipped', reason);
}
