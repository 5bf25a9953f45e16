import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TrutoClient } from '../shared/transport';
import { isGone } from '../shared/transport/webhookAnswers';
import { accountIdOf, accountOf, eventItem, integrationSlugOf, parseDelivery, reasonToIgnore, type TriggerFilters } from './delivery';
import { ANY_EVENT, eventTypesToRegister, isRecordEvent, TRUTO_EVENTS } from './events';
import { readRegistration, type WantedWebhook } from './registration';
import { ageProblem, rememberEvent, wasSeen } from './seenEvents';
import { checkSignature, rawBytes, SIGNATURE_HEADER } from './signature';

/** The part of n8n's (express) response a delivery's answer needs. */
interface Response {
	status(code: number): Response;
	json(body: unknown): unknown;
}

const KNOWN_EVENTS = new Set([ANY_EVENT, ...TRUTO_EVENTS.map((event) => event.value)]);

function stringList(context: IHookFunctions | IWebhookFunctions, name: string): string[] {
	const raw = context.getNodeParameter(name, []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw !== '' ? raw.split(',') : [];
	return list.map((value) => String(value).trim()).filter(Boolean);
}

/** The trigger's parameters: events (at least one), and the accounts, integrations and resources to keep. */
export function readFilters(context: IHookFunctions | IWebhookFunctions): TriggerFilters {
	const events = stringList(context, 'events');
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Pick the Truto events that should start this workflow under Events (or Any Event).',
		});
	}
	// Truto documents record:created|updated|deleted by name, not their payload: any record:… name given by expression is taken too.
	const unknown = events.filter((event) => !KNOWN_EVENTS.has(event) && !isRecordEvent(event));
	if (unknown.length) {
		throw new NodeOperationError(context.getNode(), `Unknown event ${unknown.map((event) => `"${event}"`).join(', ')}`, {
			description: 'Choose the events from the Events list; an expression must give their values, e.g. integrated_account:authentication_error.',
		});
	}
	return {
		events,
		accountIds: stringList(context, 'integratedAccounts'),
		integrations: stringList(context, 'integrations'),
		recordResources: stringList(context, 'recordResources'),
		listeningForTest: context.getMode() === 'manual',
	};
}

/** What the trigger registers with Truto: n8n's URL for this node (the test URL while the editor listens). */
export function wantedWebhook(context: IHookFunctions): WantedWebhook {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the Truto Trigger');
	return { url, eventTypes: eventTypesToRegister(readFilters(context).events) };
}

function answer(response: Response, status: number, body: IDataObject): IWebhookResponseData {
	response.status(status).json(body);
	return { noWebhookResponse: true };
}

/** The account a non-account event names, from Truto; undefined when it cannot be looked up now. */
async function lookUpAccount(context: IWebhookFunctions, accountId: string): Promise<IDataObject | 'gone' | undefined> {
	const client = await TrutoClient.create(context);
	// One retry at most: Truto waits for this answer, and repeats the delivery if it does not come.
	const outcome = await client.exchange({ path: ['integrated-account', accountId], maxAttempts: 2 });
	if (isGone(outcome)) return 'gone';
	return outcome.ok ? (outcome.body as IDataObject) : undefined;
}

/**
 * One delivery: nothing in it is trusted before its signature checks out (401 otherwise, and no
 * execution). Then a delivery created before the id memory's window or in the future (a replay), an
 * event id already seen (Truto retrying), an event the trigger does not listen to, or one of another
 * account or integration is answered 200 and starts nothing; any other event becomes one item.
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const response = context.getResponseObject() as unknown as Response;
	const request = context.getRequestObject() as unknown as { rawBody?: unknown };
	const staticData = context.getWorkflowStaticData('node');
	const registration = readRegistration(staticData);
	const check = checkSignature(request.rawBody, context.getHeaderData()[SIGNATURE_HEADER], registration?.secret);
	if (!check.valid || !registration) {
		return answer(response, 401, { message: `Signature check failed: ${check.valid ? 'no registration' : check.reason}` });
	}
	const delivery = parseDelivery(rawBytes(request.rawBody) as Buffer);
	if (!delivery) return answer(response, 400, { message: 'The body is not a Truto event: expected JSON with id and event (or event_type)' });

	// Answered 2xx: Truto would retry a 4xx/5xx, and a replay never gets better with time.
	const tooOld = ageProblem(delivery.createdAt);
	if (tooOld) return answer(response, 200, { received: true, refused: tooOld });

	const memory = { staticData, scope: registration.id };
	if (wasSeen(memory, delivery.id)) return answer(response, 200, { received: true, ignored: `event ${delivery.id} was already received` });
	const filters = readFilters(context);
	let account = accountOf(delivery);
	const accountId = accountIdOf(delivery);
	const early = reasonToIgnore(delivery, { ...filters, integrations: [] }, { id: accountId });
	if (early) return answer(response, 200, { received: true, ignored: early });

	// Events other than account events name their account only by id: look it up for the item and
	// for the Integrations filter.
	if (!account && accountId) {
		const found = await lookUpAccount(context, accountId);
		if (found === undefined && filters.integrations.length) {
			// Not knowing the integration, the event can be neither kept nor dropped: Truto delivers it again.
			return answer(response, 503, { message: `Could not look up integrated account ${accountId} in Truto; deliver again later` });
		}
		if (found && found !== 'gone') account = found;
	}
	const ignored = reasonToIgnore(delivery, filters, { id: accountId, integration: integrationSlugOf(account, delivery) });
	if (ignored) return answer(response, 200, { received: true, ignored });

	rememberEvent(memory, delivery.id);
	// Answered here rather than by n8n: n8n saves the static data (the id just remembered) when the
	// answer is sent, and n8n 2.41 sends its own answer only after the execution it starts has already
	// reset the static data's change marker — the id would be lost.
	return { ...answer(response, 200, { received: true }), workflowData: [[{ json: eventItem(delivery, account) }]] };
}
