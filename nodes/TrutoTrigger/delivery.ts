import type { IDataObject } from 'n8n-workflow';

import { integrationName } from '../shared/helpers/accounts';
import { ANY_EVENT, isRecordEvent, needsReconnect, TEST_EVENT } from './events';

/** One delivery as Truto sends it: `{ id, event, payload, environment_id, webhook_id, created_at }`. */
export interface TrutoDelivery {
	id: string;
	event: string;
	payload: IDataObject;
	environmentId?: string;
	webhookId?: string;
	createdAt?: string;
}

/**
 * The body of a verified delivery, or undefined when it is not one (not JSON, no id or type). Truto's
 * pages name the type field `event` or `event_type` (its sample code reads `event_type`): either is read.
 */
export function parseDelivery(raw: Buffer): TrutoDelivery | undefined {
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { id, payload, environment_id, webhook_id, created_at } = body as IDataObject;
	const event = [(body as IDataObject).event, (body as IDataObject).event_type].find((type) => typeof type === 'string' && type !== '');
	if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '' || typeof event !== 'string') return undefined;
	return {
		id: String(id),
		event,
		payload: payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as IDataObject) : {},
		environmentId: typeof environment_id === 'string' ? environment_id : undefined,
		webhookId: typeof webhook_id === 'string' ? webhook_id : undefined,
		createdAt: typeof created_at === 'string' ? created_at : undefined,
	};
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Which integrated account an event is about: the payload itself for account events, else the account it names. */
export function accountIdOf(delivery: TrutoDelivery): string | undefined {
	const { payload } = delivery;
	if (delivery.event.startsWith('integrated_account:')) return text(payload.id);
	const nested = payload.integrated_account as IDataObject | undefined;
	return text(payload.integrated_account_id) ?? text(nested?.id);
}

/** The account as an account event carries it (others carry only its id; the trigger looks it up). */
export function accountOf(delivery: TrutoDelivery): IDataObject | undefined {
	if (delivery.event.startsWith('integrated_account:')) return delivery.payload;
	const nested = delivery.payload.integrated_account;
	return nested && typeof nested === 'object' && !Array.isArray(nested) ? (nested as IDataObject) : undefined;
}

/** Truto's slug of the account's integration (e.g. "github"), when the event or the looked-up account says it. */
export function integrationSlugOf(account: IDataObject | undefined, delivery: TrutoDelivery): string | undefined {
	const integration = account?.integration as IDataObject | undefined;
	return text(integration?.name) ?? text(delivery.payload.integration_name);
}

/** A record event's resource as its path name ("users"), whatever prefix Truto gives it. */
export function recordResourceOf(delivery: TrutoDelivery): string | undefined {
	const resource = text(delivery.payload.resource) ?? text(delivery.payload.resource_name);
	return resource?.split('/').filter(Boolean).pop();
}

/** What the trigger listens to: events, and the accounts, integrations and record resources to keep (empty: all). */
export interface TriggerFilters {
	events: string[];
	accountIds: string[];
	integrations: string[];
	recordResources: string[];
	/** The editor listens for a test event: Truto's "send test" event is let through too. */
	listeningForTest: boolean;
}

/** Why a verified delivery starts no execution; undefined when it should start one. */
export function reasonToIgnore(
	delivery: TrutoDelivery,
	filters: TriggerFilters,
	account: { id?: string; integration?: string },
): string | undefined {
	const { event } = delivery;
	const anyEvent = filters.events.includes(ANY_EVENT);
	if (event === TEST_EVENT) return anyEvent || filters.listeningForTest ? undefined : 'Truto test event (not listening for a test event)';
	if (!anyEvent && !filters.events.includes(event)) return `event ${event} is not one this trigger listens to`;
	if (filters.accountIds.length && (!account.id || !filters.accountIds.includes(account.id))) {
		return `integrated account ${account.id ?? '(none)'} is not one of the chosen accounts`;
	}
	if (filters.integrations.length && (!account.integration || !filters.integrations.includes(account.integration))) {
		return `integration ${account.integration ?? '(unknown)'} is not one of the chosen integrations`;
	}
	if (isRecordEvent(event) && filters.recordResources.length) {
		const resource = recordResourceOf(delivery);
		if (!resource || !filters.recordResources.includes(resource)) return `record resource ${resource ?? '(none)'} is not one of the chosen resources`;
	}
	return undefined;
}

/** An error text from `last_error`, whether Truto sends a text or an object with a message. */
function errorText(lastError: unknown): string | null {
	if (lastError === undefined || lastError === null || lastError === '') return null;
	if (typeof lastError === 'string') return lastError;
	const message = (lastError as IDataObject).message;
	return typeof message === 'string' ? message : JSON.stringify(lastError);
}

/**
 * The item an event becomes: what happened, when, the account (as the event or a look-up gave it),
 * flags a workflow can branch on, and the record of record events; the whole payload stays in `payload`.
 */
export function eventItem(delivery: TrutoDelivery, account: IDataObject | undefined): IDataObject {
	const integration = (account?.integration ?? {}) as IDataObject;
	const config = (integration.config ?? {}) as IDataObject;
	const accountId = account ? (text(account.id) ?? null) : (accountIdOf(delivery) ?? null);
	const status = text(account?.status) ?? null;
	const item: IDataObject = {
		event: delivery.event,
		event_id: delivery.id,
		occurred_at: delivery.createdAt ?? null,
		needs_reconnect: needsReconnect(delivery.event, status),
		// A reconnect ends with active; reactivated means the app's 401s stopped by themselves (Truto).
		account_reconnected: delivery.event === 'integrated_account:active',
		account_recovered: delivery.event === 'integrated_account:reactivated' || delivery.event === 'integrated_account:active',
		account:
			accountId === null
				? null
				: {
						id: accountId,
						tenant_id: text(account?.tenant_id) ?? null,
						integration: text(integration.name) ?? null,
						integration_label: text(config.label) ?? text(integration.label) ?? (integration.name ? integrationName(account as IDataObject) : null),
						status,
						is_sandbox: account?.is_sandbox === true,
						last_error: errorText(account?.last_error),
						context: (account?.context as IDataObject | undefined) ?? {},
					},
		environment_id: delivery.environmentId ?? null,
		webhook_id: delivery.webhookId ?? null,
	};
	if (isRecordEvent(delivery.event)) {
		item.resource = recordResourceOf(delivery) ?? null;
		item.record = (delivery.payload.record ?? delivery.payload.data ?? null) as IDataObject | null;
	}
	item.payload = delivery.payload;
	return item;
}
