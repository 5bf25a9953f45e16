import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inactiveSince, type NoActivityChoice } from '../../helpers/seats';
import type { ResourceDefinition, ResourceOption } from '../types';

/** Filters Truto documents for listing users; unsupported ones are ignored by the integration. */
const userFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Narrow the list on the server. An integration that does not support a filter ignores it.',
	options: [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only users created after this moment (sent as created_at[gt])',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only users created before this moment (sent as created_at[lt])',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only the user with this email address',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			description:
				'Only members of this group. Some integrations require either a group or an organization.',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only users whose name matches',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'active',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Deleted', value: 'deleted' },
				{ name: 'Inactive', value: 'inactive' },
				{ name: 'Invited', value: 'invited' },
			],
		},
		{
			displayName: 'Updated After',
			name: 'updatedAfter',
			type: 'dateTime',
			default: '',
			description: 'Only users changed after this moment (sent as updated_at[gt])',
		},
		{
			displayName: 'Updated Before',
			name: 'updatedBefore',
			type: 'dateTime',
			default: '',
			description: 'Only users changed before this moment (sent as updated_at[lt])',
		},
		{
			displayName: 'User Type',
			name: 'userType',
			type: 'options',
			default: 'user',
			options: [
				{ name: 'Admin', value: 'admin' },
				{ name: 'End User', value: 'end_user' },
				{ name: 'Limited', value: 'limited' },
				{ name: 'Machine', value: 'machine' },
				{ name: 'User', value: 'user' },
			],
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			description: 'Only members of this workspace. Many integrations with workspaces require it.',
		},
	],
};

/** Filter field → Truto query name; dates become range operators. */
const FILTER_QUERY: Record<string, { name: string; operator?: 'gt' | 'lt'; date?: boolean }> = {
	status: { name: 'status' },
	name: { name: 'name' },
	firstName: { name: 'first_name' },
	lastName: { name: 'last_name' },
	email: { name: 'email' },
	username: { name: 'username' },
	userType: { name: 'user_type' },
	groupId: { name: 'group_id' },
	workspaceId: { name: 'workspace_id' },
	createdAfter: { name: 'created_at', operator: 'gt', date: true },
	createdBefore: { name: 'created_at', operator: 'lt', date: true },
	updatedAfter: { name: 'updated_at', operator: 'gt', date: true },
	updatedBefore: { name: 'updated_at', operator: 'lt', date: true },
};

/** Date.parse rolls 2026-02-30 over to 2 March; a date that does not exist is refused instead. */
function isCalendarDate(value: string): boolean {
	const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	if (!parts) return true;
	const [year, month, day] = parts.slice(1).map(Number);
	const probe = new Date(Date.UTC(year, month - 1, day));
	return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function userListQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [field, raw] of Object.entries(filters)) {
		const target = FILTER_QUERY[field];
		if (!target || raw === undefined || raw === null || raw === '') continue;
		if (typeof raw === 'object') {
			throw new NodeOperationError(context.getNode(), `The filter "${field}" must be text, not an object`, {
				itemIndex,
				description: 'Check the expression used in this filter.',
			});
		}
		let value = String(raw).trim();
		if (target.date) {
			const time = Date.parse(value);
			if (Number.isNaN(time) || !isCalendarDate(value)) {
				throw new NodeOperationError(context.getNode(), `The filter "${field}" is not a valid date: "${value}"`, {
					itemIndex,
					description: 'Use an ISO 8601 date such as 2026-01-31 or 2026-01-31T12:00:00Z.',
				});
			}
			value = new Date(time).toISOString();
		}
		if (target.operator) {
			const range = (query[target.name] as IDataObject | undefined) ?? {};
			range[target.operator] = value;
			query[target.name] = range;
		} else {
			query[target.name] = value;
		}
	}
	return query;
}

/** Each Truto parameter the filters send, with the filter's name as the user sees it. */
const FILTER_PARAMETERS: Record<string, string> = {};
for (const option of userFilters.options as INodeProperties[]) {
	const target = FILTER_QUERY[option.name];
	if (!target) continue;
	const label = `Filters → ${option.displayName}`;
	FILTER_PARAMETERS[target.name] = FILTER_PARAMETERS[target.name] ? `${FILTER_PARAMETERS[target.name]} / ${option.displayName}` : label;
}

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
			options: [
				{ name: 'Exclude', value: 'exclude', description: 'Leave them out: nothing says they are inactive' },
				{ name: 'Include', value: 'include', description: 'Count them as inactive too' },
				{ name: 'Only These', value: 'only', description: 'Return only the users without activity data, to check by hand' },
			],
		},
	},
];

const NO_ACTIVITY_CHOICES: NoActivityChoice[] = ['exclude', 'include', 'only'];

function inactiveUsersFilter(context: IExecuteFunctions, itemIndex: number): ((record: IDataObject) => boolean) | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const raw = options.inactiveDays;
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const days = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
		throw new NodeOperationError(context.getNode(), `Inactive Days must be a number of days of at least 0, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: 'Enter how many days without activity make a user inactive, e.g. 90; 0 turns the filter off.',
		});
	}
	if (days === 0) return undefined;
	const choice = (options.noActivityUsers ?? 'exclude') as NoActivityChoice;
	if (!NO_ACTIVITY_CHOICES.includes(choice)) {
		throw new NodeOperationError(context.getNode(), `Users Without Activity Data must be exclude, include or only, not ${JSON.stringify(choice)}`, {
			itemIndex,
		});
	}
	if (options.responseFormat === 'raw') {
		throw new NodeOperationError(context.getNode(), 'Inactive Days needs the unified response format', {
			itemIndex,
			description: "Raw answers are in each app's own shape, without last_active_at and last_login_at. Set Response Format to Unified, or set Inactive Days to 0.",
		});
	}
	return inactiveSince(days, choice, Date.now());
}

function userLabel(record: IDataObject): string {
	const emails = Array.isArray(record.emails) ? (record.emails as IDataObject[]) : [];
	const email = (emails.find((entry) => entry.is_primary) ?? emails[0])?.email;
	const name = record.name ?? [record.first_name, record.last_name].filter(Boolean).join(' ');
	const main = String(name || record.username || email || record.id);
	return email && email !== main ? `${main} (${String(email)})` : main;
}

export const user: ResourceDefinition = {
	value: 'user',
	name: 'User',
	scope: 'unified',
	summary: 'Accounts of people (and bots) in the app: status, emails, roles, licenses and last activity',
	path: 'users',
	singular: 'user',
	plural: 'users',
	operations: ['getAll', 'get', 'create', 'update', 'delete'],
	id: { parameter: 'userId', searchMethod: 'searchUsers', example: 'e.g. 583920' },
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
			note: 'Required by Microsoft 365: whose users to list. Other integrations ignore it.',
			values: [
				{ name: 'Analytics', value: 'analytics' },
				{ name: 'Azure Active Directory', value: 'azure_active_directory' },
				{ name: 'OneDrive', value: 'onedrive' },
				{ name: 'SharePoint', value: 'sharepoint' },
				{ name: 'Teams', value: 'teams' },
				{ name: 'Workspace', value: 'workspace' },
			],
		},
	],
	listProperties: [userFilters],
	listQuery: userListQuery,
	listQueryParameters: FILTER_PARAMETERS,
	options: inactivityOptions,
	listFilter: inactiveUsersFilter,
};
