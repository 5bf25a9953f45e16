import type { IDataObject } from 'n8n-workflow';

import { findingCosts, formatMoney, MoneyByCurrency } from '../../estate/money';
import type { AccountOutcome } from '../../estate/types';
import type { Finding, FindingKind, ReclamationSettings, ReviewOutcome } from './types';

/** Findings whose seats and money count as "to reclaim" (an ambiguous identity is to check by hand). */
const RECLAIMABLE: FindingKind[] = ['unused_seat', 'never_used', 'unassigned_seats', 'underused_license', 'orphaned_account'];

const WORDS: Record<FindingKind, [string, string]> = {
	unused_seat: ['unused seat', 'unused seats'],
	never_used: ['never used', 'never used'],
	unassigned_seats: ['license with unassigned seats', 'licenses with unassigned seats'],
	underused_license: ['underused license', 'underused licenses'],
	orphaned_account: ['orphaned account', 'orphaned accounts'],
	ambiguous_identity: ['ambiguous identity to check by hand', 'ambiguous identities to check by hand'],
	not_checked: ['account not checked', 'accounts not checked'],
};

/** How many of the top findings (by monthly cost) the digest names. */
const DIGEST_FINDINGS = 10;

const counted = (count: number, [one, many]: [string, string]): string => `${count} ${count === 1 ? one : many}`;

/** The largest amount of a finding in any one currency, to rank findings (amounts are never added across currencies). */
function rank(finding: Finding): number {
	return Math.max(0, ...findingCosts(finding).map((cost) => cost.monthly_amount));
}

export interface SummaryContext {
	settings: ReclamationSettings;
	/** The identity provider, when one was chosen: how many people it has, and whether it was read fully. */
	identityProvider?: AccountOutcome & { people: number };
	/** Integrations asked for that no account has. */
	unmatchedIntegrations?: string[];
}

/**
 * The summary, counted as findings arrive, so that a review whose output is only the summary keeps
 * none of them: money per currency, findings per kind and per account, and the biggest ones.
 */
export class SummaryTally {
	readonly money = new MoneyByCurrency();

	readonly byKind: Partial<Record<FindingKind, number>> = {};

	readonly perAccount = new Map<string, number>();

	/** The biggest reclaimable findings, largest first, at most DIGEST_FINDINGS. */
	readonly biggest: Finding[] = [];

	reclaimable = 0;

	/** Whether any money counted comes from the apps' own prices (whose period Truto does not document). */
	appPrices = false;

	add(finding: Finding): void {
		if (finding.kind === 'not_checked') return;
		this.byKind[finding.kind] = (this.byKind[finding.kind] ?? 0) + 1;
		this.perAccount.set(finding.account_id, (this.perAccount.get(finding.account_id) ?? 0) + 1);
		if (!RECLAIMABLE.includes(finding.kind)) return;
		this.reclaimable++;
		this.money.addFinding(findingCosts(finding), Number(finding.unpriced_seats ?? 0));
		if (String(finding.price).includes('app')) this.appPrices = true;
		// Kept in order, first come first: equal amounts stay in the order they were found.
		const at = this.biggest.findIndex((other) => rank(other) < rank(finding));
		if (at === -1) {
			if (this.biggest.length < DIGEST_FINDINGS) this.biggest.push(finding);
		} else {
			this.biggest.splice(at, 0, finding);
			if (this.biggest.length > DIGEST_FINDINGS) this.biggest.pop();
		}
	}
}

/** The summary item of a list of findings (see SummaryTally for findings counted as they arrive). */
export function summaryItem(findings: Finding[], outcomes: ReviewOutcome[], context: SummaryContext): IDataObject {
	const tally = new SummaryTally();
	for (const finding of findings) tally.add(finding);
	return summaryOf(tally, outcomes, context);
}

/**
 * The summary item: per currency the seats and money to reclaim (never added across currencies), the
 * findings by kind, the accounts checked and not checked (with reasons and fixes), and `text`, a
 * digest ready to post to Slack or email as it is.
 */
