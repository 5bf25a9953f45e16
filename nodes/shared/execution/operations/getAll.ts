import type { IDataObject } from 'n8n-workflow';

import type { ItemInput } from '../../input/itemInput';
import { type ListRequest, type TrutoClient, unifiedPath } from '../../transport';
import { preflight } from '../preflight';
import type { Run } from '../run';

export async function getAll(run: Run, input: ItemInput): Promise<IDataObject[]> {
	const { resource, itemIndex, limit } = input;
	if (resource.scope === 'environment') {
		return await run.client.list({ path: [resource.path], query: {}, limit, itemIndex });
	}
	await preflight(run, input);
	const request: ListRequest = {
		path: unifiedPath(resource.path),
		query: input.query,
		limit,
		itemIndex,
		describeParameter: input.naming.query,
	};
	const keep = resource.listFilter?.(input.options, Date.now());
	const decorate = resource.decorate?.(input.options);
	const records = keep ? await filteredList(run.client, request, keep) : await run.client.list(request);
	return decorate ? records.map(decorate) : records;
}

/**
 * A listing filtered on the node's side (e.g. Inactive Days): Limit counts the records that pass,
 * so pages are read until that many did or the list ends. Pages are asked for at full size, since
 * how many records will pass is unknown.
 */
async function filteredList(
	client: TrutoClient,
	request: ListRequest,
	keep: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const wanted = request.limit ?? Number.POSITIVE_INFINITY;
	const kept: IDataObject[] = [];
	for await (const page of client.pages({ ...request, limit: undefined })) {
		for (const record of page.records) {
			if (!keep(record)) continue;
			kept.push(record);
			if (kept.length >= wanted) return kept;
		}
	}
	return kept;
}
