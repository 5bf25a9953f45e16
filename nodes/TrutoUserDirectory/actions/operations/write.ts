import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toRecords } from '../../helpers/items';
import { type TrutoClient, unifiedPath } from '../../transport';
import type { MetadataCache } from '../../transport/metadata';
import { BODY_FIELDS, JSON_BODY, writeBody } from '../dynamicFields';
import { OPERATION_SPECS, trutoMethod } from '../operationSpecs';
import { readBodyReferences, readIntegratedAccount, readRecordId } from '../parameters';
import { preflight } from '../preflight';
import { findResource } from '../resources';
import type { OperationName, ResourceDefinition } from '../types';
import { unifiedQuery } from './query';

/**
 * Create, Update, Delete and custom methods (Remove User), for any resource that has them: the
 * record's ID in the path where the operation needs one, a body from Fields + Raw JSON Body + the
 * named references, and an Idempotency-Key made once per item, so that the transport's retries of
 * this write can never act twice.
 */
export function write(operation: OperationName) {
	const spec = OPERATION_SPECS[operation];
	return async function (
		this: IExecuteFunctions,
		client: TrutoClient,
		resource: ResourceDefinition,
		itemIndex: number,
		metadata: MetadataCache,
	): Promise<IDataObject[]> {
		const accountId = readIntegratedAccount(this, itemIndex);
		const id = spec.needsId ? readRecordId(this, resource, itemIndex) : undefined;
		const references = readBodyReferences(this, resource, operation, itemIndex, findResource);
		const query = unifiedQuery(this, resource, operation, accountId, itemIndex);
		const body = spec.hasBody ? writeBody(this, itemIndex, references) : undefined;
		if (operation === 'update' && body && Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), `Nothing to update: no field of the ${resource.singular} was given`, {
				itemIndex,
				description: `Add the fields to change under ${BODY_FIELDS.displayName}, or as a JSON object in ${JSON_BODY.displayName}.`,
			});
		}
		const path =
			spec.method === 'custom'
				? unifiedPath(resource.path, trutoMethod(resource, operation))
				: unifiedPath(resource.path, ...(id === undefined ? [] : [id]));
		// An ID that can never be sent ("..", far too long) is refused before any look-up goes out.
		client.buildUrl(path, query);
		await preflight(this, metadata, { resource, operation, accountId, query, body }, itemIndex);

		const answer = await client.request({
			method: spec.http,
			path,
			query,
			body,
			idempotencyKey: randomUUID(),
			itemIndex,
		});
		// Apps answer deletes and custom methods with anything from nothing to the old record:
		// the node answers the same way for every app.
		if (operation === 'delete') return [{ deleted: true, id }];
		if (operation === 'removeUser') return [{ removed: true, ...references }];
		return toRecords(answer);
	};
}
