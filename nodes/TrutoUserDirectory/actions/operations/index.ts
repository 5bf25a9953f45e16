import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TrutoClient } from '../../transport';
import type { OperationName, ResourceDefinition } from '../types';
import { get } from './get';
import { getAll } from './getAll';

export type Operation = (
	this: IExecuteFunctions,
	client: TrutoClient,
	resource: ResourceDefinition,
	itemIndex: number,
) => Promise<IDataObject[]>;

export const OPERATIONS: Record<OperationName, Operation> = { getAll, get };
