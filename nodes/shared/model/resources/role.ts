import { unifiedResource } from '../unifiedResource';

export const role = unifiedResource({
	name: 'Role',
	summary: 'Roles (permission sets) defined in the app, and where they apply (group or workspace)',
	path: 'roles',
	operations: ['getAll', 'get', 'create', 'update', 'delete'],
	idExample: 'admin',
	label: (record) => String(record.label ?? record.name ?? record.id),
});
