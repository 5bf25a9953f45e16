import type { INodeProperties } from 'n8n-workflow';

import type { ListFilters } from '../types';

/** Filters Truto documents for listing users; unsupported ones are ignored by the integration. */
const property: INodeProperties = {
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
				{ name: 'Created', value: 'created' },
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
				{ name: 'Service Account', value: 'service-account' },
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

/** User → Get Many → Filters, and where each is sent; dates become range operators. */
export const userFilters: ListFilters = {
	property,
	targets: {
		status: { name: 'status' },
		name: { name: 'name' },
		firstName: { name: 'first_name' },
		lastName: { name: 'last_name' },
		email: { name: 'emails', alternatives: ['email'] },
		username: { name: 'username' },
		userType: { name: 'user_type' },
		groupId: { name: 'group_id' },
		workspaceId: { name: 'workspace_id' },
		createdAfter: { name: 'created_at', operator: 'gt', date: true },
		createdBefore: { name: 'created_at', operator: 'lt', date: true },
		updatedAfter: { name: 'updated_at', operator: 'gt', date: true },
		updatedBefore: { name: 'updated_at', operator: 'lt', date: true },
	},
};
