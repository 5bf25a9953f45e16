import type { IDataObject } from 'n8n-workflow';

import { toRecords } from '../../shared/helpers/items';
import type { ItemInput } from '../../shared/input/itemInput';
import { unifiedPath } from '../../shared/transport';
import { outputShape } from './outputShape';
import { preflight } from '../../shared/checks/preflight';
import type { Run } from '../execution';

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
	const shape = outputShape(resource, input.options);
	const records = toRecords(answer);
	return shape ? records.map(shape) : records;
}
