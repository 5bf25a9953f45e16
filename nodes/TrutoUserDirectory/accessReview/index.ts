import type { Feature } from '../feature';
import { findPrivilegedAccess } from './findPrivilegedAccess';
import { accessReviewProperties } from './parameters';
import { revokeAccess } from './revokeAccess';
import { revokeProperties } from './revokeParameters';

/**
 * Access Review: who holds privileged rights across every connected app, read side by side like Seat
 * Reclamation's review (estate/), compared with the identity provider when one is chosen; and taking
 * those rights away, read back (actions/revoke.ts).
 */
export const accessReview: Feature = {
	value: 'accessReview',
	name: 'Access Review',
	summary: 'Find who holds admin rights across every connected app: admins gone from the identity provider or without 2FA flagged first, service accounts apart, a CSV for auditors',
	operations: [
		{
			value: 'findPrivilegedAccess',
			name: 'Find Privileged Access',
			action: 'Find privileged access across apps',
			description:
				'Find every user with admin rights (user_type admin, or a role named like admin, owner, administrator) across the connected apps, with last seen, 2FA and their status in the identity provider: admins gone from it or without 2FA first, service accounts apart, a summary per app and overall, optionally a CSV',
			writes: false,
			properties: accessReviewProperties,
			execute: findPrivilegedAccess,
		},
		{
			value: 'revokeAccess',
			name: 'Revoke Access',
			action: 'Revoke privileged access',
			description:
				"Act on items of Find Privileged Access (or account, user and roles): look at each user again, take each privileged role away by deleting its role assignments (or take the user out of named groups) where the app supports it, read it back and say what was seen, with a summary. Dry Run plans without sending.",
			writes: true,
			properties: revokeProperties,
			execute: async (execution, itemIndex) => (await revokeAccess(execution, [itemIndex])).map((item) => item.json),
			executeAll: revokeAccess,
		},
	],
};
