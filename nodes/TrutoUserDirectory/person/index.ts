import type { Feature } from '../feature';
import { findAccounts } from './findAccounts';
import { offboard } from './offboard';
import { offboardProperties } from './offboardParameters';
import { personProperties } from './parameters';

/**
 * Person: one person (by email) across every connected app, read side by side like Seat
 * Reclamation's review (estate/), each account asked with its email filter or read user by user.
 */
export const person: Feature = {
	value: 'person',
	name: 'Person',
	summary: 'Find where a person has accounts across every connected app, by email: status, licenses and their cost, groups, roles, last seen; and offboard them there',
	operations: [
		{
			value: 'findAccounts',
			name: 'Find Accounts',
			action: "Find a person's accounts across apps",
			description:
				'Find every account a person (by email, any of their emails, in any case) has across the connected apps: status, user type, licenses and their monthly cost, groups, roles, last seen and what the app lets the node do, plus accounts that could not be checked and a summary',
			writes: false,
			properties: personProperties,
			execute: findAccounts,
			itemsShareReadings: true,
		},
		{
			value: 'offboard',
			name: 'Offboard',
			action: 'Offboard a person across apps',
			description:
				"Close a person's accounts across the connected apps (by email, or the accounts Find Accounts found): per app the reversible step first (deactivate, suspend or status update, then removal from groups), delete only when allowed, each write read back; already inactive accounts count as done, and a summary lists what is still active and why. Dry Run plans without sending.",
			writes: true,
			properties: offboardProperties,
			execute: async (execution, itemIndex) => (await offboard(execution, [itemIndex])).map((item) => item.json),
			executeAll: offboard,
		},
	],
};
