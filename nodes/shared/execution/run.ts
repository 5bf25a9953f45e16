import type { IExecuteFunctions } from 'n8n-workflow';

import type { MetadataCache, TrutoClient } from '../transport';

/** What one run of the node shares between its items: the client and the pre-flight look-ups. */
export interface Run {
	context: IExecuteFunctions;
	client: TrutoClient;
	metadata: MetadataCache;
}
