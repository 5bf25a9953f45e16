import type { IExecuteFunctions } from 'n8n-workflow';

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
