import type { IDataObject } from 'n8n-workflow';

import { accountIdOf, eventItem, parseDelivery, reasonToIgnore, type TriggerFilters } from '../../../nodes/TrutoTrigger/delivery';

const delivery = (body: unknown) => parseDelivery(Buffer.from(JSON.stringify(body)));
const filters = (extra: Partial<TriggerFilters> = {}): TriggerFilters => ({
	events: ['*'],
	accountIds: [],
	integrations: [],
	recordResources: [],
	listeningForTest: false,
	...extra,
});

describe('parseDelivery', () => {
	it('reads Truto\'s delivery body', () => {
		expect(delivery({ id: 'e1', event: 'sync_job_run:failed', payload: { a: 1 }, environment_id: 'env', webhook_id: 'wh', created_at: '2026-01-01T00:00:00Z' })).toEqual({
			id: 'e1',
			event: 'sync_job_run:failed',
			payload: { a: 1 },
			environmentId: 'env',
			webhookId: 'wh',
			createdAt: '2026-01-01T00:00:00Z',
		});
		expect(delivery({ id: 7, event: 'test' })).toMatchObject({ id: '7', payload: {} });
	});

	it("reads the type from event_type when there is no event (Truto's pages disagree; its sample code reads event_type)", () => {
		expect(delivery({ id: 'e1', event_type: 'integrated_account:active', payload: { id: 'a' } })).toMatchObject({ id: 'e1', event: 'integrated_account:active' });
		// Both given: event, the name of the delivery body's field in Truto's webhook overview, wins.
		expect(delivery({ id: 'e1', event: 'integrated_account:active', event_type: 'integrated_account:updated' })?.event).toBe('integrated_account:active');
		expect(delivery({ id: 'e1', event: '', event_type: 'test' })?.event).toBe('test');
		expect(delivery({ id: 'e1', event_type: '' })).toBeUndefined();
	});

	it.each([['not JSON'], [[1, 2]], [{ event: 'test' }], [{ id: 'e1' }], [{ id: '', event: 'test' }], [null]])('refuses %j', (body) => {
		expect(typeof body === 'string' ? parseDelivery(Buffer.from(body)) : delivery(body)).toBeUndefined();
	});
});

describe('accountIdOf', () => {
	it('takes the payload of account events, the named account of others', () => {
		expect(accountIdOf(delivery({ id: '1', event: 'integrated_account:deleted', payload: { id: 'acc' } })!)).toBe('acc');
		expect(accountIdOf(delivery({ id: '1', event: 'sync_job_run:failed', payload: { integrated_account_id: 'acc2' } })!)).toBe('acc2');
		expect(accountIdOf(delivery({ id: '1', event: 'record:created', payload: { integrated_account: { id: 'acc3' } } })!)).toBe('acc3');
		expect(accountIdOf(delivery({ id: '1', event: 'test', payload: { foo: 'bar' } })!)).toBeUndefined();
	});
});

describe('reasonToIgnore', () => {
	const event = (name: string, payload: IDataObject = {}) => delivery({ id: 'e', event: name, payload })!;

	it('lets through what the trigger listens to', () => {
		expect(reasonToIgnore(event('integrated_account:active'), filters({ events: ['integrated_account:active'] }), { id: 'a' })).toBeUndefined();
		expect(reasonToIgnore(event('something:new'), filters(), {})).toBeUndefined();
	});

	it('names why it ignores an event', () => {
		expect(reasonToIgnore(event('something:new'), filters({ events: ['integrated_account:active'] }), {})).toBe(
			'event something:new is not one this trigger listens to',
		);
		expect(reasonToIgnore(event('sync_job_run:failed'), filters({ accountIds: ['a'] }), {})).toBe('integrated account (none) is not one of the chosen accounts');
		expect(reasonToIgnore(event('sync_job_run:failed'), filters({ integrations: ['github'] }), { id: 'a' })).toBe(
			'integration (unknown) is not one of the chosen integrations',
		);
		expect(reasonToIgnore(event('record:updated', { resource: 'unified/user-directory/groups' }), filters({ recordResources: ['users'] }), {})).toBe(
			'record resource groups is not one of the chosen resources',
		);
	});

	it("takes Truto's test event with Any Event or while listening for a test event only", () => {
		expect(reasonToIgnore(event('test'), filters({ events: ['integrated_account:active'] }), {})).toMatch(/test event/);
		expect(reasonToIgnore(event('test'), filters({ events: ['integrated_account:active'], listeningForTest: true }), {})).toBeUndefined();
		expect(reasonToIgnore(event('test'), filters(), {})).toBeUndefined();
	});
});

describe('eventItem', () => {
	it('flags an account that must be reconnected, also by its status on an update', () => {
		const updated = delivery({ id: 'e', event: 'integrated_account:updated', payload: { id: 'a', status: 'validation_error', integration: { name: 'okta' } } })!;
		expect(eventItem(updated, updated.payload)).toMatchObject({ needs_reconnect: true, account: { integration_label: 'Okta', status: 'validation_error' } });
		const active = delivery({ id: 'e', event: 'integrated_account:active', payload: { id: 'a', status: 'active' } })!;
		expect(eventItem(active, active.payload)).toMatchObject({ needs_reconnect: false, account_reconnected: true, account_recovered: true });
	});

	it('does not call reactivated a reconnect: Truto sends it when the app stops refusing by itself', () => {
		const back = delivery({ id: 'e', event: 'integrated_account:reactivated', payload: { id: 'a', status: 'active' } })!;
		expect(eventItem(back, back.payload)).toMatchObject({ needs_reconnect: false, account_reconnected: false, account_recovered: true });
		const failing = delivery({ id: 'e', event: 'integrated_account:authentication_error', payload: { id: 'a', status: 'needs_reauth' } })!;
		expect(eventItem(failing, failing.payload)).toMatchObject({ account_reconnected: false, account_recovered: false });
	});

	it('reads last_error as a text or an object with a message', () => {
		const withObject = delivery({ id: 'e', event: 'integrated_account:authentication_error', payload: { id: 'a', last_error: { message: 'revoked', code: 401 } } })!;
		expect((eventItem(withObject, withObject.payload).account as IDataObject).last_error).toBe('revoked');
		const withCode = delivery({ id: 'e', event: 'integrated_account:authentication_error', payload: { id: 'a', last_error: { code: 401 } } })!;
		expect((eventItem(withCode, withCode.payload).account as IDataObject).last_error).toBe('{"code":401}');
	});

	it('keeps the account id of an event whose account could not be looked up', () => {
		const failed = delivery({ id: 'e', event: 'sync_job_run:failed', payload: { integrated_account_id: 'acc' } })!;
		expect(eventItem(failed, undefined).account).toMatchObject({ id: 'acc', integration: null, tenant_id: null });
	});
});
