import type { ListFilters } from '../types';

/** Integrated Account → Get Many → Filters: Truto filters the accounts of the environment on these. */
export const integratedAccountFilters: ListFilters = {
	property: {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only the integrated accounts that match every filter given',
		options: [
			{
				displayName: 'Integration',
				name: 'integration',
				type: 'string',
				default: '',
				placeholder: 'e.g. github',
				description: "Only accounts of this integration, by Truto's name for it (sent as integration.name)",
			},
			{
				displayName: 'Sandbox',
				name: 'isSandbox',
				type: 'options',
				default: 'false',
				options: [
					{ name: 'Only Production Accounts', value: 'false' },
					{ name: 'Only Sandbox Accounts', value: 'true' },
				],
				description: 'Whether to list only sandbox (read-only) accounts or only production ones (sent as is_sandbox)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Connecting', value: 'connecting' },
					{ name: 'Needs Reauth', value: 'needs_reauth' },
					{ name: 'Post Install Error', value: 'post_install_error' },
					{ name: 'Validation Error', value: 'validation_error' },
				],
				description: 'Only accounts in this state; anything but Active needs the customer to reconnect or finish connecting',
			},
			{
				displayName: 'Tenant ID',
				name: 'tenantId',
				type: 'string',
				default: '',
				description: 'Only the account of this tenant (your customer), as given when it was connected',
			},
		],
	},
	targets: {
		integration: { name: 'integration.name' },
		isSandbox: { name: 'is_sandbox' },
		status: { name: 'status' },
		tenantId: { name: 'tenant_id' },
	},
};
