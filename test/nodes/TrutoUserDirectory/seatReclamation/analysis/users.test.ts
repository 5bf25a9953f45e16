import type { IDataObject } from 'n8n-workflow';

import type { MethodMeta, ParameterSpec } from '../../../../../nodes/shared/transport';
import { IdentityDirectoryBuilder } from '../../../../../nodes/TrutoUserDirectory/estate/identity';
import { LicenseBook } from '../../../../../nodes/TrutoUserDirectory/estate/licenses';
import { SERVICE_ACCOUNT_TYPES } from '../../../../../nodes/TrutoUserDirectory/estate/serviceAccounts';
import { reclaimSupport } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/reclaim';
import type { ReclaimSupport, ReclamationSettings } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/types';
import { reviewUser, type UserContext } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/users';
import { ACCOUNT, daysAgo, license, settings, user } from '../fixtures';

const ALL_ACTIONS: ReclaimSupport = { actions: ['deactivate', 'delete'] };

function context(options: Partial<ReclamationSettings> = {}, licenses: IDataObject[] = [license('pro', { unit_amount: 90 })], extra: Partial<UserContext> = {}): UserContext {
	const chosen = settings(options);
	const book = new LicenseBook(ACCOUNT, chosen);
	book.add(licenses);
	return { account: ACCOUNT, book, support: ALL_ACTIONS, settings: chosen, ...extra };
}

function identity(people: IDataObject[]) {
	const builder = new IdentityDirectoryBuilder({ id: 'idp', name: 'Okta · acme', integration: 'Okta', slug: 'okta' });
	builder.add(people);
	return builder.build(true);
}

