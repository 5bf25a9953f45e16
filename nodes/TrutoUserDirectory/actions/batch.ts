import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { AccountInfo } from '../../shared/transport';
import { inItemOrder } from '../boundedConcurrency';
import { type ExecutionScope, failedItem } from '../execution';
import type { ReadScope } from './readBack';

/**
 * How an acting operation runs its input items (Reclaim Seats, Offboard, Revoke Access): every item
 * read and checked before any write, then per account one item at a time, accounts side by side, and
 * the outputs in input order with the summary last.
 */

/** What the reads and writes for one input item go through. */
export const scopeFor = (execution: ExecutionScope, itemIndex: number): ReadScope => ({ client: execution.client, metadata: execution.metadata, node: execution.context.getNode(), itemIndex });

/** Why nothing was sent to an account Truto could not describe. */
export const unknownAccount = (accountId: string): string => `Truto does not know the integrated account ${accountId}, or could not describe it: nothing was sent`;

/** Whether the run only planned: every item a dry run (and so a run of no items). */
export const allDryRun = (items: Array<{ dryRun: boolean }>): boolean => items.every((item) => item.dryRun);

/**
 * Each item read; a bad one stops the run before any write, or with On Error → Continue becomes an
 * error item of its own. `read` returns undefined for an item with nothing to act on (a summary).
 */
export function readEveryItem<T>(context: IExecuteFunctions, itemIndices: number[], read: (itemIndex: number) => T | undefined): { work: T[]; errors: Map<number, INodeExecutionData> } {
	const continueOnFail = context.continueOnFail();
	const errors = new Map<number, INodeExecutionData>();
	const work: T[] = [];
	for (const itemIndex of itemIndices) {
		try {
			const item = read(itemIndex);
			if (item) work.push(item);
		} catch (error) {
			const described = itemError(context, error, itemIndex);
			if (!continueOnFail) throw described;
			errors.set(itemIndex, errorItem(context, described, itemIndex));
		}
	}
	return { work, errors };
}

/** Input errors are n8n's errors already (with the item and the fix); anything else is wrapped. */
export function itemError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	return error instanceof NodeOperationError || error instanceof NodeApiError ? error : new NodeOperationError(context.getNode(), String(error), { itemIndex });
}

/** An input item that failed, with its message and the fix (the error's description). */
export function errorItem(context: IExecuteFunctions, error: NodeOperationError | NodeApiError, itemIndex: number): INodeExecutionData {
	return failedItem(context, { error: error.message, ...(error.description ? { description: error.description } : {}) }, error, itemIndex);
}

/**
 * Accounts side by side (`concurrency` at most; the transport's budgets per account and per token
 * hold), one item at a time per account, in input order. `act` gets the account as Truto describes it,
 * or undefined when Truto does not know it. `readAhead`, when given, starts the next item's read (never
 * a write) while the current item is written and read back, so an account's answers overlap without a
 * second write in flight; it returns undefined where the next item must wait (e.g. the same user).
 */
export async function onePerAccount<T extends { accountId: string }, L = never>(
	execution: ExecutionScope,
	work: T[],
	concurrency: number,
	act: (item: T, account: AccountInfo | undefined, readEarly?: Promise<L>) => Promise<void>,
	readAhead?: (next: T, current: T) => Promise<L> | undefined,
): Promise<void> {
	const byAccount = new Map<string, T[]>();
	for (const item of work) byAccount.set(item.accountId, [...(byAccount.get(item.accountId) ?? []), item]);
	const groups = [...byAccount.values()];
	await inItemOrder(groups.length, concurrency, async (group) => {
		const items = groups[group];
		const account = await execution.metadata.account(items[0].accountId).catch(() => undefined);
		let early: Promise<L> | undefined;
		for (const [index, item] of items.entries()) {
			const mine = early;
			const next = items[index + 1];
			early = account && readAhead && next ? readAhead(next, item) : undefined;
			// A read started early that fails is reported when its item awaits it, not as an unhandled rejection.
			early?.catch(() => undefined);
			await act(item, account, mine);
		}
	});
}

/** The outputs of each input item (or its error item), in input order, each paired with its item. */
export function inInputOrder(itemIndices: number[], results: Map<number, IDataObject[]>, errors: Map<number, INodeExecutionData>): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (const itemIndex of itemIndices) {
		for (const json of results.get(itemIndex) ?? []) output.push({ json, pairedItem: { item: itemIndex } });
		const error = errors.get(itemIndex);
		if (error) output.push(error);
	}
	return output;
}

/** The outputs in input order, then the summary of the outcome items (those of `outcomeKind`), paired with every input item. */
export function withSummary(
	itemIndices: number[],
	results: Map<number, IDataObject[]>,
	errors: Map<number, INodeExecutionData>,
	outcomeKind: string,
	summary: (outcomes: IDataObject[]) => IDataObject,
): INodeExecutionData[] {
	const output = inInputOrder(itemIndices, results, errors);
	const outcomes = output.map((item) => item.json).filter((json) => json.kind === outcomeKind);
	output.push({ json: summary(outcomes), pairedItem: itemIndices.map((item) => ({ item })) });
	return output;
}
