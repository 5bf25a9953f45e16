import type { IDataObject } from 'n8n-workflow';

import type { ResourceDefinition } from '../types';

function roleAssignmentLabel(record: IDataObject): string {
	const parts = [
		record.role_id ? `role ${String(record.role_id)}` : undefined,
		record.user_id ? `user ${String(record.user_id)}` : undefined,
		record.group_id ? `in ${String(record.group_id)}` : undefined,
	].filter(Boolean);
	return parts.length ? parts.join(', ') : String(record.id);
}

export const roleAssignment: ResourceDefinition = {
	value: 'roleAssignment',
	name: 'Role Assignment',
	scope: 'unified',
	summary: 'Which user holds which role in which group or workspace; delete one to take a role away',
	path: 'role_assignments',
	singular: 'role assignment',
	plural: 'role assignments',
	operations: ['getAll', 'get', 'delete'],
	id: { parameter: 'roleAssignmentId', searchMethod: 'searchRoleAssignments', example: 'e.g. acme-corp:1200101:admin' },
	label: roleAssignmentLabel,
	integrationFields: [],
};
