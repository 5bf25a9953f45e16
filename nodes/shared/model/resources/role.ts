import type { ResourceDefinition } from '../types';

export const role: ResourceDefinition = {
	value: 'role',
	name: 'Role',
	scope: 'unified',
	summary: 'Roles (permission sets) defined in the app, and where they apply (group or workspace)',
	path: 'roles',
	singular: 'role',
	plural: 'roles',
	operations: ['getAll', 'get', 'create', 'update', 'delete'],
	id: { parameter: 'roleId', searchMethod: 'searchRoles', example: 'e.g. admin' },
	label: (record) => String(record.label ?? record.name ?? record.id),
	integrationFields: [],
};
