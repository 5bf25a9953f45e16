import type { IDataObject } from 'n8n-workflow';

import { inputError, type ItemLocation } from '../../shared/parameters/itemLocation';
import { listNames } from '../../shared/helpers/text';
import type { ReadContext } from './accountReader';
import type { AccountRef, Gap } from './types';
import type { AccountInfo } from '../../shared/transport';
import { integrationKey } from '../../shared/helpers/accounts';

/** Which accounts an estate-wide operation reads: all of the environment, chosen ones, or those of chosen apps. */
export type AccountScope = { kind: 'all' } | { kind: 'accounts'; ids: string[] } | { kind: 'integrations'; names: string[] };

/** An account in scope: its description, or only the ID Truto could not describe. */
export type ScopedAccount = { info: AccountInfo } | { id: string };

export interface Scope {
	accounts: ScopedAccount[];
	/** Integrations asked for that no account of the environment has. */
	unmatched: string[];
}

/**
 * The accounts to review: every account of the token's environment (one listing), the accounts of
 * some integrations (matched by Truto's name or the display name, in any case: "zoom", "Microsoft
 * 365"), or chosen accounts by ID. Listed accounts are remembered, so no account is looked up twice.
 */
export async function accountsInScope(context: ReadContext, scope: AccountScope): Promise<Scope> {
	if (scope.kind === 'accounts') {
		const accounts = await Promise.all(
			scope.ids.map(async (id): Promise<ScopedAccount> => {
				const info = await context.metadata.account(id);
				return info ? { info } : { id };
			}),
		);
		return { accounts, unmatched: [] };
	}
	const records = await environmentAccounts(context);
	const known = records.map((record) => ({ record, info: context.metadata.remember(record) }));
	const listed = known.filter((entry): entry is { record: IDataObject; info: NonNullable<typeof entry.info> } => entry.info !== undefined);
	if (scope.kind === 'all') {
		if (listed.length === 0) {
			throw inputError(context.location, 'The Truto environment of this credential has no integrated accounts', 'Connect an app in Truto first, or check that the API token belongs to the right environment.');
		}
		return { accounts: listed.map(({ info }) => ({ info })), unmatched: [] };
	}
	const wanted = new Map(scope.names.map((name) => [integrationKey(name), name]));
	const matches = (entry: (typeof listed)[number]) => wanted.has(integrationKey(entry.info.slug)) || wanted.has(integrationKey(entry.info.integration));
	const chosen = listed.filter(matches);
	const found = new Set(chosen.flatMap(({ info }) => [integrationKey(info.slug), integrationKey(info.integration)]));
	const unmatched = [...wanted.entries()].filter(([key]) => !found.has(key)).map(([, name]) => name);
	if (chosen.length === 0) {
		const available = [...new Set(listed.map(({ info }) => info.slug))].sort();
		throw inputError(
			context.location,
			`No integrated account of ${listNames(scope.names)} in this Truto environment`,
			available.length
				? `Integrations with accounts here: ${available.join(', ')}. Check the spelling under Integrations (Truto's names, e.g. zoom, microsoft365).`
				: 'The environment has no integrated accounts: connect an app in Truto first.',
		);
	}
	return { accounts: chosen.map(({ info }) => ({ info })), unmatched };
}

/**
 * Every account of the environment: listed once for all the items sharing `context.environment`.
 * A failed listing is not kept: the item that asked for it fails, and an item that was waiting for it
 * asks again, as it would have alone.
 */
async function environmentAccounts(context: ReadContext): Promise<IDataObject[]> {
	const list = () => context.client.list({ path: ['integrated-account'], itemIndex: context.location.itemIndex });
	const shared = context.environment;
	if (!shared) return await list();
	const joined = shared.accounts;
	const pending = joined ?? (shared.accounts = list());
	const listed = await pending.then(
		() => true,
		() => false,
	);
	if (!listed && shared.accounts === pending) shared.accounts = undefined;
	// This item's own failed listing fails it; one it only waited for is asked again.
	return listed || !joined ? await pending : await environmentAccounts(context);
}

/** The identity provider account, described by Truto (or only its ID when Truto cannot describe it). */
export async function identityProviderInScope(context: ReadContext, id: string | undefined): Promise<ScopedAccount | undefined> {
	if (!id) return undefined;
	const info = await context.metadata.account(id);
	return info ? { info } : { id };
}

/**
 * Fails the item when not one account in scope could be read (the first reasons named); `done` is what
 * the operation does to them: "reviewed", "searched".
 */
export function failWhenNoAccountRead(location: ItemLocation, outcomes: Array<{ account: AccountRef; status: string; gaps: Gap[] }>, done: string): void {
	if (!outcomes.every((outcome) => outcome.status === 'not_checked')) return;
	const reasons = outcomes.map((outcome) => `${outcome.account.name}: ${outcome.gaps[0]?.reason}`);
	throw inputError(
		location,
		`No integrated account could be ${done} (${outcomes.length} tried)`,
		`${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? `; and ${reasons.length - 5} more` : ''}. Fix what the first ones say and run again.`,
	);
}
