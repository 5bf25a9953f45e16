import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { searchIntegratedAccounts } from './listSearch';

/** Plain option lists (multiOptions) that the resource locators' searches already know how to fill. */
export const loadOptions = {
	/** Every integrated account of the environment, as the account picker names them (Seat Reclamation → Chosen Accounts). */
	async getIntegratedAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { results } = await searchIntegratedAccounts.call(this);
		return results.map(({ name, value }) => ({ name, value }));
	},
};
