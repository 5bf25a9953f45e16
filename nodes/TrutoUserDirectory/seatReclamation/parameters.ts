import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { allowedValues, listOf, numberProperty, optionsProperty, readChoice, readNumber, rowsProperty } from '../../shared/parameters/definition';
import { inputError, type ItemLocation } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import type { AccountScope } from '../estate/scope';
import { identityProviderId, identityProviderProperty, readScope, scopeProperties, scopeWords } from '../estate/scopeParameters';
import type { EnteredPrice } from '../estate/types';
import type { FindingType, ReclamationSettings } from './analysis/types';

/**
 * The parameters of Seat Reclamation → Find Reclaimable Seats, each defined once: the property below
 * is its editor field, its default and its allowed values, and the reader at the end of this file
 * takes all three from it. Descriptions are written for people and for AI agents using the node as a tool.
 */

const show = { show: { resource: ['seatReclamation'], operation: ['findReclaimableSeats'] } };

const words = scopeWords('review', 'for seats to give back');
const scope = scopeProperties(show, words);
const { accountScope, integratedAccounts, integrations } = scope;

const identityProvider = identityProviderProperty(
	show,
	'The integrated account of your identity provider (Okta, Microsoft Entra ID, Google Workspace, JumpCloud, OneLogin …; the list shows them first). People deactivated or absent there but still active in an app are reported as orphaned accounts (matched by primary email, in any case). Leave empty to skip that check.',
	'searchIdentityProviders',
);

const inactiveDays = numberProperty(
	{ displayName: 'Unused After (Days)', name: 'inactiveDays', default: 90, minValue: 1 },
	'A paid seat whose holder was not active for this many days is unused (last_active_at, else last_login_at; per license when the app says when each was last used)',
	show,
);

/** What Find Reclaimable Seats outputs: the choices of Output. */
const outputChoices: INodePropertyOptions[] = [
	{ name: 'Findings and a Summary Item', value: 'findingsAndSummary', description: 'One item per finding, then one summary item (kind "summary") with a ready-to-post digest in text' },
	{ name: 'Findings Only', value: 'findings', description: 'One item per finding (and per account that could not be read fully)' },
	{ name: 'Summary Only', value: 'summary', description: 'Only the summary item: money and seats per currency, counts, accounts not checked, and the digest text' },
	{
		name: 'Summary with a CSV File',
		value: 'csvFile',
		description: 'One item: the summary, with every finding in a CSV file (binary property "data"), written as they come so memory stays flat',
	},
];

const reviewOutput = optionsProperty({ displayName: 'Output', name: 'reviewOutput', default: 'findingsAndSummary' }, outputChoices, 'What the node outputs', show);

const appPricePeriod = optionsProperty(
	{ displayName: 'App Prices Are', name: 'appPricePeriod', default: 'month' },
	[
		{ name: 'Per Month', value: 'month', description: "The apps' unit_amount is what a seat costs a month" },
		{ name: 'Per Year', value: 'year', description: "The apps' unit_amount is what a seat costs a year: divided by 12" },
	],
	"What period the apps' own seat prices (unit_amount) are for. Truto does not document a billing period for them; without this option they are taken as monthly and the digest says so.",
);

export const exemptDomains: INodeProperties = {
	displayName: 'Exempt Domains',
	name: 'exemptDomains',
	type: 'string',
	default: '',
	placeholder: 'e.g. partner.example',
	description: 'Email domains never reported, separated by commas',
};

export const exemptEmails: INodeProperties = {
	displayName: 'Exempt Emails',
	name: 'exemptEmails',
	type: 'string',
	default: '',
	placeholder: 'e.g. ceo@acme.com, break-glass@acme.com',
	description: 'People never reported (executives, break-glass admins), by email, separated by commas',
};

const findingTypeOptions = [
	{ name: 'Never Used', value: 'neverUsed', description: 'Users with no activity at all, added before the grace period' },
	{ name: 'Orphaned Account', value: 'orphanedAccount', description: 'Deactivated or absent in the identity provider, active in the app' },
	{ name: 'Unassigned Seats', value: 'unassignedSeats', description: 'Paid seats of a license that nobody holds' },
	{ name: 'Underused License', value: 'underusedLicense', description: 'Licenses used below the Underused Below share' },
	{ name: 'Unused Seat', value: 'unusedSeat', description: 'Paid seats of users not active for Unused After days' },
];

const findingTypes: INodeProperties = {
	displayName: 'Finding Types',
	name: 'findingTypes',
	type: 'multiOptions',
	// Every kind, in the order the review reports them.
	default: ['unusedSeat', 'neverUsed', 'unassignedSeats', 'underusedLicense', 'orphanedAccount'],
	options: findingTypeOptions,
	description: 'Which findings to report',
};

const gracePeriodDays = numberProperty(
	{ displayName: 'Grace Period (Days)', name: 'gracePeriodDays', default: 30, minValue: 0 },
	'Users and licenses created within this many days are left alone (new hires, seats just bought)',
);

