import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf, numberProperty, readChoice, readNumber } from '../../shared/parameters/definition';
import { inputError } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import { allowDeleteProperty, dryRunProperty, findingsOrIds, itemParameters, readAccountAndUser } from '../actions/parameters';
import { exemptDomains, exemptEmails } from './parameters';

/**
 * The parameters of Seat Reclamation → Reclaim Seats, each defined once: its editor field, default and
 * allowed values here, read by readReclaimRequest below.
 */

const show = { show: { resource: ['seatReclamation'], operation: ['reclaimSeats'] } };

const target = findingsOrIds(
	'reclaim',
	{
		findings: { name: 'Findings', description: 'Each input item is a finding of Find Reclaimable Seats (straight, or after a Filter or an approval); the summary item is ignored' },
		ids: { name: 'Account and User IDs', description: 'Each input item names an integrated account and a user; every paid seat the user holds is freed' },
	},
	show,
);

const dryRun = dryRunProperty('dryRun', 'each seat is looked at and the write it would get is shown', show);

const allowDelete = allowDeleteProperty('users where deleting is the only way the app offers to free the seat', 'such seats are skipped');

const maxFindingAgeDays = numberProperty(
	{ displayName: 'Max Finding Age (Days)', name: 'maxFindingAgeDays', default: 7, minValue: 0 },
	'Findings older than this (their found_at) are skipped: run Find Reclaimable Seats again. 0 accepts any age.',
);

// Named apart from Find Reclaimable Seats' Options: n8n would carry a value of one over to the other.
const options = optionsCollection([allowDelete, { ...exemptDomains }, { ...exemptEmails }, maxFindingAgeDays], { name: 'reclaimOptions', displayOptions: show });

export const reclaimProperties: INodeProperties[] = [target.input, target.account, target.userId, dryRun, options];

export type ReclaimInput = 'findings' | 'ids';

/** What one item asks for, read before anything is sent. */
export interface ReclaimItem {
	itemIndex: number;
	accountId: string;
	userId: string;
	/** The finding the item carries (Input: Findings); undefined for Account and User IDs. */
	finding?: IDataObject;
	dryRun: boolean;
	allowDelete: boolean;
	maxFindingAgeDays: number;
	exemptEmails: Set<string>;
	exemptDomains: Set<string>;
}

/** Kinds of findings that are about a license or an account, not a user's seat: nothing to send. */
export const NOT_A_USER_SEAT: Record<string, string> = {
	unassigned_seats: "Seats nobody holds are given back to the vendor: lower the seat count at renewal or in the app's billing settings",
	underused_license: "Seats nobody holds are given back to the vendor: lower the seat count at renewal or in the app's billing settings",
	not_checked: 'An account that could not be read fully: nothing to reclaim here; see its fix',
	ambiguous_identity: 'Several people of the identity provider share this email and disagree: check by hand first',
};

/**
 * One item, read and checked: the account and user (from the finding or the fields), and the run's
 * settings. Returns undefined for the summary item of Find Reclaimable Seats (not a finding).
 */
export function readReclaimItem(context: IExecuteFunctions, itemIndex: number): ReclaimItem | undefined {
	const { location, read, option } = itemParameters(context, itemIndex, options);
	const input = readChoice<ReclaimInput>(location, target.input, read(target.input));
	const settings = {
		itemIndex,
		dryRun: read(dryRun) !== false,
		allowDelete: option(allowDelete) === true,
		maxFindingAgeDays: readNumber(location, maxFindingAgeDays, option(maxFindingAgeDays), 'Enter how many days old a finding may be, e.g. 7; 0 for any age.'),
		exemptEmails: new Set(listOf(option(exemptEmails)).map((email) => email.toLowerCase())),
		exemptDomains: new Set(listOf(option(exemptDomains)).map((domain) => domain.replace(/^@/, '').toLowerCase())),
	};
	if (input === 'ids') {
		return { ...settings, ...readAccountAndUser(context, itemIndex, target) };
	}
	const finding = context.getInputData()[itemIndex]?.json ?? {};
	if (finding.kind === 'summary') return undefined;
	const accountId = typeof finding.account_id === 'string' ? finding.account_id : '';
	const userId = finding.user_id === undefined || finding.user_id === null ? '' : String(finding.user_id);
	if (!accountId || (!userId && !NOT_A_USER_SEAT[String(finding.kind)])) {
		throw inputError(
			location,
			'This item is not a finding of Find Reclaimable Seats: it has no account_id and user_id',
			'Connect Reclaim Seats after Find Reclaimable Seats (a Filter or an approval in between is fine), or set Input to Account and User IDs.',
		);
	}
	return { ...settings, accountId, userId, finding };
}
