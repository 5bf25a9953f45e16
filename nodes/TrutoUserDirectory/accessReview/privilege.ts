import type { IDataObject } from 'n8n-workflow';

import { daysSince, lastSeen, primaryEmail } from '../../shared/helpers/seats';
import { namesOf } from '../../shared/helpers/simplify';
import { identityOf, isGone, type IdentityDirectory } from '../estate/identity';
import { isServiceAccount } from '../estate/serviceAccounts';
import { accountFields, type AccountOutcome, type AccountRef } from '../estate/types';

/** Pure parts of Access Review → Find Privileged Access: who is privileged, what is flagged, the outputs. */

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Whether a role name is privileged: one of the entries appears in it as whole words, in any case
 * ("admin" matches "Site admin", not "Badminton"; "super admin" matches "Super Admin").
 */
export function roleMatcher(entries: string[]): (role: string) => boolean {
	const wanted = entries.map(words).filter((entry) => entry.length > 0);
	return (role) => {
		const name = words(role);
		return wanted.some((entry) => name.some((_, start) => entry.every((word, offset) => name[start + offset] === word)));
	};
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** Flags, most urgent first: the order items are output in. */
export const FLAGS = ['deactivated in identity provider', 'absent from identity provider', 'ambiguous in identity provider', 'no 2FA'] as const;
export type Flag = (typeof FLAGS)[number];

export interface Holder {
	item: IDataObject;
	/** Index of the most urgent flag; FLAGS.length when none. */
	rank: number;
	service: boolean;
}

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());

/**
 * One user's privileged rights in one app, or undefined when they hold none: user_type admin, or a
 * role whose name matches. Deleted users hold nothing. Service accounts are returned apart (`service`).
 */
export function privilegedHolder(user: IDataObject, account: AccountRef, matches: (role: string) => boolean, identity: IdentityDirectory | undefined, now: number): Holder | undefined {
	if (lower(user.status) === 'deleted') return undefined;
	const roles = namesOf(user.roles);
	const privilegedRoles = roles.filter(matches);
	const admin = lower(user.user_type) === 'admin';
	if (!admin && privilegedRoles.length === 0) return undefined;

	const email = primaryEmail(user);
	const service = isServiceAccount(user);
	// Only a user still usable in the app is a risk when the identity provider no longer has them.
	const verdict = identity && !service ? identityOf(identity, email) : undefined;
	const flags: Flag[] = [];
	if (verdict && !isGone(user.status)) {
		if (verdict.match === 'deactivated') flags.push('deactivated in identity provider');
		if (verdict.match === 'absent') flags.push('absent from identity provider');
		if (verdict.match === 'ambiguous') flags.push('ambiguous in identity provider');
	}
	const twoFactor = typeof user.is_2fa_enabled === 'boolean' ? user.is_2fa_enabled : null;
	if (twoFactor === false) flags.push('no 2FA');
	const seen = lastSeen(user);
	const name = lower(user.name) ? String(user.name) : [user.first_name, user.last_name].filter(Boolean).join(' ') || String(user.username ?? email ?? user.id);
	const by = [...(admin ? ['user_type admin'] : []), ...privilegedRoles.map((role) => `role ${role}`)];
	const item: IDataObject = {
		kind: service ? 'privileged_service_account' : 'privileged_access',
		title: `${name} (${account.name}): ${by.join(', ')}${flags.length ? `; ${flags.join(', ')}` : ''}`,
		flags,
		...accountFields(account),
		user_id: String(user.id ?? ''),
		user_name: name,
		user_email: email ?? null,
		user_status: user.status ?? null,
		user_type: user.user_type ?? null,
		privileged_by: by,
		privileged_roles: privilegedRoles,
		roles,
		// null: the app does not report it through Truto.
		two_factor: twoFactor,
		last_seen: iso(seen),
		days_idle: seen === undefined ? null : daysSince(seen, now),
		...(identity
			? {
					identity_provider: identity.account.name,
					identity_match: verdict?.match ?? (service ? 'service account' : 'not compared'),
					identity_people: (verdict?.people ?? []).map(({ email: address, status }) => `${address} ${status ?? 'no status'}`).join(', '),
				}
			: {}),
	};
	const rank = flags.length ? FLAGS.indexOf(flags[0]) : FLAGS.length;
	return { item, rank, service };
}

/** Holders in output order: people before service accounts, most urgent flag first, then as found. */
export function inOutputOrder(holders: Holder[]): IDataObject[] {
	return holders
		.map((holder, index) => ({ holder, index }))
		.sort((a, b) => Number(a.holder.service) - Number(b.holder.service) || a.holder.rank - b.holder.rank || a.index - b.index)
		.map(({ holder }) => holder.item);
}

const count = (holders: IDataObject[], test: (item: IDataObject) => boolean) => holders.filter(test).length;
const flagged = (flag: Flag) => (item: IDataObject) => (item.flags as Flag[]).includes(flag);
const goneFromIdentity = (item: IDataObject) => flagged('deactivated in identity provider')(item) || flagged('absent from identity provider')(item);

