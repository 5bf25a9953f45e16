import type { IDataObject } from 'n8n-workflow';

import { unifiedResource } from '../unifiedResource';

function roleAssignmentLabel(record: IDataObject): string {
	const parts = [
		record.role_id ? `role ${String(record.role_id)}` : undefined,
		record.user_id ? `user ${String(record.user_id)}` : undefined,
		record.group_id ? `in ${String(record.group_id)}` : undefined,
	].filter(Boolean);
	return parts.length ? parts.join(', ') : String(record.id);
}

export const roleAssignment = unifiedResource({
	name: 'Role Assignment',
	summary: 'Which user holds which role in which group or workspace; delete one to take a role away',
	path: 'role_assignments',
	operations: ['getAll', 'get', 'delete'],
	idExample: 'acme-corp:1200101:admin',
	label: roleAssignmentLabel,
});
