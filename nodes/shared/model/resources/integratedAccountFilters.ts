import { choiceFilter, filtersOf, textFilter, titledChoices } from '../filterFields';

/** Integrated Account → Get Many → Filters: Truto filters the accounts of the environment on these. */
export const integratedAccountFilters = filtersOf('Only the integrated accounts that match every filter given', [
	textFilter('Integration', 'integration', { name: 'integration.name' }, { placeholder: 'e.g. github', description: "Only accounts of this integration, by Truto's name for it (sent as integration.name)" }),
	choiceFilter('Sandbox', 'isSandbox', { name: 'is_sandbox' }, 'false', [
		{ name: 'Only Production Accounts', value: 'false' },
		{ name: 'Only Sandbox Accounts', value: 'true' },
	], { description: 'Whether to list only sandbox (read-only) accounts or only production ones (sent as is_sandbox)' }),
	choiceFilter('Status', 'status', { name: 'status' }, 'active', titledChoices(['active', 'connecting', 'needs_reauth', 'post_install_error', 'validation_error']), {
		description: 'Only accounts in this state; anything but Active needs the customer to reconnect or finish connecting',
	}),
	textFilter('Tenant ID', 'tenantId', { name: 'tenant_id' }, { description: 'Only the account of this tenant (your customer), as given when it was connected' }),
]);
