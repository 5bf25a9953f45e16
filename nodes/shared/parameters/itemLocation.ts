import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Where bad input was found: the node, and the input item when there is one (a trigger has none). */
export interface ItemLocation {
	node: INode;
	itemIndex?: number;
}

/** Bad input, found before any request: what is wrong, and in the description how to fix it. */
export function inputError(location: ItemLocation, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(location.node, message, { itemIndex: location.itemIndex, description });
}
