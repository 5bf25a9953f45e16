import { unifiedResource } from '../unifiedResource';

/** The user whose credentials connected the integrated account; Truto lists it (one record), nothing more. */
export const me = unifiedResource({
	name: 'Me',
	summary: 'The user whose credentials connected the integrated account, with their organization',
	path: 'me',
	singular: 'connected user',
	plural: 'connected user records',
	operations: ['getAll'],
	operationSettings: {
		getAll: {
			action: 'Get the connected user',
			description: 'Get the user whose credentials connected the integrated account',
		},
	},
});
