import type { IDataObject } from 'n8n-workflow';

import { summaryItem } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/summary';
import { type AccountOutcome, type AccountRef, accountFields } from '../../../../../nodes/TrutoUserDirectory/estate/types';
import type { Finding } from '../../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/types';
import { settings } from '../fixtures';

const hubspot: AccountRef = { id: 'h', name: 'HubSpot · acme-eu', integration: 'HubSpot', slug: 'hubspot' };
const salesforce: AccountRef = { id: 's', name: 'Salesforce · acme', integration: 'Salesforce', slug: 'salesforce' };
const okta: AccountRef = { id: 'o', name: 'Okta · acme', integration: 'Okta', slug: 'okta' };

/** A finding as the review makes it: money as monthly_cost and currency, or costs for several currencies. */
function finding(kind: Finding['kind'], account: AccountRef, costs: IDataObject[], unpriced = 0): Finding {
	const seats = costs.reduce((sum, cost) => sum + Number(cost.seats), 0) + unpriced;
	const money = costs.length === 1 ? { monthly_cost: costs[0].monthly_amount, currency: costs[0].currency } : { monthly_cost: null, currency: null, ...(costs.length ? { costs } : {}) };
	return { kind, ...accountFields(account), title: `${kind} in ${account.name}`, seats, ...money, unpriced_seats: unpriced };
}

const findings: Finding[] = [
	finding('unused_seat', salesforce, [{ currency: 'USD', monthly_amount: 165, seats: 1 }]),
	finding('unassigned_seats', salesforce, [{ currency: 'USD', monthly_amount: 1320, seats: 8 }]),
	finding('orphaned_account', hubspot, [{ currency: 'EUR', monthly_amount: 90, seats: 1 }]),
	finding('never_used', hubspot, [{ currency: 'EUR', monthly_amount: 15, seats: 1 }, { currency: 'USD', monthly_amount: 10, seats: 1 }]),
	finding('unused_seat', hubspot, [], 2),
	// To check by hand: not counted as money to reclaim.
	finding('ambiguous_identity', salesforce, [{ currency: 'USD', monthly_amount: 999, seats: 1 }]),
];
const outcomes: AccountOutcome[] = [
	{ account: salesforce, status: 'checked', gaps: [] },
	{ account: hubspot, status: 'partly_checked', gaps: [{ part: 'users', reason: 'Truto marked 1 of 3 pages as partial', fix: 'Run again later.' }] },
	{
		account: okta,
		status: 'not_checked',
		gaps: [
			{ part: 'licenses', reason: 'blocked', fix: 'Unblock it.' },
			{ part: 'users', reason: 'blocked', fix: 'Unblock it.' },
		],
	},
];

describe('the summary item', () => {
	const summary = summaryItem(findings, outcomes, { settings: settings(), unmatchedIntegrations: ['zoomm'] });

	it('totals seats and money per currency, never across currencies, with unpriced seats apart', () => {
		expect(summary.to_reclaim).toEqual([
			{ currency: 'EUR', monthly_amount: 105, seats: 2 },
			{ currency: 'USD', monthly_amount: 1495, seats: 10 },
		]);
		expect(summary.unpriced_seats).toBe(2);
		expect(summary.seats).toBe(14);
		expect(summary.findings).toEqual({ unused_seat: 2, unassigned_seats: 1, orphaned_account: 1, never_used: 1, ambiguous_identity: 1 });
	});

	it('counts accounts checked and not, with each reason and fix', () => {
		expect(summary.accounts).toEqual({ total: 3, checked: 1, partly_checked: 1, not_checked: 1 });
		expect(summary.not_checked).toEqual([
			{ account: 'HubSpot · acme-eu', account_id: 'h', status: 'partly_checked', part: 'users', reason: 'Truto marked 1 of 3 pages as partial', fix: 'Run again later.' },
			{ account: 'Okta · acme', account_id: 'o', status: 'not_checked', part: 'licenses', reason: 'blocked', fix: 'Unblock it.' },
			{ account: 'Okta · acme', account_id: 'o', status: 'not_checked', part: 'users', reason: 'blocked', fix: 'Unblock it.' },
		]);
		expect(summary.unmatched_integrations).toEqual(['zoomm']);
	});

	it('carries a digest ready to post: money per currency, findings, accounts not checked, the biggest findings', () => {
		const lines = String(summary.text).split('\n');
		expect(lines[0]).toBe('*Seat reclamation: 14 seats to reclaim, EUR 105.00 + USD 1,495.00 a month*');
		expect(lines).toContain('• EUR 105.00 a month (2 seats)');
		expect(lines).toContain('• USD 1,495.00 a month (10 seats)');
		expect(lines).toContain('• 2 seats without a price: enter one under Options → Prices');
		expect(lines).toContain(
			'Findings: 2 unused seats, 1 never used, 1 license with unassigned seats, 1 orphaned account, 1 ambiguous identity to check by hand',
		);
		expect(lines).toContain('Accounts: 1 checked, 1 partly checked, 1 not checked:');
		expect(lines).toContain('• HubSpot · acme-eu (users): Truto marked 1 of 3 pages as partial');
		// One line per account and reason, whatever parts failed for it.
		expect(lines.filter((line) => line.startsWith('• Okta · acme'))).toEqual(['• Okta · acme (licenses): blocked']);
		expect(lines).toContain('No integrated account of: zoomm');
		const biggest = lines.indexOf('Biggest findings:');
		expect(lines.slice(biggest + 1, biggest + 3)).toEqual(['1. unassigned_seats in Salesforce · acme', '2. unused_seat in Salesforce · acme']);
		expect(lines.join('\n')).not.toMatch(/ambiguous_identity in/);
	});

	it('says when the identity provider could not be read', () => {
		const provider = { account: okta, status: 'not_checked' as const, gaps: [{ part: 'identity provider' as const, reason: 'needs reauth', fix: 'Reconnect.' }], people: 0 };
		const text = String(summaryItem([], [outcomes[0]], { settings: settings(), identityProvider: provider }).text);
		expect(text).toMatch(/• Okta · acme \(identity provider\): needs reauth/);
		expect(text).toMatch(/Orphaned accounts were not checked: Okta · acme could not be read/);
	});
});

describe("the period of the apps' prices", () => {
	// Truto documents unit_amount without a billing period: "a month" is a fact only where the user said so.
	const priced = (price: string) => [{ ...finding('unused_seat', salesforce, [{ currency: 'USD', monthly_amount: 165, seats: 1 }]), price }];

	it('says the money is "a month, as the apps report them" when app prices count and the period was not set', () => {
		const summary = summaryItem(priced('app'), [outcomes[0]], { settings: settings() });
		expect(summary.title).toBe('Seat reclamation: 1 seat to reclaim, USD 165.00 a month, as the apps report them');
		expect(summary.app_prices_per).toBeNull();
	});

	it('says "a month" when the user set the period, or when every price was entered', () => {
		const set = summaryItem(priced('app'), [outcomes[0]], { settings: { ...settings(), appPricesPer: 'year' } });
		expect(set.title).toBe('Seat reclamation: 1 seat to reclaim, USD 165.00 a month');
		expect(set.app_prices_per).toBe('year');
		expect(summaryItem(priced('entered'), [outcomes[0]], { settings: settings() }).title).toBe('Seat reclamation: 1 seat to reclaim, USD 165.00 a month');
	});
});
