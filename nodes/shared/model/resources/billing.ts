import { unifiedResource } from '../unifiedResource';

export const billing = unifiedResource({
	name: 'Billing',
	summary: 'Invoices and billing periods of the app subscription: amounts, tax, currency and dates',
	path: 'billing',
	singular: 'billing record',
	plural: 'billing records',
	operations: ['getAll'],
	label: (record) => String(record.description ?? record.id),
});
