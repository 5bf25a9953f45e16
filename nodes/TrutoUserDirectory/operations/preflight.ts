import { checkCall } from '../../shared/checks/preflight';
import type { ItemInput } from '../../shared/parameters/itemInput';
import type { ExecutionScope } from '../execution';

/** The check of one item's call before it is sent, with the execution's shared look-ups. */
export async function preflight(execution: Pick<ExecutionScope, 'context' | 'metadata'>, input: ItemInput): Promise<void> {
	await checkCall(execution.metadata, input, { node: execution.context.getNode(), itemIndex: input.itemIndex });
}