export function summaryOf(tally: SummaryTally, outcomes: ReviewOutcome[], context: SummaryContext): IDataObject {
	const { money, byKind } = tally;
	const toReclaim = money.totals();
	const seats = toReclaim.reduce((sum, total) => sum + total.seats, 0) + money.unpriced;
	const status = (wanted: AccountOutcome['status']) => outcomes.filter((outcome) => outcome.status === wanted);
	const provider = context.identityProvider;
	const notChecked = [...(provider ? [provider] : []), ...outcomes]
		.filter((outcome) => outcome.status !== 'checked')
		.flatMap((outcome) => outcome.gaps.map((gap) => ({ account: outcome.account.name, account_id: outcome.account.id, status: outcome.status, part: gap.part, reason: gap.reason, fix: gap.fix })));
	const checkedApps = new Set(outcomes.filter((outcome) => outcome.status !== 'not_checked').map((outcome) => outcome.account.slug));
	const { settings } = context;

	const moneyWords = toReclaim.map((total) => formatMoney(total.monthly_amount, total.currency)).join(' + ');
	// Truto documents unit_amount without a period: "a month" is a fact only for entered prices or when
	// the user said what the apps' prices are.
	const aMonth = tally.appPrices && settings.appPricesPer === undefined ? 'a month, as the apps report them' : 'a month';
	const title = `Seat reclamation: ${counted(seats, ['seat', 'seats'])} to reclaim${moneyWords ? `, ${moneyWords} ${aMonth}` : seats ? ' (no prices known)' : ''}`;
	const lines = [
		`*${title}*`,
		`${checkedApps.size} app${checkedApps.size === 1 ? '' : 's'} checked; unused means no activity for ${settings.inactiveDays}+ days, users and licenses newer than ${settings.graceDays} days are left alone.`,
		...toReclaim.map((total) => `• ${formatMoney(total.monthly_amount, total.currency)} ${aMonth} (${counted(total.seats, ['seat', 'seats'])})`),
		...(money.unpriced ? [`• ${counted(money.unpriced, ['seat', 'seats'])} without a price: enter one under Options → Prices`] : []),
		`Findings: ${
			(Object.keys(WORDS) as FindingKind[])
				.filter((kind) => byKind[kind])
				.map((kind) => counted(byKind[kind] as number, WORDS[kind]))
				.join(', ') || 'none'
		}`,
		`Accounts: ${status('checked').length} checked, ${status('partly_checked').length} partly checked, ${status('not_checked').length} not checked${notChecked.length ? ':' : ''}`,
		...notChecked
			// Two parts of one account failing for one reason are one line.
			.filter((entry, index) => notChecked.findIndex((other) => other.account_id === entry.account_id && other.reason === entry.reason) === index)
			.map((entry) => `• ${entry.account}${entry.part === 'account' ? '' : ` (${entry.part})`}: ${entry.reason}`),
	];
	if (provider?.status === 'not_checked') lines.push(`Orphaned accounts were not checked: ${provider.account.name} could not be read (see above).`);
	if (context.unmatchedIntegrations?.length) lines.push(`No integrated account of: ${context.unmatchedIntegrations.join(', ')}`);
	if (tally.biggest.length) {
		lines.push(`Biggest findings${tally.reclaimable > DIGEST_FINDINGS ? ` (${DIGEST_FINDINGS} of ${tally.reclaimable})` : ''}:`);
		lines.push(...tally.biggest.map((finding, index) => `${index + 1}. ${String(finding.title)}`));
	}

	return {
		kind: 'summary',
		title,
		text: lines.join('\n'),
		seats,
		to_reclaim: toReclaim,
		unpriced_seats: money.unpriced,
		// What the apps' prices were taken as: month or year as the user said, null when not said (a month).
		app_prices_per: settings.appPricesPer ?? null,
		findings: byKind,
		accounts: {
			total: outcomes.length,
			checked: status('checked').length,
			partly_checked: status('partly_checked').length,
			not_checked: status('not_checked').length,
		},
		not_checked: notChecked,
		per_account: outcomes.map((outcome) => ({
			account: outcome.account.name,
			account_id: outcome.account.id,
			integration: outcome.account.integration,
			status: outcome.status,
			findings: tally.perAccount.get(outcome.account.id) ?? 0,
			...(outcome.stats
				? {
						users: outcome.stats.users,
						service_accounts: outcome.stats.serviceAccounts,
						exempt: outcome.stats.exempt,
						in_grace_period: outcome.stats.inGracePeriod,
						activity_unknown: outcome.stats.activityUnknown,
						activity_reported: !outcome.stats.activityNotReported,
						not_in_identity_domains: outcome.stats.notInIdentityDomains,
						over_assigned_licenses: outcome.stats.overAssignedLicenses,
					}
				: {}),
		})),
		identity_provider: provider ? { account: provider.account.name, account_id: provider.account.id, status: provider.status, people: provider.people } : null,
		unmatched_integrations: context.unmatchedIntegrations ?? [],
		settings: {
			unused_after_days: settings.inactiveDays,
			grace_period_days: settings.graceDays,
			underused_below_percent: Math.round(settings.underusedBelow * 100),
		},
		generated_at: new Date(settings.now).toISOString(),
	};
}
