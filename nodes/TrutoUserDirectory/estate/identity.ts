import type { IDataObject } from 'n8n-workflow';

import { isGone, primaryEmail } from '../../shared/helpers/seats';
import type { AccountInfo } from '../../shared/transport';
import { accountGap, accountRef, canList, eachPage, gapFrom, listQueries, partialGap, type ReadContext, USER } from './accountReader';
import type { AccountOutcome, AccountRef, Gap } from './types';

export { isGone } from '../../shared/helpers/seats';

/**
 * The identity provider's people (Okta, Microsoft Entra ID, Google Workspace …), read once as a map from
 * lower-cased primary email to the people with that email. A person deactivated or absent there but
 * active in an app is an orphaned account.
 */

export interface IdentityPerson {
	id: string;
	email: string;
	/** As the identity provider says it. */
	status: string | null;
	present: boolean;
}

export interface IdentityDirectory {
	account: AccountRef;
	/** Lower-cased email domains of the provider's people: only emails there can be "absent". */
	domains: Set<string>;
	byEmail: Map<string, IdentityPerson[]>;
	/** False when a page was partial: then nobody can be called absent. */
	complete: boolean;
	people: number;
}

export type IdentityMatch =
	/** Found, and active (or invited) there. */
	| 'present'
	/** Found, and deactivated there. */
	| 'deactivated'
	/** Not there, though the email is in the provider's domains. */
	| 'absent'
	/** Several people share the email there and disagree. */
	| 'ambiguous'
	/** The email is not in the provider's domains (or the user has none): not judged. */
	| 'outside'
	/** The provider's list was incomplete and the person is not in it: not judged. */
	| 'unknown';

export interface IdentityVerdict {
	match: IdentityMatch;
	email?: string;
	people: IdentityPerson[];
}

export const emailKey = (email: string): string => email.trim().toLowerCase();

const domainOf = (email: string): string | undefined => {
	const at = email.lastIndexOf('@');
	return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : undefined;
};

/** Builds the directory page by page, keeping only what matching needs. */
export class IdentityDirectoryBuilder {
	private readonly byEmail = new Map<string, IdentityPerson[]>();

	private readonly domains = new Set<string>();

	private people = 0;

	constructor(private readonly account: AccountRef) {}

	add(users: IDataObject[]): void {
		for (const user of users) {
			this.people++;
			const email = primaryEmail(user);
			if (!email) continue;
			const domain = domainOf(email);
			if (domain) this.domains.add(domain);
			const status = typeof user.status === 'string' ? user.status : null;
			const person: IdentityPerson = { id: String(user.id ?? ''), email, status, present: !isGone(status) };
			const key = emailKey(email);
			this.byEmail.set(key, [...(this.byEmail.get(key) ?? []), person]);
		}
	}

	build(complete: boolean): IdentityDirectory {
		return { account: this.account, domains: this.domains, byEmail: this.byEmail, complete, people: this.people };
	}
}

/** Where an app user's primary email stands in the identity provider (case-insensitive). */
export function identityOf(directory: IdentityDirectory, email: string | undefined): IdentityVerdict {
	if (!email) return { match: 'outside', people: [] };
	const people = directory.byEmail.get(emailKey(email)) ?? [];
	if (people.length > 0) {
		const present = people.filter((person) => person.present).length;
		if (present === people.length) return { match: 'present', email, people };
		if (present === 0) return { match: 'deactivated', email, people };
		return { match: 'ambiguous', email, people };
	}
	const domain = domainOf(email);
	if (!domain || !directory.domains.has(domain)) return { match: 'outside', email, people };
	return { match: directory.complete ? 'absent' : 'unknown', email, people };
}

/** The identity provider's people as an email map; a gap when they cannot be read completely. */
export async function readIdentityProvider(context: ReadContext, info: AccountInfo): Promise<{ directory?: IdentityDirectory; outcome: AccountOutcome }> {
	const account = accountRef(info);
	const notChecked = (gap: Gap): { outcome: AccountOutcome } => ({ outcome: { account, status: 'not_checked', gaps: [gap] } });
	const problem = await accountGap(context, info);
	if (problem) return notChecked({ ...problem, part: 'identity provider' });
	if (!canList(await context.metadata.capabilities(info.id), USER.path)) {
		return notChecked({ part: 'identity provider', reason: `${info.integration} does not list users through Truto`, fix: 'Choose the account of your identity provider (Okta, Microsoft Entra ID, Google Workspace …).' });
	}
	const queries = await listQueries(context, info, USER, 'identity provider');
	if (!Array.isArray(queries)) return notChecked(queries);
	const builder = new IdentityDirectoryBuilder(account);
	try {
		const count = await eachPage(context, info.id, USER, queries, (page) => builder.add(page));
		const partial = partialGap('identity provider', count, 'nobody is called absent from it; people it lists as deactivated still count');
		const directory = builder.build(count.partial === 0);
		return { directory, outcome: { account, status: partial ? 'partly_checked' : 'checked', gaps: partial ? [partial] : [] } };
	} catch (error) {
		return notChecked(gapFrom('identity provider', error));
	}
}
