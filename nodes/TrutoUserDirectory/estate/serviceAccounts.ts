import type { IDataObject } from 'n8n-workflow';

/**
 * user_type values of bots and integrations: kept apart, never called unused or orphaned. Truto's
 * documented value (service-account, with a hyphen) first; the raw values apps pass through after it.
 */
export const SERVICE_ACCOUNT_TYPES: readonly string[] = ['service-account', 'service_account', 'machine', 'bot', 'service', 'system', 'integration'];
const SERVICE_TYPES = new Set(SERVICE_ACCOUNT_TYPES);

/** Whether a user is a bot or an integration (by user_type, in any case): never a person's seat or right. */
export function isServiceAccount(user: IDataObject): boolean {
	return SERVICE_TYPES.has(typeof user.user_type === 'string' ? user.user_type.trim().toLowerCase() : '');
}
