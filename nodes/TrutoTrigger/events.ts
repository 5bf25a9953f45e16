import type { INodePropertyOptions } from 'n8n-workflow';

import { onEvent, sentenceCase } from '../shared/helpers/text';
import { UNIFIED_RESOURCES } from '../shared/model/resources';

/**
 * The events Truto pushes that the Truto Trigger offers: the values are Truto's own event type names,
 * sent as `event_types` when the trigger registers its webhook and compared with each delivery's
 * `event` (or `event_type`). Truto documents the record events' names but not their payload (it is
 * integration-specific); the trigger matches them by name and narrows them to user-directory resources.
 */
export interface TrutoEventSpec {
	value: string;
	name: string;
	description: string;
}

/** "Any event": the webhook is registered without `event_types`, so Truto sends everything. */
export const ANY_EVENT = '*';

/** Truto's event for "send test" (POST /webhook/test), accepted while the editor listens for a test event. */
export const TEST_EVENT = 'test';

export const AUTHENTICATION_ERROR = 'integrated_account:authentication_error';

export const TRUTO_EVENTS: TrutoEventSpec[] = [
	{
		value: 'integrated_account:active',
		name: 'Account Became Active',
		description: 'An integrated account finished connecting and works, also after the customer reconnected it (Truto sends Account Updated, then this)',
	},
	{
		value: 'integrated_account:reactivated',
		name: 'Account Reactivated',
		// Truto's words: sent when the app's 401s stop on their own, explicitly not on reauthentication.
		description: "Truto saw the app's 401 errors for an account stop by themselves; not sent when the customer reconnects (that sends Account Updated, then Account Became Active)",
	},
	{
		value: AUTHENTICATION_ERROR,
		name: 'Account Needs Re-Authentication',
		description:
			"The app rejected the account's stored credentials: the account is needs_reauth and every call fails until the customer reconnects it",
	},
	{
		value: 'integrated_account:validation_error',
		name: 'Account Validation Error',
		description: 'The credentials were accepted but checking the connection failed; the customer must reconnect',
	},
	{
		value: 'integrated_account:post_install_error',
		name: 'Account Post-Install Error',
		description: 'A step after connecting failed; the customer must reconnect',
	},
	{
		value: 'integrated_account:post_connect_form_submitted',
		name: 'Account Post-Connect Form Submitted',
		description: "The customer submitted the integration's post-connect form (RapidForm), where the integration has one",
	},
	{ value: 'integrated_account:created', name: 'Account Created', description: 'A customer connected a new account' },
	{ value: 'integrated_account:updated', name: 'Account Updated', description: "An account's settings or credentials changed (a reconnect sends this, then Account Became Active)" },
	{ value: 'integrated_account:deleted', name: 'Account Deleted', description: 'An account was removed (the event carries only its ID)' },
	{ value: 'sync_job_run:created', name: 'Sync Job Run Created', description: 'A sync job run was created' },
	{ value: 'sync_job_run:started', name: 'Sync Job Run Started', description: 'A sync job run started' },
	{ value: 'sync_job_run:updated', name: 'Sync Job Run Updated', description: 'A sync job run changed' },
	{ value: 'sync_job_run:record', name: 'Sync Job Run Record', description: 'A sync job run sent the records it read' },
	{ value: 'sync_job_run:completed', name: 'Sync Job Run Completed', description: 'A sync job run finished' },
	{ value: 'sync_job_run:failed', name: 'Sync Job Run Failed', description: 'A sync job run failed' },
	{ value: 'sync_job_run:deleted', name: 'Sync Job Run Deleted', description: 'A sync job run was deleted' },
	{ value: 'sync_job_cron_trigger:failed', name: 'Sync Job Schedule Failed', description: "A sync job's schedule (cron trigger) failed" },
	{ value: 'batch_job:completed', name: 'Batch Job Completed', description: 'A batch job finished' },
	{ value: 'batch_job:failed', name: 'Batch Job Failed', description: 'A batch job failed' },
	{ value: 'batch_job:dry_run_completed', name: 'Batch Job Dry Run Completed', description: 'A dry run of a batch job finished' },
	{ value: 'batch_job:dry_run_failed', name: 'Batch Job Dry Run Failed', description: 'A dry run of a batch job failed' },
	{ value: 'record:created', name: 'Record Created', description: 'An app pushed a new record (e.g. a user) to Truto' },
	{ value: 'record:updated', name: 'Record Updated', description: 'An app pushed a changed record to Truto' },
	{ value: 'record:deleted', name: 'Record Deleted', description: 'An app pushed a deleted record to Truto' },
];

/**
 * The Events dropdown: every event and "Any Event", sorted by name as n8n's editor expects; `action`
 * is the trigger n8n's picker lists ("On account needs re-authentication").
 */
export function eventOptions(): INodePropertyOptions[] {
	return [
		...TRUTO_EVENTS.map(({ name, value, description }) => ({ name, value, action: onEvent(name), description })),
		{ name: 'Any Event', value: ANY_EVENT, action: 'On any Truto event', description: 'Every event Truto sends, including ones not listed here' },
	].sort((a, b) => a.name.localeCompare(b.name));
}

/** The canvas subtitle: the chosen events as sentences ("Account needs re-authentication"). */
export function eventsSubtitle(): string {
	const names = Object.fromEntries(eventOptions().map(({ name, value }) => [String(value), sentenceCase(name)]));
	return `={{ ($parameter["events"] || []).map(event => (${JSON.stringify(names)})[event] || event).join(", ") }}`;
}

export function isRecordEvent(event: string): boolean {
	return event.startsWith('record:');
}

/** The events that show the Record Resources filter. */
export const RECORD_FILTER_EVENTS = [ANY_EVENT, ...TRUTO_EVENTS.map((spec) => spec.value).filter(isRecordEvent)];

/** The user-directory resources record events can be narrowed to (their Truto path names). */
export function recordResourceOptions(): INodePropertyOptions[] {
	return UNIFIED_RESOURCES.filter((resource) => resource.id)
		.map((resource) => ({ name: resource.name, value: resource.path }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Events after which the account fails every call until the customer connects it again. */
const RECONNECT_EVENTS = new Set([AUTHENTICATION_ERROR, 'integrated_account:validation_error', 'integrated_account:post_install_error']);
/** Account statuses that mean the same. */
const RECONNECT_STATUSES = new Set(['needs_reauth', 'validation_error', 'post_install_error']);

export function needsReconnect(event: string, status: unknown): boolean {
	return RECONNECT_EVENTS.has(event) || (typeof status === 'string' && RECONNECT_STATUSES.has(status));
}

/** The event types to register: undefined means all (Any Event); duplicates dropped, order kept. */
export function eventTypesToRegister(chosen: string[]): string[] | undefined {
	if (chosen.includes(ANY_EVENT)) return undefined;
	return [...new Set(chosen)];
}
