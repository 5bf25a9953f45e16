/**
 * A small stand-in for the n8n execution context, enough to run the node's own code in jest.
 * HTTP is real: httpRequestWithAuthentication applies the credential's `authenticate` block and
 * sends the request over the network, so the code under test meets the sandbox as it would in n8n.
 * The e2e suite runs the same code inside a real n8n.
 */
import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';

export type Parameters = Record<string, unknown>;

export interface ContextOptions {
	/** Node parameters, the same for every item, or one set per item. */
	parameters: Parameters | ((itemIndex: number) => Parameters);
	credentials: { apiToken: string; baseUrl: string; rateLimitPerAccount?: number };
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node's On Error setting; either continue value also makes continueOnFail() true. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	/** The node's type; n8n runs an AI agent's tool as `<type>Tool`. */
	nodeType?: string;
}

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IDataObject;
}

export const testNode: INode = {
	id: 'c0ffee00-0000-4000-8000-000000000001',
	name: 'Truto User Directory',
	type: 'n8n-nodes-truto.trutoUserDirectory',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function isLocator(value: unknown): value is { __rl: true; value: unknown } {
	return typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;
}

const MISSING = Symbol('missing');

export function readParameter(parameters: Parameters, name: string, fallback: unknown, extractValue?: boolean): unknown {
	let value: unknown = parameters;
	for (const part of name.split('.')) value = (value as Parameters | undefined)?.[part];
	if (value === undefined) {
		if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
		return fallback;
	}
	return extractValue && isLocator(value) ? value.value : value;
}

/**
 * The credential as n8n gives it to the node. The unit tests call the sandbox hundreds of times a
 * second, far beyond Truto's 50 requests / 10 s, so unless a test sets "Requests per 10 Seconds per
 * Account" itself it is 0 here: the node's local budget is off, `ratelimit-*` headers and 429s still
 * count. The throttle tests set their own numbers; the e2e tests run the real defaults.
 */
export function credentialData(credentials: ContextOptions['credentials']): IDataObject {
	return { rateLimitPerAccount: 0, ...credentials };
}

/** Signs the request with the credential's own `authenticate`, as n8n does before sending. */
async function authenticate(options: IHttpRequestOptions, credentials: IDataObject): Promise<IHttpRequestOptions> {
	return await new TrutoApi().authenticate(credentials as ICredentialDataDecryptedObject, { ...options, headers: { ...(options.headers ?? {}) } });
}

/** Real HTTP with n8n's answer shape: `{ body, headers, statusCode }`, JSON parsed when it parses. */
async function send(options: IHttpRequestOptions): Promise<unknown> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {})) headers[key] = String(value);
	const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
	if (payload !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(options.url, {
		method: options.method ?? 'GET',
		headers,
		body: payload,
		signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text === '' ? '' : JSON.parse(text);
	} catch {
		// n8n (axios) hands over the text when it does not parse.
	}
	if (!options.ignoreHttpStatusErrors && response.status >= 400) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			response: { status: response.status, data: body },
		});
	}
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => (responseHeaders[key] = value));
	return options.returnFullResponse
		? { body, headers: responseHeaders, statusCode: response.status, statusMessage: response.statusText }
		: body;
}

export function helpers(credentials: IDataObject, requests: RecordedRequest[]) {
	return {
		async httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions, extra?: IAdditionalCredentialOptions) {
			if (type !== 'trutoApi') throw new Error(`Unexpected credential type ${type}`);
			// As n8n's helper: a credential handed over is used as it is, else the node's is read.
			const authenticated = await authenticate(options, extra?.credentialsDecrypted?.data ?? credentials);
			requests.push({ method: authenticated.method ?? 'GET', url: authenticated.url, headers: authenticated.headers ?? {} });
			try {
				return await send(authenticated);
			} catch (error) {
				// n8n wraps every failure of this helper in a NodeApiError whose cause is the socket error.
				throw new NodeApiError(testNode, error as never);
			}
		},
		// As n8n's helper does for data kept in memory: base64 with the file's name, type and size.
		async prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string) {
			return { data: data.toString('base64'), fileName, mimeType, fileExtension: fileName?.split('.').pop(), fileSize: String(data.length) };
		},
	};
}

