import { unifiedResource } from '../unifiedResource';

export const organization = unifiedResource({
	name: 'Organization',
	summary: 'Organizations (tenants, orgs, companies) inside the app, with their plan and licenses',
	path: 'organizations',
	operations: ['getAll', 'get', 'update', 'delete'],
	idExample: 'acme-corp',
});
