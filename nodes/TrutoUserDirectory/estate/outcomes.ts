import type { IDataObject } from 'n8n-workflow';

import { type AccountOutcome, type AccountRef, accountFields, type Gap } from './types';

/** The output item of an account not read fully, the same in every estate-wide operation. */
export type NotCheckedItem = IDataObject & { kind: 'not_checked'; account_id: string };

/** An account ID Truto does not know (or could not describe): not checked, saying how to find the right one. */
export function unknownAccount(id: string, part: Gap['part'] = 'account'): AccountOutcome {
	const account: AccountRef = { id, name: `Integrated account ${id}`, integration: 'unknown', slug: 'unknown' };
	const gap: Gap = {
		part,
		reason: `Truto does not know the integrated account ${id}, or could not describe it`,
		fix: 'Check the ID (Integrated Account → Get Many lists them), and that the credential belongs to its environment.',
	};
	return { account, status: 'not_checked', gaps: [gap] };
}

/** An account (or part of one) that could not be read, as an output item of its own. */
export function notCheckedFindings(outcome: AccountOutcome): NotCheckedItem[] {
	if (outcome.status === 'checked') return [];
	const first = outcome.gaps[0];
	const parts = [...new Set(outcome.gaps.map((gap) => gap.part))];
	// The title says what it means for the review; `reason` says why, `fix` what to do.
	const what =
		outcome.status === 'not_checked'
			? `not checked: none of its seats are in this review`
			: `only partly checked (${parts.join(', ')}): seats there may be missing from this review`;
	return [
		{
			kind: 'not_checked',
			title: `${outcome.account.name} ${what}`,
			reason: first.reason,
			fix: first.fix,
			status: outcome.status,
			part: first.part,
			gaps: outcome.gaps.map((gap) => ({ ...gap })),
			...accountFields(outcome.account),
		},
	];
}