export function executeContext(options: ContextOptions): IExecuteFunctions & { requests: RecordedRequest[]; hints: NodeExecutionHint[] } {
	const requests: RecordedRequest[] = [];
	const parametersFor = (itemIndex: number) =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;
	const hints: NodeExecutionHint[] = [];
	const context = {
		requests,
		hints,
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) =>
			readParameter(parametersFor(itemIndex), name, fallback, extra?.extractValue),
		getCredentials: async () => credentialData(options.credentials),
		getNode: () => ({ ...testNode, ...(options.nodeType ? { type: options.nodeType } : {}), ...(options.onError ? { onError: options.onError } : {}) }),
		continueOnFail: () => options.continueOnFail ?? options.onError !== undefined,
		helpers: helpers(options.credentials as unknown as IDataObject, requests),
	};
	return context as unknown as IExecuteFunctions & { requests: RecordedRequest[]; hints: NodeExecutionHint[] };
}

export function loadOptionsContext(options: {
	parameters: Parameters;
	credentials: { apiToken: string; baseUrl: string; rateLimitPerAccount?: number };
	/** The name the user gave the node's credential, as n8n passes it with the node. */
	credentialName?: string;
}): ILoadOptionsFunctions & { requests: RecordedRequest[] } {
	const requests: RecordedRequest[] = [];
	const context = {
		requests,
		getNodeParameter: (name: string, fallback?: unknown, extra?: { extractValue?: boolean }) =>
			readParameter(options.parameters, name, fallback, extra?.extractValue),
		// n8n reads the editor's current values with lodash get: a missing one is undefined, not an error.
		getCurrentNodeParameter: (name: string, extra?: { extractValue?: boolean }) =>
			readParameter(options.parameters, name, MISSING, extra?.extractValue) === MISSING
				? undefined
				: readParameter(options.parameters, name, MISSING, extra?.extractValue),
		getCredentials: async () => credentialData(options.credentials),
		getNode: () =>
			options.credentialName ? { ...testNode, credentials: { trutoApi: { id: 'trutoCred1', name: options.credentialName } } } : testNode,
		helpers: helpers(options.credentials as unknown as IDataObject, requests),
	};
	return context as unknown as ILoadOptionsFunctions & { requests: RecordedRequest[] };
}

export interface PollContextOptions {
	parameters: Parameters;
	credentials: { apiToken: string; baseUrl: string; rateLimitPerAccount?: number };
	/** `manual` is the editor's "Fetch Test Event"; an active workflow polls in `trigger` mode. */
	mode?: WorkflowExecuteMode;
	/** The node's static data; pass the same object to the next poll to keep state, as n8n does. */
	staticData?: IDataObject;
}

export const testTriggerNode: INode = {
	id: 'c0ffee00-0000-4000-8000-000000000002',
	name: 'Truto User Directory Trigger',
	type: 'n8n-nodes-truto.trutoUserDirectoryTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A poll trigger's context: parameters without item index, the node's static data and the mode. */
export function pollContext(
	options: PollContextOptions,
): IPollFunctions & { requests: RecordedRequest[]; staticData: IDataObject } {
	const requests: RecordedRequest[] = [];
	const staticData = options.staticData ?? {};
	const context = {
		requests,
		staticData,
		getNodeParameter: (name: string, fallback?: unknown, extra?: { extractValue?: boolean }) =>
			readParameter(options.parameters, name, fallback, extra?.extractValue),
		getWorkflowStaticData: nodeStaticData(staticData),
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getCredentials: async () => credentialData(options.credentials),
		getNode: () => testTriggerNode,
		helpers: helpers(options.credentials as unknown as IDataObject, requests),
	};
	return context as unknown as IPollFunctions & { requests: RecordedRequest[]; staticData: IDataObject };
}

/** A resource locator as saved in workflow JSON. */
export function byId(value: string | null) {
	return { __rl: true, mode: 'id', value };
}

/** The parameters of a Get Many of every record of `resource` for one account. */
export function listParameters(resource: string, account: string, extra: Parameters = {}): Parameters {
	return { resource, operation: 'getAll', integratedAccount: byId(account), returnAll: true, options: {}, ...extra };
}

/** A trigger's getWorkflowStaticData: the node's own static data; any other kind is a test mistake. */
export function nodeStaticData(staticData: IDataObject) {
	return (type: string) => {
		if (type !== 'node') throw new Error(`Unexpected static data type ${type}`);
		return staticData;
	};
}
