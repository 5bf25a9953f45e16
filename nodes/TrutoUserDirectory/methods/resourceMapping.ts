import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { dynamicBodySpecs, dynamicQuerySpecs, mapperField } from '../actions/dynamicFields';
import { OPERATION_SPECS, trutoMethod } from '../actions/operationSpecs';
import { findResource } from '../actions/resources';
import type { OperationName, ResourceDefinition } from '../actions/types';
import { type MethodMeta, MetadataCache, type ParameterSpec } from '../transport/metadata';

function current(context: ILoadOptionsFunctions, name: string): string | undefined {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
		return typeof value === 'string' && value.trim() ? value.trim() : undefined;
	} catch {
		return undefined;
	}
}

type Chooser = (resource: ResourceDefinition, operation: OperationName, meta: MethodMeta) => ParameterSpec[];

/**
 * Reads Truto's metadata for the chosen account, resource and operation, and turns the chosen part of
 * it into resource-mapper fields. Whatever is missing (no account yet, an unsupported operation,
 * no metadata) becomes a notice in the editor instead of an error.
 */
async function fieldsFor(context: ILoadOptionsFunctions, choose: Chooser): Promise<ResourceMapperFields> {
	const resource = findResource(current(context, 'resource') ?? '');
	const operation = current(context, 'operation') as OperationName | undefined;
	if (!resource || resource.scope !== 'unified' || !operation || !resource.operations.includes(operation)) {
		return { fields: [], emptyFieldsNotice: 'Choose a resource and an operation first.' };
	}
	const accountId = current(context, 'integratedAccount');
	if (!accountId) {
		return { fields: [], emptyFieldsNotice: "Choose an integrated account first: the fields depend on its integration." };
	}
	const metadata = await MetadataCache.create(context);
	const method = trutoMethod(resource, operation);
	const [account, capabilities] = await Promise.all([metadata.account(accountId), metadata.capabilities(accountId)]);
	const integration = account?.integration ?? 'This integration';
	const methods = capabilities?.get(resource.path);
	if (capabilities && !methods?.includes(method)) {
		return {
			fields: [],
			emptyFieldsNotice: `${integration} does not support ${OPERATION_SPECS[operation].gerund(resource)} through Truto.`,
		};
	}
	const meta = await metadata.meta(accountId, resource.path, method);
	if (!meta) {
		return { fields: [], emptyFieldsNotice: `Truto has no field list for ${integration} here; use the named fields and Options.` };
	}
	return { fields: choose(resource, operation, meta).map(mapperField) };
}

export async function getQueryFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, (resource, operation, meta) => dynamicQuerySpecs(resource, operation, meta.query));
}

export async function getBodyFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor(this, (resource, operation, meta) => dynamicBodySpecs(resource, operation, meta.body ?? []));
}

export const resourceMapping = { getQueryFields, getBodyFields };
