import { choiceFilter, dateRangeFilters, filtersOf, textFilter, titledChoices } from '../filterFields';

/** User → Get Many → Filters: the filters Truto documents for listing users; an integration ignores those it does not support. */
export const userFilters = filtersOf('Narrow the list on the server. An integration that does not support a filter ignores it.', [
	choiceFilter('Status', 'status', { name: 'status' }, 'active', titledChoices(['active', 'created', 'deleted', 'inactive', 'invited'])),
	textFilter('Name', 'name', { name: 'name' }, { description: 'Only users whose name matches' }),
	textFilter('First Name', 'firstName', { name: 'first_name' }),
	textFilter('Last Name', 'lastName', { name: 'last_name' }),
	// Most integrations filter on `emails`, a few on `email`: the account's metadata decides (filterNames.ts).
	textFilter('Email', 'email', { name: 'emails', alternatives: ['email'] }, { placeholder: 'name@email.com', description: 'Only the user with this email address' }),
	textFilter('Username', 'username', { name: 'username' }),
	// service-account: Truto's documented spelling, with a hyphen.
	choiceFilter('User Type', 'userType', { name: 'user_type' }, 'user', titledChoices(['admin', 'end_user', 'limited', 'machine', 'service-account', 'user'])),
	textFilter('Group ID', 'groupId', { name: 'group_id' }, { description: 'Only members of this group. Some integrations require either a group or an organization.' }),
	textFilter('Workspace ID', 'workspaceId', { name: 'workspace_id' }, { description: 'Only members of this workspace. Many integrations with workspaces require it.' }),
	...dateRangeFilters('created_at', 'users'),
	...dateRangeFilters('updated_at', 'users'),
]);
