import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TrutoClient } from '../transport';
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const client = await TrutoClient.create(this, { describeParameter });
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
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
			const records: IDataObject[] = await operation.call(this, client, resource, itemIndex);
			for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorJson(error, client), pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this, error, itemIndex, client);
		}
	}
	return [output];
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

function errorJson(error: unknown, client: TrutoClient): IDataObject {
	const json: IDataObject = { error: client.redact(String((error as Error)?.message ?? error)) };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = client.redact(error.description);
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}
