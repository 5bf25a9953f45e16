import type { IDataObject } from 'n8n-workflow';

import { seatUtilization, unassignedSeats } from '../../../nodes/shared/helpers/seats';
import { baseline, detect, sampleEvent, userSnapshot } from '../../../nodes/TrutoUserDirectoryTrigger/events';

const SCOPE = 'scope';

describe('user events', () => {
	const before = [
		{ id: 'a', status: 'active' },
		{ id: 'b', status: 'active' },
		{ id: 'c' },
	];

	it('remembers each user once, by id, with its status', () => {
		expect(userSnapshot([...before, { id: 'a', status: 'inactive' }, { name: 'no id' }, { id: 7, status: 'invited' }])).toEqual({
			a: 'active',
			b: 'active',
			c: '',
			7: 'invited',
		});
	});

	it('fires New User for ids not seen before, in the API order, each once', () => {
		const state = baseline('newUser', SCOPE, before);
		const now = [{ id: 'z' }, ...before, { id: 'y' }, { id: 'z' }];
		const { events, state: next } = detect('newUser', now, state, 0);
		expect(events).toEqual([{ id: 'z' }, { id: 'y' }]);
		expect(Object.keys(next.users ?? {}).sort()).toEqual(['a', 'b', 'c', 'y', 'z']);
		expect(detect('newUser', now, next, 0).events).toEqual([]);
	});

	it('fires User Status Changed with previous_status, not for new users', () => {
		const state = baseline('userStatusChanged', SCOPE, before);
		const now = [
			{ id: 'a', status: 'inactive' },
			{ id: 'b', status: 'active' },
			{ id: 'c', status: 'invited' },
			{ id: 'd', status: 'active' },
		];
		const { events, state: next } = detect('userStatusChanged', now, state, 0);
		expect(events).toEqual([
			{ id: 'a', status: 'inactive', previous_status: 'active' },
			{ id: 'c', status: 'invited', previous_status: null },
		]);
		expect(next.users).toEqual({ a: 'inactive', b: 'active', c: 'invited', d: 'active' });
		expect(detect('userStatusChanged', now, next, 0).events).toEqual([]);
	});

	it('forgets users that are gone, so a returning id is new again', () => {
		const state = baseline('newUser', SCOPE, before);
		const gone = detect('newUser', before.slice(1), state, 0);
		expect(gone.events).toEqual([]);
		expect(detect('newUser', before, gone.state, 0).events).toEqual([{ id: 'a', status: 'active' }]);
	});
});

describe('License Seats Threshold Reached', () => {
	const license = (id: string, available: unknown, assigned: unknown): IDataObject => ({
		id,
		available_quantity: available as IDataObject[string],
		assigned_quantity: assigned as IDataObject[string],
	});

	it('counts unassigned seats only when both counts are numbers', () => {
		expect(unassignedSeats(license('x', 10, 4))).toBe(6);
		expect(unassignedSeats(license('x', '10', '4'))).toBe(6);
		expect(unassignedSeats(license('x', 10, null))).toBeUndefined();
		expect(unassignedSeats(license('x', undefined, 4))).toBeUndefined();
		expect(unassignedSeats(license('x', 'many', 4))).toBeUndefined();
	});

	it('counts an over-assigned license as 0 unassigned seats, as Seat Utilization does', () => {
		const overAssigned = license('x', 5, 7);
		expect(unassignedSeats(overAssigned)).toBe(0);
		expect(seatUtilization(overAssigned).unassigned).toBe(0);
	});

	it('does not fire when an over-assigned license becomes exactly full', () => {
		// 5 seats, 7 assigned, then 5 assigned: 0 unassigned both times, so a threshold of 0 is not crossed.
		const state = baseline('licenseSeatsThreshold', SCOPE, [license('x', 5, 7)]);
		expect(state.licenses).toEqual({ x: 0 });
		expect(detect('licenseSeatsThreshold', [license('x', 5, 5)], state, 0).events).toEqual([]);
	});

	it('fires on the way up through the threshold only, and again after dropping below', () => {
		let state = baseline('licenseSeatsThreshold', SCOPE, [license('l', 10, 8)]); // 2 unassigned
		const poll = (assigned: number) => {
			const result = detect('licenseSeatsThreshold', [license('l', 10, assigned)], state, 3);
			state = result.state;
			return result.events.map((event) => [event.unassigned_quantity, event.previous_unassigned_quantity]);
		};
		expect(poll(8)).toEqual([]); // 2
		expect(poll(7)).toEqual([[3, 2]]); // 2 → 3: crosses
		expect(poll(5)).toEqual([]); // 5: still above, no repeat
		expect(poll(7)).toEqual([]); // 3: still at the threshold
		expect(poll(9)).toEqual([]); // 1: below
		expect(poll(2)).toEqual([[8, 1]]); // 1 → 8: crosses again
	});

	it('records licenses that appear or gain seat counts without firing', () => {
		const state = baseline('licenseSeatsThreshold', SCOPE, [license('a', null, null)]);
		expect(state.licenses).toEqual({});
		const next = detect('licenseSeatsThreshold', [license('a', 10, 0), license('b', 10, 0)], state, 1);
		expect(next.events).toEqual([]);
		expect(next.state.licenses).toEqual({ a: 10, b: 10 });
	});

	it('carries the threshold and both seat numbers on the item', () => {
		const state = baseline('licenseSeatsThreshold', SCOPE, [license('a', 5, 5)]);
		expect(detect('licenseSeatsThreshold', [license('a', 5, 0)], state, 5).events).toEqual([
			{ ...license('a', 5, 0), unassigned_quantity: 5, previous_unassigned_quantity: 0, threshold: 5 },
		]);
	});
});

describe('sample events (Fetch Test Event)', () => {
	it('shows the newest user', () => {
		const users = [
			{ id: 'a', created_at: '2024-01-01T00:00:00Z' },
			{ id: 'b', created_at: '2025-06-01T00:00:00Z' },
			{ id: 'c' },
		];
		expect(sampleEvent('newUser', users, 0)).toEqual(users[1]);
		expect(sampleEvent('newUser', [{ id: 'x' }, { id: 'y' }], 0)).toEqual({ id: 'y' });
		expect(sampleEvent('newUser', [], 0)).toBeUndefined();
	});

	it('shows the user whose status changed last, with previous_status', () => {
		const users = [
			{ id: 'a', status: 'inactive', status_changed_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' },
			{ id: 'b', status: 'active', updated_at: '2025-03-01T00:00:00Z' },
		];
		expect(sampleEvent('userStatusChanged', users, 0)).toEqual({ ...users[0], previous_status: null });
	});

	it('shows the license with the most unassigned seats', () => {
		const licenses = [
			{ id: 'a', available_quantity: 10, assigned_quantity: 9 },
			{ id: 'b', available_quantity: 10, assigned_quantity: 2 },
			{ id: 'c' },
		];
		expect(sampleEvent('licenseSeatsThreshold', licenses, 4)).toEqual({
			...licenses[1],
			unassigned_quantity: 8,
			previous_unassigned_quantity: null,
			threshold: 4,
		});
	});
});
