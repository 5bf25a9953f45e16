import type { IDataObject } from 'n8n-workflow';

import type { ItemInput } from '../../shared/parameters/itemInput';
import type { OperationName } from '../../shared/model/types';
import type { ExecutionScope } from '../execution';
import { createReconnectLink } from './createReconnectLink';
import { get } from './get';
import { getAll } from './getAll';
import { write } from './write';

export type Operation = (execution: ExecutionScope, input: ItemInput) => Promise<IDataObject[]>;

export const OPERATIONS: Record<OperationName, Operation> = {
	getAll,
	get,
	create: write,
	update: write,
	delete: write,
	removeUser: write,
	createReconnectLink,
};
