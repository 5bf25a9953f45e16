import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { loadOptions } from '../shared/editor/methods';
import { TrutoClient } from '../shared/transport';
import { handleDelivery, wantedWebhook } from './handler';
import { registerWebhook, unregisterWebhook, webhookExists } from './registration';
import { properties } from './description';
import { eventsSubtitle } from './events';

export class TrutoTrigger implements INodeType {
	description: INodeTypeDescription = {
		// n8n's trigger list drops "Trigger" from display names: this one then reads "Truto Webhook".
		displayName: 'Truto Webhook Trigger',
		name: 'trutoTrigger',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		description:
			'Starts the workflow when Truto pushes an event to a webhook: an integrated account needs re-authentication or works again, a sync job run ends, a record changes',
		defaults: { name: 'Truto Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = { loadOptions };

	// Activation (and the editor's "Listen for test event", with the test URL) registers one Truto
	// webhook; deactivation deletes it. See shared/webhooks/registration.ts.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const client = await TrutoClient.create(this);
				return await webhookExists(client, this.getWorkflowStaticData('node'), wantedWebhook(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const client = await TrutoClient.create(this);
				await registerWebhook(client, this.getWorkflowStaticData('node'), wantedWebhook(this), this.getNode());
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				try {
					await unregisterWebhook(await TrutoClient.create(this), this.getWorkflowStaticData('node'));
					return true;
				} catch (error) {
					// Deactivating must not fail because Truto cannot be asked: the registration is kept,
					// and the next activation finds the webhook again or replaces it.
					this.logger.warn(`Truto Trigger: could not delete its Truto webhook: ${(error as Error).message}`);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}
}
