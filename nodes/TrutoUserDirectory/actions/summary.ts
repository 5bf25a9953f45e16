import type { IDataObject } from 'n8n-workflow';

import type { AccountInfo } from '../../shared/transport';

/**
 * What the outputs of the acting operations (Reclaim Seats, Offboard, Revoke Access) have in common:
 * every field present in a fixed order, the head of an outcome item (who and where), and the summary's
 * counts and digest ready to post.
 */

/** A value as an output field: text, or null where there is none. */
export const textOrNull = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

/** An item with every one of `fields`, in that order, null where it does not apply. */
export function inFieldOrder(fields: readonly string[]): (item: IDataObject) => IDataObject {
	return (item) => {
		const out: IDataObject = {};
		for (const field of fields) out[field] = item[field] ?? null;
		return out;
	};
}

/**
 * Where an outcome happened and to whom, as Truto describes the account and as the input item (a
 * finding, an account found) names the user: `where` for the title, `fields` for the item.
 */
export function outcomeHead(account: AccountInfo | undefined, named: IDataObject, accountId: string) {
	const accountName = account?.label ?? textOrNull(named.account_name);
	return {
		where: accountName ?? `Integrated account ${accountId}`,
		fields: {
			account_id: accountId,
			account_name: accountName,
			integration: account?.integration ?? textOrNull(named.integration),
			user_name: textOrNull(named.user_name),
			user_email: textOrNull(named.user_email),
		},
	};
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How many outcomes of each kind, every kind present (0), in the order given. */
export function countOutcomes<O extends string>(kinds: readonly O[], outcomes: IDataObject[]): Record<O, number> {
	const counts = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<O, number>;
	for (const item of outcomes) counts[item.outcome as O]++;
	return counts;
}

/** The digest's counts: "Outcomes: 2 reclaimed, 1 not verified", or "none". */
export function outcomesLine(counts: Record<string, number>): string {
	const said = Object.keys(counts)
		.filter((outcome) => counts[outcome])
		.map((outcome) => `${counts[outcome]} ${outcome.replace('_', ' ')}`);
	return `Outcomes: ${said.join(', ') || 'none'}`;
}

/** The title of a dry run that planned something: "Seat reclamation (dry run): 2 seats planned, nothing sent". */
export const plannedTitle = (what: string, planned: number, word: string): string => `${what} (dry run): ${plural(planned, word)} planned, nothing sent`;

/** The digest's list of outcomes that need a look, under `heading`; nothing when none does. */
export const attentionLines = (heading: string, attention: IDataObject[]): string[] =>
	attention.length ? [heading, ...attention.map((item) => `• ${String(item.title)}: ${String(item.error ?? item.reason)}`)] : [];

/** The fields every summary item has: its title, the digest (title first, in bold), the counts. */
export function summaryFields(title: string, lines: string[], dryRun: boolean, counts: Record<string, number>, now: number): IDataObject {
	return { kind: 'summary', title, text: [`*${title}*`, ...lines].join('\n'), dry_run: dryRun, outcomes: counts, checked_at: new Date(now).toISOString() };
}
