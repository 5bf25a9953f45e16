import { license } from '../../../nodes/shared/model/resources/license';
import { user } from '../../../nodes/shared/model/resources/user';
import { properties, subtitle } from '../../../nodes/TrutoUserDirectoryTrigger/description';
import { eventsReading, triggerEvent, TRIGGER_EVENTS } from '../../../nodes/TrutoUserDirectoryTrigger/events';
import { TrutoUserDirectoryTrigger } from '../../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';

describe('the polling trigger’s events, from one table', () => {
	const eventProperty = properties.find((property) => property.name === 'event');

	it('keeps the values saved workflows depend on', () => {
		expect(TRIGGER_EVENTS.map((entry) => entry.value)).toEqual(['newUser', 'userStatusChanged', 'licenseSeatsThreshold']);
		expect(eventProperty?.default).toBe('newUser');
	});

	it('offers the table’s events in the Event field, in alphabetical order', () => {
		const expected = TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })).sort((a, b) =>
			a.name.localeCompare(b.name),
		);
		expect(eventProperty?.options).toEqual(expected);
		expect(eventProperty?.options?.map((option) => option.name)).toEqual([
			'License Seats Threshold Reached',
			'New User',
			'User Status Changed',
		]);
	});

	it('names the chosen event in the subtitle', () => {
		expect(new TrutoUserDirectoryTrigger().description.subtitle).toBe(subtitle);
		expect(subtitle).toBe(
			'={{ {"newUser": "New User", "userStatusChanged": "User Status Changed", "licenseSeatsThreshold": "License Seats Threshold Reached"}[$parameter["event"]] }}',
		);
	});

	it('reads each event’s list from the table, and shows a list’s fields for the events reading it', () => {
		expect(triggerEvent('newUser').resource).toBe(user);
		expect(triggerEvent('userStatusChanged').resource).toBe(user);
		expect(triggerEvent('licenseSeatsThreshold').resource).toBe(license);
		expect(eventsReading(user)).toEqual(['newUser', 'userStatusChanged']);
		const threshold = properties.find((property) => property.name === 'threshold');
		expect(threshold?.displayOptions?.show?.event).toEqual(eventsReading(license));
	});
});
