import type { INodeProperties } from 'n8n-workflow';

import { AUTHENTICATION_ERROR, eventOptions, RECORD_FILTER_EVENTS, recordResourceOptions } from './events';

export const properties: INodeProperties[] = [
	{
		displayName:
			"Truto must reach this n8n to deliver events: n8n's webhook URL has to be a public https address (set n8n's WEBHOOK_URL). Activating the workflow registers a webhook in Truto for exactly the events chosen; deactivating it deletes the webhook.",
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [AUTHENTICATION_ERROR],
		options: eventOptions(),
		description: 'The Truto events that start the workflow; each event becomes one item',
	},
	{
		displayName: 'Integrated Account Names or IDs',
		name: 'integratedAccounts',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getIntegratedAccounts' },
		default: [],
		description:
			'Only events of these connected accounts; none chosen means every account of the environment. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Integration Names or IDs',
		name: 'integrations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getIntegrations' },
		default: [],
		description:
			'Only events of accounts of these apps (Truto\'s name, e.g. github); none chosen means every app. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Record Resources',
		name: 'recordResources',
		type: 'multiOptions',
		options: recordResourceOptions(),
		default: [],
		description: 'Only record events of these user-directory resources; none chosen means all of them',
		displayOptions: { show: { events: RECORD_FILTER_EVENTS } },
	},
];
