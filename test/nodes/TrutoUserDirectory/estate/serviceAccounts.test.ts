import { isServiceAccount, SERVICE_ACCOUNT_TYPES } from '../../../../nodes/TrutoUserDirectory/estate/serviceAccounts';
import { user } from './fixtures';

describe('isServiceAccount', () => {
	it("knows Truto's documented service-account type and the raw types apps send, in any case and spacing", () => {
		for (const userType of [...SERVICE_ACCOUNT_TYPES, 'Service-Account', ' BOT ', 'Machine']) expect(isServiceAccount(user('svc', { user_type: userType }))).toBe(true);
	});

	it('takes people, and users without a user_type, for people', () => {
		for (const userType of ['user', 'admin', 'guest', '', null, undefined, 7]) expect(isServiceAccount(user('ann', { user_type: userType }))).toBe(false);
	});
});
