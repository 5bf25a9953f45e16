import { inactiveSince, lastSeen, seatUtilization } from '../../../../nodes/shared/helpers/seats';

const NOW = Date.parse('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 24 * 60 * 60 * 1000).toISOString();

describe('lastSeen', () => {
	it('reads last_active_at, else last_login_at, and ignores what is not a date', () => {
		expect(lastSeen({ last_active_at: daysAgo(1), last_login_at: daysAgo(9) })).toBe(Date.parse(daysAgo(1)));
		expect(lastSeen({ last_active_at: null, last_login_at: daysAgo(9) })).toBe(Date.parse(daysAgo(9)));
		expect(lastSeen({ last_active_at: 'soon', last_login_at: daysAgo(9) })).toBe(Date.parse(daysAgo(9)));
		expect(lastSeen({})).toBeUndefined();
	});
});

describe('inactiveSince', () => {
	const users = [
		{ id: 'a', last_active_at: daysAgo(89) },
		{ id: 'b', last_active_at: daysAgo(90) },
		{ id: 'c', last_login_at: daysAgo(400) },
		{ id: 'd' },
	];
	const keep = (choice: 'exclude' | 'include' | 'only') => users.filter(inactiveSince(90, choice, NOW)).map((user) => user.id);

	it('keeps users seen N days ago or earlier; the no-activity choice decides the rest', () => {
		expect(keep('exclude')).toEqual(['b', 'c']);
		expect(keep('include')).toEqual(['b', 'c', 'd']);
		expect(keep('only')).toEqual(['d']);
	});
});

describe('seatUtilization', () => {
	it('counts seats, utilization and the cost of unassigned seats', () => {
		expect(seatUtilization({ available_quantity: 20, assigned_quantity: 12, unit_amount: 19.99, currency: 'USD' })).toEqual({
			available: 20,
			assigned: 12,
			unassigned: 8,
			utilization: 0.6,
			unassigned_cost: 159.92,
			currency: 'USD',
		});
	});

	it('gives null where it cannot know, and never less than 0 unassigned or more than 1 utilization', () => {
		expect(seatUtilization({ available_quantity: 5, assigned_quantity: 7, unit_amount: 10, currency: 'EUR' })).toMatchObject({
			unassigned: 0,
			utilization: 1,
			unassigned_cost: 0,
		});
		expect(seatUtilization({ available_quantity: 5, assigned_quantity: 2, unit_amount: 10 })).toMatchObject({ unassigned_cost: null, currency: null });
		expect(seatUtilization({ available_quantity: 5, assigned_quantity: 2, currency: 'USD' })).toMatchObject({ unassigned_cost: null, currency: 'USD' });
		expect(seatUtilization({ available_quantity: 0, assigned_quantity: 0 })).toMatchObject({ utilization: null, unassigned: 0 });
		expect(seatUtilization({ name: 'no counts' })).toEqual({
			available: null,
			assigned: null,
			unassigned: null,
			utilization: null,
			unassigned_cost: null,
			currency: null,
		});
	});
});
