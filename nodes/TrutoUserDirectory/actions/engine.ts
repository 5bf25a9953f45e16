import { randomUUID } from 'crypto';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { checkCall } from '../../shared/checks/preflight';
import { fieldNaming } from '../../shared/model/naming';
import type { OperationName, ResourceDefinition } from '../../shared/model/types';
import type { ReadScope } from './readBack';

/**
 * What the acting operations (Reclaim Seats, Offboard, Revoke Access) share in acting on one user: whom
 * they act on, the fields every outcome has, the one write step (checked like every call of the node,
 * then sent once with its own Idempotency-Key), and that a failure is an outcome, never a throw.
 */

/** One user of one integrated account to act on. */
export interface UserTarget {
	accountId: string;
	userId: string;
	dryRun: boolean;
}

/** The fields every outcome of acting on a user has, null where they do not apply. */
export interface ActingResult<Outcome extends string> {
	outcome: Outcome;
	/** One sentence: what was done and seen, or why nothing was. */
	reason: string;
	undo: string | null;
	error: string | null;
	hint: string | null;
}

/** One write, as it is checked and sent. */
export interface ActionCall {
	resource: ResourceDefinition;
	operation: OperationName;
	method: IHttpRequestMethods;
	path: string[];
	body?: IDataObject;
}

/** The write as sent (or, on a dry run, as it would be): "POST /unified/user-directory/users/deactivate { user_id }". */
export const describeCall = (call: ActionCall): string => `${call.method} /${call.path.join('/')}${call.body ? ` ${JSON.stringify(call.body)}` : ''}`;

/** An error as an outcome says it: the message, and the transport's hint where it gave one. */
export const messageOf = (error: unknown): { error: string; hint: string | null } => {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return { error: error.message, hint: error.description ?? null };
	return { error: String((error as Error)?.message ?? error), hint: null };
};

/**
 * `act`'s result; when it throws, the result `failed` makes of the error's message and hint, so one
 * user never stops the others.
 */
export async function failedOnThrow<R>(act: () => Promise<R>, failed: (message: { error: string; hint: string | null }) => R): Promise<R> {
	try {
		return await act();
	} catch (error) {
		return failed(messageOf(error));
	}
}

/** A write's result: sent and accepted (with its key), refused before sending (no key), or refused by Truto or the app. */
export type Sent = { ok: true; idempotency_key: string } | { ok: false; sent: boolean; idempotency_key: string | null; error: string; hint: string | null };

/**
 * One write: checked like every call of the node (account health, capabilities, required fields),
 * then sent once with a new Idempotency-Key. Never throws.
 */
export async function sendAction(scope: ReadScope, accountId: string, call: ActionCall): Promise<Sent> {
	try {
		await checkCall(scope.metadata, { resource: call.resource, operation: call.operation, accountId, query: {}, body: call.body, naming: fieldNaming(call.resource, call.operation) }, { node: scope.node, itemIndex: scope.itemIndex ?? 0 });
	} catch (error) {
		return { ok: false, sent: false, idempotency_key: null, ...messageOf(error) };
	}
	const idempotencyKey = randomUUID();
	const outcome = await scope.client.exchange({ method: call.method, path: call.path, accountId, body: call.body, idempotencyKey, itemIndex: scope.itemIndex });
	return outcome.ok ? { ok: true, idempotency_key: idempotencyKey } : { ok: false, sent: true, idempotency_key: idempotencyKey, ...messageOf(outcome.error) };
}
