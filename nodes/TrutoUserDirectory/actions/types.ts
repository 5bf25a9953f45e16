import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type OperationName = 'getAll' | 'get';

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
	/** The resource locator used by Get (and by list search). */
	id: { parameter: string; searchMethod: string; example: string };
	/** One line for AI agents and people: what this resource is good for. */
	summary: string;
	/** How a record is shown in a dropdown. */
	label: (record: IDataObject) => string;
	integrationFields: IntegrationFieldUse[];
	/** Resource-specific fields of Get Many (e.g. the user filters). */
	listProperties?: INodeProperties[];
	/** Turns those fields into query parameters for one item. */
	listQuery?: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
}
