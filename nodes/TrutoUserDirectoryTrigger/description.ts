import type { INodeProperties } from 'n8n-workflow';

import { integrationFieldProperty } from '../shared/parameters/integrationFields';
import { integratedAccountLocator } from '../shared/parameters/locators';
import { ignoreRemoteDataOption, optionsCollection } from '../shared/parameters/options';
import { license } from '../shared/model/resources/license';
import { user } from '../shared/model/resources/user';
import type { IntegrationFieldName, ResourceDefinition } from '../shared/model/types';
import { EVENT_RESOURCES, type TriggerEvent } from './events';

/** The events that read this resource. */
function eventsOf(resource: ResourceDefinition): TriggerEvent[] {
	return (Object.keys(EVENT_RESOURCES) as TriggerEvent[]).filter((event) => EVENT_RESOURCES[event] === resource);
}

/** A per-integration field of a resource's list, as its table entry describes it, shown for that resource's events. */
function listField(resource: ResourceDefinition, field: IntegrationFieldName): INodeProperties[] {
	const use = resource.integrationFields.find((entry) => entry.field === field && entry.sendAs.getAll);
	return use ? [integrationFieldProperty(use, { show: { event: eventsOf(resource) } }, ['getAll'])] : [];
}

export const properties: INodeProperties[] = [
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
	integratedAccountLocator({
		description:
			'The connected customer account to watch: one tenant of one app, such as GitHub · acme-corp. Its ID is a UUID from Truto.',
	}),
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0 },
		description:
			'Unassigned seats (available minus assigned) at which a license fires. It fires once when it rises from below this number to at least this number, and again only after a poll saw it below.',
		displayOptions: { show: { event: eventsOf(license) } },
	},
	...listField(license, 'organization'),
	...listField(user, 'organization'),
	...listField(license, 'product'),
	...listField(user, 'product'),
	optionsCollection([ignoreRemoteDataOption]),
];
