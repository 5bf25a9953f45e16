import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { listSearch } from '../shared/editor/methods';
import { integrationFieldQuery } from '../shared/parameters/integrationFields';
import { locatorText } from '../shared/parameters/locators';
import { readOptions, trutoOptionsQuery } from '../shared/parameters/options';
import { fieldNaming, POLL_TRIGGER_DESCRIPTION } from '../shared/model/naming';
import {
	baseline,
	detect,
	isTriggerEvent,
	sampleEvent,
	triggerEvent,
	type TriggerEvent,
	type TriggerState,
} from './events';
import { checkCall } from '../shared/checks/preflight';
import { MetadataCache, TrutoClient, unifiedPath } from '../shared/transport';
import { properties, subtitle } from './description';

/** Bump when the remembered state changes shape: an old state then becomes a new baseline. */
const STATE_VERSION = 1;

function readId(context: IPollFunctions, name: string, displayName: string, required: boolean): string | undefined {
	const raw = context.getNodeParameter(name, '', { extractValue: true }) as unknown;
	return locatorText({ node: context.getNode() }, raw, displayName, { required });
}

function readEvent(context: IPollFunctions): TriggerEvent {
	const event = context.getNodeParameter('event', 'newUser') as unknown;
	if (!isTriggerEvent(event)) {
		throw new NodeOperationError(context.getNode(), `Unknown event "${String(event)}"`, {
			description: 'Choose one of the events offered in the Event field.',
		});
	}
	return event;
}

function readThreshold(context: IPollFunctions, event: TriggerEvent): number {
	if (event !== 'licenseSeatsThreshold') return 0;
	const raw = context.getNodeParameter('threshold', 1) as unknown;
	const threshold = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
		throw new NodeOperationError(context.getNode(), `Threshold must be a number, not ${JSON.stringify(raw)}`, {
			description: 'Set Threshold to the number of unassigned seats that should start the workflow.',
		});
	}
	return threshold;
}

/** Returns the remembered state when it belongs to this scope. */
function rememberedState(staticData: IDataObject, scope: string): TriggerState | undefined {
	return staticData.scope === scope ? (staticData as unknown as TriggerState) : undefined;
}

/** Replaces the remembered state (top-level assignments, so n8n notices the change and saves it). */
function remember(staticData: IDataObject, state: TriggerState): void {
	staticData.scope = state.scope;
	if (state.users) staticData.users = state.users;
	else delete staticData.users;
	if (state.licenses) staticData.licenses = state.licenses;
	else delete staticData.licenses;
}

export class TrutoUserDirectoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		// "Poll" keeps it apart from the Truto Webhook Trigger; n8n's picker still folds it into Truto User
		// Directory (it matches type names, trutoUserDirectoryTrigger → trutoUserDirectory).
		displayName: 'Truto Directory Poll Trigger',
		name: 'trutoUserDirectoryTrigger',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle,
		description: POLL_TRIGGER_DESCRIPTION,
		defaults: { name: 'Truto Directory Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = readEvent(this);
		const accountId = readId(this, 'integratedAccount', 'Integrated Account', true) as string;
		const organization = readId(this, 'organization', 'Organization', false);
		const product = (this.getNodeParameter('product', '') as string) || undefined;
		const threshold = readThreshold(this, event);
		const options = readOptions({ node: this.getNode() }, this.getNodeParameter('options', {}) as IDataObject);
		const { resource } = triggerEvent(event);
		const query: IDataObject = {
			...integrationFieldQuery(resource, 'getAll', (field) => ({ organization, product })[field as 'organization' | 'product']),
			...trutoOptionsQuery(options),
		};

		const naming = fieldNaming(resource, 'getAll', { dynamicAreas: false });
		const client = await TrutoClient.create(this);
		// The same checks as the action node's before anything is listed: account health, capabilities,
		// required parameters.
		await checkCall(new MetadataCache(client), { resource, operation: 'getAll', accountId, query, naming }, { node: this.getNode() });

		// Every page: an event on the last page counts as much as one on the first.
		const records: IDataObject[] = [];
		let complete = true;
		for await (const page of client.pages({ path: unifiedPath(resource.path), accountId, query, describeParameter: naming.query })) {
			records.push(...page.records);
			if (page.partial) complete = false;
		}

		// "Fetch Test Event" in the editor: show what an event looks like, remember nothing.
		if (this.getMode() === 'manual') {
			const sample = sampleEvent(event, records, threshold);
			return sample ? [[{ json: sample }]] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const scope = JSON.stringify([STATE_VERSION, event, accountId, organization ?? '', product ?? '']);
		const state = rememberedState(staticData, scope);
		if (!state) {
			// First poll (or the watched list changed): what is there now is the baseline. A partial list
			// would make the records it missed look new later, so the next complete poll is the baseline.
			if (complete) remember(staticData, baseline(event, scope, records));
			return null;
		}
		const detection = detect(event, records, state, threshold, complete);
		remember(staticData, detection.state);
		return detection.events.length ? [detection.events.map((json) => ({ json }))] : null;
	}
}
