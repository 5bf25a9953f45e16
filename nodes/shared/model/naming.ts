import { titleOf } from '../helpers/text';
import { findResource } from './resources';
import type { IntegrationFieldName, OperationName, ResourceDefinition } from './types';

/**
 * How the node's fields are called, for the editor and for every message that asks the user to fill
 * one in: a Truto parameter is named by the field that sends it, the same way in a pre-flight stop,
 * a Truto 400 and the editor.
 */

/** What the action node does, in n8n's node picker and on its page there. */
export const USER_DIRECTORY_DESCRIPTION =
	'Read and manage users, groups, roles, organizations and licenses of any app connected to Truto (GitHub, Microsoft 365, Salesforce, Zoom and 350+ more) through one unified schema; across every app, find reclaimable seats, where a person has accounts and who holds admin rights';

/**
 * The poll trigger's description. n8n's picker folds a trigger into the node whose type name it
 * extends (trutoUserDirectoryTrigger → trutoUserDirectory, by type name, so no display name avoids
 * it) and shows the trigger's description for both: it says what the action node does first.
 */
export const POLL_TRIGGER_DESCRIPTION = `${USER_DIRECTORY_DESCRIPTION}; its poll trigger starts a workflow when a user appears, a user changes status, or a license gets enough unused seats`;

/** The per-integration fields the node has a field of its own for (parameter name = field name). */
export const INTEGRATION_FIELD_NAMES: Record<IntegrationFieldName, string> = {
	organization: 'Organization',
	product: 'Product',
	includeAssignedTo: 'Include Assigned To',
};

/** The areas that follow the integration (resource mappers filled from Truto's metadata) and the raw body. */
export const QUERY_FIELDS = { name: 'queryFields', displayName: 'Integration Parameters' } as const;
export const BODY_FIELDS = { name: 'bodyFields', displayName: 'Fields' } as const;
export const JSON_BODY = { name: 'jsonBody', displayName: 'Raw JSON Body' } as const;

/** Sent by the node itself on every call, or by the Options collection: never a field of its own. */
const NODE_QUERY = new Set(['integrated_account_id', 'limit', 'next_cursor', 'remote_query']);

export function isNodeQuery(name: string): boolean {
	return NODE_QUERY.has(name) || name.startsWith('truto_') || name.startsWith('remote_query[');
}

/**
 * Query parameters a named field of this resource/operation sends, each with that field as the user
 * sees it: "Organization", "Filters → Workspace ID".
 */
export function namedQueryFields(resource: ResourceDefinition, operation: OperationName): Map<string, string> {
	const named = new Map<string, string>();
	for (const use of resource.integrationFields) {
		const sendAs = use.sendAs[operation];
		if (sendAs) named.set(sendAs, INTEGRATION_FIELD_NAMES[use.field]);
	}
	if (operation === 'getAll' && resource.listFilters) {
		const { property, targets } = resource.listFilters;
		for (const option of property.options ?? []) {
			const target = 'displayName' in option ? targets[option.name] : undefined;
			if (!target || !('displayName' in option)) continue;
			for (const name of [target.name, ...(target.alternatives ?? [])]) {
				const earlier = named.get(name);
				// Two filters may send one parameter (Created After / Before → created_at).
				named.set(name, earlier ? `${earlier} / ${option.displayName}` : `${property.displayName} → ${option.displayName}`);
			}
		}
	}
	return named;
}

/** Body fields a named field sends (Group → Remove User: Group → group_id, User → user_id). */
export function namedBodyFields(resource: ResourceDefinition, operation: OperationName): Map<string, string> {
	const named = new Map<string, string>();
	for (const reference of resource.operationSettings?.[operation]?.bodyReferences ?? []) {
		named.set(reference.sendAs, findResource(reference.resource)?.name ?? titleOf(reference.resource));
	}
	const idSentAs = resource.operationSettings?.[operation]?.idSentAs;
	if (idSentAs) named.set(idSentAs, resource.name);
	return named;
}

/** How one node names the parameters of one resource and operation. */
export interface FieldNaming {
	/** "Organization (organization_id)", "Filters → Email (email)", "Integration Parameters → Role ID (role_id)". */
	query(name: string): string;
	body(name: string): string;
}

/**
 * The naming of a node's fields. `dynamicAreas`: the node shows Integration Parameters and Fields, so
 * a parameter without a named field is found there; without them (the polling trigger) it is named
 * as Truto spells it.
 */
export function fieldNaming(
	resource: ResourceDefinition,
	operation: OperationName,
	surface: { dynamicAreas: boolean } = { dynamicAreas: true },
): FieldNaming {
	const query = namedQueryFields(resource, operation);
	const body = namedBodyFields(resource, operation);
	const name = (named: Map<string, string>, area: string, parameter: string): string => {
		const field = named.get(parameter);
		if (field) return `${field} (${parameter})`;
		return surface.dynamicAreas ? `${area} → ${titleOf(parameter)} (${parameter})` : `${titleOf(parameter)} (${parameter})`;
	};
	return {
		query: (parameter) => name(query, QUERY_FIELDS.displayName, parameter),
		body: (parameter) => name(body, BODY_FIELDS.displayName, parameter),
	};
}
