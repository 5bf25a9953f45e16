import { ANY_EVENT, eventOptions, eventTypesToRegister, needsReconnect, recordResourceOptions, TRUTO_EVENTS } from '../../../nodes/TrutoTrigger/events';
import { UNIFIED_RESOURCES } from '../../../nodes/shared/model/resources';

// The sandbox stands for Truto: every event the trigger offers must be one it accepts.
import { EVENT_TYPES } from '../../../dev/sandbox/lib/webhooks';

describe('event catalogue', () => {
	it('offers only event types Truto knows (record events by their record: prefix)', () => {
		for (const { value } of TRUTO_EVENTS) expect(EVENT_TYPES.includes(value) || value.startsWith('record:')).toBe(true);
		expect(new Set(TRUTO_EVENTS.map((event) => event.value)).size).toBe(TRUTO_EVENTS.length);
	});

	it('offers every event type Truto documents, and the sandbox knows each', () => {
		const documented = [
			...['created', 'active', 'updated', 'deleted', 'post_install_error', 'validation_error', 'post_connect_form_submitted', 'reactivated', 'authentication_error'].map(
				(type) => `integrated_account:${type}`,
			),
			...['created', 'started', 'updated', 'record', 'completed', 'failed', 'deleted'].map((type) => `sync_job_run:${type}`),
			'sync_job_cron_trigger:failed',
			...['dry_run_completed', 'completed', 'dry_run_failed', 'failed'].map((type) => `batch_job:${type}`),
			'record:created',
			'record:updated',
			'record:deleted',
		];
		const offered = TRUTO_EVENTS.map((event) => event.value);
		expect(offered.sort()).toEqual([...documented].sort());
		for (const type of documented) expect(EVENT_TYPES.includes(type) || type.startsWith('record:')).toBe(true);
		// Names are documented; only the record events' payload shape is not.
		for (const { name, description } of TRUTO_EVENTS) expect(`${name} ${description}`).not.toMatch(/UNCONFIRMED/);
	});

	it('sorts the options by name and adds Any Event', () => {
		const names = eventOptions().map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(eventOptions().find((option) => option.value === ANY_EVENT)?.name).toBe('Any Event');
	});

	it('registers the chosen types once each, or none at all for Any Event', () => {
		expect(eventTypesToRegister(['a', 'b', 'a'])).toEqual(['a', 'b']);
		expect(eventTypesToRegister(['a', ANY_EVENT])).toBeUndefined();
	});

	it('knows which events and statuses mean the customer must reconnect', () => {
		expect(needsReconnect('integrated_account:authentication_error', 'active')).toBe(true);
		expect(needsReconnect('integrated_account:updated', 'needs_reauth')).toBe(true);
		expect(needsReconnect('integrated_account:updated', 'connecting')).toBe(false);
		expect(needsReconnect('sync_job_run:failed', undefined)).toBe(false);
	});

	it("describes reactivated as Truto does: the app's 401s stopped by themselves, not a reconnect", () => {
		const describe = (value: string) => TRUTO_EVENTS.find((event) => event.value === value)?.description ?? '';
		expect(describe('integrated_account:reactivated')).toMatch(/401/);
		expect(describe('integrated_account:reactivated')).toMatch(/not sent when the customer reconnects/);
		expect(describe('integrated_account:reactivated')).not.toMatch(/after the customer reconnected/);
		// A reconnect sends updated, then active.
		expect(describe('integrated_account:active')).toMatch(/reconnect/);
		expect(describe('integrated_account:updated')).toMatch(/reconnect/);
	});

	it('narrows record events to the resources that have records', () => {
		expect(recordResourceOptions().map((option) => option.value).sort()).toEqual(
			UNIFIED_RESOURCES.filter((resource) => resource.id).map((resource) => resource.path).sort(),
		);
	});
});
