import { unifiedResource } from '../unifiedResource';

export const workspace = unifiedResource({
	name: 'Workspace',
	summary: 'Workspaces (projects, repositories, sites) of the app, with their status and organization',
	path: 'workspaces',
	operations: ['getAll', 'get'],
	idExample: '681234501',
});
