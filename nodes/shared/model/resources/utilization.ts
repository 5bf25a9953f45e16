import { unifiedResource } from '../unifiedResource';

/** Usage reports: a table (columns and rows) per report, so records have no ID and no Get. */
export const utilization = unifiedResource({
	name: 'Utilization',
	summary: 'Usage reports of the app (for example daily active users), each a table of columns and rows',
	path: 'utilization',
	singular: 'utilization report',
	plural: 'utilization reports',
	operations: ['getAll'],
	label: (record) => String(record.name ?? ''),
});
