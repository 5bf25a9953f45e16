import type { IDataObject } from 'n8n-workflow';

import type { AccountOutcome, PriceSettings } from '../../estate/types';

export { accountFields } from '../../estate/types';
export type { AccountRef, Gap } from '../../estate/types';
export type { ReclaimAction, ReclaimSupport } from '../../actions/support';

/**
 * Seat reclamation across every connected app: the words of its findings, settings and outcomes.
 * Everything in this folder is pure (no HTTP); what every estate-wide operation shares is in estate/.
 */

/** What a finding says, as its `kind` in the output. */
export type FindingKind =
	| 'unused_seat'
	| 'never_used'
	| 'unassigned_seats'
	| 'underused_license'
	| 'orphaned_account'
	| 'ambiguous_identity'
	| 'not_checked';

/** The findings a user can ask for (Options → Finding Types); ambiguous identities come with orphans. */
export type FindingType = 'unusedSeat' | 'neverUsed' | 'unassignedSeats' | 'underusedLicense' | 'orphanedAccount';


export interface ReclamationSettings extends PriceSettings {
	now: number;
	/** A seat whose holder was not seen for this many days is unused. */
	inactiveDays: number;
	/** Users and licenses created in the last this-many days are left alone. */
	graceDays: number;
	/** A license with utilization (assigned ÷ available) below this share (0–1) is underused. */
	underusedBelow: number;
	/** Lower-cased emails and domains never reported. */
	exemptEmails: Set<string>;
	exemptDomains: Set<string>;
	types: Set<FindingType>;
}

/**
 * One output item: the finding and the evidence a person needs to decide, as flat fields (n8n shows
 * them as table columns, expressions read them directly, and each nested object would cost memory
 * in every item n8n keeps).
 */
export type Finding = IDataObject & { kind: FindingKind; account_id: string };

/** What one account's review counted, for the summary. */
export interface AccountStats {
	users: number;
	serviceAccounts: number;
	exempt: number;
	inGracePeriod: number;
	/** Users the review could not judge: no activity data (or the app reports none at all). */
	activityUnknown: number;
	/** Users whose email is outside the identity provider's domains (or who have none). */
	notInIdentityDomains: number;
	/** The app reports no activity dates for any user: nobody is called unused or never used. */
	activityNotReported: boolean;
	/** Licenses with more seats in use than bought. */
	overAssignedLicenses: number;
}

/** How one account's review ended, with what it counted when its users were read. */
export interface ReviewOutcome extends AccountOutcome {
	stats?: AccountStats;
}
