import type { IDataObject } from 'n8n-workflow';

import { daysSince, lastSeen, primaryEmail } from '../../shared/helpers/seats';
import { namesOf } from '../../shared/helpers/simplify';
import type { Capabilities } from '../../shared/transport';
import type { LicenseBook } from '../estate/licenses';
import { findingCosts, formatMoney, MoneyByCurrency, seatCosts } from '../estate/money';
import { accountFields, type AccountOutcome, type AccountRef } from '../estate/types';

/** Pure parts of Person → Find Accounts: which users are the person, and what each item says. */

/** How a user was recognised as the person. */
export type MatchedBy = 'primary email' | 'other email' | 'username';

export interface Match {
	email: string;
	by: MatchedBy;
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** Every email of a user, lower-cased: `emails[]` (primary and others), and a bare `email` some apps add. */
export function emailsOf(user: IDataObject): string[] {
	const listed = Array.isArray(user.emails) ? (user.emails as IDataObject[]).map((entry) => lower(entry && typeof entry === 'object' ? entry.email : entry)) : [];
	return [...new Set([...listed, lower(user.email)].filter(Boolean))];
}

/**
 * The emails asked for that a user is: any of their emails in any case; with `usernames` also a
 * username equal to the email or to the part before its @. One match per email asked, the best reason
 * first, in the order asked. The emails asked are indexed once, so a user costs as much with 200 emails
 * asked as with one.
 */
export function emailMatcher(wanted: Iterable<string>, usernames: boolean): (user: IDataObject) => Match[] {
	const order = new Map<string, number>();
	for (const email of wanted) if (!order.has(email)) order.set(email, order.size);
	// A username may be a whole email asked, or the part before the @ of one or more of them.
	const byUsername = new Map<string, string[]>();
	if (usernames) {
		for (const email of order.keys()) {
			for (const name of [email, email.slice(0, email.lastIndexOf('@'))]) byUsername.set(name, [...(byUsername.get(name) ?? []), email]);
		}
	}
	return (user) => {
		const matches: Match[] = [];
		const primary = lower(primaryEmail(user));
		for (const email of emailsOf(user)) if (order.has(email)) matches.push({ email, by: email === primary ? 'primary email' : 'other email' });
		const username = usernames ? lower(user.username) : '';
		for (const email of (username && byUsername.get(username)) || []) {
			if (!matches.some((match) => match.email === email)) matches.push({ email, by: 'username' });
		}
		return matches.length > 1 ? matches.sort((a, b) => (order.get(a.email) as number) - (order.get(b.email) as number)) : matches;
	};
}

/** The matches of one user against the emails asked (see emailMatcher, which serves many users). */
export function matchesOf(user: IDataObject, wanted: Iterable<string>, usernames: boolean): Match[] {
	return emailMatcher(wanted, usernames)(user);
}

/**
 * What the node can do about a user of this app through Truto, from the account's capabilities:
 * update, deactivate and suspend (Truto's custom user methods, where listed), remove from a group
 * (for a user in groups), delete. Truto's read-only sandbox accounts allow none.
 */
const ACTIONS: Array<{ action: string; resource: string; method: string }> = [
	{ action: 'update', resource: 'users', method: 'update' },
	{ action: 'deactivate', resource: 'users', method: 'deactivate' },
	{ action: 'suspend', resource: 'users', method: 'suspend' },
	{ action: 'removeFromGroup', resource: 'groups', method: 'remove-user' },
	{ action: 'delete', resource: 'users', method: 'delete' },
];

export function supportedActions(capabilities: Capabilities | undefined, readOnly: boolean, user: IDataObject): IDataObject {
	if (readOnly) return { actions: [], actions_note: 'A Truto sandbox account is read-only: change this user in the app itself.' };
	if (!capabilities) return { actions: null, actions_note: 'Truto did not say what this app supports (its capabilities could not be read).' };
	const inGroups = Array.isArray(user.groups) && user.groups.length > 0;
	const actions = ACTIONS.filter(({ resource, method, action }) => (capabilities.get(resource) ?? []).includes(method) && (action !== 'removeFromGroup' || inGroups)).map(({ action }) => action);
	return actions.length ? { actions } : { actions, actions_note: 'Truto lists no way to change or remove users of this app: do it in the app itself.' };
}

/** The user is active in the app (not deactivated, suspended, deleted or only invited). */
export function isActive(user: IDataObject): boolean {
	return lower(user.status) === 'active';
}

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());

/**
 * One account where the person has a user: who they are there, what they hold (each license priced
 * from the account's licenses where the app gives unit_amount and currency), their groups and roles,
 * when last seen, and what the node can do about them.
 */
