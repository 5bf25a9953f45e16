import type { ResourceDefinition } from '../types';
import { integratedAccountLabel } from '../../helpers/accounts';
import { integratedAccountFilters } from './integratedAccountFilters';

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
	operations: ['getAll', 'get'],
	id: { parameter: 'integratedAccount', searchMethod: 'searchIntegratedAccounts', example: '' },
	label: integratedAccountLabel,
	integrationFields: [],
	listFilters: integratedAccountFilters,
};
