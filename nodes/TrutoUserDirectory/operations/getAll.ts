import type { IDataObject } from 'n8n-workflow';

import type { ItemInput } from '../../shared/parameters/itemInput';
import { type ListRequest, unifiedPath } from '../../shared/transport';
import { fitFilterNames } from './filterNames';
import { outputShape } from './outputShape';
import { preflight } from './preflight';
import type { ExecutionScope } from '../execution';

export async function getAll(execution: ExecutionScope, input: ItemInput): Promise<IDataObject[]> {
	const { resource, itemIndex, limit } = input;
	if (input.kind === 'environment') {
		return await execution.client.list({ path: [resource.path], query: input.query, limit, itemIndex });
	}
	const { accountId } = input;
	await preflight(execution, input);
	// The metadata is already at hand: the pre-flight read it.
	const query = fitFilterNames(resource, input.query, await execution.metadata.meta(accountId, resource.path, 'list'));
	const request: ListRequest = {
		path: unifiedPath(resource.path),
		accountId,
		query,
		limit,
		itemIndex,
		describeParameter: input.naming.query,
	};
	const keep = resource.listFilter?.(input.options, Date.now());
	return await collect(execution, accountId, request, keep, outputShape(resource, input.options));
}

/**
 * Reads the pages of a listing, counting the ones Truto flagged partial. A listing filtered on the
 * node's side (e.g. Inactive Days) counts only the records that pass against Limit, so pages are then
 * read at full size until that many did or the list ends.
 */
async function collect(
	execution: ExecutionScope,
	accountId: string,
	request: ListRequest,
	keep: ((record: IDataObject) => boolean) | undefined,
	shape: ((record: IDataObject) => IDataObject) | undefined,
): Promise<IDataObject[]> {
	const wanted = request.limit ?? Number.POSITIVE_INFINITY;
	const records: IDataObject[] = [];
	let pages = 0;
	let partial = 0;
	try {
		for await (const page of execution.client.pages(keep ? { ...request, limit: undefined } : request)) {
			pages++;
			if (page.partial) partial++;
			for (const record of page.records) {
				if (keep && !keep(record)) continue;
				records.push(shape ? shape(record) : record);
				if (records.length >= wanted) return records;
			}
		}
		return records;
	} finally {
		execution.partialPages.count(accountId, pages, partial);
	}
}
