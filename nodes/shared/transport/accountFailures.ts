import { NodeApiError } from 'n8n-workflow';

/**
 * The answers after which every call of an integrated account fails the same way for now: the app
 * rejected the stored credentials (401; the account is now needs_reauth), a rate limit asked for a
 * longer wait than the node takes (429), or Truto blocked the account (503).
 */
export const ACCOUNT_WIDE_FAILURE_CODES: readonly string[] = ['401', '429', '503'];

/**
 * Whether a failed request was one of those, so a caller reading many lists of that account stops
 * instead of asking again.
 */
export function failsWholeAccount(error: unknown): boolean {
	return error instanceof NodeApiError && ACCOUNT_WIDE_FAILURE_CODES.includes(String(error.httpCode));
}
