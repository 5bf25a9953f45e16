import { AccountReview } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/review';
import { ACCOUNT, daysAgo, license, settings, user } from '../fixtures';

const support = { actions: ['deactivate' as const] };
const undated = { last_active_at: null, last_login_at: null, created_at: daysAgo(200) };

describe('the review of one account', () => {
	it('reads licenses first, then users page by page, keeping only findings', () => {
		const review = new AccountReview(ACCOUNT, settings(), support);
		const licenseFindings = review.licenses([license('pro', { available_quantity: 10, assigned_quantity: 8 })]);
		expect(licenseFindings.map((finding) => finding.kind)).toEqual(['unassigned_seats']);
		expect(review.usersPage([user('a'), user('b', { last_active_at: daysAgo(100) })], undefined).map((finding) => finding.user_id)).toEqual(['b']);
		expect(review.usersPage([user('c', undated), user('d', { user_type: 'machine' })], undefined)).toEqual([]);
		const { findings, stats } = review.finish();
		expect(findings.map((finding) => finding.kind)).toEqual(['never_used']);
		expect(stats).toEqual({
			users: 4,
			serviceAccounts: 1,
			exempt: 0,
			inGracePeriod: 0,
			activityUnknown: 0,
			notInIdentityDomains: 0,
			activityNotReported: false,
			overAssignedLicenses: 0,
		});
	});

	it('calls nobody never used when the app reports no activity dates for anyone ("no data" is unknown, not unused)', () => {
		const review = new AccountReview(ACCOUNT, settings(), support);
		review.licenses([license('pro')]);
		expect(review.usersPage([user('a', undated), user('b', undated), user('c', { ...undated, created_at: daysAgo(2) })], undefined)).toEqual([]);
		const { findings, stats } = review.finish();
		expect(findings).toEqual([]);
		expect(stats).toMatchObject({ users: 3, activityNotReported: true, activityUnknown: 2, inGracePeriod: 1 });
	});

	it('still reports a seat held by a user deactivated in the app when the app reports no activity', () => {
		const review = new AccountReview(ACCOUNT, settings(), support);
		review.licenses([license('pro')]);
		expect(review.usersPage([user('a', { ...undated, status: 'inactive' })], undefined).map((finding) => finding.kind)).toEqual(['unused_seat']);
	});

	it('counts over-assigned licenses', () => {
		const review = new AccountReview(ACCOUNT, settings(), support);
		review.licenses([license('sales', { available_quantity: 4, assigned_quantity: 6 })]);
		expect(review.finish().stats.overAssignedLicenses).toBe(1);
	});
});