describe('unused seats', () => {
	it('reports a paid seat whose holder was not seen for Unused After days, with the evidence', () => {
		const review = reviewUser(user('tom', { last_active_at: daysAgo(95), last_login_at: daysAgo(96) }), context());
		expect(review.finding).toEqual({
			kind: 'unused_seat',
			title: 'User tom (HubSpot · acme-eu): not seen for 95 days, holds pro, EUR 90.00 a month',
			reason: `Last used ${daysAgo(95).slice(0, 10)}; unused means no activity for 90+ days`,
			account_id: ACCOUNT.id,
			account_name: ACCOUNT.name,
			integration: 'HubSpot',
			integration_slug: 'hubspot',
			user_id: 'tom',
			user_name: 'User tom',
			user_email: 'tom@acme.com',
			user_status: 'active',
			user_type: 'user',
			user_created_at: daysAgo(500),
			last_seen: daysAgo(95),
			days_idle: 95,
			licenses: 'pro',
			license_ids: 'pro',
			seats: 1,
			monthly_cost: 90,
			currency: 'EUR',
			unpriced_seats: 0,
			price: 'app',
			reclaim_action: 'deactivate',
			reclaim_actions: 'deactivate, delete',
			reclaim_how: 'User → Deactivate (Truto: POST users/deactivate)',
			reclaim_irreversible: false,
			reclaim_undo: 'Reactivate the user in the app (Truto lists no reactivate method)',
			reclaim_group_id: null,
			reclaim_group_name: null,
			reclaim_note: null,
		});
		// Every field is a plain value: n8n shows them as columns, and nested objects cost memory per item.
		expect(Object.values(review.finding as object).every((value) => value === null || typeof value !== 'object')).toBe(true);
	});

	it('counts from the day: 89 days is not unused, 90 is', () => {
		expect(reviewUser(user('a', { last_active_at: daysAgo(89.9) }), context()).finding).toBeUndefined();
		expect(reviewUser(user('b', { last_active_at: daysAgo(90) }), context()).finding?.kind).toBe('unused_seat');
		expect(reviewUser(user('c', { last_active_at: null, last_login_at: daysAgo(91) }), context()).finding?.kind).toBe('unused_seat');
	});

	it('adds up a user holding several licenses, and lists only the seats not used', () => {
		const licenses = [license('sales', { unit_amount: 90 }), license('core', { unit_amount: 15 }), license('copilot', { unit_amount: 19 })];
		const both = reviewUser(user('u', { licenses: [{ id: 'sales' }, { id: 'core' }], last_active_at: daysAgo(120) }), context({}, licenses));
		expect(both.finding).toMatchObject({ seats: 2, monthly_cost: 105, currency: 'EUR' });
		// Seen yesterday, but Truto says the Copilot seat itself was last used 200 days ago.
		const perLicense = reviewUser(
			user('v', { licenses: [{ id: 'sales', last_active_at: daysAgo(1) }, { id: 'copilot', last_active_at: daysAgo(200) }] }),
			context({}, licenses),
		);
		expect(perLicense.finding).toMatchObject({ kind: 'unused_seat', seats: 1, monthly_cost: 19, licenses: 'copilot', license_ids: 'copilot', days_idle: 200, last_seen: daysAgo(200) });
		expect(perLicense.finding?.title).toMatch(/not seen for 200 days, holds copilot/);
		expect(perLicense.finding?.reason).toMatch(/the user was active elsewhere in the app on/);
	});

	it('never adds across currencies, and says when a price is missing', () => {
		const licenses = [license('usd', { unit_amount: 10, currency: 'USD' }), license('eur', { unit_amount: 20, currency: 'EUR' }), license('free-text', { unit_amount: null, currency: null })];
		const mixed = reviewUser(user('m', { licenses: [{ id: 'usd' }, { id: 'eur' }], last_active_at: daysAgo(200) }), context({}, licenses)).finding;
		expect(mixed).toMatchObject({ monthly_cost: null, currency: null, costs: [{ currency: 'EUR', monthly_amount: 20, seats: 1 }, { currency: 'USD', monthly_amount: 10, seats: 1 }] });
		expect(mixed?.title).toMatch(/EUR 20\.00 \+ USD 10\.00 a month$/);
		const unknown = reviewUser(user('n', { licenses: [{ id: 'free-text' }], last_active_at: daysAgo(200) }), context({}, licenses)).finding;
		expect(unknown).toMatchObject({ monthly_cost: null, price: 'unknown', unpriced_seats: 1 });
		expect(unknown?.title).toMatch(/price unknown$/);
	});

	it('reports a user deactivated in the app who still holds paid seats', () => {
		const review = reviewUser(user('d', { status: 'inactive', last_active_at: daysAgo(5) }), context());
		expect(review.finding).toMatchObject({ kind: 'unused_seat', monthly_cost: 90 });
		expect(review.finding?.title).toMatch(/inactive in the app but still holds pro/);
	});

	it('ignores free licenses and users without paid seats', () => {
		const free = [license('view', { is_paid: false })];
		expect(reviewUser(user('f', { licenses: [{ id: 'view' }], last_active_at: daysAgo(300) }), context({}, free)).finding).toBeUndefined();
		expect(reviewUser(user('g', { licenses: [], last_active_at: daysAgo(300) }), context()).finding).toBeUndefined();
	});

	it('counts every user as one seat in an app that lists no licenses, priced as entered for the integration', () => {
		const prices = [{ integration: 'hubspot', monthlyAmount: 12, currency: 'USD' }];
		const review = reviewUser(user('z', { licenses: undefined, last_active_at: daysAgo(300) }), context({ prices }, []));
		expect(review.finding).toMatchObject({ kind: 'unused_seat', seats: 1, monthly_cost: 12, currency: 'USD', price: 'entered' });
		expect(reviewUser(user('y', { licenses: undefined, last_active_at: daysAgo(300) }), context({}, [])).finding).toMatchObject({ price: 'unknown' });
	});
});

