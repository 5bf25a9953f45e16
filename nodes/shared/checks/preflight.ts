import type { IDataObject } from 'n8n-workflow';

import { listNames } from '../helpers/text';
import { inputError, type ItemLocation } from '../parameters/itemLocation';
import { type FieldNaming, JSON_BODY } from '../model/naming';
import { OPERATION_SPECS, trutoMethod } from '../model/operations';
import type { OperationName, ResourceDefinition } from '../model/types';
import type { MetadataCache, ParameterSpec } from '../transport';
import { accountProblem, storeProblem } from './accountChecks';

/** A unified call as it will be sent, checked before it is. */
export interface PlannedCall {
	resource: ResourceDefinition;
	operation: OperationName;
	accountId?: string;
	query: IDataObject;
	body?: IDataObject;
	naming: FieldNaming;
}

function present(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	return !(Array.isArray(value) && value.length === 0);
}

function missing(specs: ParameterSpec[] | null, sent: IDataObject, defaults: IDataObject): string[] {
	return (specs ?? [])
		.filter((spec) => spec.required && !present(sent[spec.name]) && !present(defaults[spec.name]))
		.map((spec) => spec.name);
}

/**
 * Checks a call against what Truto says the account's integration supports and requires, and stops
 * the item with a message that names the integration and the fields to fill in, before anything is
 * sent. Capabilities, account and metadata come from the per-execution cache; when Truto cannot
 * answer one of them, that check is skipped and the call itself reports any problem.
 */
export async function checkCall(metadata: MetadataCache, call: PlannedCall, location: ItemLocation): Promise<void> {
	const { resource, operation, accountId } = call;
	if (accountId === undefined) return;
	const account = await metadata.account(accountId);
	if (!account) return;
	const spec = OPERATION_SPECS[operation];
	const method = trutoMethod(resource, operation);

	// SuperQuery reads Truto's synced store in a region. Truto documents neither that it answers for an
	// account that needs reconnecting nor that it refuses: such a read is sent and Truto's answer shown.
	const region = call.query.truto_super_query;
	const fromStore = region !== undefined;
	const problem =
		accountProblem(account, await metadata.capabilityAccount(accountId), {
			writes: spec.writes,
			purpose: spec.purpose(resource),
			readsStore: fromStore,
		}) ?? (fromStore ? storeProblem(account, String(region)) : undefined);
	if (problem) throw inputError(location, problem.message, problem.description);

	const capabilities = await metadata.capabilities(accountId);
	if (capabilities) {
		const methods = capabilities.get(resource.path);
		if (!methods) {
			throw inputError(
				location,
				`${account.integration} does not support ${resource.plural} through Truto; it supports: ${[...capabilities.keys()].join(', ')}`,
				`Truto's capabilities for this integrated account list no ${resource.path} resource, so nothing was sent. Choose another resource, or another integrated account.`,
			);
		}
		if (!methods.includes(method)) {
			throw inputError(
				location,
				`${account.integration} does not support ${spec.gerund(resource)} through Truto; it supports: ${methods.join(', ')}`,
				`Truto's capabilities for this integrated account list no "${method}" method on ${resource.path}, so nothing was sent. Choose another operation, or another integrated account.`,
			);
		}
	}

	const meta = await metadata.meta(accountId, resource.path, method);
	if (!meta) return;
	// Also for SuperQuery: Truto does not document that its store skips the list's required parameters.
	const missingQuery = missing(meta.query, call.query, meta.defaultQuery).map(call.naming.query);
	const missingBody = call.body ? missing(meta.body, call.body, meta.defaultBody).map(call.naming.body) : [];
	const fields = [...missingQuery, ...missingBody];
	if (fields.length === 0) return;
	throw inputError(
		location,
		`${account.integration} needs ${listNames(fields)} ${spec.purpose(resource)}`,
		`Fill in ${listNames(fields)} on the node: Truto's metadata for ${account.integration} marks ${fields.length > 1 ? 'them' : 'it'} as required, so nothing was sent.` +
			(missingBody.length ? ` Body fields can also be given in ${JSON_BODY.displayName}.` : '') +
			(meta.documentationLink ? ` See ${meta.documentationLink}` : ''),
	);
}
