import type { IDataObject } from 'n8n-workflow';

import { storeProblem } from '../../shared/checks/accountChecks';
import type { AccountCall, ItemInput } from '../../shared/parameters/itemInput';
import { inputError } from '../../shared/parameters/itemLocation';
import { ACCOUNT_STORE_REGION } from '../../shared/parameters/options';
import { type ListRequest, unifiedPath } from '../../shared/transport';
import { fitFilterNames } from './filterNames';
import { outputShape } from './outputShape';
import { preflight } from './preflight';
import type { ExecutionScope } from '../execution';

export async function getAll(execution: ExecutionScope, input: ItemInput): Promise<IDataObject[]> {
	const { resource, itemIndex, limit } = input;
	if (input.kind === 'environment') {
		return await execution.client.list({ path: [resource.path], query: input.query, limit, itemIndex });
	}
	const { accountId } = input;
	const call = input.options.superQuery === ACCOUNT_STORE_REGION ? await inAccountStore(execution, input) : input;
	await preflight(execution, call);
	// The metadata is already at hand: the pre-flight read it.
	const query = fitFilterNames(resource, call.query, await execution.metadata.meta(accountId, resource.path, 'list'));
	const request: ListRequest = {
		path: unifiedPath(resource.path),
		accountId,
		query,
		limit,
		itemIndex,
		describeParameter: input.naming.query,
	};
	const keep = resource.listFilter?.(input.options, Date.now());
	return await collect(execution, accountId, request, keep, outputShape(resource, input.options));
}

/**
 * Data Source → the account's own region: the call reads the SuperQuery store its record names
 * (`features.super_query`); an account whose record names none is refused before anything is sent.
 */
async function inAccountStore(execution: ExecutionScope, input: AccountCall): Promise<AccountCall> {
	const location = { node: execution.context.getNode(), itemIndex: input.itemIndex };
	const account = await execution.metadata.account(input.accountId);
	if (!account) {
		throw inputError(
			location,
			`Truto's record of integrated account ${input.accountId} could not be read, so its SuperQuery region is unknown`,
			'Choose SuperQuery (APAC Region) or (WNAM Region) yourself, or Live App; nothing was sent.',
		);
	}
	if (account.superQuery === undefined) {
		const problem = storeProblem(account, ACCOUNT_STORE_REGION);
		if (problem) throw inputError(location, problem.message, problem.description);
	}
	return { ...input, query: { ...input.query, truto_super_query: account.superQuery } };
}

/**
 * Reads the pages of a listing, counting the ones Truto flagged partial. A listing filtered on the
 * node's side (e.g. Inactive Days) counts only the records that pass against Limit, so pages are then
 * read at full size until that many did or the list ends.
 */
async function collect(
	execution: ExecutionScope,
	accountId: string,
	request: ListRequest,
	keep: ((record: IDataObject) => boolean) | undefined,
	shape: ((record: IDataObject) => IDataObject) | undefined,
): Promise<IDataObject[]> {
	const wanted = request.limit ?? Number.POSITIVE_INFINITY;
	const records: IDataObject[] = [];
	let pages = 0;
	let partial = 0;
	try {
		for await (const page of execution.client.pages(keep ? { ...request, limit: undefined } : request)) {
			pages++;
			if (page.partial) partial++;
			for (const record of page.records) {
				if (keep && !keep(record)) continue;
				records.push(shape ? shape(record) : record);
				if (records.length >= wanted) return records;
			}
		}
		return records;
	} finally {
		execution.partialPages.count(accountId, pages, partial);
	}
}
