import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type OperationName = 'getAll' | 'get' | 'create' | 'update' | 'delete' | 'removeUser';

/** A per-integration field that some apps require, others accept and the rest ignore. */
export type IntegrationFieldName = 'organization' | 'product' | 'includeAssignedTo';

export interface IntegrationFieldUse {
	field: IntegrationFieldName;
	/** The query parameter name Truto expects, per operation: the same field travels under different names. */
	sendAs: Partial<Record<OperationName, string>>;
	/** Which integrations need it; shown in the field's description for people and AI agents. */
	note: string;
	/** For option fields: the values Truto documents on this resource. */
	values?: INodePropertyOptions[];
}

/** Another record picked with that resource's locator and sent in the body (Group → Remove User: the user). */
export interface BodyReference {
	/** The `value` of the resource whose ID locator is shown, e.g. 'user' shows `userId`. */
	resource: string;
	/** The body field Truto expects, e.g. 'user_id'. */
	sendAs: string;
}

/** What one operation of one resource needs beyond the generic behaviour of that operation. */
export interface OperationSettings {
	/** A custom Truto method, called as POST /unified/user-directory/<path>/<method> (e.g. 'remove-user'). */
	customMethod?: string;
	/** Records chosen with their own locators and sent in the body. */
	bodyReferences?: BodyReference[];
	/** Overrides the generic operation texts, for resources where they read oddly ("Get many me"). */
	action?: string;
	description?: string;
}

/** An option a resource adds to the shared Options collection, for some of its operations. */
export interface ResourceOption {
	operations: OperationName[];
	property: INodeProperties;
}

export interface ResourceDefinition {
	/** Parameter value saved in workflows (never rename). */
	value: string;
	/** Display name, e.g. "License". */
	name: string;
	/** Truto's path segment, e.g. "licenses". */
	path: string;
	/**
	 * `environment` resources belong to the token's Truto environment (/integrated-account), not to
	 * one integrated account; the others live under /unified/user-directory.
	 */
	scope: 'unified' | 'environment';
	singular: string;
	plural: string;
	operations: OperationName[];
	/** Per-operation settings, only where an operation needs more than its generic behaviour. */
	operationSettings?: Partial<Record<OperationName, OperationSettings>>;
	/**
	 * The resource locator used by Get, Update and Delete (and by list search). Absent for resources
	 * whose records have no ID (me, billing, utilization are list-only).
	 */
	id?: { parameter: string; searchMethod: string; example: string };
	/** One line for AI agents and people: what this resource is good for. */
	summary: string;
	/** How a record is shown in a dropdown. */
	label: (record: IDataObject) => string;
	integrationFields: IntegrationFieldUse[];
	/** Resource-specific fields of Get Many (e.g. the user filters). */
	listProperties?: INodeProperties[];
	/** Turns those fields into query parameters for one item. */
	listQuery?: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
	/**
	 * The query parameters `listQuery` can send, each with the field a user fills in for it
	 * (e.g. workspace_id → "Filters → Workspace ID"): they are not offered again as dynamic
	 * parameters, and a missing one is named by its field.
	 */
	listQueryParameters?: Record<string, string>;
	/** Options this resource adds to the Options collection (e.g. Inactive Days on user lists). */
	options?: ResourceOption[];
	/**
	 * Keeps only some listed records, as decided by the item's options (undefined = keep all). The
	 * listing then pages until Limit records passed the test.
	 */
	listFilter?: (context: IExecuteFunctions, itemIndex: number) => ((record: IDataObject) => boolean) | undefined;
	/** Adds computed fields to each record read by Get Many / Get (undefined = as Truto sent it). */
	decorate?: (context: IExecuteFunctions, itemIndex: number) => ((record: IDataObject) => IDataObject) | undefined;
}
