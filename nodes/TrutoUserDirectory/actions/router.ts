import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TrutoClient } from '../transport';
import { MetadataCache } from '../transport/metadata';
import { OPERATIONS } from './operations';
import { findResource, RESOURCES } from './resources';
import type { OperationName } from './types';

const FIELD_NAMES: Record<string, string> = {
	organization: 'Organization',
	product: 'Product',
	includeAssignedTo: 'Include Assigned To',
};

const FILTER_PARAMETERS: Record<string, string> = {
	group_id: 'Filters → Group ID',
	workspace_id: 'Filters → Workspace ID',
	user_type: 'Filters → User Type',
};

/** Truto parameter name → the field a user fills in, e.g. "Organization (organization_id)". */
export function describeParameter(name: string): string {
	for (const resource of RESOURCES) {
		for (const use of resource.integrationFields) {
			if (Object.values(use.sendAs).includes(name)) return `${FIELD_NAMES[use.field]} (${name})`;
		}
	}
	return FILTER_PARAMETERS[name] ? `${FILTER_PARAMETERS[name]} (${name})` : name;
}

/** Operations that only read: their items may run side by side. Anything else runs one item at a time, in order. */
const READ_ONLY_OPERATIONS: ReadonlySet<string> = new Set<OperationName>(['get', 'getAll']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	let client: TrutoClient;
	try {
		client = await TrutoClient.create(this, { describeParameter });
	} catch (error) {
		// A broken credential (no token, a mistyped Base URL) fails every item alike; with On Error →
		// Continue each item still gets its own error item. Those messages carry no secret.
		// (A NodeOperationError, as all of TrutoClient.create's own, is passed on as it is.)
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error);
		const unchanged = { redact: (text: string) => text };
		return [items.map((_, itemIndex) => ({ json: errorJson(error, unchanged), pairedItem: { item: itemIndex } }))];
	}

	// Account, capabilities and per-integration metadata for the pre-flight checks: fetched once per
	// execution and shared by all items (see transport/metadata.ts).
	const metadata = await MetadataCache.create(this);

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const resourceValue = this.getNodeParameter('resource', itemIndex) as string;
			const operationValue = this.getNodeParameter('operation', itemIndex) as OperationName;
			const resource = findResource(resourceValue);
			const operation = OPERATIONS[operationValue];
			if (!resource || !operation || !resource.operations.includes(operationValue)) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationValue}" is not supported for "${resourceValue}"`,
					{ itemIndex },
				);
			}
			// Records of one item are kept apart until it succeeds: a failure never leaves half a list behind.
			const records: IDataObject[] = await operation.call(this, client, resource, itemIndex, metadata);
			return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) return [{ json: errorJson(error, client), pairedItem: { item: itemIndex } }];
			throw asNodeError(this, error, itemIndex, client);
		}
	};

	// Reads of many items run a few at a time (the transport's request budget keeps them under Truto's
	// limits); writes stay one by one so that their effects happen in item order and stop at a failure.
	const concurrency = onlyReads(this, items.length) ? client.itemConcurrency : 1;
	const perItem = await inItemOrder(items.length, concurrency, runItem);
	return [perItem.flat()];
}

function onlyReads(context: IExecuteFunctions, count: number): boolean {
	try {
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			if (!READ_ONLY_OPERATIONS.has(context.getNodeParameter('operation', itemIndex) as string)) return false;
		}
		return true;
	} catch {
		return false;
	}
}

/**
 * Runs `work` for items 0…count-1, at most `concurrency` at a time, started in item order; the results
 * come back in item order. After a failure no further item starts; the ones under way finish, and the
 * error of the lowest failed item is thrown: with concurrency 1 exactly a plain loop.
 */
async function inItemOrder<T>(count: number, concurrency: number, work: (itemIndex: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && failures.size === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await work(itemIndex);
			} catch (error) {
				failures.set(itemIndex, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return results;
}

/** Keeps n8n's own errors (with their item index) and wraps anything else, redacted. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	client: TrutoClient,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), client.redact(String((error as Error)?.message ?? error)), {
		itemIndex,
	});
}

function errorJson(error: unknown, client: Pick<TrutoClient, 'redact'>): IDataObject {
	const json: IDataObject = { error: client.redact(String((error as Error)?.message ?? error)) };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = client.redact(error.description);
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}
