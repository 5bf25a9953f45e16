import type { IDataObject } from 'n8n-workflow';

import { accountName, integrationName } from '../helpers/accounts';
import type { TrutoClient } from './client';
import { UNIFIED_MODEL, unifiedPath } from './path';

/** The integrated account as far as checks and messages need it. */
export interface AccountInfo {
	id: string;
	/** Truto's integration slug, e.g. "github". */
	slug: string;
	/** How people call the integration, e.g. "GitHub". */
	integration: string;
	/** As the account picker shows it: "GitHub · acme-corp". */
	label: string;
	/** active, connecting, post_install_error, validation_error, needs_reauth (undefined when not given). */
	status?: string;
	/** A Truto sandbox account: read-only. */
	isSandbox: boolean;
	/** The region of the account's SuperQuery store (`features.super_query`: apac, wnam); undefined: none named. */
	superQuery?: string;
}

/** What the capabilities answer says of the account itself (`account: { status, is_blocked }`). */
export interface CapabilityAccount {
	status?: string;
	blocked: boolean;
}

/** One query parameter or body field as Truto's meta endpoint describes it. */
export interface ParameterSpec {
	name: string;
	/** JSON-schema type: string, number, integer, boolean, array, object. */
	type: string;
	description?: string;
	enum?: string[];
	required: boolean;
}

/** What Truto says one method of one resource takes for one integration. */
export interface MethodMeta {
	query: ParameterSpec[];
	/** null for methods without a body (list, get, delete). */
	body: ParameterSpec[] | null;
	/** Values Truto fills in itself when they are not sent. */
	defaultQuery: IDataObject;
	defaultBody: IDataObject;
	documentationLink?: string;
}

/** Attempts per look-up (a 429 is still waited for as the server asks, like every request). */
const LOOKUP_ATTEMPTS = 2;

/** Unified resource path → Truto method names the account supports, e.g. users → [list, get, create]. */
export type Capabilities = Map<string, string[]>;

/**
 * Truto's description of an integrated account, its capabilities and per-integration metadata,
 * fetched at most once per execution (one cache per run of the node, made next to the client) and
 * shared by every item. Parallel items wait for the same request instead of sending their own.
 *
 * These lookups only help: when one fails (404, 5xx, network), the answer is `undefined` and the
 * caller skips its check, so the real call still runs and reports whatever is wrong.
 */
export class MetadataCache {
	private readonly accounts = new Map<string, Promise<AccountInfo | undefined>>();

	private readonly capabilitiesByAccount = new Map<string, Promise<IDataObject | undefined>>();

	private readonly metas = new Map<string, Promise<MethodMeta | undefined>>();

	/**
	 * Look-ups go through the run's own client, but are tried twice rather than five times: they only
	 * help, so when the meta endpoint is down a run goes on after a second instead of ten.
	 */
	constructor(private readonly client: TrutoClient) {}

	private async lookUp(path: string[], query?: IDataObject, accountId?: string): Promise<unknown> {
		return await this.client.request({ path, query, accountId, maxAttempts: LOOKUP_ATTEMPTS });
	}

	account(accountId: string): Promise<AccountInfo | undefined> {
		return once(this.accounts, accountId, async () =>
			accountInfo((await this.lookUp(['integrated-account', accountId])) as IDataObject, accountId),
		);
	}

	/** An account record already read (from a listing of the environment's accounts): no look-up needed. */
	remember(record: IDataObject): AccountInfo | undefined {
		const info = accountInfo(record, String(record?.id ?? ''));
		if (info && !this.accounts.has(info.id)) this.accounts.set(info.id, Promise.resolve(info));
		return info;
	}

	private capabilityAnswer(accountId: string): Promise<IDataObject | undefined> {
		return once(this.capabilitiesByAccount, accountId, async () => {
			const body = await this.lookUp(['integrated-account', accountId, 'capabilities'], { type: 'unified' });
			return body && typeof body === 'object' ? (body as IDataObject) : undefined;
		});
	}

	async capabilities(accountId: string): Promise<Capabilities | undefined> {
		return readCapabilities(await this.capabilityAnswer(accountId));
	}

	/** The account part of the capabilities answer: its status and whether Truto blocked it. */
	async capabilityAccount(accountId: string): Promise<CapabilityAccount | undefined> {
		const account = (await this.capabilityAnswer(accountId))?.account as IDataObject | undefined;
		if (!account || typeof account !== 'object') return undefined;
		return {
			status: typeof account.status === 'string' && account.status ? account.status : undefined,
			blocked: account.is_blocked === true,
		};
	}

