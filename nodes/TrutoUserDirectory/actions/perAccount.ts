import type { AccountInfo, MetadataCache } from '../../shared/transport';
import { inItemOrder } from '../boundedConcurrency';
import { ACCOUNTS_SIDE_BY_SIDE } from '../seatReclamation/reviewAccounts';

/**
 * How the action engine's writes are paced: one target at a time per integrated account (its writes in
 * order), accounts side by side within the transport's budgets per account and per token. Each account
 * is described once (undefined when Truto does not know it or could not answer).
 */
export async function oneAtATimePerAccount<T>(
	metadata: MetadataCache,
	targets: T[],
	accountOf: (target: T) => string,
	work: (target: T, account: AccountInfo | undefined) => Promise<void>,
): Promise<void> {
	const byAccount = new Map<string, T[]>();
	for (const target of targets) byAccount.set(accountOf(target), [...(byAccount.get(accountOf(target)) ?? []), target]);
	const groups = [...byAccount.entries()];
	await inItemOrder(groups.length, ACCOUNTS_SIDE_BY_SIDE, async (index) => {
		const [accountId, members] = groups[index];
		const account = await metadata.account(accountId).catch(() => undefined);
		for (const target of members) await work(target, account);
	});
}
