/**
 * The Truto Trigger's code run the way n8n runs it, with real HTTP: its lifecycle methods against the
 * sandbox's webhook API, and a real HTTP server as n8n's webhook URL that reads the raw body, calls the
 * trigger's webhook() and answers as n8n does (its own answer, or "Workflow was started" and an
 * execution). The e2e suite runs the same code inside a real n8n.
 */
import type { IDataObject, IHookFunctions, INode, IWebhookFunctions, WorkflowExecuteMode } from 'n8n-workflow';

import * as receivers from '../../dev/receivers';
import { TrutoTrigger } from '../../nodes/TrutoTrigger/TrutoTrigger.node';
import { credentialData, helpers, nodeStaticData, type Parameters, readParameter, type RecordedRequest } from './n8nContext';

interface ReceivedRequest {
	rawBody: Buffer;
	headers: Record<string, string | string[] | undefined>;
}

/** The receiver in dev/receivers (plain JavaScript), typed for the TypeScript tests. */
const { startWebhookReceiver } = receivers as unknown as {
	startWebhookReceiver(handle: (request: ReceivedRequest) => Promise<{ status: number; body: unknown }>): Promise<{ origin: string; close(): Promise<void> }>;
};

export const testWebhookTriggerNode: INode = {
	id: 'c0ffee00-0000-4000-8000-000000000003',
	name: 'Truto Trigger',
	type: 'n8n-nodes-truto.trutoTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	webhookId: 'c0ffee00-0000-4000-8000-0000000000aa',
};

export interface TriggerSetup {
	parameters: Parameters;
	credentials: { apiToken: string; baseUrl: string };
	/** The node's static data, shared by its lifecycle and its deliveries as n8n shares it. */
	staticData?: IDataObject;
	/** `manual`: the editor listens for a test event (test URL); otherwise an active workflow. */
	mode?: WorkflowExecuteMode;
	/** The URL n8n would give; by default the receiver's own. */
	webhookUrl?: string;
}

export interface Warnings {
	warnings: string[];
}

export function hookContext(setup: TriggerSetup & { webhookUrl: string }): IHookFunctions & { requests: RecordedRequest[] } & Warnings {
	const requests: RecordedRequest[] = [];
	const staticData = setup.staticData ?? {};
	const warnings: string[] = [];
	const context = {
		requests,
		warnings,
		getNodeParameter: (name: string, fallback?: unknown) => readParameter(setup.parameters, name, fallback),
		getNodeWebhookUrl: (name: string) => (name === 'default' ? setup.webhookUrl : undefined),
		getWorkflowStaticData: nodeStaticData(staticData),
		getMode: () => setup.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getCredentials: async () => credentialData(setup.credentials),
		getNode: () => testWebhookTriggerNode,
		logger: { warn: (message: string) => warnings.push(message), info: () => undefined, debug: () => undefined, error: () => undefined },
		helpers: helpers(setup.credentials as unknown as IDataObject, requests),
	};
	return context as unknown as IHookFunctions & { requests: RecordedRequest[] } & Warnings;
}

/** What n8n would do with one delivery: the answer sent, and the items of the execution it started (if any). */
export interface Received {
	status: number;
	body: IDataObject;
	items?: IDataObject[];
}

export interface Receiver {
	url: string;
	/** Every delivery in order of arrival. */
	received: Received[];
	/** The items of every execution started, in order. */
	executions: IDataObject[][];
	staticData: IDataObject;
	/** Truto's requests made while handling deliveries (account look-ups). */
	requests: RecordedRequest[];
	hook(overrides?: Partial<TriggerSetup>): IHookFunctions & { requests: RecordedRequest[] } & Warnings;
	activate(): Promise<void>;
	deactivate(): Promise<boolean>;
	close(): Promise<void>;
}

/** A receiver standing in for n8n's webhook URL, with the trigger's code behind it. */
export async function startReceiver(setup: TriggerSetup): Promise<Receiver> {
	const trigger = new TrutoTrigger();
	const staticData = setup.staticData ?? {};
	const received: Received[] = [];
	const executions: IDataObject[][] = [];
	const requests: RecordedRequest[] = [];
	const server = await startWebhookReceiver(async ({ rawBody, headers }) => {
		const entry: Received = { status: 0, body: {} };
		received.push(entry);
		// n8n's (express) response, as far as the trigger uses it: status(), then json().
		let answered = false;
		const reply = {
			status(code: number) {
				entry.status = code;
				return reply;
			},
			json(body: IDataObject) {
				entry.body = body;
				answered = true;
			},
		};
		const context = {
			getRequestObject: () => ({ rawBody, headers, body: undefined }),
			getResponseObject: () => reply,
			getHeaderData: () => headers,
			getNodeParameter: (name: string, fallback?: unknown) => readParameter(setup.parameters, name, fallback),
			getWorkflowStaticData: () => staticData,
			getMode: () => (setup.mode === 'manual' ? 'manual' : 'webhook'),
			getCredentials: async () => credentialData(setup.credentials),
			getNode: () => testWebhookTriggerNode,
			helpers: helpers(setup.credentials as unknown as IDataObject, requests),
		} as unknown as IWebhookFunctions;
		try {
			const result = await trigger.webhook.call(context);
			const items = result.workflowData?.[0]?.map((item) => item.json);
			if (items) {
				entry.items = items;
				executions.push(items);
			}
			// n8n answers for responseMode onReceived unless the node answered itself.
			if (!(result.noWebhookResponse && answered)) reply.status(200).json({ message: items ? 'Workflow was started' : 'Webhook call received' });
		} catch (error) {
			reply.status(500).json({ message: (error as Error).message });
		}
		return { status: entry.status, body: entry.body };
	});
	const url = setup.webhookUrl ?? `${server.origin}/webhook/${testWebhookTriggerNode.webhookId}/webhook`;
	const hook = (overrides: Partial<TriggerSetup> = {}) => hookContext({ ...setup, staticData, webhookUrl: url, ...overrides });
	return {
		url,
		received,
		executions,
		staticData,
		requests,
		hook,
		async activate() {
			// As n8n activates a webhook trigger: checkExists, and create when it says no.
			const context = hook();
			if (!(await trigger.webhookMethods.default.checkExists.call(context))) await trigger.webhookMethods.default.create.call(context);
		},
		deactivate: async () => await trigger.webhookMethods.default.delete.call(hook()),
		close: () => server.close(),
	};
}
