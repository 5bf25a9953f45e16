import type { INodeProperties } from 'n8n-workflow';

import { onEvent, sentenceCase, subtitleLookup } from '../shared/helpers/text';
import { numberProperty } from '../shared/parameters/definition';
import { integrationFieldProperty } from '../shared/parameters/integrationFields';
import { integratedAccountLocator } from '../shared/parameters/locators';
import { ignoreRemoteDataOption, optionsCollection } from '../shared/parameters/options';
import { license } from '../shared/model/resources/license';
import { user } from '../shared/model/resources/user';
import type { IntegrationFieldName, ResourceDefinition } from '../shared/model/types';
import { eventsReading, TRIGGER_EVENTS } from './events';

/**
 * The Event field's options, from the event table, in the editor's alphabetical order; `action` is
 * the trigger n8n's picker lists ("On new user").
 */
const eventOptions = [...TRIGGER_EVENTS]
	.sort((a, b) => a.name.localeCompare(b.name))
	.map(({ name, value, description }) => ({ name, value, action: onEvent(name), description }));

/** The node's subtitle: the chosen event as a sentence ("New user"). */
export const subtitle = subtitleLookup(
	Object.fromEntries(TRIGGER_EVENTS.map(({ value, name }) => [value, sentenceCase(name)])),
	'$parameter["event"]',
);

/** A per-integration field of a resource's list, as its table entry describes it, shown for that resource's events. */
function listField(resource: ResourceDefinition, field: IntegrationFieldName): INodeProperties[] {
	const use = resource.integrationFields.find((entry) => entry.field === field && entry.sendAs.getAll);
	return use ? [integrationFieldProperty(use, { show: { event: eventsReading(resource) } }, ['getAll'])] : [];
}

export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newUser',
		options: eventOptions,
	},
	integratedAccountLocator({
		description:
			'The connected customer account to watch: one tenant of one app, such as GitHub · acme-corp. Its ID is a UUID from Truto.',
	}),
	numberProperty(
		{ displayName: 'Threshold', name: 'threshold', default: 1, minValue: 0 },
		'Unassigned seats (available minus assigned) at which a license fires. It fires once when it rises from below this number to at least this number, and again only after a poll saw it below.',
		{ show: { event: eventsReading(license) } },
	),
	...listField(license, 'organization'),
	...listField(user, 'organization'),
	...listField(license, 'product'),
	...listField(user, 'product'),
	optionsCollection([ignoreRemoteDataOption]),
];
