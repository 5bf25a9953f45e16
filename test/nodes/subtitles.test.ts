/**
 * What the canvas shows under each Truto node: a person's words for the chosen operation or events,
 * never the internal values ("getAll: user", "integrated_account:authentication_error").
 */
import { TrutoTrigger } from '../../nodes/TrutoTrigger/TrutoTrigger.node';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { TrutoUserDirectoryTrigger } from '../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';
import { subtitleOf } from '../helpers/subtitle';

describe('canvas subtitles', () => {
	it('the action node shows the operation as the node picker words it', () => {
		const node = new TrutoUserDirectory();
		expect(subtitleOf(node, { resource: 'user', operation: 'getAll' })).toBe('Get many users');
		expect(subtitleOf(node, { resource: 'group', operation: 'removeUser' })).toBe('Remove a user from a group');
		expect(subtitleOf(node, { resource: 'seatReclamation', operation: 'findReclaimableSeats' })).toBe('Find reclaimable seats across apps');
		expect(subtitleOf(node, { resource: 'integratedAccount', operation: 'createReconnectLink' })).toBe(
			'Create a reconnect link for an integrated account',
		);
		// A value this version does not know (a later version's) is shown as it is.
		expect(subtitleOf(node, { resource: 'user', operation: 'archive' })).toBe('archive');
	});

	it('the poll trigger shows its event as a sentence', () => {
		const node = new TrutoUserDirectoryTrigger();
		expect(subtitleOf(node, { event: 'newUser' })).toBe('New user');
		expect(subtitleOf(node, { event: 'licenseSeatsThreshold' })).toBe('License seats threshold reached');
	});

	it('the webhook trigger shows its events as sentences', () => {
		const node = new TrutoTrigger();
		expect(subtitleOf(node, { events: ['integrated_account:authentication_error'] })).toBe('Account needs re-authentication');
		expect(subtitleOf(node, { events: ['integrated_account:active', 'sync_job_run:failed', '*'] })).toBe(
			'Account became active, Sync job run failed, Any event',
		);
		expect(subtitleOf(node, { events: [] })).toBe('');
	});
});
