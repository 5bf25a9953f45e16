import type { IDataObject } from 'n8n-workflow';

import { dateOf, daysSince, lastSeen, primaryEmail, seatLastSeen } from '../../../shared/helpers/seats';
import { listNames } from '../../../shared/helpers/text';
import { identityOf, isGone, type IdentityDirectory, type IdentityVerdict } from '../../estate/identity';
import type { LicenseBook, SeatLicense } from '../../estate/licenses';
import { moneyWords, seatCosts } from '../../estate/money';
import { isServiceAccount } from '../../estate/serviceAccounts';
import { userReclaim } from './reclaim';
import { type AccountRef, accountFields, type Finding, type FindingKind, type ReclaimSupport, type ReclamationSettings } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What reviewing one account's users needs besides the users. */
export interface UserContext {
	account: AccountRef;
	book: LicenseBook;
	support: ReclaimSupport;
	/** The identity provider's people; undefined without one, or when this account is the provider. */
	identity?: IdentityDirectory;
	settings: ReclamationSettings;
}

/** Why a user gave no finding, for the account's counts. */
export type UserNote = 'deleted' | 'service' | 'exempt' | 'grace' | 'unknown' | 'fine';

export interface UserReview {
	finding?: Finding;
	/** A never-used seat, reported only once the app is known to report activity at all. */
	neverUsed?: Finding;
	note?: UserNote;
	/** The user was compared with the identity provider but is outside its domains. */
	outsideIdentity: boolean;
	/** The user has activity dates: the app reports activity. */
	hasActivity: boolean;
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

function isExempt(email: string | undefined, settings: ReclamationSettings): boolean {
	if (!email) return false;
	const address = email.toLowerCase();
	return settings.exemptEmails.has(address) || settings.exemptDomains.has(address.slice(address.lastIndexOf('@') + 1));
}

function displayName(user: IDataObject, email: string | undefined): string {
	const name = typeof user.name === 'string' && user.name.trim() ? user.name.trim() : [user.first_name, user.last_name].filter(Boolean).join(' ');
	return String(name || user.username || email || user.id);
}

/** The paid seats a user holds: their paid licenses, or one seat in an app that lists no licenses. */
function paidSeats(user: IDataObject, book: LicenseBook): Array<{ license: SeatLicense; entry: IDataObject }> {
	if (!book.listed && !Array.isArray(user.licenses)) return [{ license: book.seatWithoutLicense(), entry: {} }];
	const entries = Array.isArray(user.licenses) ? (user.licenses as IDataObject[]).filter((entry) => entry && typeof entry === 'object') : [];
	if (!book.listed && entries.length === 0) return [{ license: book.seatWithoutLicense(), entry: {} }];
	return entries.map((entry) => ({ license: book.held(entry), entry })).filter(({ license }) => license.paid);
}

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());

/** Where the user stands in the identity provider, as a finding's fields. */
function identityFields(verdict: IdentityVerdict, directory: IdentityDirectory | undefined): IDataObject {
	return {
		identity_provider: directory?.account.name ?? null,
		identity_match: verdict.match,
		// Each person the provider has with this email: "Grace.Liu@acme.com suspended, grace.liu@acme.com active".
		identity_people: verdict.people.map(({ email, status }) => `${email} ${status ?? 'no status'}`).join(', '),
	};
}

/**
 * One user of one account: at most one finding, by precedence — orphaned (gone from the identity
 * provider, still usable here), unused (deactivated in the app but still holding paid seats, or not
 * seen on a seat for Unused After days), never used (no activity dates, added before the grace period),
 * ambiguous identity (the provider's people with that email disagree). Service accounts, exempt people
 * and users without paid seats are counted, not reported.
 */
