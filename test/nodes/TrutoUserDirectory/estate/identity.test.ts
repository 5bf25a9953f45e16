import { identityOf, IdentityDirectoryBuilder, isGone } from '../../../../nodes/TrutoUserDirectory/estate/identity';
import { ACCOUNT, user } from './fixtures';

function directory(complete = true) {
	const builder = new IdentityDirectoryBuilder({ ...ACCOUNT, name: 'Okta · acme', slug: 'okta' });
	builder.add([
		user('ann', { emails: [{ email: 'Ann.Lee@ACME.com', is_primary: true }] }),
		user('bob', { status: 'inactive' }),
		user('cat', { status: 'SUSPENDED' }),
		// One mailbox, two people: the old record deprovisioned, the new one active.
		user('dup1', { emails: [{ email: 'sam@acme.com' }], status: 'DEPROVISIONED' }),
		user('dup2', { emails: [{ email: 'SAM@acme.com' }], status: 'active' }),
		user('gone1', { emails: [{ email: 'old@acme.com' }], status: 'deleted' }),
		user('gone2', { emails: [{ email: 'old@acme.com' }], status: 'inactive' }),
		user('noemail', { emails: [] }),
		user('partner', { emails: [{ email: 'pat@partner.example', is_primary: true }] }),
	]);
	return builder.build(complete);
}

describe('identityOf', () => {
	it('matches primary emails in any case', () => {
		expect(identityOf(directory(), 'ann.lee@acme.com').match).toBe('present');
		expect(identityOf(directory(), ' ANN.LEE@acme.COM ').match).toBe('present');
	});

	it('calls deactivated people deactivated, whatever word the provider uses', () => {
		expect(identityOf(directory(), 'bob@acme.com')).toMatchObject({ match: 'deactivated', people: [{ id: 'bob', status: 'inactive' }] });
		expect(identityOf(directory(), 'cat@acme.com').match).toBe('deactivated');
		expect(identityOf(directory(), 'old@acme.com').match).toBe('deactivated');
	});

	it('reports people who share an email and disagree as ambiguous, with both records', () => {
		const verdict = identityOf(directory(), 'Sam@Acme.com');
		expect(verdict.match).toBe('ambiguous');
		expect(verdict.people.map((person) => person.id)).toEqual(['dup1', 'dup2']);
	});

	it('calls an email of its domains absent only when the list was complete', () => {
		expect(identityOf(directory(), 'nobody@acme.com').match).toBe('absent');
		expect(identityOf(directory(false), 'nobody@acme.com').match).toBe('unknown');
		expect(identityOf(directory(false), 'bob@acme.com').match).toBe('deactivated');
	});

	it('does not judge emails outside its domains, or users without one', () => {
		expect(identityOf(directory(), 'someone@gmail.com').match).toBe('outside');
		expect(identityOf(directory(), undefined).match).toBe('outside');
		expect(identityOf(directory(), 'pat@partner.example').match).toBe('present');
	});

	it('counts the people it read and knows their domains', () => {
		const built = directory();
		expect(built.people).toBe(9);
		expect([...built.domains].sort()).toEqual(['acme.com', 'partner.example']);
	});
});

describe('isGone', () => {
	it('reads unified and raw statuses; a missing status proves nothing', () => {
		expect(['inactive', 'deleted', 'Suspended', 'DEPROVISIONED', 'disabled'].every(isGone)).toBe(true);
		expect(['active', 'invited', 'STAGED', 'LOCKED_OUT', undefined, null, ''].some(isGone)).toBe(false);
	});
});