	/**
	 * The metadata of `<resource>/<method>` for this account. The per-account form
	 * (`/<resource>/meta/<method>?integrated_account_id=…`) carries the environment's mapping overrides;
	 * the per-integration form (`/<resource>/<integration>/meta/<method>`) does not, and is asked only
	 * when the first fails.
	 */
	meta(accountId: string, resourcePath: string, method: string): Promise<MethodMeta | undefined> {
		return once(this.metas, `${accountId} ${resourcePath} ${method}`, async () => {
			const perAccount = await this.lookUp(unifiedPath(resourcePath, 'meta', method), {}, accountId).catch(
				() => undefined,
			);
			if (perAccount !== undefined) return readMeta(perAccount);
			const account = await this.account(accountId);
			return account ? readMeta(await this.lookUp(unifiedPath(resourcePath, account.slug, 'meta', method))) : undefined;
		});
	}
}

/** An integrated account record as checks and messages need it; undefined without an integration name. */
export function accountInfo(record: IDataObject | undefined, accountId: string): AccountInfo | undefined {
	const integration = (record?.integration ?? {}) as IDataObject;
	if (!record || !accountId || typeof integration.name !== 'string' || integration.name === '') return undefined;
	return {
		id: accountId,
		slug: integration.name,
		integration: integrationName(record),
		label: accountName(record),
		status: typeof record.status === 'string' && record.status ? record.status : undefined,
		isSandbox: record.is_sandbox === true,
		superQuery: superQueryRegion(record.features),
	};
}

function superQueryRegion(features: unknown): string | undefined {
	const region = features && typeof features === 'object' ? (features as IDataObject).super_query : undefined;
	return typeof region === 'string' && region !== '' ? region : undefined;
}

/** Runs `fetch` once per key; a failure is remembered as `undefined` (the check is skipped, not retried per item). */
function once<T>(cache: Map<string, Promise<T | undefined>>, key: string, fetch: () => Promise<T | undefined>): Promise<T | undefined> {
	let pending = cache.get(key);
	if (!pending) {
		pending = fetch().catch(() => undefined);
		cache.set(key, pending);
	}
	return pending;
}

function methodNames(methods: unknown): string[] {
	if (!Array.isArray(methods)) return [];
	return methods
		.map((method) =>
			typeof method === 'string' ? method : String((method as IDataObject)?.name ?? (method as IDataObject)?.method ?? ''),
		)
		.filter(Boolean);
}

/**
 * Accepts both documented shapes: `{ unified: { resources: [{ api_name, model?, methods }] } }` and
 * `{ unified: [{ model, resource, methods }] }`. Entries of other unified models are ignored. An answer
 * in neither shape, or without a user-directory resource, gives `undefined`: nothing to check against.
 */
export function readCapabilities(body: unknown): Capabilities | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const unified = (body as IDataObject | undefined)?.unified;
	const entries = Array.isArray(unified) ? unified : (unified as IDataObject | undefined)?.resources;
	if (!Array.isArray(entries)) return undefined;
	const capabilities: Capabilities = new Map();
	for (const entry of entries as IDataObject[]) {
		if (!entry || typeof entry !== 'object') continue;
		if (typeof entry.model === 'string' && entry.model !== UNIFIED_MODEL) continue;
		const resource = entry.api_name ?? entry.resource ?? entry.name;
		if (typeof resource !== 'string' || resource === '') continue;
		capabilities.set(resource, [...(capabilities.get(resource) ?? []), ...methodNames(entry.methods)]);
	}
	return capabilities.size > 0 ? capabilities : undefined;
}

/** `required: true` on a property, or the JSON-Schema `required: [...]` list of the object: both count. */
function readSchema(schema: unknown): ParameterSpec[] {
	if (!schema || typeof schema !== 'object') return [];
	const { properties, required } = schema as IDataObject;
	if (!properties || typeof properties !== 'object') return [];
	const requiredNames = new Set(Array.isArray(required) ? required.map(String) : []);
	return Object.entries(properties as IDataObject).map(([name, raw]) => {
		const property = (raw && typeof raw === 'object' ? raw : {}) as IDataObject;
		const types = Array.isArray(property.type) ? property.type.map(String) : [String(property.type ?? 'string')];
		const spec: ParameterSpec = {
			name,
			type: types.find((type) => type !== 'null') ?? 'string',
			required: property.required === true || requiredNames.has(name),
		};
		if (typeof property.description === 'string' && property.description.trim()) spec.description = property.description.trim();
		if (Array.isArray(property.enum) && property.enum.length) spec.enum = property.enum.map(String);
		return spec;
	});
}

export function readMeta(body: unknown): MethodMeta | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const meta = body as IDataObject;
	const asObject = (value: unknown): IDataObject =>
		value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
	return {
		query: readSchema(meta.query_schema),
		body: meta.request_body_schema ? readSchema(meta.request_body_schema) : null,
		defaultQuery: asObject(meta.default_query),
		defaultBody: asObject(meta.default_body),
		documentationLink: typeof meta.documentation_link === 'string' ? meta.documentation_link : undefined,
	};
}
