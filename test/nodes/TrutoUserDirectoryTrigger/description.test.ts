import { license } from '../../../nodes/shared/model/resources/license';
import { user } from '../../../nodes/shared/model/resources/user';
import { properties, subtitle } from '../../../nodes/TrutoUserDirectoryTrigger/description';
import { eventsReading, triggerEvent, TRIGGER_EVENTS } from '../../../nodes/TrutoUserDirectoryTrigger/events';
import { TrutoUserDirectoryTrigger } from '../../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';
import { TrutoUserDirectory } from '../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { USER_DIRECTORY_DESCRIPTION } from '../../../nodes/shared/model/naming';

describe('the polling trigger’s events, from one table', () => {
	const eventProperty = properties.find((property) => property.name === 'event');

	it('keeps the values saved workflows depend on', () => {
		expect(TRIGGER_EVENTS.map((entry) => entry.value)).toEqual(['newUser', 'userStatusChanged', 'licenseSeatsThreshold']);
		expect(eventProperty?.default).toBe('newUser');
	});

	it('offers the table’s events in the Event field, in alphabetical order', () => {
		const expected = TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, action: expect.any(String), description })).sort(
			(a, b) => a.name.localeCompare(b.name),
		);
		expect(eventProperty?.options).toEqual(expected);
		expect(eventProperty?.options?.map((option) => option.name)).toEqual([
			'License Seats Threshold Reached',
			'New User',
			'User Status Changed',
		]);
	});

	it('names the chosen event in the subtitle, as a sentence', () => {
		expect(new TrutoUserDirectoryTrigger().description.subtitle).toBe(subtitle);
		expect(subtitle).toBe(
			'={{ {"newUser":"New user","userStatusChanged":"User status changed","licenseSeatsThreshold":"License seats threshold reached"}[$parameter["event"]] || $parameter["event"] }}',
		);
	});

	it('lists each event in n8n\'s node picker as a person writes it ("On new user")', () => {
		expect(eventProperty?.options?.map((option) => (option as { action?: string }).action)).toEqual([
			'On license seats threshold reached',
			'On new user',
			'On user status changed',
		]);
	});

	it('is named as a poll trigger, and described for the picker entry n8n folds it into', () => {
		const { description } = new TrutoUserDirectoryTrigger();
		expect(description.displayName).toBe('Truto Directory Poll Trigger');
		expect(description.name).toBe('trutoUserDirectoryTrigger');
		// n8n shows the trigger's description on Truto User Directory's picker page: it starts with the action node's.
		expect(description.description).toBe(`${USER_DIRECTORY_DESCRIPTION}; its poll trigger starts a workflow when a user appears, a user changes status, or a license gets enough unused seats`);
		expect(new TrutoUserDirectory().description.description).toBe(USER_DIRECTORY_DESCRIPTION);
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
