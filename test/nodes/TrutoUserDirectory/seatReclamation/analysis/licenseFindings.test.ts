import { LicenseBook } from '../../../../../nodes/TrutoUserDirectory/estate/licenses';
import { licenseFindings, overAssigned } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/licenseFindings';
import type { FindingType, ReclamationSettings } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/types';
import { ACCOUNT, daysAgo, license, settings } from '../fixtures';

function findings(records: ReturnType<typeof license>[], options: Partial<ReclamationSettings> = {}) {
	const chosen = settings(options);
	const book = new LicenseBook(ACCOUNT, chosen);
	book.add(records);
	return { findings: licenseFindings(book, ACCOUNT, chosen), book };
}

describe('license findings', () => {
	it('reports unassigned paid seats with what they cost', () => {
		const [finding] = findings([license('core', { available_quantity: 8, assigned_quantity: 7, unit_amount: 15 })]).findings;
		expect(finding).toEqual({
			kind: 'unassigned_seats',
			title: '1 unassigned seat of core (HubSpot · acme-eu), EUR 15.00 a month',
			reason: '7 of 8 seats assigned (88%): 1 paid seat nobody holds',
			account_id: ACCOUNT.id,
			account_name: 'HubSpot · acme-eu',
			integration: 'HubSpot',
			integration_slug: 'hubspot',
			license_id: 'core',
			license_name: 'core',
			seats_available: 8,
			seats_assigned: 7,
			utilization: 0.875,
			seats: 1,
			monthly_cost: 15,
			currency: 'EUR',
			unpriced_seats: 0,
			price: 'app',
			reclaim_action: null,
			recommended_seats: null,
			reclaim_note: expect.stringMatching(/Lower the seat count with the vendor/),
		});
	});

	it('reports a license used below the threshold as underused instead (one finding per license)', () => {
		const { findings: found } = findings([license('service', { available_quantity: 6, assigned_quantity: 2, unit_amount: 100 })]);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ kind: 'underused_license', seats: 4, monthly_cost: 400 });
		expect(found[0].reason).toMatch(/2 of 6 seats assigned \(33%\), below the 50% threshold/);
		expect(found[0]).toMatchObject({ reclaim_action: null, recommended_seats: 3 });
	});

	it('uses the threshold given: at 30 % the same license only has unassigned seats', () => {
		const [finding] = findings([license('service', { available_quantity: 6, assigned_quantity: 2 })], { underusedBelow: 0.3 }).findings;
		expect(finding.kind).toBe('unassigned_seats');
	});

	it('reports only the finding types asked for', () => {
		const both = [license('a', { available_quantity: 10, assigned_quantity: 1 }), license('b', { available_quantity: 10, assigned_quantity: 9 })];
		const only = (types: FindingType[]) => findings(both, { types: new Set(types) }).findings.map((finding) => `${finding.kind}:${finding.license_id}`);
		expect(only(['underusedLicense'])).toEqual(['underused_license:a']);
		expect(only(['unassignedSeats'])).toEqual(['unassigned_seats:a', 'unassigned_seats:b']);
		expect(only(['unusedSeat'])).toEqual([]);
	});

	it('finds nothing to give back on an over-assigned license, and counts it', () => {
		const { findings: found, book } = findings([license('sales', { available_quantity: 4, assigned_quantity: 6 })]);
		expect(found).toEqual([]);
		expect(overAssigned(book)).toBe(1);
	});

	it('leaves licenses bought within the grace period alone', () => {
		const fresh = license('content', { available_quantity: 5, assigned_quantity: 1, created_at: daysAgo(10) });
		expect(findings([fresh]).findings).toEqual([]);
		expect(findings([fresh], { graceDays: 5 }).findings).toHaveLength(1);
	});

	it('ignores free licenses (is_paid false, or a price of 0)', () => {
		const free = [license('view', { available_quantity: 100, assigned_quantity: 1, is_paid: false }), license('chatter', { available_quantity: 50, assigned_quantity: 1, unit_amount: 0 })];
		expect(findings(free).findings).toEqual([]);
	});

	it('says when a license has no price, and takes an entered one', () => {
		const unpriced = license('jira', { available_quantity: 10, assigned_quantity: 2, unit_amount: null, currency: null });
		expect(findings([unpriced]).findings[0]).toMatchObject({ monthly_cost: null, currency: null, unpriced_seats: 8, price: 'unknown' });
		expect(findings([unpriced]).findings[0].title).toMatch(/price unknown$/);
		const priced = findings([unpriced], { prices: [{ integration: 'HubSpot', license: 'jira', monthlyAmount: 7.75, currency: 'USD' }] }).findings[0];
		expect(priced).toMatchObject({ monthly_cost: 62, currency: 'USD', price: 'entered' });
	});

	it('gives no finding without seat counts', () => {
		expect(findings([license('atlassian', { available_quantity: null, assigned_quantity: null })]).findings).toEqual([]);
	});
});
