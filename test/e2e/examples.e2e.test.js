'use strict';
// @ts-check
/**
 * The seat-reclamation example, run as users run it: the real workflow file in a real n8n, its
 * report delivered to a Slack webhook and an SMTP server started by the test. The expected report
 * is worked out here from the sandbox's own data.
 */
const { itemsOf } = require('../../dev/n8n');
const { seatReclamationWorkflow, REPORT_TO } = require('../../dev/workflows');
const { ACCOUNTS, describeInN8n, withReceivers, listDirect } = require('./setup');

const DAY = 24 * 60 * 60 * 1000;

/** What the report must say, from the sandbox's data and the rules the README states. */
async function expectedReport(sandbox, inactiveDays) {
	const query = { integrated_account_id: ACCOUNTS.salesforce };
	const users = await listDirect(sandbox, '/unified/user-directory/users', query);
	const licenses = await listDirect(sandbox, '/unified/user-directory/licenses', query);
	const price = new Map(licenses.map((license) => [license.id, license.unit_amount ?? 0]));
	const lastSeen = (user) => user.last_active_at ?? user.last_login_at;
	// Inactive Days: last active (else last login) at least N days ago; Users Without Activity Data: Include.
	const inactive = users.filter((user) => lastSeen(user) && Date.now() - Date.parse(lastSeen(user)) >= inactiveDays * DAY);
	const noData = users.filter((user) => !lastSeen(user));
	const listed = users.filter((user) => inactive.includes(user) || noData.includes(user));
	const unused = licenses.filter((license) => license.available_quantity > license.assigned_quantity);
	const savings =
		unused.reduce((sum, license) => sum + (license.available_quantity - license.assigned_quantity) * (license.unit_amount ?? 0), 0) +
		inactive.reduce((sum, user) => sum + (user.licenses ?? []).reduce((s, held) => s + (price.get(held.id) ?? 0), 0), 0);
	return { users, listed, licenses, inactive, noData, unused, savings };
}

describeInN8n('seat-reclamation example in n8n %s', withReceivers(), (e2e) => {
	/** @type {any} */ let run;
	/** @type {any} */ let expected;

	beforeAll(async () => {
		expected = await expectedReport(e2e.sandbox, 90);
		const workflow = seatReclamationWorkflow({ slackUrl: e2e.slack.url });
		await e2e.n8n.importWorkflow(workflow);
		run = await e2e.n8n.execute(workflow.id);
	});

	const report = () => itemsOf(run.execution, 'Build Report')[0];

	it('runs to the end', () => {
		expect(run.execution).not.toBeNull();
		expect(run.exitCode).toBe(0);
		expect(itemsOf(run.execution, 'List Licenses')).toHaveLength(expected.licenses.length);
	});

	it('lists only the inactive users and those without activity data (Inactive Days in the node)', () => {
		expect(expected.listed.length).toBeLessThan(expected.users.length);
		expect(itemsOf(run.execution, 'List Inactive Users').map((user) => user.id)).toEqual(expected.listed.map((user) => user.id));
		expect(report().noActivityData.map((user) => user.id)).toEqual(expected.noData.map((user) => user.id));
		expect(report().totals.users).toBe(expected.listed.length);
	});

	it('adds seats to every license (Seat Utilization in the node)', () => {
		const byId = new Map(itemsOf(run.execution, 'List Licenses').map((license) => [license.id, license]));
		for (const license of expected.licenses) {
			const unassigned = Math.max(0, license.available_quantity - license.assigned_quantity);
			const seats = byId.get(license.id).seats;
			expect(seats.available).toBe(license.available_quantity);
			expect(seats.assigned).toBe(license.assigned_quantity);
			expect(seats.unassigned).toBe(unassigned);
			expect(seats.utilization).toBeCloseTo(license.assigned_quantity / license.available_quantity, 4);
			expect(seats.unassigned_cost).toBeCloseTo(unassigned * license.unit_amount, 4);
			expect(seats.currency).toBe(license.currency);
		}
	});

	it('finds exactly the users inactive for 90+ days', () => {
		expect(expected.inactive.length).toBeGreaterThan(0);
		expect(report().inactiveUsers.map((user) => user.id).sort()).toEqual(expected.inactive.map((user) => user.id).sort());
		for (const user of report().inactiveUsers) expect(user.idleDays).toBeGreaterThanOrEqual(90);
	});

	it('finds the licenses with unused seats and what they cost', () => {
		const byId = new Map(report().unusedLicenses.map((license) => [license.id, license]));
		expect([...byId.keys()].sort()).toEqual(expected.unused.map((license) => license.id).sort());
		for (const license of expected.unused) {
			expect(byId.get(license.id).unusedSeats).toBe(license.available_quantity - license.assigned_quantity);
			expect(byId.get(license.id).monthlyCost).toBeCloseTo((license.available_quantity - license.assigned_quantity) * (license.unit_amount ?? 0));
			expect(byId.get(license.id).utilization).toBeCloseTo(license.assigned_quantity / license.available_quantity, 4);
		}
		expect(report().totals.monthlySavings).toBeCloseTo(expected.savings);
		expect(report().totals.currency).toBe('USD');
	});

	it('posts the report to Slack', () => {
		expect(e2e.slack.messages).toHaveLength(1);
		expect(e2e.slack.messages[0].body.text).toBe(report().text);
		expect(report().text).toContain(expected.inactive[0].last_name);
	});

	it('emails the report', () => {
		expect(e2e.smtp.mails).toHaveLength(1);
		expect(e2e.smtp.mails[0].to).toEqual([REPORT_TO]);
		expect(e2e.smtp.mails[0].subject).toBe(report().subject);
		expect(e2e.smtp.mails[0].text.replace(/\r/g, '').trim()).toBe(report().text.trim());
	});
});
