import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { titleOf } from '../../shared/helpers/text';
import { listOf, readChoice } from '../../shared/parameters/definition';
import { inputError, type ItemLocation } from '../../shared/parameters/itemLocation';
import { integratedAccountLocator, locatorText } from '../../shared/parameters/locators';
import type { AccountScope } from './scope';

/**
 * Which accounts an estate-wide operation reads, as three parameters every such operation shares:
 * Accounts to … (accountScope), Integrated Accounts (integratedAccounts) and Integrations
 * (integrations). One name and one type for each wherever it appears, so a value kept while switching
 * between these operations still fits; only the words differ ("review", "search").
 */

export interface ScopeWords {
	/** "Accounts to Review" */
	displayName: string;
	/** What the choice is for: "Which connected apps to review for seats to give back". */
	description: string;
	/** "review": "the apps to review". */
	verb: string;
	/** "reviewed": "Every integrated account of these apps is reviewed." */
	done: string;
}

/** What the operation does to the accounts, as its words need it. */
const DONE = { review: 'reviewed', search: 'searched' } as const;

/** The words of an operation that reviews or searches the accounts, for `purpose`: "for privileged access". */
export function scopeWords(verb: keyof typeof DONE, purpose: string): ScopeWords {
	return { displayName: `Accounts to ${titleOf(verb)}`, description: `Which connected apps to ${verb} ${purpose}`, verb, done: DONE[verb] };
}

export interface ScopeProperties {
	accountScope: INodeProperties;
	integratedAccounts: INodeProperties;
	integrations: INodeProperties;
}

/** The three properties, shown for `show` (one resource and operation). */
export function scopeProperties(show: { show: Record<string, string[]> }, words: ScopeWords): ScopeProperties {
	return {
		accountScope: {
			displayName: words.displayName,
			name: 'accountScope',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'Accounts of Chosen Integrations', value: 'integrations', description: 'Every integrated account of the apps named under Integrations' },
				{ name: 'Chosen Accounts', value: 'accounts', description: 'Only the integrated accounts picked under Integrated Accounts' },
				{ name: 'Every Integrated Account', value: 'all', description: 'Every account of the Truto environment of this credential' },
			],
			description: words.description,
			displayOptions: show,
		},
		integratedAccounts: {
			displayName: 'Integrated Account Names or IDs',
			name: 'integratedAccounts',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'getIntegratedAccounts' },
			description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			displayOptions: { show: { ...show.show, accountScope: ['accounts'] } },
		},
		integrations: {
			displayName: 'Integrations',
			name: 'integrations',
			type: 'string',
			default: '',
			placeholder: 'e.g. zoom, github',
			description: `Truto's names of the apps to ${words.verb}, separated by commas (zoom, github, microsoft365, salesforce); display names such as Microsoft 365 work too. Every integrated account of these apps is ${words.done}.`,
			displayOptions: { show: { ...show.show, accountScope: ['integrations'] } },
		},
	};
}

/** The scope an item asks for, refused with its fix when a chosen list is empty. */
export function readScope(location: ItemLocation, read: (property: INodeProperties) => unknown, properties: ScopeProperties, words: ScopeWords): AccountScope {
	const kind = readChoice<AccountScope['kind']>(location, properties.accountScope, read(properties.accountScope));
	if (kind === 'all') return { kind };
	const everything = `set ${words.displayName} to Every Integrated Account`;
	if (kind === 'accounts') {
		const ids = listOf(read(properties.integratedAccounts));
		if (ids.length === 0) throw inputError(location, 'Integrated Accounts is empty', `Choose the accounts to ${words.verb}, or ${everything}.`);
		return { kind, ids };
	}
	const names = listOf(read(properties.integrations));
	if (names.length === 0) {
		throw inputError(location, 'Integrations is empty', `Enter Truto's names of the apps to ${words.verb}, e.g. zoom, github, or ${everything}.`);
	}
	return { kind, names };
}

/**
 * Identity Provider Account (identityProvider), optional: the account whose people the apps' users are
 * matched with. One name wherever it appears; `description` says what the operation makes of it, and
 * `searchListMethod` may list the accounts in another order (identity providers first).
 */
export function identityProviderProperty(show: { show: Record<string, string[]> }, description: string, searchListMethod?: string): INodeProperties {
	return integratedAccountLocator({ displayName: 'Identity Provider Account', name: 'identityProvider', required: false, description, displayOptions: show }, searchListMethod);
}

/** The identity provider account an item names; undefined when left empty. */
export function identityProviderId(context: IExecuteFunctions, itemIndex: number, property: INodeProperties): string | undefined {
	const raw = context.getNodeParameter(property.name, itemIndex, '', { extractValue: true });
	return locatorText({ node: context.getNode(), itemIndex }, raw, property.displayName, { required: false });
}
