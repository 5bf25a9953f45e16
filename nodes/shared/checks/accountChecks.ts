import type { AccountInfo, CapabilityAccount } from '../transport';

/** Why an integrated account cannot take a call at all, with what to do about it. */
export interface AccountProblem {
	kind: 'reconnect' | 'blocked' | 'readOnly' | 'noStore';
	message: string;
	description: string;
}

/**
 * The account-wide reasons a call would fail, known before sending it from the account record and
 * the capabilities answer: a status other than active (every call to the app fails until the customer
 * reconnects), a block in Truto (every call answers 503), a write to a read-only sandbox account.
 * A SuperQuery read (`readsStore`) of an account that needs reconnecting is sent all the same: Truto
 * documents neither that its store answers then nor that it refuses, so Truto's answer is reported.
 */
export function accountProblem(
	account: AccountInfo,
	capability: CapabilityAccount | undefined,
	call: { writes: boolean; purpose: string; readsStore?: boolean },
): AccountProblem | undefined {
	if (capability?.blocked) {
		return {
			kind: 'blocked',
			message: `The integrated account ${account.label} is blocked in Truto`,
			// Truto's blocklist, not a setting of the account: its operator guide sends you to Truto support.
			description: 'Truto answers every call for a blocked account with 503. Truto blocks accounts from its own blocklist: contact Truto support (support@truto.one) to lift the block; nothing was sent.',
		};
	}
	const status = account.status ?? capability?.status;
	if (status && status !== 'active' && !call.readsStore) {
		return {
			kind: 'reconnect',
			message: `The customer must reconnect this integrated account (status: ${status})`,
			description: `${account.label} answers every call with an error until its owner connects it again in Truto (through your Truto Link flow, or Integrated Account → Create Reconnect Link); nothing was sent.`,
		};
	}
	if (call.writes && account.isSandbox) {
		return {
			kind: 'readOnly',
			message: `${account.label} is a Truto sandbox account, which is read-only`,
			description: `Truto refuses writes to sandbox accounts (405), so nothing was sent ${call.purpose}. Use a production integrated account for this operation.`,
		};
	}
	return undefined;
}

/**
 * Why a SuperQuery read of this account cannot be answered, from its record: Truto's account record
 * names the region of the account's store in `features.super_query`; none named means no store.
 * Undefined when the record was not read (the call then reports what Truto says).
 */
export function storeProblem(account: AccountInfo | undefined, region: string): AccountProblem | undefined {
	if (!account || account.superQuery === region) return undefined;
	if (account.superQuery === undefined) {
		return {
			kind: 'noStore',
			message: `${account.label} has no SuperQuery store`,
			description: `Truto's record of this integrated account has no features.super_query, so it keeps no SuperQuery store to read for it. Set Data Source to Live App, or set up SuperQuery (and a sync job that fills it) for this account in Truto; nothing was sent.`,
		};
	}
	return {
		kind: 'noStore',
		message: `${account.label} has its SuperQuery store in ${account.superQuery}, not ${region}`,
		description: `Truto's record of this integrated account gives features.super_query = ${account.superQuery}. Set Data Source to SuperQuery (${account.superQuery.toUpperCase()} Region), or Live App; nothing was sent.`,
	};
}
