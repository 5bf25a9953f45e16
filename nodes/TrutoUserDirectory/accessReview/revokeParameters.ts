import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf, readChoice } from '../../shared/parameters/definition';
import { inputError } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import { dryRunProperty, findingsOrIds, itemParameters, readAccountAndUser } from '../actions/parameters';
import type { RevokeTarget } from '../actions/revoke';

/**
 * The parameters of Access Review → Revoke Access, each defined once: its editor field, default and
 * allowed values here, read by readRevokeItem below.
 */

const show = { show: { resource: ['accessReview'], operation: ['revokeAccess'] } };

const target = findingsOrIds(
	'revoke',
	{
		findings: {
			name: 'Privileged Access Items',
			description: "Each input item is an item of Find Privileged Access (straight, or after a Filter or an approval): the privileged roles it lists are revoked; summaries are ignored",
		},
		ids: { name: 'Account, User and Roles', description: 'Each input item names an integrated account, a user and the roles (or groups) to take away' },
	},
	show,
);

const revokeRoles: INodeProperties = {
	displayName: 'Roles to Revoke',
	name: 'revokeRoles',
	type: 'string',
	default: '',
	placeholder: 'e.g. Owner, Global Administrator',
	description: "Names or IDs of the user's roles to take away, separated by commas (any case). Each goes by deleting the user's role assignments of it, where the app lets Truto do that.",
	displayOptions: target.showForIds,
};

const revokeDryRun = dryRunProperty('revokeDryRun', 'each user is looked at and the writes their rights would get are shown', show);

const privilegedGroups: INodeProperties = {
	displayName: 'Groups That Grant Privileges',
	name: 'privilegedGroups',
	type: 'string',
	default: '',
	placeholder: 'e.g. Admins, Super Admins',
	description:
		"Names or IDs of groups whose members hold privileged rights, separated by commas (any case). The user is taken out of those they are in (Truto's groups remove-user), where the app supports it. Truto documents no link between a group and the roles it grants, so only the groups named here are touched.",
};

// Named apart from the other operations' Options: n8n would carry a value of one over to the other.
const options = optionsCollection([privilegedGroups], { name: 'revokeOptions', displayOptions: show });

export const revokeProperties: INodeProperties[] = [target.input, target.account, target.userId, revokeRoles, revokeDryRun, options];

export type RevokeInput = 'findings' | 'ids';

/** What one item asks for, read before anything is sent. */
export interface RevokeItem extends RevokeTarget {
	itemIndex: number;
	/** The item of Find Privileged Access (Input: Privileged Access Items). */
	finding?: IDataObject;
	/** Why nothing is to be done for this item (an account that could not be reviewed). */
	skip?: string;
}

/** Items of Find Privileged Access that name no one: summaries. */
const SUMMARIES = new Set(['summary', 'app_summary']);
const HOLDERS = new Set(['privileged_access', 'privileged_service_account']);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry) => entry !== null && entry !== undefined && entry !== '').map(String) : []);

/**
 * One item, read and checked: the account, user and rights (from the item of Find Privileged Access
 * or the fields) and the run's settings. Returns undefined for a summary item (nobody to act on).
 */
export function readRevokeItem(context: IExecuteFunctions, itemIndex: number): RevokeItem | undefined {
	const { location, read, option } = itemParameters(context, itemIndex, options);
	const groups = listOf(option(privilegedGroups));
	const input = readChoice<RevokeInput>(location, target.input, read(target.input));
	const settings = { itemIndex, groups, dryRun: read(revokeDryRun) !== false };
	if (input === 'ids') {
		const { accountId, userId } = readAccountAndUser(context, itemIndex, target);
		const roles = listOf(read(revokeRoles));
		if (roles.length === 0 && groups.length === 0) {
			throw inputError(location, 'Nothing to revoke: Roles to Revoke is empty', `Enter the names or IDs of the roles to take away, e.g. {{ $json.privileged_roles.join(', ') }}, or name groups under Options → ${privilegedGroups.displayName}.`);
		}
		return { ...settings, accountId, userId, roles, userTypeAdmin: false };
	}
	const finding = context.getInputData()[itemIndex]?.json ?? {};
	if (SUMMARIES.has(String(finding.kind))) return undefined;
	const accountId = typeof finding.account_id === 'string' ? finding.account_id : '';
	if (finding.kind === 'not_checked' && accountId) {
		return { ...settings, accountId, userId: '', roles: [], userTypeAdmin: false, finding, skip: `An account that could not be reviewed: nobody to revoke here (${String(finding.reason ?? 'see its fix')})` };
	}
	const userId = finding.user_id === undefined || finding.user_id === null ? '' : String(finding.user_id);
	if (!HOLDERS.has(String(finding.kind)) || !accountId || !userId) {
		throw inputError(
			location,
			'This item is not an item of Find Privileged Access: it has no kind privileged_access, account_id and user_id',
			'Connect Revoke Access after Access Review → Find Privileged Access (a Filter or an approval in between is fine), or set Input to Account, User and Roles.',
		);
	}
	return { ...settings, accountId, userId, roles: strings(finding.privileged_roles), userTypeAdmin: strings(finding.privileged_by).includes('user_type admin'), finding };
}
