import type { IDataObject } from 'n8n-workflow';

import type { IdentityDirectory } from '../../estate/identity';
import { LicenseBook } from '../../estate/licenses';
import { licenseFindings, overAssigned } from './licenseFindings';
import { reviewUser, type UserNote } from './users';
import type { AccountRef, AccountStats, Finding, ReclaimSupport, ReclamationSettings } from './types';

/**
 * The review of one integrated account, fed as its data arrives: the licenses first (they are few),
 * then the users page by page. Only findings are kept, so memory grows with them, not with the
 * directory. Never-used seats wait for the end of the list: when no user of the app has any activity
 * date, the app does not report activity, and nobody is called unused for lack of data.
 */
export class AccountReview {
	readonly book: LicenseBook;

	private readonly pendingNeverUsed: Finding[] = [];

	private readonly counts: Record<UserNote, number> = { deleted: 0, service: 0, exempt: 0, grace: 0, unknown: 0, fine: 0 };

	private users = 0;

	private outsideIdentity = 0;

	private withActivity = 0;

	constructor(
		private readonly account: AccountRef,
		private readonly settings: ReclamationSettings,
		private readonly support: ReclaimSupport,
	) {
		this.book = new LicenseBook(account, settings);
	}

	/** The account's licenses (every page of them); returns the license findings. */
	licenses(records: IDataObject[]): Finding[] {
		this.book.add(records);
		return licenseFindings(this.book, this.account, this.settings);
	}

	/** One page of users; returns the findings it settles (never-used ones wait for finish()). */
	usersPage(records: IDataObject[], identity: IdentityDirectory | undefined): Finding[] {
		const findings: Finding[] = [];
		const context = { account: this.account, book: this.book, support: this.support, identity, settings: this.settings };
		for (const user of records) {
			this.users++;
			const review = reviewUser(user, context);
			if (review.hasActivity) this.withActivity++;
			if (review.outsideIdentity) this.outsideIdentity++;
			if (review.finding) findings.push(review.finding);
			else if (review.neverUsed) this.pendingNeverUsed.push(review.neverUsed);
			else if (review.note) this.counts[review.note]++;
		}
		return findings;
	}

	/** The never-used findings (if the app reports activity at all) and what the review counted. */
	finish(): { findings: Finding[]; stats: AccountStats } {
		const activityReported = this.withActivity > 0 || this.users === 0;
		const findings = activityReported ? this.pendingNeverUsed : [];
		const stats: AccountStats = {
			users: this.users,
			serviceAccounts: this.counts.service,
			exempt: this.counts.exempt,
			inGracePeriod: this.counts.grace,
			activityUnknown: this.counts.unknown + (activityReported ? 0 : this.pendingNeverUsed.length),
			notInIdentityDomains: this.outsideIdentity,
			activityNotReported: !activityReported,
			overAssignedLicenses: overAssigned(this.book),
		};
		return { findings, stats };
	}
}
