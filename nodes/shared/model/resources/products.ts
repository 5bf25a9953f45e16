import type { INodePropertyOptions } from 'n8n-workflow';

/** Microsoft 365's products as Truto names them in `product` (Microsoft 365 is the app that takes it). */
const MICROSOFT_365_PRODUCTS = {
	analytics: 'Analytics',
	azure_active_directory: 'Azure Active Directory',
	onedrive: 'OneDrive',
	sharepoint: 'SharePoint',
	teams: 'Teams',
	workspace: 'Workspace',
};

/** The Product choices of one resource: the products Truto documents for it, listed by name. */
export function microsoft365Products(...values: Array<keyof typeof MICROSOFT_365_PRODUCTS>): INodePropertyOptions[] {
	return values.map((value) => ({ name: MICROSOFT_365_PRODUCTS[value], value })).sort((a, b) => a.name.localeCompare(b.name));
}
