import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf } from '../../shared/parameters/definition';
import { inputError, type ItemLocation } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import type { AccountScope } from '../estate/scope';
import { readScope, scopeProperties, scopeWords } from '../estate/scopeParameters';

/**
 * The parameters of Person → Find Accounts, each defined once: the property is its editor field and
 * default, the reader at the end takes both from it. Descriptions are written for people and AI agents.
 */

const show = { show: { resource: ['person'], operation: ['findAccounts'] } };

export const emails: INodeProperties = {
	displayName: 'Emails',
	name: 'emails',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. maria.garcia@acme.com',
	description:
		'The email of the person to look for, or several separated by commas, semicolons or line breaks (an expression may also give a list). Every email of a user counts, not only the primary one, in any case.',
	displayOptions: show,
};

export const searchWords = scopeWords('search', 'for the person');
const scope = scopeProperties(show, searchWords);

export const matchUsernames: INodeProperties = {
	displayName: 'Match Usernames Too',
	name: 'matchUsernames',
	type: 'boolean',
	default: false,
	description:
		'Whether a user whose username is the email, or the part before the @, counts as the person too (apps such as Atlassian that list no email). Every account is then read user by user instead of asked with its email filter.',
};

export const readEveryUser: INodeProperties = {
	displayName: 'Read Every User',
	name: 'readEveryUser',
	type: 'boolean',
	default: false,
	description:
		"Whether to read each account's whole user list and match the emails here, instead of asking the app's email filter. Truto does not document whether an app's email filter looks at every email of a user or ignores case; reading every user does both, at one request per page.",
};

const options = optionsCollection([matchUsernames, readEveryUser], { displayOptions: show });

export const personProperties: INodeProperties[] = [emails, scope.accountScope, scope.integratedAccounts, scope.integrations, options];

export interface PersonRequest {
	/** Lower-cased, in the order given, no repeats. */
	emails: string[];
	scope: AccountScope;
	matchUsernames: boolean;
	readEveryUser: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** The emails of one item: a text (separated by commas, semicolons, line breaks) or a list. */
export function readEmails(location: ItemLocation, raw: unknown): string[] {
	const entries = listOf(raw).map((email) => email.toLowerCase());
	if (entries.length === 0) throw inputError(location, 'Emails is empty', 'Enter the email of the person to look for, e.g. maria.garcia@acme.com.');
	const wrong = entries.filter((email) => !EMAIL.test(email));
	if (wrong.length) {
		throw inputError(location, `Emails has ${wrong.length === 1 ? 'an entry that is' : 'entries that are'} not an email: ${wrong.map((entry) => JSON.stringify(entry)).join(', ')}`, 'Give whole addresses such as maria.garcia@acme.com, separated by commas.');
	}
	return [...new Set(entries)];
}

/** One item's parameters, read and checked before any request. */
export function readPersonRequest(context: IExecuteFunctions, itemIndex: number): PersonRequest {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const read = (property: INodeProperties): unknown => context.getNodeParameter(property.name, itemIndex, property.default);
	const chosen = (read(options) ?? {}) as IDataObject;
	return {
		emails: readEmails(location, read(emails)),
		scope: readScope(location, read, scope, searchWords),
		matchUsernames: chosen[matchUsernames.name] === true,
		readEveryUser: chosen[readEveryUser.name] === true,
	};
}
