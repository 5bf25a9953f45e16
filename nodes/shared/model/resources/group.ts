import type { IDataObject } from 'n8n-workflow';

import { orNull } from '../../helpers/simplify';
import { unifiedResource } from '../unifiedResource';

function simplifyGroup(record: IDataObject): IDataObject {
	const organization = record.organization as IDataObject | undefined;
	return {
		id: orNull(record.id),
		name: orNull(record.name),
		description: orNull(record.description),
		group_type: orNull(record.group_type),
		organization: orNull(organization && typeof organization === 'object' ? (organization.name ?? organization.id) : organization),
	};
}

export const group = unifiedResource({
	name: 'Group',
	summary: 'Groups, teams and departments of the app, with their organization; members can be removed',
	path: 'groups',
	operations: ['getAll', 'get', 'create', 'update', 'delete', 'removeUser'],
	operationSettings: {
		// Truto's custom method POST /groups/remove-user takes both IDs in the body.
		removeUser: {
			customMethod: 'remove-user',
			bodyReferences: [
				{ resource: 'group', sendAs: 'group_id' },
				{ resource: 'user', sendAs: 'user_id' },
			],
		},
	},
	idExample: '4821001',
	simplify: simplifyGroup,
});