describe('never used, and no data', () => {
	it('holds back a user with no activity dates added before the grace period as never used', () => {
		const review = reviewUser(user('s', { last_active_at: null, last_login_at: null, created_at: daysAgo(120) }), context());
		expect(review.finding).toBeUndefined();
		expect(review.neverUsed).toMatchObject({ kind: 'never_used', days_idle: null, last_seen: null, monthly_cost: 90 });
		expect(review.neverUsed?.title).toMatch(/never active since being added 120 days ago/);
		expect(review.hasActivity).toBe(false);
	});

	it('leaves new users alone (grace period) and cannot judge users without a creation date', () => {
		expect(reviewUser(user('new', { last_active_at: null, last_login_at: null, created_at: daysAgo(5) }), context())).toMatchObject({ note: 'grace' });
		expect(reviewUser(user('new', { last_active_at: null, last_login_at: null, created_at: daysAgo(5) }), context({ graceDays: 0 })).neverUsed?.kind).toBe('never_used');
		const undated = reviewUser(user('x', { last_active_at: null, last_login_at: null, created_at: null }), context());
		expect(undated.note).toBe('unknown');
		expect(undated.finding ?? undated.neverUsed).toBeUndefined();
	});
});

describe('safeguards', () => {
	it("keeps Truto's documented service-account type apart, whatever the case", () => {
		// Truto documents user_type service-account (with a hyphen); it is never an unused seat.
		for (const userType of ['service-account', 'Service-Account', ' SERVICE-ACCOUNT ']) {
			const review = reviewUser(user('svc', { user_type: userType, last_active_at: daysAgo(400) }), context());
			expect(review.note).toBe('service');
			expect(review.finding).toBeUndefined();
		}
		// A deactivated service account holding a seat is not reported either.
		expect(reviewUser(user('svc', { user_type: 'service-account', status: 'inactive' }), context()).finding).toBeUndefined();
		// One list, Truto's spelling first, the raw spellings apps send kept.
		expect(SERVICE_ACCOUNT_TYPES[0]).toBe('service-account');
		expect(SERVICE_ACCOUNT_TYPES).toEqual(expect.arrayContaining(['service_account', 'machine', 'bot']));
	});

	it('keeps service accounts apart', () => {
		for (const userType of ['machine', 'Bot', 'service_account']) {
			const review = reviewUser(user('bot', { user_type: userType, last_active_at: daysAgo(400) }), context());
			expect(review.note).toBe('service');
			expect(review.finding).toBeUndefined();
		}
	});

	it('never reports exempt people, by email or domain, in any case', () => {
		const idle = { last_active_at: daysAgo(400) };
		expect(reviewUser(user('ceo', idle), context({ exemptEmails: new Set(['ceo@acme.com']) })).note).toBe('exempt');
		expect(reviewUser(user('x', { ...idle, emails: [{ email: 'X@Partner.example' }] }), context({ exemptDomains: new Set(['partner.example']) })).note).toBe('exempt');
		expect(reviewUser(user('y', idle), context({ exemptDomains: new Set(['partner.example']) })).finding?.kind).toBe('unused_seat');
	});

	it('skips deleted users and reports only the finding types asked for', () => {
		expect(reviewUser(user('del', { status: 'deleted', last_active_at: daysAgo(400) }), context()).note).toBe('deleted');
		expect(reviewUser(user('u', { last_active_at: daysAgo(400) }), context({ types: new Set(['neverUsed']) })).finding).toBeUndefined();
	});
});