const prices = rowsProperty(
	{ displayName: 'Prices', name: 'prices', placeholder: 'Add Price' },
	"Monthly prices per seat, by app or by license. An entered price wins over the app's own unit_amount for that license (or every license of the app); apps that report no price need one here. Findings say where each price came from (price: app or entered); findings without any price say price: unknown and are counted apart.",
	{ displayName: 'Price', name: 'price' },
	[
		{ displayName: 'Integration', name: 'integration', type: 'string', default: '', placeholder: 'e.g. zoom', description: "Truto's name of the app" },
		{
			displayName: 'License',
			name: 'license',
			type: 'string',
			default: '',
			placeholder: 'e.g. Licensed (Business)',
			description: "A license's name or ID; empty for every license of the app (and for apps that list no licenses)",
		},
		{ displayName: 'Monthly Price per Seat', name: 'monthlyPrice', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 } },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD', description: 'Three-letter code, e.g. USD or EUR' },
	],
);

const underusedBelowPercent = numberProperty(
	{ displayName: 'Underused Below (%)', name: 'underusedBelowPercent', default: 50, minValue: 0, maxValue: 100 },
	'A license with fewer of its seats assigned than this share is underused',
);

const options = optionsCollection([appPricePeriod, exemptDomains, exemptEmails, findingTypes, gracePeriodDays, prices, underusedBelowPercent], {
	displayOptions: show,
});

export const reclamationProperties: INodeProperties[] = [accountScope, integratedAccounts, integrations, identityProvider, inactiveDays, reviewOutput, options];

/** Every kind of finding, in the order the review reports them (Finding Types' default). */
export const FINDING_TYPES = findingTypes.default as FindingType[];

export type ReclamationOutput = 'findingsAndSummary' | 'findings' | 'summary' | 'csvFile';

export interface ReclamationRequest {
	scope: AccountScope;
	identityProviderId?: string;
	settings: Omit<ReclamationSettings, 'now'>;
	output: ReclamationOutput;
}

function readPrices(location: ItemLocation, raw: unknown): EnteredPrice[] {
	const rows = ((raw as IDataObject | undefined)?.price ?? []) as IDataObject[];
	if (!Array.isArray(rows)) return [];
	return rows.map((row, index) => {
		const where = `Prices → row ${index + 1}`;
		const integration = String(row.integration ?? '').trim();
		if (!integration) throw inputError(location, `${where} has no Integration`, "Enter Truto's name of the app the price is for, e.g. zoom.");
		const monthlyAmount = readNumber(
			location,
			{ displayName: `${where}: Monthly Price per Seat`, name: 'monthlyPrice', type: 'number', default: undefined, typeOptions: { minValue: 0 } },
			row.monthlyPrice,
			'Enter what one seat costs a month, e.g. 12.5.',
		);
		const currency = String(row.currency ?? '').trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) {
			throw inputError(location, `${where}: Currency must be a three-letter code such as USD or EUR, not ${JSON.stringify(row.currency ?? '')}`, 'Enter the ISO 4217 code of the currency.');
		}
		const license = String(row.license ?? '').trim();
		return { integration, monthlyAmount, currency, ...(license ? { license } : {}) };
	});
}

function readTypes(location: ItemLocation, raw: unknown): Set<FindingType> {
	if (raw === undefined || raw === null || raw === '') return new Set(FINDING_TYPES);
	const chosen = listOf(raw);
	const known = allowedValues(findingTypes);
	const unknown = chosen.filter((type) => !known.includes(type));
	if (unknown.length) throw inputError(location, `Finding Types has unknown values: ${unknown.join(', ')}`, `Choose from ${FINDING_TYPES.join(', ')}.`);
	if (chosen.length === 0) throw inputError(location, 'Finding Types is empty', 'Choose at least one kind of finding, or remove the option to get them all.');
	return new Set(chosen as FindingType[]);
}

/** One item's parameters, read and checked before any request. */
export function readReclamationRequest(context: IExecuteFunctions, itemIndex: number): ReclamationRequest {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const read = (property: INodeProperties): unknown => context.getNodeParameter(property.name, itemIndex, property.default);
	const chosenOptions = (read(options) ?? {}) as IDataObject;
	const option = (property: INodeProperties): unknown => chosenOptions[property.name] ?? property.default;

	const emails = new Set(listOf(option(exemptEmails)).map((email) => email.toLowerCase()));
	for (const email of emails) {
		if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
			throw inputError(location, `Exempt Emails has an entry that is not an email: ${JSON.stringify(email)}`, 'Separate emails with commas; enter domains under Exempt Domains.');
		}
	}
	return {
		scope: readScope(location, read, scope, words),
		identityProviderId: identityProviderId(context, itemIndex, identityProvider),
		output: readChoice<ReclamationOutput>(location, reviewOutput, read(reviewOutput)),
		settings: {
			inactiveDays: readNumber(location, inactiveDays, read(inactiveDays), 'Enter how many days without activity make a seat unused, e.g. 90.'),
			graceDays: readNumber(location, gracePeriodDays, option(gracePeriodDays), 'Enter how many days new users and licenses are left alone, e.g. 30; 0 for none.'),
			underusedBelow: readNumber(location, underusedBelowPercent, option(underusedBelowPercent), 'Enter a utilization in percent, e.g. 50.') / 100,
			exemptEmails: emails,
			exemptDomains: new Set(listOf(option(exemptDomains)).map((domain) => domain.replace(/^@/, '').toLowerCase())),
			types: readTypes(location, chosenOptions[findingTypes.name]),
			prices: readPrices(location, option(prices)),
			// Only an added option says what the apps' prices are; its default is what is assumed otherwise.
			...(chosenOptions[appPricePeriod.name] === undefined ? {} : { appPricesPer: readChoice<'month' | 'year'>(location, appPricePeriod, chosenOptions[appPricePeriod.name]) }),
		},
	};
}
