import type { IDataObject } from 'n8n-workflow';

import { seatUtilization } from '../../helpers/seats';
import { orNull } from '../../helpers/simplify';
import type { ItemOptions } from '../types';
import { unifiedResource } from '../unifiedResource';
import { microsoft365Products } from './products';

function seats(record: IDataObject): string {
	const assigned = record.assigned_quantity;
	const available = record.available_quantity;
	if (typeof assigned === 'number' && typeof available === 'number') return ` (${assigned}/${available} seats)`;
	return '';
}

/** Options → Seat Utilization: adds `seats` (counts, utilization, cost of the unassigned seats) to each license. */
function withSeats(options: ItemOptions): ((record: IDataObject) => IDataObject) | undefined {
	return options.seatUtilization ? (record) => ({ ...record, seats: { ...seatUtilization(record) } }) : undefined;
}

/** A license's seats and price: what seat reclamation reads (with `seats` when Seat Utilization added it). */
function simplifyLicense(record: IDataObject): IDataObject {
	const short: IDataObject = {
		id: orNull(record.id),
		name: orNull(record.name),
		status: orNull(record.status),
		available_quantity: orNull(record.available_quantity),
		assigned_quantity: orNull(record.assigned_quantity),
		unit_amount: orNull(record.unit_amount),
		currency: orNull(record.currency),
	};
	if (record.seats !== undefined) short.seats = record.seats;
	return short;
}

export const license = unifiedResource({
	name: 'License',
	summary: 'Licenses (seats, SKUs, plans) of the app with seats available and assigned, price and currency',
	path: 'licenses',
	operations: ['getAll', 'get'],
	idExample: 'lic_1234',
	label: (record) => `${String(record.name ?? record.id)}${seats(record)}`,
	integrationFields: [
		{
			field: 'organization',
			sendAs: { getAll: 'organization_id', get: 'organizations' },
			note: 'Required by Cisco Meraki, ClickUp and GitHub to list licenses, and by Cisco Meraki to get one; Webex accepts it. Other integrations ignore it.',
		},
		{
			field: 'product',
			sendAs: { getAll: 'product' },
			note: 'Required by Microsoft 365: which product the licenses belong to. Other integrations ignore it.',
			hint: 'Required by Microsoft 365; most other apps ignore it',
			values: microsoft365Products('azure_active_directory', 'onedrive'),
		},
		{
			field: 'includeAssignedTo',
			sendAs: { get: 'include_assigned_to' },
			note: 'Webex: also return who the license is assigned to. Other integrations ignore it.',
			values: [{ name: 'User', value: 'user' }],
		},
	],
	options: [
		{
			operations: ['getAll', 'get'],
			property: {
				displayName: 'Seat Utilization',
				name: 'seatUtilization',
				type: 'boolean',
				// Adding the option means wanting the seats; a saved false stays false.
				default: true,
				description:
					'Whether to add seats to each license: available, assigned, unassigned (available − assigned), utilization (assigned ÷ available, 0–1, null without seat counts), unassigned_cost (unassigned × unit_amount when the license has a price and a currency, else null) and currency',
			},
		},
	],
	decorate: withSeats,
	simplify: simplifyLicense,
});
