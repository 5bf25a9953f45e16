/** Typed access to the sandbox (plain JavaScript under test/sandbox) for the TypeScript tests. */
import * as sandboxModule from '../sandbox';

const sandbox = sandboxModule as unknown as SandboxModule;

export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	rawQuery: string;
	headers: Record<string, string>;
	status: number;
	accountId?: string;
}

export interface Fault {
	match?: { method?: string; path?: string; accountId?: string };
	after?: number;
	times?: number;
	kind: 'status' | 'delay' | 'reset' | 'truncate' | 'html' | 'repeat-cursor';
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	ms?: number;
}

export interface Sandbox {
	url: string;
	requests: SandboxRequest[];
	clearRequests(): void;
	setFaults(faults: Fault[]): void;
	clearFaults(): void;
	close(): Promise<void>;
}

interface SandboxModule {
	startSandbox(options?: Record<string, unknown>): Promise<Sandbox>;
	ACCOUNTS: Record<string, string>;
	TOKEN: string;
}

export const { startSandbox, ACCOUNTS, TOKEN } = sandbox;

/** Requests to one unified resource, in order. */
export function unifiedRequests(sb: Sandbox, resource: string): SandboxRequest[] {
	return sb.requests.filter((request) => request.path.startsWith(`/unified/user-directory/${resource}`));
}
