/** Which users are the person: every email of a user, in any case; usernames when asked; many emails at once. */
import { emailMatcher, matchesOf } from '../../../../nodes/TrutoUserDirectory/person/match';

const user = (fields: Record<string, unknown>) => ({ id: '1', ...fields });
const primary = (email: string) => [{ email, is_primary: true }];
const maria = user({ emails: [{ email: 'Maria.Garcia@acme.com', is_primary: true }, { email: 'mg@acme.io', is_primary: false }], username: 'mgarcia' });

describe('emailMatcher', () => {
	it('matches the primary and the other emails in any case, in the order asked', () => {
		expect(emailMatcher(['mg@acme.io', 'maria.garcia@acme.com'], false)(maria)).toEqual([
			{ email: 'mg@acme.io', by: 'other email' },
			{ email: 'maria.garcia@acme.com', by: 'primary email' },
		]);
	});

	it('finds one of 200 emails asked, and nothing for a user none of them is', () => {
		const wanted = Array.from({ length: 200 }, (_, index) => `person.${index + 1}@estate.example`);
		const matches = emailMatcher(wanted, false);
		expect(matches(user({ emails: primary('Person.150@estate.example') }))).toEqual([{ email: 'person.150@estate.example', by: 'primary email' }]);
		expect(matches(user({ emails: primary('person.201@estate.example') }))).toEqual([]);
	});

	it('matches a username equal to the email or to the part before its @ only when asked, an email match first', () => {
		const byName = user({ username: 'mgarcia', emails: [] });
		expect(emailMatcher(['mgarcia@acme.com'], false)(byName)).toEqual([]);
		expect(emailMatcher(['mgarcia@acme.com', 'mgarcia@other.org'], true)(byName)).toEqual([
			{ email: 'mgarcia@acme.com', by: 'username' },
			{ email: 'mgarcia@other.org', by: 'username' },
		]);
		expect(emailMatcher(['x@y.z'], true)(user({ username: 'X@y.z' }))).toEqual([{ email: 'x@y.z', by: 'username' }]);
		expect(emailMatcher(['mgarcia@acme.io'], true)(user({ username: 'mgarcia', emails: primary('mgarcia@acme.io') }))).toEqual([{ email: 'mgarcia@acme.io', by: 'primary email' }]);
	});

	it('gives the same as matchesOf for one user', () => {
		expect(matchesOf(maria, ['maria.garcia@acme.com'], false)).toEqual(emailMatcher(['maria.garcia@acme.com'], false)(maria));
	});
});
