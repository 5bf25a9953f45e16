import type { INodeProperties } from 'n8n-workflow';

import { integratedAccountProperties, integrationFieldProperty, optionsProperty } from '../TrutoUserDirectory/actions/fields';
import { license } from '../TrutoUserDirectory/actions/resources/license';
import { user } from '../TrutoUserDirectory/actions/resources/user';
import type { IntegrationFieldUse, ResourceDefinition } from '../TrutoUserDirectory/actions/types';
import { UNIFIED_RESOURCES } from '../TrutoUserDirectory/actions/resources';

const USER_EVENTS = ['newUser', 'userStatusChanged'];
const LICENSE_EVENTS = ['licenseSeatsThreshold'];

/** The main node's entry for a per-integration field of a resource (they all exist: see its resource table). */
function use(resource: ResourceDefinition, field: IntegrationFieldUse['field']): IntegrationFieldUse {
	return (
		resource.integrationFields.find((entry) => entry.field === field) ?? { field, sendAs: { getAll: field }, note: '' }
	);
}

/** The main node's field, shown for the given events instead of resources and operations. */
function forEvents(property: INodeProperties, events: string[], description?: string): INodeProperties {
	return { ...property, displayOptions: { show: { event: events } }, ...(description ? { description } : {}) };
}

/** The main node's account locator, shown always (the main node shows it per resource). */
const integratedAccount: INodeProperties = { ...integratedAccountProperties(UNIFIED_RESOURCES)[0] };
delete integratedAccount.displayOptions;

const ignoreRemoteData = (optionsProperty.options ?? []).find((option) => option.name === 'ignoreRemoteData');

export const properties: INodeProperties[] = [
	{
		...integratedAccount,
		description:
			'The connected customer account to watch: one tenant of one app, such as GitHub · acme-corp. Its ID is a UUID from Truto.',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newUser',
		options: [
			{
				name: 'License Seats Threshold Reached',
				value: 'licenseSeatsThreshold',
				description:
					"A license's unassigned seats (available minus assigned) rise from below the threshold to at least the threshold",
			},
			{
				name: 'New User',
				value: 'newUser',
				description: 'A user appears that was not there at the last poll',
			},
			{
				name: 'User Status Changed',
				value: 'userStatusChanged',
				description: "A known user's status changed (e.g. active → inactive); the item carries previous_status",
			},
		],
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0 },
		description:
			"Unassigned seats (available minus assigned) at which a license fires. It fires once when it rises from below this number to at least this number, and again only after a poll saw it below.",
		displayOptions: { show: { event: LICENSE_EVENTS } },
	},
	forEvents(
		integrationFieldProperty(license, use(license, 'organization')),
		LICENSE_EVENTS,
		'Required by Cisco Meraki, ClickUp and GitHub to list licenses; Webex accepts it. Sent as organization_id. Leave empty when the integration does not need it.',
	),
	forEvents(
		integrationFieldProperty(user, use(user, 'organization')),
		USER_EVENTS,
		'Only users of this organization. Some integrations (for example Auth0 and Atlassian) require an organization or a group. Sent as organization_id. Leave empty when the integration does not need it.',
	),
	forEvents(integrationFieldProperty(license, use(license, 'product')), LICENSE_EVENTS),
	forEvents(integrationFieldProperty(user, use(user, 'product')), USER_EVENTS),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: ignoreRemoteData ? [ignoreRemoteData] : [],
	},
];
