import type { ResourceDefinition, ResourceOption } from '../types';
import { integratedAccountLabel } from '../../helpers/accounts';
import { integratedAccountFilters } from './integratedAccountFilters';

/** Where Truto Link opens a link token, as Truto's "connecting an account" guide gives it; an option for self-hosted Link pages. */
export const DEFAULT_LINK_PAGE_URL = 'https://app.truto.one/connect-account';

/** Create Reconnect Link → Options → Link Page URL (read in input/linkPage.ts). */
const linkPageOption: ResourceOption = {
	operations: ['createReconnectLink'],
	property: {
		displayName: 'Link Page URL',
		name: 'linkPageUrl',
		type: 'string',
		default: DEFAULT_LINK_PAGE_URL,
		description:
			'The Truto Link page the customer opens; the node adds ?link_token=… to it. Change it if Truto gives you another address or you host Truto Link in your own app.',
	},
};

/** The connected accounts of the token's environment: the starting point for "check every app" flows. */
export const integratedAccount: ResourceDefinition = {
	value: 'integratedAccount',
	name: 'Integrated Account',
	scope: 'environment',
	summary:
		'The connected customer accounts of your Truto environment (one per app and tenant); loop over them to check every app',
	path: 'integrated-account',
	singular: 'integrated account',
	plural: 'integrated accounts',
	operations: ['getAll', 'get', 'createReconnectLink'],
	id: { parameter: 'integratedAccount', searchMethod: 'searchIntegratedAccounts', example: '' },
	label: integratedAccountLabel,
	integrationFields: [],
	listFilters: integratedAccountFilters,
	options: [linkPageOption],
};