/** The summary of one app that could be read: its privileged people and service accounts, and what is flagged. */
export function appSummary(outcome: AccountOutcome, holders: IDataObject[]): IDataObject {
	const people = holders.filter((item) => item.kind === 'privileged_access');
	return {
		kind: 'app_summary',
		title: `${outcome.account.name}: ${people.length} privileged ${people.length === 1 ? 'person' : 'people'}${count(people, (item) => (item.flags as Flag[]).length > 0) ? `, ${count(people, (item) => (item.flags as Flag[]).length > 0)} flagged` : ''}`,
		...accountFields(outcome.account),
		status: outcome.status,
		people: people.length,
		service_accounts: holders.length - people.length,
		without_2fa: count(people, flagged('no 2FA')),
		two_factor_unknown: count(people, (item) => item.two_factor === null),
		gone_from_identity_provider: count(people, goneFromIdentity),
		flagged: count(people, (item) => (item.flags as Flag[]).length > 0),
	};
}

/** The summary of the whole review, with a digest in `text`. */
export function reviewSummary(holders: IDataObject[], outcomes: AccountOutcome[], context: { roles: string[]; identity?: AccountOutcome & { people: number }; unmatched: string[]; now: number }): IDataObject {
	const people = holders.filter((item) => item.kind === 'privileged_access');
	const status = (wanted: AccountOutcome['status']) => outcomes.filter((outcome) => outcome.status === wanted).length;
	const notChecked = [...(context.identity ? [context.identity] : []), ...outcomes]
		.filter((outcome) => outcome.status !== 'checked')
		.flatMap((outcome) => outcome.gaps.map((gap) => ({ account: outcome.account.name, account_id: outcome.account.id, status: outcome.status, part: gap.part, reason: gap.reason, fix: gap.fix })));
	const apps = new Set(people.map((item) => item.account_id)).size;
	const persons = new Set(people.map((item) => lower(item.user_email) || `${String(item.account_id)} ${String(item.user_id)}`)).size;
	const gone = people.filter(goneFromIdentity);
	const no2fa = people.filter(flagged('no 2FA'));
	const title = `Privileged access: ${people.length} admin account${people.length === 1 ? '' : 's'} of ${persons} ${persons === 1 ? 'person' : 'people'} in ${apps} app${apps === 1 ? '' : 's'}${gone.length + no2fa.length ? `; ${gone.length} gone from the identity provider, ${no2fa.length} without 2FA` : ''}`;
	const lines = [
		`*${title}*`,
		...gone.map((item) => `• ${String(item.user_name)} (${String(item.account_name)}): ${(item.flags as string[]).join(', ')}`),
		...no2fa.filter((item) => !gone.includes(item)).map((item) => `• ${String(item.user_name)} (${String(item.account_name)}): no 2FA`),
		`Service accounts with privileged rights: ${holders.length - people.length}`,
		`Accounts: ${status('checked')} checked, ${status('partly_checked')} partly checked, ${status('not_checked')} not checked`,
		...notChecked.map((entry) => `• ${entry.account}${entry.part === 'account' ? '' : ` (${entry.part})`}: ${entry.reason}`),
	];
	if (context.identity?.status === 'not_checked') lines.push(`Nobody was compared with the identity provider: ${context.identity.account.name} could not be read (see above).`);
	return {
		kind: 'summary',
		title,
		text: lines.join('\n'),
		privileged_accounts: people.length,
		people: persons,
		apps,
		service_accounts: holders.length - people.length,
		gone_from_identity_provider: gone.length,
		without_2fa: no2fa.length,
		two_factor_unknown: people.filter((item) => item.two_factor === null).length,
		accounts: { total: outcomes.length, checked: status('checked'), partly_checked: status('partly_checked'), not_checked: status('not_checked') },
		not_checked: notChecked,
		identity_provider: context.identity ? { account: context.identity.account.name, account_id: context.identity.account.id, status: context.identity.status, people: context.identity.people } : null,
		privileged_roles: context.roles,
		unmatched_integrations: context.unmatched,
		generated_at: new Date(context.now).toISOString(),
	};
}

const CSV_COLUMNS = ['kind', 'integration', 'account_name', 'account_id', 'user_id', 'user_name', 'user_email', 'user_status', 'user_type', 'privileged_by', 'roles', 'two_factor', 'last_seen', 'identity_match', 'flags'];

/**
 * One cell: lists joined with "; ", quoted when needed. A cell a spreadsheet would run as a formula
 * (starting with =, +, - or @) gets a leading apostrophe, as OWASP advises for CSV files.
 */
function cell(value: unknown): string {
	const text = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The holders as CSV, one row per privileged user and app, in output order. */
export function holdersCsv(holders: IDataObject[]): string {
	return [CSV_COLUMNS.join(','), ...holders.map((item) => CSV_COLUMNS.map((column) => cell(item[column])).join(','))].join('\r\n') + '\r\n';
}
