import type { IDataObject } from 'n8n-workflow';

/**
 * The ids of events that already started an execution, so a delivery Truto repeats (it retries when
 * an answer is slow or lost) starts no second one. Kept in the workflow's static data — saved by n8n
 * after each delivery, so it survives restarts and is shared by every n8n process using the same
 * database — and, for deliveries that arrive at the same moment in one process, in memory too.
 */

/** How long an event id is remembered: longer than Truto goes on retrying one delivery. */
export const SEEN_EVENT_TTL_MS = 24 * 60 * 60 * 1000;
/** Most ids remembered per trigger (oldest forgotten first): a bound on the static data's size. */
export const SEEN_EVENT_LIMIT = 500;
/** Most ids remembered in memory, across all triggers of this n8n process. */
const IN_MEMORY_LIMIT = 5_000;

/** How far ahead of this clock a delivery's created_at may be: clocks differ a little, never by minutes. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * Why a verified delivery is refused for its age, or undefined. Truto's signature carries no
 * timestamp, so a captured delivery could be sent again once its id left the memory; Truto's guide
 * says to judge it by the signed body's created_at. A delivery without a readable created_at cannot
 * be judged and is not refused (its id is still remembered against repeats).
 */
export function ageProblem(createdAt: string | undefined, now = Date.now()): string | undefined {
	const created = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
	if (Number.isNaN(created)) return undefined;
	if (now - created >= SEEN_EVENT_TTL_MS) {
		return `created_at ${createdAt} is older than ${SEEN_EVENT_TTL_MS / 3_600_000} hours, the time event ids are remembered: refused as a possible replay of an old delivery`;
	}
	if (created - now > FUTURE_SKEW_MS) {
		return `created_at ${createdAt} is more than ${FUTURE_SKEW_MS / 60_000} minutes in the future (by this n8n's clock): refused as a possible replay`;
	}
	return undefined;
}

/** [event id, when it was first accepted (ms)] */
export type SeenEvent = [string, number];

const STATIC_KEY = 'seenEvents';

function fresh(entries: SeenEvent[], now: number): SeenEvent[] {
	return entries.filter(([, at]) => now - at < SEEN_EVENT_TTL_MS);
}

function storedEntries(staticData: IDataObject): SeenEvent[] {
	const raw = staticData[STATIC_KEY];
	if (!Array.isArray(raw)) return [];
	return raw.filter(
		(entry): entry is SeenEvent => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
	) as SeenEvent[];
}

const inMemory = new Map<string, number>();

/** The memory of one trigger: its static data, and a key naming it for the in-process memory. */
export interface SeenEventMemory {
	staticData: IDataObject;
	/** Names the registration (Truto's webhook id): test and production webhooks get the same events. */
	scope: string;
}

export function wasSeen(memory: SeenEventMemory, eventId: string, now = Date.now()): boolean {
	const inProcess = inMemory.get(`${memory.scope}\n${eventId}`);
	if (inProcess !== undefined && now - inProcess < SEEN_EVENT_TTL_MS) return true;
	return fresh(storedEntries(memory.staticData), now).some(([id]) => id === eventId);
}

/** Remembers an accepted event id; expired and the oldest ids beyond the bound are dropped. */
export function rememberEvent(memory: SeenEventMemory, eventId: string, now = Date.now()): void {
	const entries = fresh(storedEntries(memory.staticData), now).filter(([id]) => id !== eventId);
	entries.push([eventId, now]);
	// A top-level assignment: n8n notices it and saves the static data after the delivery.
	memory.staticData[STATIC_KEY] = entries.slice(-SEEN_EVENT_LIMIT);
	inMemory.set(`${memory.scope}\n${eventId}`, now);
	while (inMemory.size > IN_MEMORY_LIMIT) inMemory.delete(inMemory.keys().next().value as string);
}

