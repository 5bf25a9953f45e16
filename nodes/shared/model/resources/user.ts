import type { IDataObject } from 'n8n-workflow';

import { inactiveSince, primaryEmail } from '../../helpers/seats';
import { lastSeenAt, namesOf, orNull } from '../../helpers/simplify';
import type { ItemOptions, ResourceOption } from '../types';
import { unifiedResource } from '../unifiedResource';
import { microsoft365Products } from './products';
import { userFilters } from './userFilters';

/** Seat reclamation: the inactive-users options of User → Get Many (in the Options collection). */
const inactivityOptions: ResourceOption[] = [
	{
		operations: ['getAll'],
		property: {
			displayName: 'Inactive Days',
			name: 'inactiveDays',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Only users not seen for at least this many days: their last_active_at, else last_login_at, is that old. 0 returns every user. With Limit, the node reads page after page until it has that many inactive users.',
		},
	},
	{
		operations: ['getAll'],
		property: {
			displayName: 'Users Without Activity Data',
			name: 'noActivityUsers',
			type: 'options',
			default: 'exclude',
			description:
				'With Inactive Days: what to do with users for whom the app reports neither last_active_at nor last_login_at',
			// Only meaningful once Inactive Days is set (an expression counts as set).
			displayOptions: { show: { inactiveDays: [{ _cnd: { gt: 0 } }] } },
			options: [
				{ name: 'Exclude', value: 'exclude', description: 'Leave them out: nothing says they are inactive' },
				{ name: 'Include', value: 'include', description: 'Count them as inactive too' },
				{ name: 'Only These', value: 'only', description: 'Return only the users without activity data, to check by hand' },
			],
		},
	},
];

/** Options → Inactive Days: only users not seen for that long (checked in input/options.ts). */
function inactiveUsers(options: ItemOptions, now: number): ((record: IDataObject) => boolean) | undefined {
	return options.inactiveDays ? inactiveSince(options.inactiveDays, options.noActivityUsers, now) : undefined;
}

/** What a person scans a user for: who, how to reach them, whether active, when last seen, what they hold. */
function simplifyUser(record: IDataObject): IDataObject {
	const name = record.name ?? ([record.first_name, record.last_name].filter(Boolean).join(' ') || null);
	return {
		id: orNull(record.id),
		name: orNull(name),
		email: primaryEmail(record) ?? null,
		status: orNull(record.status),
		last_seen_at: lastSeenAt(record),
		licenses: namesOf(record.licenses),
		roles: namesOf(record.roles),
	};
}

function userLabel(record: IDataObject): string {
	const email = primaryEmail(record);
	const name = record.name ?? [record.first_name, record.last_name].filter(Boolean).join(' ');
	const main = String(name || record.username || email || record.id);
	return email && email !== main ? `${main} (${String(email)})` : main;
}

export const user = unifiedResource({
	name: 'User',
	summary: 'Accounts of people (and bots) in the app: status, emails, roles, licenses and last activity',
	path: 'users',
	operations: ['getAll', 'get', 'create', 'update', 'delete', 'deactivate', 'suspend'],
	operationSettings: {
		// Truto's custom methods POST /users/deactivate and /users/suspend take the user in the body.
		deactivate: { customMethod: 'deactivate', idSentAs: 'user_id' },
		suspend: { customMethod: 'suspend', idSentAs: 'user_id' },
	},
	idExample: '583920',
	label: userLabel,
	integrationFields: [
		{
			field: 'organization',
			sendAs: { getAll: 'organization_id' },
			note: 'Only users of this organization. Some integrations (for example Auth0 and Atlassian) require an organization or a group.',
		},
		{
			field: 'product',
			sendAs: { getAll: 'product' },
			note: 'Microsoft 365: whose users to list, e.g. Teams or SharePoint (Azure Active Directory when not set). Other integrations ignore it.',
			hint: 'Microsoft 365 only; other apps ignore it',
			values: microsoft365Products('analytics', 'azure_active_directory', 'onedrive', 'sharepoint', 'teams', 'workspace'),
		},
	],
	listFilters: userFilters,
	options: inactivityOptions,
	listFilter: inactiveUsers,
	simplify: simplifyUser,
});
