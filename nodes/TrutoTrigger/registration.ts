import { randomUUID } from 'crypto';
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isPrivateHost } from '../shared/helpers/addresses';
import { isAnswerLost, type TrutoClient } from '../shared/transport';
import type { Outcome } from '../shared/transport/requestLoop';
import { isGone, publicUrlFix, registrationError } from '../shared/transport/webhookAnswers';

/**
 * The Truto webhook a trigger registers for itself, and n8n's three lifecycle steps around it:
 * does it still exist (checkExists), register it (create), remove it (delete). What the trigger
 * keeps lives in the workflow's static data, under the node: the webhook's id, its signing secret
 * (Truto shows it only in the answer to the creation), the URL and the event types it was made for.
 */

/** What a trigger asks Truto for: deliveries of these event types (undefined: all) to this URL. */
export interface WantedWebhook {
	url: string;
	eventTypes: string[] | undefined;
}

export interface Registration extends WantedWebhook {
	id: string;
	secret: string;
}

const KEYS = { id: 'webhookId', secret: 'webhookSecret', url: 'webhookUrl', eventTypes: 'webhookEventTypes' } as const;

export function readRegistration(staticData: IDataObject): Registration | undefined {
	const id = staticData[KEYS.id];
	const secret = staticData[KEYS.secret];
	const url = staticData[KEYS.url];
	if (typeof id !== 'string' || !id || typeof secret !== 'string' || !secret || typeof url !== 'string') return undefined;
	const types = staticData[KEYS.eventTypes];
	return { id, secret, url, eventTypes: Array.isArray(types) ? types.map(String) : undefined };
}

/** Top-level assignments, so that n8n notices the change and saves the static data. */
function remember(staticData: IDataObject, registration: Registration): void {
	staticData[KEYS.id] = registration.id;
	staticData[KEYS.secret] = registration.secret;
	staticData[KEYS.url] = registration.url;
	staticData[KEYS.eventTypes] = registration.eventTypes ?? null;
}

function forget(staticData: IDataObject): void {
	for (const key of Object.values(KEYS)) delete staticData[key];
}

function sameEventTypes(a: unknown, b: string[] | undefined): boolean {
	const left = Array.isArray(a) && a.length ? new Set(a.map(String)) : undefined;
	const right = b && b.length ? new Set(b) : undefined;
	if (!left || !right) return left === right;
	return left.size === right.size && [...left].every((type) => right.has(type));
}

/**
 * Why Truto could never deliver to n8n's webhook URL, decided before asking Truto: a loopback or
 * private address, while the credential points at a Truto that is not on this machine or network.
 */
export function unreachableUrlProblem(webhookUrl: string, trutoBaseUrl: string): { message: string; description: string } | undefined {
	const target = new URL(webhookUrl);
	const truto = new URL(trutoBaseUrl);
	if (isPrivateHost(truto.hostname) || !isPrivateHost(target.hostname)) return undefined;
	return {
		// The toast shows only the message: the fix must be in it, not just in the details.
		message: `Truto cannot reach n8n's webhook URL ${webhookUrl}: set n8n's WEBHOOK_URL environment variable to this n8n's public https address, restart n8n and try again`,
		description: `${target.hostname} is only reachable on this machine or its private network, and the Truto API credential's Base URL is ${truto.origin}. ${publicUrlFix(webhookUrl)} (A credential pointing at a local Truto sandbox accepts local addresses.)`,
	};
}

/** One webhook as Truto shows it, or undefined when it is gone. */
async function fetchWebhook(client: TrutoClient, id: string): Promise<IDataObject | undefined> {
	const outcome = await client.exchange({ path: ['webhook', id] });
	if (isGone(outcome)) return undefined;
	if (!outcome.ok) throw outcome.error;
	return outcome.body as IDataObject;
}

/** Deletes one webhook; one already gone counts as deleted. */
async function deleteWebhook(client: TrutoClient, id: string): Promise<void> {
	// A repeated DELETE is safe without Truto honouring the key (a 404 after a lost answer counts as
	// done): the key only lets the request loop send it again.
	const outcome = await client.exchange({ method: 'DELETE', path: ['webhook', id], idempotencyKey: randomUUID() });
	if (!outcome.ok && !isGone(outcome)) throw outcome.error;
}

/** Deletes every webhook Truto has for this URL: their secret is not known here, so none could be verified. */
async function deleteWebhooksFor(client: TrutoClient, url: string): Promise<void> {
	try {
		for (const webhook of await client.list({ path: ['webhook'] })) {
			if (webhook.target_url === url && typeof webhook.id === 'string') await deleteWebhook(client, webhook.id);
		}
	} catch (error) {
		throw error instanceof NodeApiError ? registrationError(error, url) : error;
	}
}

