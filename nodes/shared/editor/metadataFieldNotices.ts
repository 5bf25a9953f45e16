import { escapeHtml, listNames, shorten } from '../helpers/text';
import { BODY_FIELDS, JSON_BODY, QUERY_FIELDS } from '../model/naming';
import { OPERATION_SPECS } from '../model/operations';
import type { OperationName, ResourceDefinition } from '../model/types';

/**
 * What the dynamic areas (Integration Parameters, Fields) say about themselves. n8n shows a resource
 * mapper's notice without the area's name and keeps the last notice it got until another one
 * arrives, so every answer carries one, headed by the area's name, about the current account,
 * resource and operation. A problem of the whole call (no account, a bad token, an operation the app
 * lacks) is told once, in the first area shown; the other area points at it.
 */

export type AreaName = 'query' | 'body';

const AREAS: Record<AreaName, { displayName: string; words: string }> = {
	query: { displayName: QUERY_FIELDS.displayName, words: 'query parameters' },
	body: { displayName: BODY_FIELDS.displayName, words: 'body fields' },
};

/** The call an area belongs to, as far as the editor knows it. */
export interface AreaCall {
	area: AreaName;
	resource: ResourceDefinition;
	operation: OperationName;
}

/** On writes Fields comes first (see dynamicAreas.ts), on reads Integration Parameters is the only area. */
function firstArea(operation: OperationName): AreaName {
	return OPERATION_SPECS[operation].hasBody ? 'body' : 'query';
}

function headed(area: AreaName, text: string): string {
	return `<b>${AREAS[area].displayName}</b>: ${escapeHtml(text)}`;
}

/** Everything the areas can say; `problem` ones are told once per panel. */
export const areaNotice = {
	/** A problem of the whole call: in the first area; the other one points at it. */
	problem(call: AreaCall, text: string): string {
		const first = firstArea(call.operation);
		if (call.area === first) return headed(call.area, text);
		return headed(call.area, `none to show until the note under ${AREAS[first].displayName} is resolved.`);
	},

	noAccount(call: AreaCall): string {
		const purpose = OPERATION_SPECS[call.operation].purpose(call.resource);
		return areaNotice.problem(
			call,
			`choose an Integrated Account above; this area then lists the ${AREAS[call.area].words} its integration takes ${purpose}.`,
		);
	},

	expressionAccount(call: AreaCall): string {
		const purpose = OPERATION_SPECS[call.operation].purpose(call.resource);
		return areaNotice.problem(
			call,
			`Integrated Account is an expression, resolved only when the node runs, so the ${AREAS[call.area].words} its integration takes ${purpose} cannot be listed here. Run the nodes before this one (their data resolves it), or pick the account from the list, to see them.`,
		);
	},

	/**
	 * Truto refused the look-up: its own message and the transport's hint (fix the token, reconnect…).
	 * n8n 2.41 reloads this area when a parameter it depends on changes, not when the credential does,
	 * so the note says which credential it was loaded with and how to load it again.
	 */
	lookupFailed(call: AreaCall, message: string, hint: string | undefined, credential: string): string {
		const said = shorten(`${message}${hint ? `. ${hint}` : ''}`, 400);
		return areaNotice.problem(
			call,
			`${said} (Loaded with ${credential}; after changing the credential, close and reopen this node to load this area again.)`,
		);
	},

	unsupported(call: AreaCall, text: string): string {
		return areaNotice.problem(call, text);
	},

	noMeta(call: AreaCall, label: string): string {
		const purpose = OPERATION_SPECS[call.operation].purpose(call.resource);
		return headed(call.area, `Truto has no field list for ${label} ${purpose}; the fields above and Options still apply.`);
	},

	/** `ignored`: the named fields above that the account's metadata does not list (see ignoredFieldsText). */
	empty(call: AreaCall, label: string, ignored = ''): string {
		const purpose = OPERATION_SPECS[call.operation].purpose(call.resource);
		return call.area === 'query'
			? headed('query', `${label} takes no query parameters ${purpose} beyond the fields above.${ignored}`)
			: headed('body', `Truto lists no body fields for ${label} ${purpose}; give any in ${JSON_BODY.displayName}.`);
	},

	/** Not shown while fields are listed, but it replaces an older notice n8n would otherwise keep. */
	listed(call: AreaCall, label: string, count: number, ignored = ''): string {
		const purpose = OPERATION_SPECS[call.operation].purpose(call.resource);
		return headed(call.area, `${count} ${AREAS[call.area].words} of ${label} ${purpose}.${ignored}`);
	},

	noOperation(area: AreaName): string {
		return headed(area, 'choose a resource and an operation above.');
	},
};

/**
 * The named per-integration fields above (Organization, Product …) that the account's metadata does
 * not list, as a sentence to append: n8n's displayOptions cannot hide them by metadata, so the area
 * that reads the metadata says it. Empty when every one applies.
 */
export function ignoredFieldsText(names: string[], label: string): string {
	if (!names.length) return '';
	const several = names.length > 1;
	return ` ${listNames(names)} above ${several ? 'do' : 'does'} not apply to ${label}: leave ${several ? 'them' : 'it'} empty.`;
}
