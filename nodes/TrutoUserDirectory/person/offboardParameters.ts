import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readChoice } from '../../shared/parameters/definition';
import { inputError } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import { allowDeleteProperty, dryRunProperty, inputProperty, itemParameters } from '../actions/parameters';
import { scopeProperties } from '../estate/scopeParameters';
import { emails, matchUsernames, readEveryUser, searchWords } from './parameters';

/**
 * The parameters of Person → Offboard, each defined once here and read by readOffboardItem below.
 * With Input: Emails it shows Find Accounts' own fields (same names), so the accounts are found the
 * same way; its own settings are named apart (offboard…) so n8n never carries a value of Reclaim Seats
 * or Find Accounts over to them.
 */

const show = { show: { resource: ['person'], operation: ['offboard'] } };
const byEmail = { show: { ...show.show, offboardInput: ['emails'] } };

const offboardInput = inputProperty('offboardInput', 'emails', [
	{ name: 'Emails', value: 'emails', description: "The person's emails: their accounts are found as Find Accounts finds them, then offboarded" },
	{
		name: 'Accounts Found',
		value: 'accounts',
		description:
			'Each input item is an account of Find Accounts (or an outcome of an earlier Offboard), e.g. after an approval: exactly those users are offboarded; summary items are ignored',
	},
], show);

const scope = scopeProperties(byEmail, searchWords);

const offboardDryRun = dryRunProperty('offboardDryRun', 'each user is looked at and the writes they would get are shown', show);

const allowDelete = allowDeleteProperty(
	'a user who is still active after the reversible steps, where the app lets Truto delete users',
	'such users are reported still active, with delete_available',
);

const removeFromGroups: INodeProperties = {
	displayName: 'Remove From Groups',
	name: 'removeFromGroups',
	type: 'boolean',
	default: true,
	description:
		"Whether to take a user who is still active after the deactivation step out of each of their groups, where the app lets Truto remove group members (Truto's groups/remove-user)",
};

const offboardOptions = optionsCollection([allowDelete, removeFromGroups], { name: 'offboardOptions', displayOptions: show });

/** Find Accounts' options (same name and fields), shown for Input: Emails. */
const searchOptions = optionsCollection([{ ...matchUsernames }, { ...readEveryUser }], { displayOptions: byEmail });

export const offboardProperties: INodeProperties[] = [
	offboardInput,
	{ ...emails, displayOptions: byEmail },
	scope.accountScope,
	scope.integratedAccounts,
	scope.integrations,
	searchOptions,
	offboardDryRun,
	offboardOptions,
];

export type OffboardInput = 'emails' | 'accounts';

export interface OffboardSettings {
	dryRun: boolean;
	allowDelete: boolean;
	removeFromGroups: boolean;
}

/** One item: its settings, and for Input: Accounts Found the account item (undefined for a summary item). */
export interface OffboardItem {
	itemIndex: number;
	input: OffboardInput;
	settings: OffboardSettings;
	/** The account item given (Input: Accounts Found). */
	account?: IDataObject;
}

/** Item kinds that name no user to offboard. */
const NOT_AN_ACCOUNT = new Set(['summary']);

/** One item, read and checked before anything is sent; undefined for a summary item of Find Accounts or Offboard. */
export function readOffboardItem(context: IExecuteFunctions, itemIndex: number): OffboardItem | undefined {
	const { location, read, option } = itemParameters(context, itemIndex, offboardOptions);
	const input = readChoice<OffboardInput>(location, offboardInput, read(offboardInput));
	const settings: OffboardSettings = {
		dryRun: read(offboardDryRun) !== false,
		allowDelete: option(allowDelete) === true,
		removeFromGroups: option(removeFromGroups) !== false,
	};
	if (input === 'emails') return { itemIndex, input, settings };
	const account = context.getInputData()[itemIndex]?.json ?? {};
	if (NOT_AN_ACCOUNT.has(String(account.kind))) return undefined;
	const named = (value: unknown) => (typeof value === 'string' && value !== '') || typeof value === 'number';
	if (!named(account.account_id) || (!named(account.user_id) && account.kind !== 'not_checked')) {
		throw inputError(
			location,
			'This item is not an account of Person → Find Accounts: it has no account_id and user_id',
			'Connect Offboard after Find Accounts (a Filter or an approval in between is fine), or set Input to Emails.',
		);
	}
	return { itemIndex, input, settings, account };
}
