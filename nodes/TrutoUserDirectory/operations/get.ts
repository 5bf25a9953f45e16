import type { IDataObject } from 'n8n-workflow';

import { toRecords } from '../../shared/helpers/items';
import { type ItemInput, recordOf } from '../../shared/parameters/itemInput';
import { unifiedPath } from '../../shared/transport';
import { outputShape } from './outputShape';
import { preflight } from './preflight';
import type { ExecutionScope } from '../execution';

export async function get(execution: ExecutionScope, input: ItemInput): Promise<IDataObject[]> {
	const { resource, itemIndex } = input;
	if (input.kind === 'environment') {
		return toRecords(await execution.client.request({ path: [resource.path, recordOf(input)], itemIndex }));
	}
	await preflight(execution, input);
	const answer = await execution.client.request({
		path: unifiedPath(resource.path, recordOf(input)),
		accountId: input.accountId,
		query: input.query,
		itemIndex,
		describeParameter: input.naming.query,
	});
	const shape = outputShape(resource, input.options);
	const records = toRecords(answer);
	return shape ? records.map(shape) : records;
}