/**
 * POST /webhook once, without an Idempotency-Key (Truto documents none for it): 'lost' when the
 * answer never came back whole, so Truto may or may not have made the webhook.
 */
async function createOnce(client: TrutoClient, body: IDataObject): Promise<Outcome | 'lost'> {
	return await client.exchange({ method: 'POST', path: ['webhook'], body }).catch((error: unknown) => {
		if (isAnswerLost(error)) return 'lost' as const;
		throw error;
	});
}

/**
 * checkExists: true when the webhook this trigger registered still exists at Truto for the same URL
 * and event types (n8n then keeps using it, e.g. after a restart). A stale one — the events or the URL
 * changed, or it was switched off in the dashboard — is deleted, and the trigger registers anew.
 */
export async function webhookExists(client: TrutoClient, staticData: IDataObject, wanted: WantedWebhook): Promise<boolean> {
	const stored = readRegistration(staticData);
	if (!stored) return false;
	const current = await fetchWebhook(client, stored.id);
	const usable =
		current !== undefined &&
		stored.url === wanted.url &&
		current.target_url === wanted.url &&
		sameEventTypes(stored.eventTypes, wanted.eventTypes) &&
		sameEventTypes(current.event_types, wanted.eventTypes) &&
		current.is_active !== false;
	if (usable) return true;
	if (current !== undefined) await deleteWebhook(client, stored.id);
	forget(staticData);
	return false;
}

/**
 * create: registers a webhook for n8n's URL with the chosen event types and keeps its id and secret.
 * Webhooks Truto already has for this exact URL are deleted first: their secret is not known here (a
 * registration whose static data was lost), so their deliveries could never be verified. When the
 * creation's answer is lost, it is not sent again blindly (a resent POST could leave two webhooks):
 * Truto's list says what happened. A webhook found there was made without its secret reaching n8n
 * (list and get strip it), so it is deleted and the webhook made once more; lost twice, it fails.
 */
export async function registerWebhook(client: TrutoClient, staticData: IDataObject, wanted: WantedWebhook, node: INode): Promise<Registration> {
	const problem = unreachableUrlProblem(wanted.url, client.baseUrl);
	if (problem) throw new NodeOperationError(node, problem.message, { description: problem.description });
	await deleteWebhooksFor(client, wanted.url);
	const body: IDataObject = { target_url: wanted.url, is_active: true };
	if (wanted.eventTypes) body.event_types = wanted.eventTypes;
	let outcome = await createOnce(client, body);
	if (outcome === 'lost') {
		await deleteWebhooksFor(client, wanted.url);
		outcome = await createOnce(client, body);
	}
	if (outcome === 'lost') {
		// Best effort: the next activation deletes webhooks for this URL anyway.
		await deleteWebhooksFor(client, wanted.url).catch(() => undefined);
		throw new NodeOperationError(node, "Truto's answer to the webhook registration was lost twice", {
			description: `Truto may have made a webhook for ${wanted.url} whose signing secret never reached n8n; any found was deleted again, and the node does not resend a registration blindly. Activate the workflow again.`,
		});
	}
	if (!outcome.ok) throw registrationError(outcome, wanted.url);
	const created = (outcome.body ?? {}) as IDataObject;
	if (typeof created.id !== 'string' || !created.id) {
		throw new NodeOperationError(node, 'Truto answered the webhook registration without an id', {
			description: `The answer was ${JSON.stringify(created).slice(0, 200)}. Activate the workflow again.`,
		});
	}
	if (typeof created.secret !== 'string' || !created.secret) {
		// Without the secret no delivery could be verified: the webhook would be useless.
		await deleteWebhook(client, created.id);
		throw new NodeOperationError(node, 'Truto answered the webhook registration without a signing secret', {
			description: 'The webhook was deleted again, as its deliveries could not be verified. Activate the workflow again.',
		});
	}
	const registration: Registration = { id: created.id, secret: created.secret, url: wanted.url, eventTypes: wanted.eventTypes };
	remember(staticData, registration);
	return registration;
}

/**
 * delete: removes the trigger's webhook from Truto (one already gone counts as removed) and forgets
 * it. When Truto cannot be asked, the registration is kept, so the next activation finds it again.
 */
export async function unregisterWebhook(client: TrutoClient, staticData: IDataObject): Promise<void> {
	const stored = readRegistration(staticData);
	if (stored) await deleteWebhook(client, stored.id);
	forget(staticData);
}
