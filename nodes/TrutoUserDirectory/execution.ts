import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

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

/** Output items that carry a file, made by withBinary(): the router passes them on whole. */
const itemsWithBinary = new WeakSet<object>();

/** An output record with a file attached (binary property `data`), for operations that return records. */
export function withBinary(json: IDataObject, binary: Record<string, IBinaryData>): IDataObject {
	const item: INodeExecutionData = { json, binary };
	itemsWithBinary.add(item);
	return item as unknown as IDataObject;
}

/** The n8n item of one returned record: the record as `json`, or an item made by withBinary(). */
export function asOutputItem(record: IDataObject): INodeExecutionData {
	return itemsWithBinary.has(record) ? (record as unknown as INodeExecutionData) : { json: record };
}
