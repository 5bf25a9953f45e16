import type { IDataObject } from 'n8n-workflow';

import { orNull } from '../../helpers/simplify';
import { unifiedResource } from '../unifiedResource';

function activityLabel(record: IDataObject): string {
	const actor = ((record.actor as IDataObject | undefined)?.user as IDataObject | undefined)?.id;
	const when = typeof record.created_at === 'string' ? ` at ${record.created_at.slice(0, 16).replace('T', ' ')}` : '';
	return `${String(record.action ?? record.id)}${actor ? ` by ${String(actor)}` : ''}${when}`;
}

/** Who did what, to what, when, and from where. */
function simplifyActivity(record: IDataObject): IDataObject {
	const actor = (record.actor ?? {}) as IDataObject;
	const context = (record.context ?? {}) as IDataObject;
	return {
		id: orNull(record.id),
		action: orNull(record.action),
		actor_type: orNull(actor.type),
		actor_user_id: orNull((actor.user as IDataObject | undefined)?.id),
		entity_type: orNull(record.entity_type),
		entity: orNull(record.entity),
		ip_address: orNull(context.ip_address),
		created_at: orNull(record.created_at),
	};
}

export const activity = unifiedResource({
	name: 'Activity',
	summary: 'The audit log of the app: logins, logouts, users created or deactivated, with actor and IP address',
	path: 'activities',
	plural: 'activities',
	operations: ['getAll', 'get'],
	idExample: 'Ae7ZJ2yBqOkMk4nJqTj2Ow',
	label: activityLabel,
	simplify: simplifyActivity,
});
