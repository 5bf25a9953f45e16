/** Typed access to the sandbox (plain JavaScript under dev/sandbox) for the TypeScript tests. */
import type { IDataObject } from 'n8n-workflow';

import { fetchAllPages } from '../../dev/paging';
import * as sandboxModule from '../../dev/sandbox';

const sandbox = sandboxModule as unknown as SandboxModule;

export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	rawQuery: string;
	headers: Record<string, string>;
	status: number;
	accountId?: string;
	/** The parsed JSON body of a write. */
	body?: unknown;
	fault?: string;
	/** Arrival time (ms since the epoch) and how long the answer took. */
	at: number;
	ms?: number;
}

export interface Fault {
	match?: { method?: string; path?: string; query?: string; accountId?: string };
	after?: number;
	times?: number;
	kind: 'status' | 'delay' | 'reset' | 'truncate' | 'html' | 'repeat-cursor' | 'partial';
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	ms?: number;
}

/** A webhook registered at the sandbox, as the control side sees it (secret included). */
export interface SandboxWebhook {
	id: string;
	target_url: string;
	event_types: string[] | null;
	is_active: boolean;
	secret: string;
}

/** What an emit sends: see dev/sandbox/lib/deliveries.js. */
export interface EmitSpec {
	event: string;
	account?: string;
	id?: string;
	payload?: Record<string, unknown>;
	context?: Record<string, unknown>;
	lastError?: unknown;
	times?: number;
	signature?: 'valid' | 'wrong' | 'missing' | 'malformed' | 'tampered';
	webhookId?: string;
	/** The name of the type field in the body (Truto's pages say event or event_type). */
	typeField?: 'event' | 'event_type' | 'both';
	/** The body's created_at: an ISO time or a sandbox relative date ("@-25h"); null leaves it out. */
	createdAt?: string | null;
}

export interface SandboxDelivery {
	webhook_id: string;
	event_id: string;
	event: string;
	attempt: number;
	signature: string;
	status: number;
	body: string;
	error?: string;
}

export interface Sandbox {
	url: string;
	requests: SandboxRequest[];
	clearRequests(): void;
	setFaults(faults: Fault[]): void;
	clearFaults(): void;
	webhooks(): SandboxWebhook[];
	deliveries: SandboxDelivery[];
	linkTokens: Array<Record<string, unknown>>;
	emit(spec: EmitSpec): Promise<{ event: Record<string, unknown>; deliveries: SandboxDelivery[] }>;
	close(): Promise<void>;
}

interface SandboxModule {
	startSandbox(options?: Record<string, unknown>): Promise<Sandbox>;
	ACCOUNTS: Record<string, string>;
	TOKEN: string;
}

export const { startSandbox, ACCOUNTS, TOKEN } = sandbox;

/**
 * A sandbox for the tests of the current file or describe block: started before them (on a free
 * port, with `options`), closed after them, and with its faults and request log cleared before each
 * test. `fresh: true` starts a new one for every test instead, for tests that change its data. The
 * object returned is filled in by the first beforeAll / beforeEach, so read it inside hooks and tests.
 */
export function useSandbox(options: Record<string, unknown> = {}, { fresh = false }: { fresh?: boolean } = {}): Sandbox {
	const sb = {} as Sandbox;
	const start = async () => {
		Object.assign(sb, await startSandbox({ port: 0, ...options }));
	};
	if (fresh) {
		beforeEach(start);
		afterEach(async () => await sb.close());
		return sb;
	}
	beforeAll(start);
	afterAll(async () => await sb.close());
	beforeEach(() => {
		sb.clearFaults();
		sb.clearRequests();
	});
	return sb;
}

/**
 * The node's pre-flight look-ups, made once per execution before its calls: the integrated account
 * (`/integrated-account/<id>`), its capabilities and the per-integration metadata (`…/meta/<method>`).
 * (Integrated Account → Get asks for the same path as the account look-up.)
 */
export function isLookup(request: SandboxRequest): boolean {
	return /^\/integrated-account\/[^/]+(\/capabilities)?$/.test(request.path) || /^\/unified\/.*\/meta\/[^/]+$/.test(request.path);
}

/** The calls the node was asked to make, without its pre-flight look-ups. */
export function dataRequests(sb: Sandbox): SandboxRequest[] {
	return sb.requests.filter((request) => !isLookup(request));
}

/** Requests to one unified resource, in order (pre-flight metadata look-ups left out). */
export function unifiedRequests(sb: Sandbox, resource: string): SandboxRequest[] {
	return dataRequests(sb).filter((request) => request.path.startsWith(`/unified/user-directory/${resource}`));
}

/** Every record of a unified list, read from the sandbox directly (not through the node): what the node must return. */
export async function sandboxRecords(sb: Sandbox, path: string, query: Record<string, string> = {}): Promise<IDataObject[]> {
	const url = `${sb.url}/unified/user-directory/${path}`;
	const { records } = await fetchAllPages(url, { token: TOKEN, query: { ...query, limit: '100', truto_ignore_remote_data: 'true' } });
	return records as IDataObject[];
}

/** A sandbox fault answering Truto's 400 with `message` (and any other body fields) on the requests matched. */
export function badRequest(message: string, body: Record<string, unknown>, match: Fault['match']): Fault {
	return { kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message, ...body }, match, times: -1 };
}
