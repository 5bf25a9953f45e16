import type { ResourceDefinition } from '../types';

export const billing: ResourceDefinition = {
	value: 'billing',
	name: 'Billing',
	scope: 'unified',
	summary: 'Invoices and billing periods of the app subscription: amounts, tax, currency and dates',
	path: 'billing',
	singular: 'billing record',
	plural: 'billing records',
	operations: ['getAll'],
	label: (record) => String(record.description ?? record.id),
	integrationFields: [],
};
