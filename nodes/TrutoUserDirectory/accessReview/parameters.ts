import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf } from '../../shared/parameters/definition';
import { inputError, type ItemLocation } from '../../shared/parameters/itemLocation';
import { optionsCollection } from '../../shared/parameters/options';
import type { AccountScope } from '../estate/scope';
import { identityProviderId, identityProviderProperty, readScope, scopeProperties, scopeWords } from '../estate/scopeParameters';

/**
 * The parameters of Access Review → Find Privileged Access, each defined once: the property is its
 * editor field and default, the reader at the end takes both from it.
 */

const show = { show: { resource: ['accessReview'], operation: ['findPrivilegedAccess'] } };

const words = scopeWords('review', 'for privileged access');
const scope = scopeProperties(show, words);

const identityProvider = identityProviderProperty(
	show,
	'The integrated account of your identity provider (Okta, Microsoft Entra ID, Google Workspace, JumpCloud …). Admins deactivated or absent there are flagged first (matched by primary email, in any case). Leave empty to skip that check.',
);

const privilegedRoles: INodeProperties = {
	displayName: 'Privileged Roles',
	name: 'privilegedRoles',
	type: 'string',
	default: 'admin, owner, super admin, org admin, billing admin, administrator',
	description:
		"Role names that grant privileged rights, separated by commas. A user's role matches when one of these appears in its name as whole words, in any case: admin matches Site admin and Org Admin, administrator matches Global Administrator. Users whose user_type is admin are privileged whatever their roles.",
	displayOptions: show,
};

const csvFile: INodeProperties = {
	displayName: 'Attach CSV',
	name: 'csvFile',
	type: 'boolean',
	default: false,
	description: 'Whether the summary item carries a CSV file (binary property "data") with one row per privileged user and app, as evidence for auditors',
};

const options = optionsCollection([csvFile], { displayOptions: show });

export const accessReviewProperties: INodeProperties[] = [scope.accountScope, scope.integratedAccounts, scope.integrations, identityProvider, privilegedRoles, options];

export interface AccessReviewRequest {
	scope: AccountScope;
	identityProviderId?: string;
	/** The role names given, as written. */
	roles: string[];
	csv: boolean;
}

/** One item's parameters, read and checked before any request. */
export function readAccessReviewRequest(context: IExecuteFunctions, itemIndex: number): AccessReviewRequest {
	const location: ItemLocation = { node: context.getNode(), itemIndex };
	const read = (property: INodeProperties): unknown => context.getNodeParameter(property.name, itemIndex, property.default);
	const roles = listOf(read(privilegedRoles));
	if (roles.length === 0) {
		throw inputError(location, 'Privileged Roles is empty', `Enter the role names that grant privileged rights, e.g. ${String(privilegedRoles.default)}.`);
	}
	const chosen = (read(options) ?? {}) as IDataObject;
	return {
		scope: readScope(location, read, scope, words),
		identityProviderId: identityProviderId(context, itemIndex, identityProvider),
		roles,
		csv: chosen[csvFile.name] === true,
	};
}
