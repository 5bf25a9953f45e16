import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MetadataCache, TrutoClient } from '../shared/transport';

/** Pages Truto flagged `is_partial_response`, per integrated account, over one run. */
export class PartialPages {
	private readonly byAccount = new Map<string, { partial: number; pages: number }>();

	count(accountId: string, pages: number, partial: number): void {
		if (partial === 0) return;
		const seen = this.byAccount.get(accountId) ?? { partial: 0, pages: 0 };
		this.byAccount.set(accountId, { partial: seen.partial + partial, pages: seen.pages + pages });
	}

	entries(): Array<[string, { partial: number; pages: number }]> {
		return [...this.byAccount.entries()];
	}
}

/** What one run of the node shares between its items: the client, the pre-flight look-ups, and what it noticed. */
export interface ExecutionScope {
	context: IExecuteFunctions;
	client: TrutoClient;
	metadata: MetadataCache;
	partialPages: PartialPages;
}

/**
 * The item for an input item that failed under On Error → Continue: its JSON (error, description, …)
 * on the regular output. With Continue (using error output) the error goes with it, which is how n8n
 * routes an item to the error output (n8n then keeps only the message as the item's JSON; the hint
 * stays in the error, shown in the execution).
 */
export function failedItem(context: IExecuteFunctions, json: IDataObject, error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	return context.getNode().onError === 'continueErrorOutput' ? { ...item, error } : item;
}
