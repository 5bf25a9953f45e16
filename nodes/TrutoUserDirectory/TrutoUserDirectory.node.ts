import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, loadOptions, resourceMapping } from '../shared/editor/methods';
import { SIMPLIFIED_SINCE_VERSION } from '../shared/parameters/output';
import { router } from './router';
import { USER_DIRECTORY_DESCRIPTION } from '../shared/model/naming';
import { properties, subtitle } from './description';

export class TrutoUserDirectory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto User Directory',
		name: 'trutoUserDirectory',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['transform'],
		// 1.1: Output defaults to Simplified and Options offer Include Remote Data; version 1 (saved workflows) keeps its output.
		// New nodes get the last version. No defaultVersion: n8n offers "Custom API Call" (the picker's
		// "custom … API call" link, an HTTP Request with this credential) only to nodes without one.
		version: [1, SIMPLIFIED_SINCE_VERSION],
		subtitle,
		description: USER_DIRECTORY_DESCRIPTION,
		defaults: { name: 'Truto User Directory' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		// Derived from the resource table in shared/model/resources.
		properties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
