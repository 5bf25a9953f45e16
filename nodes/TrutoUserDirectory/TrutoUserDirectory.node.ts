import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, loadOptions, resourceMapping } from '../shared/editor/methods';
import { SIMPLIFIED_SINCE_VERSION } from '../shared/parameters/output';
import { router } from './router';
import { properties } from './description';

export class TrutoUserDirectory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto User Directory',
		name: 'trutoUserDirectory',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['transform'],
		// 1.1: Output defaults to Simplified and Options offer Include Remote Data; version 1 (saved workflows) keeps its output.
		version: [1, SIMPLIFIED_SINCE_VERSION],
		defaultVersion: SIMPLIFIED_SINCE_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and manage users, groups, roles, organizations and licenses of any app connected to Truto (GitHub, Microsoft 365, Salesforce, Zoom and 350+ more) through one unified schema',
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
