import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TrutoClient } from '../../transport';
import type { MetadataCache } from '../../transport/metadata';
import type { OperationName, ResourceDefinition } from '../types';
import { get } from './get';
import { getAll } from './getAll';
import { write } from './write';

export type Operation = (
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
	metadata: MetadataCache,
) => Promise<IDataObject[]>;

export const OPERATIONS: Record<OperationName, Operation> = {
	getAll,
	get,
	create: write('create'),
	update: write('update'),
	delete: write('delete'),
	removeUser: write('removeUser'),
};
