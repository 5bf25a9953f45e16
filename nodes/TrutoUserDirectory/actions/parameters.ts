import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsProperty } from '../../shared/parameters/definition';
import type { ItemLocation } from '../../shared/parameters/itemLocation';
import { integratedAccountLocator, locatorText } from '../../shared/parameters/locators';

/**
 * The parameters the acting operations (Reclaim Seats, Offboard, Revoke Access) have in common, each
 * defined here once; every operation names its own (n8n would carry a value of one over to another)
 * and says in its own words what it plans or deletes.
 */

/** Input: what the input items are, e.g. the items of the operation that finds what to act on, or fields that name it. */
export function inputProperty(name: string, defaultChoice: string, choices: INodePropertyOptions[], displayOptions: IDisplayOptions): INodeProperties {
	return optionsProperty({ displayName: 'Input', name, default: defaultChoice }, choices, 'What the input items are', displayOptions);
}

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

/** A choice of Input: its name in the list and what it means. */
type InputChoice = Pick<INodePropertyOptions, 'name' | 'description'>;

/**
 * The Input of an operation that acts on what an earlier one found: that operation's items (`findings`,
 * the default), or fields that name the integrated account and the user (`ids`), shown only then.
 * `showForIds` shows further fields of the second kind.
 */
export function findingsOrIds(prefix: string, choices: { findings: InputChoice; ids: InputChoice }, displayOptions: IDisplayOptions & { show: object }) {
	const name = `${prefix}Input`;
	const input = inputProperty(
		name,
		'findings',
		[
			{ name: choices.findings.name, value: 'findings', description: choices.findings.description },
			{ name: choices.ids.name, value: 'ids', description: choices.ids.description },
		],
		displayOptions,
	);
	const showForIds = { show: { ...displayOptions.show, [name]: ['ids'] } };
	const account = integratedAccountLocator({ name: `${prefix}Account`, description: 'The integrated account of the user, e.g. {{ $json.account_id }}', displayOptions: showForIds });
	const userId: INodeProperties = {
		displayName: 'User ID',
		name: `${prefix}UserId`,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.user_id }}',
		description: "The user's ID in the app",
		displayOptions: showForIds,
	};
	return { input, account, userId, showForIds };
}

/** The account and user of one item, both required. */
export function readAccountAndUser(context: IExecuteFunctions, itemIndex: number, fields: { account: INodeProperties; userId: INodeProperties }): { accountId: string; userId: string } {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const accountId = locatorText(location, context.getNodeParameter(fields.account.name, itemIndex, '', { extractValue: true }), 'Integrated Account', { required: true }) as string;
	const userId = locatorText(location, context.getNodeParameter(fields.userId.name, itemIndex, fields.userId.default), fields.userId.displayName, { required: true }) as string;
	return { accountId, userId };
}

/**
 * Reading one item's parameters: `read` a property (its default where unset), `option` a field of the
 * operation's Options collection (its default where not added), `location` for the messages of bad input.
 */
export function itemParameters(context: IExecuteFunctions, itemIndex: number, options: INodeProperties) {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const read = (property: INodeProperties): unknown => context.getNodeParameter(property.name, itemIndex, property.default);
	const chosen = (read(options) ?? {}) as IDataObject;
	const option = (property: INodeProperties): unknown => chosen[property.name] ?? property.default;
	return { location, read, option };
}