describe('orphaned accounts', () => {
	const people = identity([
		user('gone', { emails: [{ email: 'Leaver@ACME.com' }], status: 'inactive' }),
		user('here', { emails: [{ email: 'stayer@acme.com' }] }),
		user('old', { emails: [{ email: 'twin@acme.com' }], status: 'suspended' }),
		user('new', { emails: [{ email: 'TWIN@acme.com' }], status: 'active' }),
	]);

	it('reports a person deactivated in the identity provider but active in the app (email in any case)', () => {
		const review = reviewUser(user('leaver', { emails: [{ email: 'leaver@acme.com', is_primary: true }] }), context({}, undefined, { identity: people }));
		expect(review.finding).toMatchObject({
			kind: 'orphaned_account',
			monthly_cost: 90,
			identity_provider: 'Okta · acme',
			identity_match: 'deactivated',
			identity_people: 'Leaver@ACME.com inactive',
		});
	});

	it('reports a person absent from the provider, but not a brand-new account (not provisioned yet)', () => {
		expect(reviewUser(user('absent'), context({}, undefined, { identity: people })).finding).toMatchObject({ kind: 'orphaned_account', identity_match: 'absent', identity_people: '' });
		expect(reviewUser(user('absent', { created_at: daysAgo(3) }), context({}, undefined, { identity: people })).finding).toBeUndefined();
	});

	it('reports orphans even without a paid seat, and prefers them to unused', () => {
		expect(reviewUser(user('leaver', { emails: [{ email: 'leaver@acme.com' }], licenses: [] }), context({}, undefined, { identity: people })).finding).toMatchObject({ kind: 'orphaned_account', seats: 0, price: 'none', monthly_cost: null });
		expect(reviewUser(user('leaver', { emails: [{ email: 'leaver@acme.com' }], last_active_at: daysAgo(300) }), context({}, undefined, { identity: people })).finding?.kind).toBe('orphaned_account');
	});

	it('puts where a user stands in the identity provider on every user finding, also of users already inactive in the app', () => {
		const inactive = reviewUser(user('leaver', { emails: [{ email: 'leaver@acme.com' }], status: 'inactive' }), context({}, undefined, { identity: people }));
		expect(inactive.finding).toMatchObject({ kind: 'unused_seat', identity_provider: 'Okta · acme', identity_match: 'deactivated', identity_people: 'Leaver@ACME.com inactive' });
		const absent = reviewUser(user('ghost', { status: 'suspended' }), context({}, undefined, { identity: people }));
		expect(absent.finding).toMatchObject({ kind: 'unused_seat', identity_provider: 'Okta · acme', identity_match: 'absent', identity_people: '' });
		const idle = reviewUser(user('stayer', { last_active_at: daysAgo(120) }), context({}, undefined, { identity: people }));
		expect(idle.finding).toMatchObject({ kind: 'unused_seat', identity_match: 'present', identity_people: 'stayer@acme.com active' });
		// Only where it stands: a user gone from the app is still never called orphaned, nor counted outside.
		expect(reviewUser(user('c', { emails: [{ email: 'c@agency.example' }], status: 'inactive' }), context({}, undefined, { identity: people }))).toMatchObject({
			finding: { kind: 'unused_seat', identity_match: 'outside' },
			outsideIdentity: false,
		});
	});

	it('does not call a user orphaned who is already deactivated in the app, or outside the provider\'s domains', () => {
		expect(reviewUser(user('leaver', { emails: [{ email: 'leaver@acme.com' }], status: 'inactive' }), context({}, undefined, { identity: people })).finding?.kind).toBe('unused_seat');
		const outside = reviewUser(user('contractor', { emails: [{ email: 'c@agency.example' }] }), context({}, undefined, { identity: people }));
		expect(outside.outsideIdentity).toBe(true);
		expect(outside.finding).toBeUndefined();
	});

	it('reports an ambiguous match as such, or as evidence on an unused seat', () => {
		const active = reviewUser(user('twin', { emails: [{ email: 'twin@acme.com' }] }), context({}, undefined, { identity: people }));
		expect(active.finding).toMatchObject({ kind: 'ambiguous_identity', identity_match: 'ambiguous', identity_people: 'twin@acme.com suspended, TWIN@acme.com active' });
		const idle = reviewUser(user('twin', { emails: [{ email: 'twin@acme.com' }], last_active_at: daysAgo(200) }), context({}, undefined, { identity: people }));
		expect(idle.finding).toMatchObject({ kind: 'unused_seat', identity_match: 'ambiguous' });
	});

	it('reports two app accounts with the same email each on their own', () => {
		const findings = ['a', 'b'].map((id) => reviewUser(user(id, { emails: [{ email: 'leaver@acme.com' }] }), context({}, undefined, { identity: people })).finding);
		expect(findings.map((finding) => finding?.user_id)).toEqual(['a', 'b']);
		expect(findings.every((finding) => finding?.kind === 'orphaned_account')).toBe(true);
	});
});

