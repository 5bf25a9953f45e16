import type { IHttpRequestMethods } from 'n8n-workflow';

import { withArticle } from '../helpers/text';
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

export const OPERATION_SPECS: Record<OperationName, OperationSpec> = {
	getAll: {
		name: 'Get Many',
		method: 'list',
		http: 'GET',
		needsId: false,
		hasBody: false,
		writes: false,
		action: (r) => `Get many ${r.plural}`,
		description: (r) =>
			r.scope === 'environment'
				? `List the ${r.plural} of your Truto environment, following pages automatically`
				: `List the ${r.plural} of an integrated account, following pages automatically`,
		purpose: (r) => `to list ${r.plural}`,
		gerund: (r) => `listing ${r.plural}`,
	},
	get: {
		name: 'Get',
		method: 'get',
		http: 'GET',
		needsId: true,
		hasBody: false,
		writes: false,
		action: (r) => `Get ${withArticle(r.singular)}`,
		description: (r) => `Get one ${r.singular} by ID`,
		purpose: (r) => `to get ${withArticle(r.singular)}`,
		gerund: (r) => `getting ${r.plural}`,
	},
	create: {
		name: 'Create',
		method: 'create',
		http: 'POST',
		needsId: false,
		hasBody: true,
		writes: true,
		action: (r) => `Create ${withArticle(r.singular)}`,
		description: (r) => `Create ${withArticle(r.singular)} in the app of an integrated account`,
		purpose: (r) => `to create ${withArticle(r.singular)}`,
		gerund: (r) => `creating ${r.plural}`,
	},
	update: {
		name: 'Update',
		method: 'update',
		http: 'PATCH',
		needsId: true,
		hasBody: true,
		writes: true,
		action: (r) => `Update ${withArticle(r.singular)}`,
		description: (r) => `Change fields of one ${r.singular} by ID; fields left out stay as they are`,
		purpose: (r) => `to update ${withArticle(r.singular)}`,
		gerund: (r) => `updating ${r.plural}`,
	},
	delete: {
		name: 'Delete',
		method: 'delete',
		http: 'DELETE',
		needsId: true,
		hasBody: false,
		writes: true,
		action: (r) => `Delete ${withArticle(r.singular)}`,
		description: (r) => `Delete one ${r.singular} by ID in the app`,
		purpose: (r) => `to delete ${withArticle(r.singular)}`,
		gerund: (r) => `deleting ${r.plural}`,
	},
	removeUser: {
		name: 'Remove User',
		method: 'custom',
		http: 'POST',
		needsId: false,
		hasBody: true,
		writes: true,
		action: (r) => `Remove a user from ${withArticle(r.singular)}`,
		description: (r) => `Take a user out of ${withArticle(r.singular)}; the user account itself stays`,
		purpose: (r) => `to remove a user from ${withArticle(r.singular)}`,
		gerund: (r) => `removing users from ${r.plural}`,
	},
	deactivate: {
		name: 'Deactivate',
		method: 'custom',
		http: 'POST',
		// The record's own locator picks it; the resource's `idSentAs` puts its ID in the body.
		needsId: true,
		hasBody: true,
		writes: true,
		action: (r) => `Deactivate ${withArticle(r.singular)}`,
		description: (r) =>
			`Deactivate one ${r.singular} in the app (Truto's custom method, where the account's capabilities list it), then read the ${r.singular} back`,
		purpose: (r) => `to deactivate ${withArticle(r.singular)}`,
		gerund: (r) => `deactivating ${r.plural}`,
	},
	suspend: {
		name: 'Suspend',
		method: 'custom',
		http: 'POST',
		needsId: true,
		hasBody: true,
		writes: true,
		action: (r) => `Suspend ${withArticle(r.singular)}`,
		description: (r) =>
			`Suspend one ${r.singular} in the app (Truto's custom method, where the account's capabilities list it), then read the ${r.singular} back`,
		purpose: (r) => `to suspend ${withArticle(r.singular)}`,
		gerund: (r) => `suspending ${r.plural}`,
	},
	createReconnectLink: {
		name: 'Create Reconnect Link',
		method: 'custom',
		http: 'POST',
		needsId: true,
		hasBody: false,
		// A new link token each time: never side by side, and never sent twice (Truto documents no idempotency key for it).
		writes: true,
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