export function reviewUser(user: IDataObject, context: UserContext): UserReview {
	const { settings, account } = context;
	const email = primaryEmail(user);
	const seen = lastSeen(user);
	const hasActivity = seen !== undefined;
	const done = (note: UserNote, outsideIdentity = false): UserReview => ({ note, outsideIdentity, hasActivity });
	if (lower(user.status) === 'deleted') return done('deleted');
	if (isServiceAccount(user)) return done('service');
	if (isExempt(email, settings)) return done('exempt');

	const created = dateOf(user.created_at);
	const graceStart = settings.now - settings.graceDays * DAY_MS;
	const isNew = created !== undefined && created > graceStart;
	const goneHere = isGone(user.status);
	// Every finding says where the user stands in the identity provider; only users still active here
	// can be orphaned, ambiguous or counted outside its domains.
	const verdict = context.identity ? identityOf(context.identity, email) : undefined;
	const identity = goneHere ? undefined : verdict;
	const outsideIdentity = identity?.match === 'outside';
	const seats = paidSeats(user, context.book);
	const now = settings.now;

	const finding = (kind: FindingKind, title: string, reason: string, flagged = seats, lastUse = seen): Finding => {
		const costs = seatCosts(flagged.map(({ license }) => ({ price: license.price, seats: 1 })));
		return {
			kind,
			title: `${displayName(user, email)} (${account.name}): ${title}, ${moneyWords(costs)}`,
			reason,
			...accountFields(account),
			user_id: String(user.id ?? ''),
			user_name: displayName(user, email),
			user_email: email ?? null,
			user_status: user.status ?? null,
			user_type: user.user_type ?? null,
			user_created_at: iso(created),
			last_seen: iso(lastUse),
			days_idle: lastUse === undefined ? null : daysSince(lastUse, now),
			licenses: flagged.map(({ license }) => license.name).join(', '),
			license_ids: flagged.map(({ license }) => license.id).join(', '),
			seats: flagged.length,
			...costs,
			...(verdict ? identityFields(verdict, context.identity) : {}),
			...userReclaim(context.support, user),
		};
	};
	const holds = (flagged = seats) => (flagged.length ? `holds ${listNames(flagged.map(({ license }) => license.name))}` : 'holds no paid seat');

	if (identity && settings.types.has('orphanedAccount')) {
		const provider = context.identity?.account.name;
		if (identity.match === 'deactivated') {
			const statuses = [...new Set(identity.people.map((person) => person.status ?? 'unknown'))].join(', ');
			return { finding: finding('orphaned_account', `deactivated in the identity provider but active here; ${holds()}`, `${email} is ${statuses} in ${provider} but the account here is ${user.status ?? 'not marked inactive'}`), outsideIdentity, hasActivity };
		}
		// A brand-new account may simply not be provisioned in the provider yet: absent counts after the grace period.
		if (identity.match === 'absent' && !isNew) {
			return { finding: finding('orphaned_account', `not in the identity provider but active here; ${holds()}`, `No one with ${email} is in ${provider}, whose people have this domain; the account here is ${user.status ?? 'not marked inactive'}`), outsideIdentity, hasActivity };
		}
	}
	const ambiguous = (): UserReview => {
		const people = identity?.people ?? [];
		const statuses = people.map((person) => `${person.email} (${person.status ?? 'no status'})`).join(', ');
		return {
			finding: finding('ambiguous_identity', `${people.length} people share this email in the identity provider and disagree, check by hand; ${holds()}`, `${context.identity?.account.name} has ${statuses}`),
			outsideIdentity,
			hasActivity,
		};
	};
	const orUnclear = (note: UserNote): UserReview => (identity?.match === 'ambiguous' && settings.types.has('orphanedAccount') ? ambiguous() : done(note, outsideIdentity));

	if (seats.length === 0) return orUnclear('fine');
	if (goneHere && settings.types.has('unusedSeat')) {
		return { finding: finding('unused_seat', `${lower(user.status)} in the app but still ${holds()}`, `The account is ${user.status} in ${account.integration}, yet its paid seats are still assigned`), outsideIdentity, hasActivity };
	}
	if (seen !== undefined) {
		const cutoff = now - settings.inactiveDays * DAY_MS;
		const idle = seats.filter(({ entry }) => (seatLastSeen(user, entry) ?? seen) <= cutoff);
		if (idle.length && settings.types.has('unusedSeat')) {
			// The most recent use of the seats flagged: per license when the app says, else the user's.
			const lastUse = Math.max(...idle.map(({ entry }) => seatLastSeen(user, entry) ?? seen));
			const days = daysSince(lastUse, now);
			const elsewhere = lastUse < seen ? `; the user was active elsewhere in the app on ${iso(seen)?.slice(0, 10)}` : '';
			return {
				finding: finding(
					'unused_seat',
					`not seen for ${days} days, ${holds(idle)}`,
					`Last used ${iso(lastUse)?.slice(0, 10)}${elsewhere}; unused means no activity for ${settings.inactiveDays}+ days`,
					idle,
					lastUse,
				),
				outsideIdentity,
				hasActivity,
			};
		}
		return orUnclear('fine');
	}
	if (created === undefined) return orUnclear('unknown');
	if (isNew) return orUnclear('grace');
	if (!settings.types.has('neverUsed')) return orUnclear('fine');
	const age = daysSince(created, now);
	const neverUsed = finding('never_used', `never active since being added ${age} days ago, ${holds()}`, `No last_active_at or last_login_at, and added ${iso(created)?.slice(0, 10)}, before the ${settings.graceDays}-day grace period`);
	return { neverUsed, outsideIdentity, hasActivity };
}
