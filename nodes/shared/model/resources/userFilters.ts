import { choiceFilter, dateRangeFilters, filtersOf, textFilter } from '../filterFields';

/** User → Get Many → Filters: the filters Truto documents for listing users; an integration ignores those it does not support. */
export const userFilters = filtersOf('Narrow the list on the server. An integration that does not support a filter ignores it.', [
	choiceFilter('Status', 'status', { name: 'status' }, 'active', [
		{ name: 'Active', value: 'active' },
		{ name: 'Created', value: 'created' },
		{ name: 'Deleted', value: 'deleted' },
		{ name: 'Inactive', value: 'inactive' },
		{ name: 'Invited', value: 'invited' },
	]),
	textFilter('Name', 'name', { name: 'name' }, { description: 'Only users whose name matches' }),
	textFilter('First Name', 'firstName', { name: 'first_name' }),
	textFilter('Last Name', 'lastName', { name: 'last_name' }),
	// Most integrations filter on `emails`, a few on `email`: the account's metadata decides (filterNames.ts).
	textFilter('Email', 'email', { name: 'emails', alternatives: ['email'] }, { placeholder: 'name@email.com', description: 'Only the user with this email address' }),
	textFilter('Username', 'username', { name: 'username' }),
	choiceFilter('User Type', 'userType', { name: 'user_type' }, 'user', [
		{ name: 'Admin', value: 'admin' },
		{ name: 'End User', value: 'end_user' },
		{ name: 'Limited', value: 'limited' },
		{ name: 'Machine', value: 'machine' },
		// Truto's documented spelling, with a hyphen.
		{ name: 'Service Account', value: 'service-account' },
		{ name: 'User', value: 'user' },
	]),
	textFilter('Group ID', 'groupId', { name: 'group_id' }, { description: 'Only members of this group. Some integrations require either a group or an organization.' }),
	textFilter('Workspace ID', 'workspaceId', { name: 'workspace_id' }, { description: 'Only members of this workspace. Many integrations with workspaces require it.' }),
	...dateRangeFilters('created_at', 'users'),
	...dateRangeFilters('updated_at', 'users'),
]);
