import type { IDataObject } from 'n8n-workflow';

import { ageProblem, FUTURE_SKEW_MS, rememberEvent, SEEN_EVENT_LIMIT, SEEN_EVENT_TTL_MS, wasSeen } from '../../../nodes/TrutoTrigger/seenEvents';

let scopeCount = 0;
/** A fresh trigger's memory: its own static data and scope. */
const memory = (staticData: IDataObject = {}) => ({ staticData, scope: `test-${++scopeCount}` });

describe('seen events', () => {
	it('remembers an accepted id in the static data, under one top-level key', () => {
		const trigger = memory();
		expect(wasSeen(trigger, 'evt-1')).toBe(false);
		rememberEvent(trigger, 'evt-1', 1_000);
		expect(trigger.staticData.seenEvents).toEqual([['evt-1', 1_000]]);
		expect(wasSeen(trigger, 'evt-1', 2_000)).toBe(true);
		expect(wasSeen(trigger, 'evt-2', 2_000)).toBe(false);
	});

	it('finds ids in static data saved by another process (after a restart)', () => {
		const saved = { seenEvents: [['evt-9', 5_000]] } as IDataObject;
		expect(wasSeen(memory(saved), 'evt-9', 6_000)).toBe(true);
	});

	it('forgets ids older than the time Truto keeps retrying', () => {
		const trigger = memory({ seenEvents: [['old', 0]] } as IDataObject);
		expect(wasSeen(trigger, 'old', SEEN_EVENT_TTL_MS + 1)).toBe(false);
		rememberEvent(trigger, 'new', SEEN_EVENT_TTL_MS + 1);
		expect(trigger.staticData.seenEvents).toEqual([['new', SEEN_EVENT_TTL_MS + 1]]);
	});

	it(`keeps at most ${SEEN_EVENT_LIMIT} ids, dropping the oldest`, () => {
		const trigger = memory();
		for (let index = 0; index < SEEN_EVENT_LIMIT + 20; index++) rememberEvent(trigger, `evt-${index}`, 10_000 + index);
		const kept = trigger.staticData.seenEvents as Array<[string, number]>;
		expect(kept).toHaveLength(SEEN_EVENT_LIMIT);
		expect(kept[0][0]).toBe('evt-20');
		expect(wasSeen(memory(trigger.staticData), 'evt-19', 20_000)).toBe(false);
	});

	it('also remembers in memory, for deliveries that read the static data before it was saved', () => {
		const trigger = memory();
		const beforeSaving = { staticData: {}, scope: trigger.scope };
		rememberEvent(trigger, 'evt-x', 1_000);
		expect(wasSeen(beforeSaving, 'evt-x', 1_500)).toBe(true);
		expect(wasSeen({ staticData: {}, scope: 'another-registration' }, 'evt-x', 1_500)).toBe(false);
	});

	it('ignores static data in a shape it does not know', () => {
		expect(wasSeen(memory({ seenEvents: 'evt-1' }), 'evt-1')).toBe(false);
		expect(wasSeen(memory({ seenEvents: [['evt-1', 'yesterday'], 'evt-1'] } as IDataObject), 'evt-1')).toBe(false);
	});
});

describe('delivery age', () => {
	const now = Date.parse('2026-06-01T12:00:00.000Z');
	const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();

	it('refuses a delivery created as long ago as ids are remembered, or minutes in the future', () => {
		expect(ageProblem(at(-SEEN_EVENT_TTL_MS), now)).toBe(
			`created_at ${at(-SEEN_EVENT_TTL_MS)} is older than 24 hours, the time event ids are remembered: refused as a possible replay of an old delivery`,
		);
		expect(ageProblem(at(FUTURE_SKEW_MS + 1), now)).toMatch(/is more than 5 minutes in the future \(by this n8n's clock\)/);
	});

	it('takes one within the window, a little ahead, or without a readable created_at', () => {
		for (const createdAt of [at(-SEEN_EVENT_TTL_MS + 1), at(0), at(FUTURE_SKEW_MS), undefined, 'not a date']) {
			expect(ageProblem(createdAt, now)).toBeUndefined();
		}
	});
});