export function foundItem(match: Match, user: IDataObject, account: AccountRef, book: LicenseBook, actions: IDataObject, lookup: string, now: number): IDataObject {
	const entries = Array.isArray(user.licenses) ? (user.licenses as IDataObject[]).filter((entry) => entry && typeof entry === 'object') : [];
	const held = entries.map((entry) => book.held(entry));
	const paid = held.filter((license) => license.paid);
	const seen = lastSeen(user);
	const email = primaryEmail(user) ?? null;
	const name = lower(user.name) ? String(user.name) : [user.first_name, user.last_name].filter(Boolean).join(' ') || String(user.username ?? email ?? user.id);
	return {
		kind: 'account',
		title: `${match.email} is ${name} in ${account.name} (${user.status ?? 'no status'})`,
		email: match.email,
		matched_by: match.by,
		lookup,
		...accountFields(account),
		user_id: String(user.id ?? ''),
		user_name: name,
		user_email: email,
		other_emails: emailsOf(user).filter((address) => address !== lower(email)),
		username: user.username ?? null,
		user_status: user.status ?? null,
		user_type: user.user_type ?? null,
		active: isActive(user),
		licenses: held.map((license) => license.name),
		license_ids: held.map((license) => license.id),
		seats: paid.length,
		...seatCosts(paid.map((license) => ({ price: license.price, seats: 1 }))),
		groups: namesOf(user.groups),
		roles: namesOf(user.roles),
		last_seen: iso(seen),
		days_idle: seen === undefined ? null : daysSince(seen, now),
		...actions,
	};
}

/** The summary item of one item's search: per email where found and what is held, and the accounts not checked. */
export function personSummary(emails: string[], found: IDataObject[], outcomes: AccountOutcome[], lookups: { filtered: number; read: number }, now: number): IDataObject {
	const people = emails.map((email) => {
		const mine = found.filter((item) => item.email === email);
		const money = new MoneyByCurrency();
		for (const item of mine) addMoney(money, item);
		const accounts = new Set(mine.map((item) => item.account_id));
		const active = new Set(mine.filter((item) => item.active).map((item) => item.account_id));
		return {
			email,
			found_in: accounts.size,
			active_in: active.size,
			users: mine.length,
			accounts: [...new Set(mine.map((item) => String(item.account_name)))],
			seats: mine.reduce((sum, item) => sum + Number(item.seats ?? 0), 0),
			held: money.totals(),
			unpriced_seats: money.unpriced,
		};
	});
	const money = new MoneyByCurrency();
	for (const item of found) addMoney(money, item);
	const status = (wanted: AccountOutcome['status']) => outcomes.filter((outcome) => outcome.status === wanted).length;
	const notChecked = outcomes
		.filter((outcome) => outcome.status !== 'checked')
		.flatMap((outcome) => outcome.gaps.map((gap) => ({ account: outcome.account.name, account_id: outcome.account.id, status: outcome.status, part: gap.part, reason: gap.reason, fix: gap.fix })));
	const moneyWords = (totals: ReturnType<MoneyByCurrency['totals']>) => totals.map((total) => formatMoney(total.monthly_amount, total.currency)).join(' + ');
	const lines = people.map((person) =>
		person.found_in
			? `• ${person.email}: found in ${person.found_in} app${person.found_in === 1 ? '' : 's'} (${person.accounts.join(', ')}), active in ${person.active_in}; ${person.seats} paid seat${person.seats === 1 ? '' : 's'}${person.held.length ? `, ${moneyWords(person.held)} a month` : ''}`
			: `• ${person.email}: not found`,
	);
	const title =
		people.length === 1
			? `${people[0].email}: found in ${people[0].found_in} app${people[0].found_in === 1 ? '' : 's'}, active in ${people[0].active_in}`
			: `${people.length} people: ${people.filter((person) => person.found_in).length} found`;
	const checkedWords = `Accounts: ${status('checked')} checked, ${status('partly_checked')} partly checked, ${status('not_checked')} not checked`;
	return {
		kind: 'summary',
		title,
		text: [`*${title}*`, ...lines, checkedWords, ...notChecked.map((entry) => `• ${entry.account} not checked: ${entry.reason}`)].join('\n'),
		emails,
		people,
		found_in: new Set(found.map((item) => item.account_id)).size,
		active_in: new Set(found.filter((item) => item.active).map((item) => item.account_id)).size,
		seats: found.reduce((sum, item) => sum + Number(item.seats ?? 0), 0),
		held: money.totals(),
		unpriced_seats: money.unpriced,
		accounts: { total: outcomes.length, checked: status('checked'), partly_checked: status('partly_checked'), not_checked: status('not_checked') },
		// How accounts were searched: with the app's email filter, or by reading every user.
		lookups: { email_filter: lookups.filtered, every_user: lookups.read },
		not_checked: notChecked,
		generated_at: new Date(now).toISOString(),
	};
}

function addMoney(money: MoneyByCurrency, item: IDataObject): void {
	money.addFinding(findingCosts(item), Number(item.unpriced_seats ?? 0));
}
