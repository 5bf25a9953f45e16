import type { IBinaryKeyData, IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationChoices } from '../shared/editor/resourceFields';
import type { ExecutionScope } from './execution';

/**
 * An operation that is a job over many integrated accounts rather than one Truto call (Seat
 * Reclamation → Find Reclaimable Seats): its form and its execute live together in its feature folder.
 */
export interface FeatureOperation {
	/** Parameter value saved in workflows (never rename). */
	value: string;
	name: string;
	action: string;
	description: string;
	/** Changes data in the apps: items then run one at a time, in order. */
	writes: boolean;
	/** The operation's own parameters, shown only for it. */
	properties: INodeProperties[];
	execute: (execution: ExecutionScope, itemIndex: number) => Promise<IDataObject[]>;
	/**
	 * Its items share one run's readings (Find Accounts: each account listed and read once for all):
	 * they start all at once, as an item adds no reading of its own, and each item's output is built as
	 * soon as its accounts are read instead of after the items before it.
	 */
	itemsShareReadings?: boolean;
	/**
	 * Runs every input item at once (Reclaim Seats: accounts side by side, one write at a time per
	 * account), when all items ask for this operation; handles On Error per item itself.
	 */
	executeAll?: (execution: ExecutionScope, itemIndices: number[]) => Promise<INodeExecutionData[]>;
}

/** A resource of the node made of such operations; it sits in the Resource list beside Truto's resources. */
export interface Feature {
	/** Parameter value saved in workflows (never rename). */
	value: string;
	name: string;
	/** One line for people and AI agents: what it is good for. */
	summary: string;
	operations: FeatureOperation[];
}

/** The Operation field of a feature, opening on its first operation. */
export function featureOperationProperty(feature: Feature): INodeProperties {
	return operationChoices(
		feature.value,
		feature.operations.map(({ name, value, action, description }) => ({ name, value, action, description })),
	);
}

/** Files a feature's output item carries (a CSV for auditors), kept beside its JSON until the router builds the item. */
const binaries = new WeakMap<IDataObject, IBinaryKeyData>();

/** The item `json`, output with `binary` as its files. */
export function withBinary(json: IDataObject, binary: IBinaryKeyData): IDataObject {
	binaries.set(json, binary);
	return json;
}

/** The files an output item carries, if any. */
export function binaryOf(json: IDataObject): { binary?: IBinaryKeyData } {
	const binary = binaries.get(json);
	return binary ? { binary } : {};
}
