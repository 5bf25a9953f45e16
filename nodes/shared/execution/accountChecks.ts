import type { AccountInfo, CapabilityAccount } from '../transport';

/** Why an integrated account cannot take a call at all, with what to do about it. */
export interface AccountProblem {
	kind: 'reconnect' | 'blocked' | 'readOnly';
	message: string;
	description: string;
}

/**
 * The account-wide reasons a call would fail, known before sending it from the account record and
 * the capabilities answer: a status other than active (every call to the app fails until the customer
 * reconnects; SuperQuery's synced store still answers), a block in Truto (every call answers 503), a
 * write to a read-only sandbox account.
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
