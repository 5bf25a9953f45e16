import type { IDataObject } from 'n8n-workflow';

import type { Finding } from './types';

/** What a finding is and whose account it is in: Reclaim Seats' items repeat these of the finding they act on. */
export const FINDING_HEAD_FIELDS = ['finding_key', 'title', 'reason', 'account_id', 'account_name', 'integration'] as const;

/**
 * Every output item of Find Reclaimable Seats has the same fields, in this order, null where they do
 * not apply: n8n's table then shows one set of columns with no `undefined` cells, whatever the kind.
 */
export const FINDING_FIELDS = [
	'kind',
	...FINDING_HEAD_FIELDS,
	'integration_slug',
	'found_at',
	'seats',
	'monthly_cost',
	'currency',
	'costs',
	'unpriced_seats',
	'price',
	// A user's seats
	'user_id',
	'user_name',
	'user_email',
	'user_status',
	'user_type',
	'user_created_at',
	'last_seen',
	'days_idle',
	'licenses',
	'license_ids',
	'identity_provider',
	'identity_match',
	'identity_people',
	// A license's seats
	'license_id',
	'license_name',
	'seats_available',
	'seats_assigned',
	'utilization',
	'recommended_seats',
	// What frees the seat
	'reclaim_action',
	'reclaim_actions',
	'reclaim_how',
	'reclaim_irreversible',
	'reclaim_undo',
	'reclaim_group_id',
	'reclaim_group_name',
	'reclaim_note',
	// An account not (fully) checked
	'status',
	'part',
	'fix',
	'gaps',
] as const;

/** The summary item's own fields (null on findings; the finding fields are null on the summary). */
export const SUMMARY_FIELDS = ['text', 'to_reclaim', 'findings', 'accounts', 'not_checked', 'per_account', 'unmatched_integrations', 'app_prices_per', 'settings', 'generated_at'] as const;

/**
 * A key that stays the same from one run to the next for the same thing found (account, kind, and the
 * user, license or part of the account), so a workflow can remember a decision about it.
 */
export function findingKey(finding: IDataObject): string {
	const subject = finding.user_id ?? finding.license_id ?? finding.part ?? '';
	return [finding.account_id, finding.kind, subject].map((part) => String(part ?? '')).join(':');
}

/** Every field of FINDING_FIELDS and SUMMARY_FIELDS, null where not given; `finding_key` and `found_at` filled in. */
export function completeFinding(finding: Finding, now: number): Finding {
	const complete: IDataObject = {};
	for (const field of FINDING_FIELDS) complete[field] = finding[field] ?? null;
	complete.finding_key = findingKey(finding);
	complete.found_at = finding.found_at ?? new Date(now).toISOString();
	for (const field of SUMMARY_FIELDS) complete[field] = null;
	// A field not listed above is kept, after the listed ones (none today; a new one must be listed).
	for (const [field, value] of Object.entries(finding)) if (!(field in complete)) complete[field] = value ?? null;
	return complete as Finding;
}

/** The summary item with the findings' fields as null, so that it fits the same table. */
export function completeSummary(summary: IDataObject): IDataObject {
	const complete: IDataObject = {};
	for (const field of FINDING_FIELDS) complete[field] = summary[field] ?? null;
	for (const [field, value] of Object.entries(summary)) complete[field] = value ?? null;
	return complete;
}
