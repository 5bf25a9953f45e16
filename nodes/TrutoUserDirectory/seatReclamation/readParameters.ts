import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FINDING_TYPES, type EnteredPrice, type FindingType, type ReclamationSettings } from './analysis/types';
import { locatorText } from '../../shared/input/locators';
import { inputError, type Place } from '../../shared/input/itemLocation';

/**
 * Seat Reclamation → Find Reclaimable Seats: one item's parameters, read and checked before any
 * request (the operation is not one Truto path, so it has its own reader beside itemInput.ts).
 */

export type AccountScope = { kind: 'all' } | { kind: 'accounts'; ids: string[] } | { kind: 'integrations'; names: string[] };

export type ReclamationOutput = 'findingsAndSummary' | 'findings' | 'summary';

export interface ReclamationRequest {
	scope: AccountScope;
	identityProviderId?: string;
	settings: Omit<ReclamationSettings, 'now'>;
	output: ReclamationOutput;
}

const OUTPUTS: ReclamationOutput[] = ['findingsAndSummary', 'findings', 'summary'];

/** A list given as a list, or as text separated by commas, semicolons or line breaks. */
function listOf(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((entry) => String(entry ?? '')) : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

function numberIn(place: Place, raw: unknown, field: string, { min, max, fix }: { min: number; max?: number; fix: string }): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (max !== undefined && value > max)) {
		throw inputError(place, `${field} must be a number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}, not ${JSON.stringify(raw)}`, fix);
	}
	return value;
}

function readScope(place: Place, read: (name: string, fallback: unknown) => unknown): AccountScope {
	const kind = read('accountScope', 'all');
	if (kind === 'all') return { kind };
	if (kind === 'accounts') {
		const ids = listOf(read('integratedAccounts', []));
		if (ids.length === 0) {
			throw inputError(place, 'Integrated Accounts is empty', 'Choose the accounts to review, or set Accounts to Review to Every Integrated Account.');
		}
		return { kind, ids };
	}
	if (kind === 'integrations') {
		const names = listOf(read('integrations', ''));
		if (names.length === 0) {
			throw inputError(place, 'Integrations is empty', "Enter Truto's names of the apps to review, e.g. zoom, github, or set Accounts to Review to Every Integrated Account.");
		}
		return { kind, names };
	}
	throw inputError(place, `Accounts to Review must be all, accounts or integrations, not ${JSON.stringify(kind)}`, 'Choose Accounts to Review from the list.');
}

function readPrices(place: Place, raw: unknown): EnteredPrice[] {
	const rows = ((raw as IDataObject | undefined)?.price ?? []) as IDataObject[];
	if (!Array.isArray(rows)) return [];
	return rows.map((row, index) => {
		const where = `Prices → row ${index + 1}`;
		const integration = String(row.integration ?? '').trim();
		if (!integration) throw inputError(place, `${where} has no Integration`, "Enter Truto's name of the app the price is for, e.g. zoom.");
		const monthlyAmount = numberIn(place, row.monthlyPrice, `${where}: Monthly Price per Seat`, { min: 0, fix: 'Enter what one seat costs a month, e.g. 12.5.' });
		const currency = String(row.currency ?? '').trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) {
			throw inputError(place, `${where}: Currency must be a three-letter code such as USD or EUR, not ${JSON.stringify(row.currency ?? '')}`, 'Enter the ISO 4217 code of the currency.');
		}
		const license = String(row.license ?? '').trim();
		return { integration, monthlyAmount, currency, ...(license ? { license } : {}) };
	});
}

function readTypes(place: Place, raw: unknown): Set<FindingType> {
	if (raw === undefined || raw === null || raw === '') return new Set(FINDING_TYPES);
	const chosen = listOf(raw);
	const unknown = chosen.filter((type) => !FINDING_TYPES.includes(type as FindingType));
	if (unknown.length) throw inputError(place, `Finding Types has unknown values: ${unknown.join(', ')}`, `Choose from ${FINDING_TYPES.join(', ')}.`);
	if (chosen.length === 0) throw inputError(place, 'Finding Types is empty', 'Choose at least one kind of finding, or remove the option to get them all.');
	return new Set(chosen as FindingType[]);
}

export function readReclamationRequest(context: IExecuteFunctions, itemIndex: number): ReclamationRequest {
	const place: Place = { node: context.getNode(), itemIndex };
	const read = (name: string, fallback: unknown): unknown => context.getNodeParameter(name, itemIndex, fallback);
	const scope = readScope(place, read);
	const identityProviderId = locatorText(place, context.getNodeParameter('identityProvider', itemIndex, '', { extractValue: true }), 'Identity Provider Account', {
		required: false,
	});
	const inactiveDays = numberIn(place, read('inactiveDays', 90), 'Unused After (Days)', { min: 1, fix: 'Enter how many days without activity make a seat unused, e.g. 90.' });
	const output = read('reviewOutput', 'findingsAndSummary') as ReclamationOutput;
	if (!OUTPUTS.includes(output)) throw inputError(place, `Output must be one of ${OUTPUTS.join(', ')}, not ${JSON.stringify(output)}`);
	const options = (read('options', {}) ?? {}) as IDataObject;
	const graceDays = numberIn(place, options.gracePeriodDays ?? 30, 'Grace Period (Days)', { min: 0, fix: 'Enter how many days new users and licences are left alone, e.g. 30; 0 for none.' });
	const underusedPercent = numberIn(place, options.underusedBelowPercent ?? 50, 'Underused Below (%)', { min: 0, max: 100, fix: 'Enter a utilization in percent, e.g. 50.' });
	const exemptEmails = new Set(listOf(options.exemptEmails).map((email) => email.toLowerCase()));
	for (const email of exemptEmails) {
		if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw inputError(place, `Exempt Emails has an entry that is not an email: ${JSON.stringify(email)}`, 'Separate emails with commas; enter domains under Exempt Domains.');
	}
	const exemptDomains = new Set(listOf(options.exemptDomains).map((domain) => domain.replace(/^@/, '').toLowerCase()));
	return {
		scope,
		identityProviderId,
		output,
		settings: {
			inactiveDays,
			graceDays,
			underusedBelow: underusedPercent / 100,
			exemptEmails,
			exemptDomains,
			types: readTypes(place, options.findingTypes),
			prices: readPrices(place, options.prices),
		},
	};
}
