import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { NoActivityChoice } from '../helpers/seats';

export type OperationName = 'getAll' | 'get' | 'create' | 'update' | 'delete' | 'removeUser' | 'deactivate' | 'suspend' | 'createReconnectLink';

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
	/**
	 * Shown under the field, always: which apps take it. n8n cannot hide a field by the chosen account's
	 * metadata, so the field says it (and Integration Parameters names the account's ignored fields).
	 */
	hint?: string;
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
	/**
	 * The record picked with the resource's own locator travels in the body under this name instead
	 * of the path (User → Deactivate: POST users/deactivate with { user_id }).
	 */
	idSentAs?: string;
	/** Overrides the generic operation texts, for resources where they read oddly ("Get many me"). */
	action?: string;
	description?: string;
}

/** An option a resource adds to the shared Options collection, for some of its operations. */
export interface ResourceOption {
	operations: OperationName[];
	property: INodeProperties;
}

/** Where one filter of a Filters collection goes: `status=…`, or a range operator such as `created_at[gt]=…`. */
export interface FilterTarget {
	name: string;
	/**
	 * Other names integrations use for the same filter (users: `emails` in most, `email` in a few).
	 * The value goes under the names the account's list metadata knows, under all of them when it
	 * knows none (an integration ignores filters it does not support).
	 */
	alternatives?: string[];
	operator?: 'gt' | 'lt';
	/** The value is a date, sent as ISO 8601. */
	date?: boolean;
}

/** A resource's Filters collection on Get Many: the editor property and where each of its fields is sent. */
export interface ListFilters {
	property: INodeProperties;
	/** Filter field name → Truto query parameter. */
	targets: Record<string, FilterTarget>;
}

/** What a read returns per record: the resource's short form, the whole record, or the fields named. */
export type OutputMode = 'simplified' | 'raw' | 'selectedFields';

/** The Options collection of one item, read and checked once (see input/options.ts). */
export interface ItemOptions {
	responseFormat?: string;
	/**
	 * Lists only: the SuperQuery region (`apac`, `wnam`) to read Truto's synced store, or `accountRegion`
	 * for the region the account's record names; undefined = the live app.
	 */
	superQuery?: string;
	/** remote_data is dropped unless this is false. */
	ignoreRemoteData: boolean;
	excludeFields: string[];
	/** remote_query, nested as Truto expects it. */
	remoteQuery?: IDataObject;
	/** Days without activity that make a user inactive; undefined = no filter. */
	inactiveDays?: number;
	noActivityUsers: NoActivityChoice;
	seatUtilization: boolean;
	/** Reads of resources with a short form (see `simplify`): how each record is output; undefined = as read. */
	output?: { mode: OutputMode; fields: string[] };
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
	/** The Filters collection of Get Many (users), sent as query parameters. */
	listFilters?: ListFilters;
	/** Options this resource adds to the Options collection (e.g. Inactive Days on user lists). */
	options?: ResourceOption[];
	/**
	 * Keeps only some listed records, as the item's options decide (undefined = keep all). The listing
	 * then pages until Limit records passed the test.
	 */
	listFilter?: (options: ItemOptions, now: number) => ((record: IDataObject) => boolean) | undefined;
	/** Adds computed fields to each record read by Get Many / Get (undefined = as Truto sent it). */
	decorate?: (options: ItemOptions) => ((record: IDataObject) => IDataObject) | undefined;
	/**
	 * The short form of a unified record, for Output → Simplified: what a person or an AI agent scans
	 * for. Resources with large records have one; the editor offers Output where they do.
	 */
	simplify?: (record: IDataObject) => IDataObject;
}
