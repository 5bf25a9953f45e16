import type { ResourceDefinition } from '../types';

export const workspace: ResourceDefinition = {
	value: 'workspace',
	name: 'Workspace',
	scope: 'unified',
	summary: 'Workspaces (projects, repositories, sites) of the app, with their status and organization',
	path: 'workspaces',
	singular: 'workspace',
	plural: 'workspaces',
	operations: ['getAll', 'get'],
	id: { parameter: 'workspaceId', searchMethod: 'searchWorkspaces', example: 'e.g. 681234501' },
	label: (record) => String(record.name ?? record.id),
	integrationFields: [],
};
