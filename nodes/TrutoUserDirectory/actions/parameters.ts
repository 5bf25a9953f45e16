import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemLocation } from '../../shared/parameters/itemLocation';
import { integratedAccountLocator, locatorText } from '../../shared/parameters/locators';

/**
 * The parameters the acting operations (Reclaim Seats, Offboard, Revoke Access) have in common, each
 * defined here once; every operation names its own (n8n would carry a value of one over to another)
 * and says in its own words what it plans or deletes.
 */

/** Dry Run, on by default: `shown` says what a plan shows, e.g. "each user is looked at and the writes they would get are shown". */
export function dryRunProperty(name: string, shown: string, displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Dry Run',
		name,
		type: 'boolean',
		default: true,
		description: `Whether to only plan: ${shown} (outcome "planned"), but nothing is sent. Switch off to act.`,
		displayOptions,
	};
}

/** Allow Delete (an option, off by default): `whom` is deleted when allowed, `otherwise` says what happens without it. */
export function allowDeleteProperty(whom: string, otherwise: string): INodeProperties {
	return {
		displayName: 'Allow Delete',
		name: 'allowDelete',
		type: 'boolean',
		default: false,
		description: `Whether to delete ${whom}. Deleting cannot be undone; without this ${otherwise}.`,
	};
}

/** The integrated account and the user an item names (for input that names them rather than carrying a finding). */
export function accountAndUserProperties(prefix: string, displayOptions: IDisplayOptions): { account: INodeProperties; userId: INodeProperties } {
	const account = integratedAccountLocator({ name: `${prefix}Account`, description: 'The integrated account of the user, e.g. {{ $json.account_id }}', displayOptions });
	const userId: INodeProperties = {
		displayName: 'User ID',
		name: `${prefix}UserId`,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.user_id }}',
		description: "The user's ID in the app",
		displayOptions,
	};
	return { account, userId };
}

/** The account and user of one item, both required. */
export function readAccountAndUser(context: IExecuteFunctions, itemIndex: number, fields: { account: INodeProperties; userId: INodeProperties }): { accountId: string; userId: string } {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const accountId = locatorText(location, context.getNodeParameter(fields.account.name, itemIndex, '', { extractValue: true }), 'Integrated Account', { required: true }) as string;
	const userId = locatorText(location, context.getNodeParameter(fields.userId.name, itemIndex, fields.userId.default), fields.userId.displayName, { required: true }) as string;
	return { accountId, userId };
}
