import type { INodeProperties } from 'n8n-workflow';

import { FINDING_TYPES } from './analysis/types';
import { integratedAccountLocator } from '../../shared/editor/locators';
import { optionsCollection } from '../../shared/editor/options';

const show = { show: { resource: ['seatReclamation'], operation: ['findReclaimableSeats'] } };

/**
 * The parameters of Seat Reclamation → Find Reclaimable Seats (read by input/reclamation.ts). Their
 * descriptions are written for people and for AI agents using the node as a tool.
 */
export const reclamationProperties: INodeProperties[] = [
	{
		displayName: 'Accounts to Review',
		name: 'accountScope',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Accounts of Chosen Integrations', value: 'integrations', description: 'Every integrated account of the apps named under Integrations' },
			{ name: 'Chosen Accounts', value: 'accounts', description: 'Only the integrated accounts picked under Integrated Accounts' },
			{ name: 'Every Integrated Account', value: 'all', description: 'Every account of the Truto environment of this credential' },
		],
		description: 'Which connected apps to review for seats to give back',
		displayOptions: show,
	},
	{
		displayName: 'Integrated Account Names or IDs',
		name: 'integratedAccounts',
		type: 'multiOptions',
		default: [],
		typeOptions: { loadOptionsMethod: 'getIntegratedAccounts' },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { ...show.show, accountScope: ['accounts'] } },
	},
	{
		displayName: 'Integrations',
		name: 'integrations',
		type: 'string',
		default: '',
		placeholder: 'e.g. zoom, github',
		description:
			"Truto's names of the apps to review, separated by commas (zoom, github, microsoft365, salesforce); display names such as Microsoft 365 work too. Every integrated account of these apps is reviewed.",
		displayOptions: { show: { ...show.show, accountScope: ['integrations'] } },
	},
	integratedAccountLocator({
		displayName: 'Identity Provider Account',
		name: 'identityProvider',
		required: false,
		description:
			'The integrated account of your identity provider (Okta, Microsoft Entra ID, Google Workspace, JumpCloud …). People deactivated or absent there but still active in an app are reported as orphaned accounts (matched by primary email, in any case). Leave empty to skip that check.',
		displayOptions: show,
	}),
	{
		displayName: 'Unused After (Days)',
		name: 'inactiveDays',
		type: 'number',
		default: 90,
		typeOptions: { minValue: 1 },
		description:
			'A paid seat whose holder was not active for this many days is unused (last_active_at, else last_login_at; per licence when the app says when each was last used)',
		displayOptions: show,
	},
	{
		displayName: 'Output',
		name: 'reviewOutput',
		type: 'options',
		default: 'findingsAndSummary',
		options: [
			{ name: 'Findings and a Summary Item', value: 'findingsAndSummary', description: 'One item per finding, then one summary item (kind "summary") with a ready-to-post digest in text' },
			{ name: 'Findings Only', value: 'findings', description: 'One item per finding (and per account that could not be read fully)' },
			{ name: 'Summary Only', value: 'summary', description: 'Only the summary item: money and seats per currency, counts, accounts not checked, and the digest text' },
		],
		description: 'What the node outputs',
		displayOptions: show,
	},
	optionsCollection(
		[
			{
				displayName: 'Exempt Domains',
				name: 'exemptDomains',
				type: 'string',
				default: '',
				placeholder: 'e.g. partner.example',
				description: 'Email domains never reported, separated by commas',
			},
			{
				displayName: 'Exempt Emails',
				name: 'exemptEmails',
				type: 'string',
				default: '',
				placeholder: 'e.g. ceo@acme.com, break-glass@acme.com',
				description: 'People never reported (executives, break-glass admins), by email, separated by commas',
			},
			{
				displayName: 'Finding Types',
				name: 'findingTypes',
				type: 'multiOptions',
				default: [...FINDING_TYPES],
				options: [
					{ name: 'Never Used', value: 'neverUsed', description: 'Users with no activity at all, added before the grace period' },
					{ name: 'Orphaned Account', value: 'orphanedAccount', description: 'Deactivated or absent in the identity provider, active in the app' },
					{ name: 'Unassigned Seats', value: 'unassignedSeats', description: 'Paid seats of a licence that nobody holds' },
					{ name: 'Underused License', value: 'underusedLicense', description: 'Licences used below the Underused Below share' },
					{ name: 'Unused Seat', value: 'unusedSeat', description: 'Paid seats of users not active for Unused After days' },
				],
				description: 'Which findings to report',
			},
			{
				displayName: 'Grace Period (Days)',
				name: 'gracePeriodDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description: 'Users and licences created within this many days are left alone (new hires, seats just bought)',
			},
			{
				displayName: 'Prices',
				name: 'prices',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Price',
				description:
					"Monthly prices per seat for apps that report none (the app's own unit_amount and currency win). Findings without any price say price: unknown and are counted apart.",
				options: [
					{
						displayName: 'Price',
						name: 'price',
						values: [
							{ displayName: 'Integration', name: 'integration', type: 'string', default: '', placeholder: 'e.g. zoom', description: "Truto's name of the app" },
							{
								displayName: 'License',
								name: 'license',
								type: 'string',
								default: '',
								placeholder: 'e.g. Licensed (Business)',
								description: "A licence's name or ID; empty for every licence of the app (and for apps that list no licences)",
							},
							{ displayName: 'Monthly Price per Seat', name: 'monthlyPrice', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 } },
							{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD', description: 'Three-letter code, e.g. USD or EUR' },
						],
					},
				],
			},
			{
				displayName: 'Underused Below (%)',
				name: 'underusedBelowPercent',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 0, maxValue: 100 },
				description: 'A licence with fewer of its seats assigned than this share is underused',
			},
		],
		{ displayOptions: show },
	),
];
