import type { ResourceDefinition } from '../types';

export const organization: ResourceDefinition = {
	value: 'organization',
	name: 'Organization',
	scope: 'unified',
	summary: 'Organizations (tenants, orgs, companies) inside the app, with their plan and licenses',
	path: 'organizations',
	singular: 'organization',
	plural: 'organizations',
	operations: ['getAll', 'get', 'update', 'delete'],
	id: { parameter: 'organizationId', searchMethod: 'searchOrganizations', example: 'e.g. acme-corp' },
	label: (record) => String(record.name ?? record.id),
	integrationFields: [],
};
