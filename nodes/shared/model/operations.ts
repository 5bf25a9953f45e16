import type { IHttpRequestMethods } from 'n8n-workflow';

import { capitalized, withArticle } from '../helpers/text';
import type { OperationName, ResourceDefinition } from './types';

/**
 * What each operation means, the same for every resource: its HTTP shape, Truto's method name (as the
 * capabilities and meta endpoints spell it) and its wording. Resources only list which operations they
 * have; anything special lives in their `operationSettings`.
 */
export interface OperationSpec {
	/** Display name of the operation. */
	name: string;
	/** Truto's method name; `custom` takes it from the resource's `operationSettings[op].customMethod`. */
	method: 'list' | 'get' | 'create' | 'update' | 'delete' | 'custom';
	http: IHttpRequestMethods;
	/** Whether the operation works on one chosen record (its ID in the path; Create Reconnect Link: in the body). */
	needsId: boolean;
	/** Whether a JSON body (fields, raw JSON) is sent. */
	hasBody: boolean;
	/** Changes data: sent with an Idempotency-Key, never run side by side. */
	writes: boolean;
	action: (r: ResourceDefinition) => string;
	description: (r: ResourceDefinition) => string;
	/** For messages: "to list licenses". */
	purpose: (r: ResourceDefinition) => string;
	/** For messages: "listing licenses". */
	gerund: (r: ResourceDefinition) => string;
}

/** How an operation is sent: Truto's method, the HTTP method, and whether a record's ID and a body go along. Anything but a GET writes. */
function sent(method: OperationSpec['method'], http: IHttpRequestMethods, carries: { needsId?: boolean; hasBody?: boolean } = {}) {
	return { method, http, needsId: carries.needsId ?? false, hasBody: carries.hasBody ?? false, writes: http !== 'GET' };
}

/** The words of an operation on one record, from its verb: "Create a user", "to create a user", "creating users". */
function onRecord(verb: string, gerund: string): Pick<OperationSpec, 'action' | 'purpose' | 'gerund'> {
	return {
		action: (r) => `${capitalized(verb)} ${withArticle(r.singular)}`,
		purpose: (r) => `to ${verb} ${withArticle(r.singular)}`,
		gerund: (r) => `${gerund} ${r.plural}`,
	};
}

/** An operation on one record named after its verb (Create, Update …). */
function recordOperation(verb: string, gerund: string, how: ReturnType<typeof sent>, description: OperationSpec['description']): OperationSpec {
	return { name: capitalized(verb), ...how, ...onRecord(verb, gerund), description };
}

/**
 * Deactivate and Suspend: Truto's custom methods that change a record's status, then the record is read
 * back. The record's own locator picks it; the resource's `idSentAs` puts its ID in the body.
 */
function statusChange(verb: string, gerund: string): OperationSpec {
	return recordOperation(verb, gerund, sent('custom', 'POST', { needsId: true, hasBody: true }), (r) =>
		`${capitalized(verb)} one ${r.singular} in the app (Truto's custom method, where the account's capabilities list it), then read the ${r.singular} back`);
}

export const OPERATION_SPECS: Record<OperationName, OperationSpec> = {
	getAll: {
		name: 'Get Many',
		...sent('list', 'GET'),
		action: (r) => `Get many ${r.plural}`,
		description: (r) =>
			r.scope === 'environment'
				? `List the ${r.plural} of your Truto environment, following pages automatically`
				: `List the ${r.plural} of an integrated account, following pages automatically`,
		purpose: (r) => `to list ${r.plural}`,
		gerund: (r) => `listing ${r.plural}`,
	},
	get: recordOperation('get', 'getting', sent('get', 'GET', { needsId: true }), (r) => `Get one ${r.singular} by ID`),
	create: recordOperation('create', 'creating', sent('create', 'POST', { hasBody: true }), (r) => `Create ${withArticle(r.singular)} in the app of an integrated account`),
	update: recordOperation('update', 'updating', sent('update', 'PATCH', { needsId: true, hasBody: true }), (r) => `Change fields of one ${r.singular} by ID; fields left out stay as they are`),
	delete: recordOperation('delete', 'deleting', sent('delete', 'DELETE', { needsId: true }), (r) => `Delete one ${r.singular} by ID in the app`),
	removeUser: {
		name: 'Remove User',
		...sent('custom', 'POST', { hasBody: true }),
		...onRecord('remove a user from', 'removing users from'),
		description: (r) => `Take a user out of ${withArticle(r.singular)}; the user account itself stays`,
	},
	deactivate: statusChange('deactivate', 'deactivating'),
	suspend: statusChange('suspend', 'suspending'),
	createReconnectLink: {
		name: 'Create Reconnect Link',
		// A POST, so it writes: a new link token each time, never side by side, and never sent twice (Truto documents no idempotency key for it).
		...sent('custom', 'POST', { needsId: true }),
		action: () => 'Create a reconnect link for an integrated account',
		description: () =>
			'Get a Truto Link URL the customer opens to connect the account again; the account keeps its ID and settings',
		purpose: () => 'to create a reconnect link',
		gerund: () => 'creating reconnect links',
	},
};

/** Truto's method name of an operation on a resource: list, get, create, update, delete or a custom one. */
export function trutoMethod(resource: ResourceDefinition, operation: OperationName): string {
	const spec = OPERATION_SPECS[operation];
	if (spec.method !== 'custom') return spec.method;
	return resource.operationSettings?.[operation]?.customMethod ?? operation;
}

/** Operations that take a record's ID from the resource's own locator. */
export function idOperations(resource: ResourceDefinition): OperationName[] {
	return resource.operations.filter((operation) => OPERATION_SPECS[operation].needsId);
}