describe('what can be done about a seat', () => {
	const meta = (body: MethodMeta['body']): MethodMeta => ({ query: [], body, defaultQuery: {}, defaultBody: {} });
	const statusField = (extra: Partial<ParameterSpec> = {}): ParameterSpec => ({ name: 'status', type: 'string', required: false, ...extra });
	const idle = { last_active_at: daysAgo(300) };
	const withSupport = (support: ReclaimSupport, extra: IDataObject = {}) => reviewUser(user('u', { ...idle, ...extra }), context({}, undefined, { support })).finding;

	it('suggests what frees the seat, reversible first: deactivate, suspend, a status update the metadata accepts, delete last', () => {
		const everything = reclaimSupport(new Map([['users', ['list', 'update', 'delete', 'suspend', 'deactivate']]]), false, meta([statusField()]));
		expect(everything.actions).toEqual(['deactivate', 'suspend', 'setInactive', 'delete']);
		expect(withSupport(everything)).toMatchObject({ reclaim_action: 'deactivate', reclaim_actions: 'deactivate, suspend, setInactive, delete', reclaim_irreversible: false });

		const byStatus = reclaimSupport(new Map([['users', ['list', 'update', 'delete']]]), false, meta([statusField({ enum: ['active', 'inactive'] })]));
		expect(withSupport(byStatus)).toMatchObject({ reclaim_action: 'setInactive', reclaim_how: 'User → Update with status "inactive"', reclaim_undo: expect.stringMatching(/previous status/) });
	});

	it('offers no status update where the update metadata has no status field, cannot say inactive, or did not answer', () => {
		const users = new Map([['users', ['list', 'update', 'delete']]]);
		for (const updateMeta of [meta([{ name: 'title', type: 'string', required: false }]), meta([statusField({ enum: ['active', 'archived'] })]), undefined]) {
			expect(reclaimSupport(users, false, updateMeta).actions).toEqual(['delete']);
		}
		const onlyDelete = withSupport(reclaimSupport(users, false, undefined));
		expect(onlyDelete).toMatchObject({ reclaim_action: 'delete', reclaim_irreversible: true, reclaim_how: 'User → Delete (irreversible)', reclaim_note: expect.stringMatching(/cannot be undone/) });
	});

	it('never suggests group removal: no group is known to grant a license', () => {
		const support = reclaimSupport(new Map([['groups', ['remove-user']], ['users', ['list']]]), false, undefined);
		expect(support.actions).toEqual([]);
		const finding = withSupport(support, { groups: [{ id: 'team-1', name: 'Sales' }] });
		expect(finding).toMatchObject({ reclaim_action: null, reclaim_actions: '', reclaim_group_id: null, reclaim_group_name: null, reclaim_note: expect.stringMatching(/reclaim it by hand in the app/) });
	});

	it('does not deactivate again a user already inactive who still holds paid seats', () => {
		const support = reclaimSupport(new Map([['users', ['list', 'deactivate', 'update', 'delete']]]), false, meta([statusField()]));
		const inactive = withSupport(support, { status: 'inactive' });
		expect(inactive).toMatchObject({ kind: 'unused_seat', reclaim_action: 'delete', reclaim_actions: 'delete', reclaim_note: expect.stringMatching(/already inactive .*frees nothing\. Unassign the license in the app, or delete/) });
		const noDelete = withSupport(reclaimSupport(new Map([['users', ['list', 'suspend']]]), false), { status: 'suspended' });
		expect(noDelete).toMatchObject({ reclaim_action: null, reclaim_note: expect.stringMatching(/already suspended .*Unassign the license in the app\.$/) });
	});

	it('suggests nothing on a read-only account or when the capabilities did not answer, saying so', () => {
		expect(withSupport(reclaimSupport(undefined, true))).toMatchObject({ reclaim_action: null, reclaim_actions: '', reclaim_how: null, reclaim_note: expect.stringMatching(/read-only/) });
		expect(withSupport(reclaimSupport(undefined, false))).toMatchObject({ reclaim_action: null, reclaim_note: expect.stringMatching(/capabilities did not answer/) });
	});
});
