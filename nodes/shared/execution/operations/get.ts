import type { IDataObject } from 'n8n-workflow';

import { toRecords } from '../../helpers/items';
import type { ItemInput } from '../../input/itemInput';
import { unifiedPath } from '../../transport';
import { preflight } from '../preflight';
import type { Run } from '../run';

export async function get(run: Run, input: ItemInput): Promise<IDataObject[]> {
	const { resource, itemIndex } = input;
	if (resource.scope === 'environment') {
		return toRecords(await run.client.request({ path: [resource.path, input.accountId as string], itemIndex }));
	}
	await preflight(run, input);
	const answer = await run.client.request({
		path: unifiedPath(resource.path, input.recordId as string),
		query: input.query,
		itemIndex,
		describeParameter: input.naming.query,
	});
	const decorate = resource.decorate?.(input.options);
	const records = toRecords(answer);
	return decorate ? records.map(decorate) : records;
}
