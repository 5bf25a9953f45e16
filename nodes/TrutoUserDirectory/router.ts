import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readItemInput } from '../shared/parameters/itemInput';
import { OPERATION_SPECS } from '../shared/model/operations';
import type { OperationName } from '../shared/model/types';
import { MetadataCache, TrutoClient } from '../shared/transport';
import { inItemOrder, ITEM_CONCURRENCY } from './boundedConcurrency';
import { OPERATIONS } from './operations';
import { type ExecutionScope, failedItem, PartialPages } from './execution';
import { binaryOf, type FeatureOperation } from './feature';
import { featureOperation } from './resources';

/** Settings of one run given in code (tests and benchmarks compare one item at a time with the default). */
export interface RunSettings {
	itemConcurrency?: number;
}

/**
 * The action node's execute: one client and one set of pre-flight look-ups per run, each item read
 * once (shared/parameters/itemInput.ts) and run by its operation, with n8n's On Error semantics per item.
 */
export async function router(this: IExecuteFunctions, settings: RunSettings = {}): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	let client: TrutoClient;
	try {
		client = await TrutoClient.create(this);
	} catch (error) {
		// A broken credential (no token, a mistyped Base URL) fails every item alike; with On Error →
		// Continue each item still gets its own error item. Those messages carry no secret.
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error);
		const unchanged = { redact: (text: string) => text };
		return [items.map((_, itemIndex) => failedItem(this, errorJson(error, unchanged), asNodeError(this, error, itemIndex, unchanged), itemIndex))];
	}
	// Account, capabilities and per-integration metadata for the pre-flight checks: fetched once per
	// execution and shared by all items (see transport/metadata.ts).
	const execution: ExecutionScope = { context: this, client, metadata: new MetadataCache(client), partialPages: new PartialPages() };

	// A feature operation every item asks for: run all at once (Reclaim Seats), or items sharing readings.
	const everyItems = everyItemsFeatureOperation(this, items.length);
	if (everyItems?.executeAll) {
		try {
			return [await everyItems.executeAll(execution, items.map((_, itemIndex) => itemIndex))];
		} catch (error) {
			throw asNodeError(this, error, 0, client);
		}
	}

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			// Records of one item are kept apart until it succeeds: a failure never leaves half a list behind.
			const records: IDataObject[] = await runOperation(execution, itemIndex);
			return records.map((json) => ({ json, ...binaryOf(json), pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail() || calledAsTool(this)) return [failedItem(this, errorJson(error, client), asNodeError(this, error, itemIndex, client), itemIndex)];
			throw asNodeError(this, error, itemIndex, client);
		}
	};

	// Reads of many items run a few at a time (the transport's request budget keeps them under Truto's
	// limits), items sharing one run's readings all at once; writes stay one by one so that their
	// effects happen in item order and stop at a failure.
	const concurrency = onlyReads(this, items.length) ? (settings.itemConcurrency ?? (everyItems?.itemsShareReadings ? items.length : ITEM_CONCURRENCY)) : 1;
	const perItem = await inItemOrder(items.length, concurrency, runItem);
	await warnOfPartialPages(execution);
	return [perItem.flat()];
}

/** A feature's operation (a job over many accounts), or one Truto call read from the item's parameters. */
async function runOperation(execution: ExecutionScope, itemIndex: number): Promise<IDataObject[]> {
	const { context } = execution;
	const feature = featureOperation(context.getNodeParameter('resource', itemIndex, ''), context.getNodeParameter('operation', itemIndex, ''));
	if (feature) return await feature.execute(execution, itemIndex);
	const input = readItemInput(context, itemIndex);
	return await OPERATIONS[input.operation](execution, input);
}

/**
 * A page Truto flagged `is_partial_response` holds less than the app has: the output is shown with a
 * warning naming each account and how many of its pages were partial.
 */
async function warnOfPartialPages(execution: ExecutionScope): Promise<void> {
	const hints = [];
	for (const [accountId, { partial, pages }] of execution.partialPages.entries()) {
		const account = await execution.metadata.account(accountId);
		hints.push({
			message: `${account?.label ?? `Integrated account ${accountId}`}: Truto marked ${partial} of ${pages} page${pages === 1 ? '' : 's'} as partial (is_partial_response), so the app returned less than it has and this list may miss records. Run again later for a complete list.`,
			type: 'warning' as const,
			location: 'outputPane' as const,
		});
	}
	// addExecutionHints exists in every n8n this package supports; the check keeps older hosts working.
	if (hints.length && typeof execution.context.addExecutionHints === 'function') execution.context.addExecutionHints(...hints);
}

/**
 * Run as an AI agent's tool (n8n's `…Tool` variant of the node): a failed call is answered with the
 * error and its hint as the tool's result, so the model reads what went wrong and can correct its
 * call. Some n8n versions (2.8) would otherwise fail the agent's whole execution.
 */
function calledAsTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/** The feature operation every item asks for, when they all ask for the same one. */
function everyItemsFeatureOperation(context: IExecuteFunctions, count: number): FeatureOperation | undefined {
	try {
		const first = featureOperation(context.getNodeParameter('resource', 0, ''), context.getNodeParameter('operation', 0, ''));
		if (!first) return undefined;
		for (let itemIndex = 1; itemIndex < count; itemIndex++) {
			if (featureOperation(context.getNodeParameter('resource', itemIndex, ''), context.getNodeParameter('operation', itemIndex, '')) !== first) return undefined;
		}
		return first;
	} catch {
		return undefined;
	}
}

function onlyReads(context: IExecuteFunctions, count: number): boolean {
	try {
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			const operation = context.getNodeParameter('operation', itemIndex) as OperationName;
			const feature = featureOperation(context.getNodeParameter('resource', itemIndex), operation);
			if ((feature ?? OPERATION_SPECS[operation])?.writes !== false) return false;
		}
		return true;
	} catch {
		return false;
	}
}

/** Keeps n8n's own errors (with their item index) and wraps anything else, redacted. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	client: Pick<TrutoClient, 'redact'>,
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
