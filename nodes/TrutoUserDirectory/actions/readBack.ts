import type { IDataObject, INode } from 'n8n-workflow';

import { numberOrNull } from '../../shared/helpers/seats';
import { type MetadataCache, type TrutoClient, unifiedPath } from '../../shared/transport';

/**
 * Reading a user or a license back after a write: "nothing is reported done unless seen done". A read
 * that the app does not offer, or that fails, is said as such, never taken for success.
 */

export type UserRead =
	| { state: 'found'; user: IDataObject }
	/** The app answered 404: it has no such user (any more). */
	| { state: 'gone' }
	/** The app offers no way to read it through Truto, or the read failed: `why` says which. */
	| { state: 'unreadable'; why: string };

export interface ReadScope {
	client: TrutoClient;
	metadata: MetadataCache;
	/** The node, for the messages of checks made before a write. */
	node: INode;
	itemIndex?: number;
}

async function canGet(scope: ReadScope, accountId: string, resourcePath: string): Promise<boolean> {
	const capabilities = await scope.metadata.capabilities(accountId);
	// Without capabilities (Truto could not say) the read is tried: its answer says the rest.
	return !capabilities || (capabilities.get(resourcePath) ?? []).includes('get');
}

/** One user as the app has it now (GET users/{id}, without remote_data). */
export async function readUser(scope: ReadScope, accountId: string, userId: string): Promise<UserRead> {
	if (!(await canGet(scope, accountId, 'users'))) {
		const account = await scope.metadata.account(accountId);
		return { state: 'unreadable', why: `${account?.integration ?? 'The app'} does not let Truto get a user (its capabilities list no "get" on users)` };
	}
	const outcome = await scope.client.exchange({
		path: unifiedPath('users', userId),
		accountId,
		query: { truto_ignore_remote_data: true },
		itemIndex: scope.itemIndex,
	});
	if (outcome.ok) {
		const body = outcome.body;
		if (body && typeof body === 'object' && !Array.isArray(body)) return { state: 'found', user: body as IDataObject };
		return { state: 'unreadable', why: 'Truto answered the read of the user with no record' };
	}
	if (outcome.status === 404) return { state: 'gone' };
	return { state: 'unreadable', why: `reading the user back failed: ${outcome.error.message}` };
}

/** Seats in use of one license now (`assigned_quantity`); a text saying why when it cannot be known. */
export async function readAssignedSeats(scope: ReadScope, accountId: string, licenseId: string): Promise<number | string> {
	if (!(await canGet(scope, accountId, 'licenses'))) return 'the app does not let Truto get a license';
	const outcome = await scope.client.exchange({
		path: unifiedPath('licenses', licenseId),
		accountId,
		query: { truto_ignore_remote_data: true },
		itemIndex: scope.itemIndex,
	});
	if (!outcome.ok) return `reading license ${licenseId} failed: ${outcome.error.message}`;
	const assigned = numberOrNull((outcome.body as IDataObject | undefined)?.assigned_quantity);
	return assigned ?? `license ${licenseId} reports no assigned_quantity`;
}
