import { NodeApiError } from 'n8n-workflow';

/**
 * Whether a failed request means every call of its integrated account fails the same way for now, so
 * a caller reading many lists of that account stops instead of asking again: the app rejected the
 * stored credentials (401; the account is now needs_reauth), Truto blocked the account (503), or a rate
 * limit asked for a longer wait than the node takes (429).
 */
export function failsWholeAccount(error: unknown): boolean {
	return error instanceof NodeApiError && ['401', '429', '503'].includes(String(error.httpCode));
}
