import { notCheckedFindings, unknownAccount } from '../../../../nodes/TrutoUserDirectory/estate/outcomes';
import type { AccountOutcome, Gap } from '../../../../nodes/TrutoUserDirectory/estate/types';
import { ACCOUNT } from './fixtures';

const gap = (part: Gap['part'], reason: string, fix: string): Gap => ({ part, reason, fix });
const okta = { id: 'o', name: 'Okta · acme', integration: 'Okta', slug: 'okta' };
const checked: AccountOutcome = { account: ACCOUNT, status: 'checked', gaps: [] };
const partlyChecked: AccountOutcome = { account: ACCOUNT, status: 'partly_checked', gaps: [gap('users', 'Truto marked 1 of 3 pages as partial', 'Run again later.')] };
const blocked: AccountOutcome = { account: okta, status: 'not_checked', gaps: [gap('licenses', 'blocked', 'Unblock it.'), gap('users', 'blocked', 'Unblock it.')] };

describe('accounts that could not be read fully', () => {
	it('become one item each, with the reason and the fix', () => {
		expect(notCheckedFindings(checked)).toEqual([]);
		expect(notCheckedFindings(blocked)).toEqual([
			{
				kind: 'not_checked',
				title: 'Okta · acme not checked: none of its seats are in this review',
				reason: 'blocked',
				fix: 'Unblock it.',
				status: 'not_checked',
				part: 'licenses',
				gaps: blocked.gaps,
				account_id: 'o',
				account_name: 'Okta · acme',
				integration: 'Okta',
				integration_slug: 'okta',
			},
		]);
		const [partly] = notCheckedFindings(partlyChecked);
		expect(partly.title).toBe('HubSpot · acme-eu only partly checked (users): seats there may be missing from this review');
		// The title says what it means for the review, never just the reason again.
		expect(partly.reason).toBe('Truto marked 1 of 3 pages as partial');
		expect(String(partly.title)).not.toContain(String(partly.reason));
	});

	it('carry copies of the gaps: changing an item leaves the outcome as it was', () => {
		const [item] = notCheckedFindings(blocked);
		(item.gaps as Gap[])[0].reason = 'changed';
		expect(blocked.gaps[0].reason).toBe('blocked');
	});
});

describe('an account ID Truto does not know', () => {
	it('is not checked, named by its ID, saying where to find the right one', () => {
		expect(unknownAccount('acc-9')).toEqual({
			account: { id: 'acc-9', name: 'Integrated account acc-9', integration: 'unknown', slug: 'unknown' },
			status: 'not_checked',
			gaps: [{ part: 'account', reason: 'Truto does not know the integrated account acc-9, or could not describe it', fix: expect.stringContaining('Integrated Account → Get Many') }],
		});
	});

	it('names the part it was asked for, such as the identity provider', () => {
		expect(unknownAccount('acc-9', 'identity provider').gaps.map((entry) => entry.part)).toEqual(['identity provider']);
	});
});
