import type { IDataObject } from 'n8n-workflow';

import type { ResourceDefinition } from '../types';

function activityLabel(record: IDataObject): string {
	const actor = ((record.actor as IDataObject | undefined)?.user as IDataObject | undefined)?.id;
	const when = typeof record.created_at === 'string' ? ` at ${record.created_at.slice(0, 16).replace('T', ' ')}` : '';
	return `${String(record.action ?? record.id)}${actor ? ` by ${String(actor)}` : ''}${when}`;
}

export const activity: ResourceDefinition = {
	value: 'activity',
	name: 'Activity',
	scope: 'unified',
	summary: 'The audit log of the app: logins, logouts, users created or deactivated, with actor and IP address',
	path: 'activities',
	singular: 'activity',
	plural: 'activities',
	operations: ['getAll', 'get'],
	id: { parameter: 'activityId', searchMethod: 'searchActivities', example: 'e.g. Ae7ZJ2yBqOkMk4nJqTj2Ow' },
	label: activityLabel,
	integrationFields: [],
};
