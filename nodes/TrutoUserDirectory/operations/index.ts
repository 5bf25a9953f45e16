import type { IDataObject } from 'n8n-workflow';

import type { AccountCall, EnvironmentCall, ItemInput } from '../../shared/parameters/itemInput';
import type { OperationName } from '../../shared/model/types';
import type { ExecutionScope } from '../execution';
import { createReconnectLink } from './createReconnectLink';
import { get } from './get';
import { getAll } from './getAll';
import { write } from './write';

export type Operation = (execution: ExecutionScope, input: ItemInput) => Promise<IDataObject[]>;

/** Writes exist on the resources of an integrated account only; no environment resource lists them. */
function onAccount(operation: (execution: ExecutionScope, input: AccountCall) => Promise<IDataObject[]>): Operation {
	return async (execution, input) => {
		if (input.kind !== 'account') throw new Error(`${input.operation} is a call of an integrated account`);
		return await operation(execution, input);
	};
}

/** Create Reconnect Link is about the account itself, a call on the environment. */
function onEnvironment(operation: (execution: ExecutionScope, input: EnvironmentCall) => Promise<IDataObject[]>): Operation {
	return async (execution, input) => {
		if (input.kind !== 'environment') throw new Error(`${input.operation} is a call on the Truto environment`);
		return await operation(execution, input);
	};
}

export const OPERATIONS: Record<OperationName, Operation> = {
	getAll,
	get,
	create: onAccount(write),
	update: onAccount(write),
	delete: onAccount(write),
	removeUser: onAccount(write),
	deactivate: onAccount(write),
	suspend: onAccount(write),
	createReconnectLink: onEnvironment(createReconnectLink),
};
