/** Small builders for the pure estate tests: an account, users and licenses as apps send them. */
import type { IDataObject } from 'n8n-workflow';

import type { AccountRef } from '../../../../nodes/TrutoUserDirectory/estate/types';

export const NOW = Date.parse('2026-06-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number): string => new Date(NOW - days * DAY).toISOString();

export const ACCOUNT: AccountRef = { id: 'acc-1', name: 'HubSpot · acme-eu', integration: 'HubSpot', slug: 'hubspot' };

export function license(id: string, extra: IDataObject = {}): IDataObject {
	return { id, name: id, available_quantity: 10, assigned_quantity: 10, unit_amount: 10, currency: 'EUR', is_paid: true, created_at: daysAgo(400), ...extra };
}

export function user(id: string, extra: IDataObject = {}): IDataObject {
	return {
		id,
		name: `User ${id}`,
		emails: [{ email: `${id}@acme.com`, type: 'work', is_primary: true }],
		status: 'active',
		user_type: 'user',
		licenses: [{ id: 'pro', name: 'pro' }],
		groups: [],
		last_active_at: daysAgo(1),
		last_login_at: daysAgo(1),
		created_at: daysAgo(500),
		...extra,
	};
}
