import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../shared/helpers/simplify';
import type { ItemOptions, ResourceDefinition } from '../../shared/model/types';

type RecordShape = (record: IDataObject) => IDataObject;

/**
 * What one read record becomes in the output: computed fields first (Seat Utilization), then the
 * Output choice. Simplified needs the unified shape; raw answers (Response Format → Raw) are each
 * app's own and stay whole. Applied record by record as pages arrive, so a large listing never holds
 * its full records and their short forms at once.
 */
export function outputShape(resource: ResourceDefinition, options: ItemOptions): RecordShape | undefined {
	const decorate = resource.decorate?.(options);
	const output = options.output;
	let shape: RecordShape | undefined;
	if (output?.mode === 'selectedFields') shape = (record) => pickFields(record, output.fields);
	else if (output?.mode === 'simplified' && options.responseFormat !== 'raw') shape = resource.simplify;
	if (decorate && shape) {
		const last = shape;
		return (record) => last(decorate(record));
	}
	return shape ?? decorate;
}
