import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { toRecords } from '../../shared/helpers/items';
import type { AccountCall } from '../../shared/parameters/itemInput';
import { OPERATION_SPECS, trutoMethod } from '../../shared/model/operations';
import { unifiedPath } from '../../shared/transport';
import { isGone } from '../../shared/helpers/seats';
import { preflight } from './preflight';
import type { ExecutionScope } from '../execution';
import { readUser } from '../actions/readBack';

const ALREADY_DELETED =
	'The answer to the first delete request was lost and the repeated request found the record gone: the first request deleted it.';

/**
 * Create, Update, Delete and custom methods (Remove User), for any resource that has them: the
 * record's ID in the path where the operation needs one, the body read with the item, and an
 * Idempotency-Key made once per item, so that the transport's retries of this write can never act twice.
 */
export async function write(execution: ExecutionScope, input: AccountCall): Promise<IDataObject[]> {
	const { resource, operation, recordId } = input;
	const spec = OPERATION_SPECS[operation];
	const path =
		spec.method === 'custom'
			? unifiedPath(resource.path, trutoMethod(resource, operation))
			: unifiedPath(resource.path, ...(recordId === undefined ? [] : [recordId]));
	await preflight(execution, input);

	const outcome = await execution.client.exchange({
		method: spec.http,
		path,
		accountId: input.accountId,
		query: input.query,
		body: input.body,
		idempotencyKey: randomUUID(),
		itemIndex: input.itemIndex,
		describeParameter: input.naming.query,
	});
	if (!outcome.ok) throw outcome.error;
	// Apps answer deletes and custom methods with anything from nothing to the old record:
	// the node answers the same way for every app.
	if (operation === 'delete') {
		if (!outcome.alreadyDone) return [{ deleted: true, id: recordId }];
		return [{ deleted: true, id: recordId, note: ALREADY_DELETED }];
	}
	if (operation === 'removeUser') return [{ removed: true, ...input.references }];
	if (operation === 'deactivate' || operation === 'suspend') return [await statusReadBack(execution, input, operation)];
	return toRecords(outcome.body);
}

/**
 * After User → Deactivate / Suspend, the user is read back: `deactivated` (or `suspended`) is true
 * only when the app now reports the user gone, false when it still reports them active, and null
 * when nothing could be read back (`verified: false`, `note` says why).
 */
async function statusReadBack(execution: ExecutionScope, input: AccountCall, operation: 'deactivate' | 'suspend'): Promise<IDataObject> {
	const userId = String(input.recordId);
	const field = operation === 'deactivate' ? 'deactivated' : 'suspended';
	const read = await readUser({ client: execution.client, metadata: execution.metadata, node: execution.context.getNode(), itemIndex: input.itemIndex }, input.accountId, userId);
	if (read.state === 'unreadable') {
		return { user_id: userId, [field]: null, verified: false, status: null, note: `Truto accepted the request, but the result could not be verified: ${read.why}.` };
	}
	if (read.state === 'gone') {
		return { user_id: userId, [field]: true, verified: true, status: null, note: 'Read back: the app no longer has this user.' };
	}
	const status = typeof read.user.status === 'string' ? read.user.status : null;
	if (isGone(status)) return { user_id: userId, [field]: true, verified: true, status };
	return {
		user_id: userId,
		[field]: false,
		verified: true,
		status,
		note: `Truto accepted the request, but reading the user back, the app reports status ${JSON.stringify(status)}.`,
	};
}
