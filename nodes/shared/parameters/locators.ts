import type { INodeProperties } from 'n8n-workflow';

import { idOperations } from '../model/operations';
import { integratedAccount } from '../model/resources/integratedAccount';
import type { ResourceDefinition } from '../model/types';
import { segmentProblem } from '../transport';
import { inputError, type ItemLocation } from './itemLocation';

const ACCOUNT_DESCRIPTION =
	'The connected customer account to read from: one tenant of one app, such as GitHub · acme-corp. Its ID is a UUID from Truto.';

/**
 * The Integrated Account picker every Truto node shows (a fresh object each time, to place as it
 * needs); `searchListMethod` lists the accounts in another order (identity providers first).
 */
export function integratedAccountLocator(extra: Partial<INodeProperties> = {}, searchListMethod = 'searchIntegratedAccounts'): INodeProperties {
	return {
		displayName: 'Integrated Account',
		name: 'integratedAccount',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: ACCOUNT_DESCRIPTION,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an integrated account...',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 62f44730-dd91-461e-bd6a-aedd9e0ad79d',
			},
		],
		...extra,
	};
}

/**
 * The account a call reads from. Shown for every unified resource, and as the account Integrated
 * Account → Get fetches or Create Reconnect Link reconnects (same parameter name, one saved value).
 */
export function integratedAccountProperties(unified: ResourceDefinition[]): INodeProperties[] {
	return [
		integratedAccountLocator({ displayOptions: { show: { resource: unified.map((resource) => resource.value) } } }),
		integratedAccountLocator({
			displayOptions: { show: { resource: [integratedAccount.value], operation: idOperations(integratedAccount) } },
		}),
	];
}

export function recordLocator(
	displayName: string,
	name: string,
	searchMethod: string,
	example: string,
	extra: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${displayName.toLowerCase().startsWith('o') ? 'an' : 'a'} ${displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: example },
		],
		...extra,
	};
}

/** The resource's own record locator, for the operations that work on one record (Get, Update, Delete). */
export function idProperty(resource: ResourceDefinition): INodeProperties[] {
	const operations = idOperations(resource);
	if (!resource.id || operations.length === 0) return [];
	return [
		recordLocator(resource.name, resource.id.parameter, resource.id.searchMethod, resource.id.example, {
			required: true,
			description: `The ${resource.singular}, from the list or by its ID in the app`,
			displayOptions: { show: { resource: [resource.value], operation: operations } },
		}),
	];
}

/** Records of other resources picked for an operation's body (Group → Remove User: the group and the user). */
export function referenceProperties(resource: ResourceDefinition, find: (value: string) => ResourceDefinition | undefined): INodeProperties[] {
	return resource.operations.flatMap((operation) =>
		(resource.operationSettings?.[operation]?.bodyReferences ?? []).map((reference) => {
			const target = find(reference.resource);
			if (!target?.id) throw new Error(`${resource.value}.${operation}: ${reference.resource} has no ID locator`);
			return recordLocator(target.name, target.id.parameter, target.id.searchMethod, target.id.example, {
				required: true,
				description: `The ${target.singular}, from the list or by its ID in the app (sent as ${reference.sendAs})`,
				displayOptions: { show: { resource: [resource.value], operation: [operation] } },
			});
		}),
	);
}

/** A resource locator's value as text (already extracted by n8n); every failure names the field. */
export function locatorText(
	location: ItemLocation,
	raw: unknown,
	displayName: string,
	options: { required: boolean },
): string | undefined {
	if (raw !== null && typeof raw === 'object') {
		throw inputError(
			location,
			`${displayName} must be an ID, not ${Array.isArray(raw) ? 'a list' : 'an object'}`,
			`The expression for ${displayName} resolved to ${JSON.stringify(raw).slice(0, 100)}. Point it at the ID field, e.g. {{ $json.id }}.`,
		);
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		if (!options.required) return undefined;
		throw inputError(location, `${displayName} is empty`, `Choose ${displayName.toLowerCase()} from the list, or enter its ID.`);
	}
	return value;
}

/** The ID of a record, refused here when it could never be sent as a path segment ("..", far too long). */
export function recordIdText(location: ItemLocation, raw: unknown, displayName: string): string {
	const id = locatorText(location, raw, displayName, { required: true }) as string;
	const problem = segmentProblem(id);
	if (problem) throw inputError(location, problem.message, problem.description);
	return id;
}
