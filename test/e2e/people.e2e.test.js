'use strict';
// @ts-check
/**
 * People and access in a real n8n, one `n8n execute` per version: Person → Find Accounts finds exactly
 * the sandbox's users of a person (another email than the primary, one email twice in one app) and
 * names the accounts it could not search; Access Review → Find Privileged Access lists exactly the
 * sandbox's privileged users, flagged ones first, and attaches its CSV.
 */
const { ACCOUNTS, describeInN8n } = require('./setup');
const { itemsOf } = require('../../dev/n8n');
const { trutoNode, manualWorkflow, byId } = require('../../dev/workflows');
const { PRIVILEGED } = require('../helpers/people');

const person = (emails, extra = {}) => ({ resource: 'person', operation: 'findAccounts', emails, accountScope: 'all', options: {}, ...extra });
const access = (extra = {}) => ({ resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'all', options: {}, ...extra });

const people = manualWorkflow('trutoE2ePeople1', [
	trutoNode('Maria', person('Maria.Garcia@acme.com')),
	trutoNode('Jonas', person('jonas.weber@acme.com')),
	trutoNode('Many People', person('maria.garcia@acme.com, jonas.weber@acme.com, emma.jensen@acme.com, ava@acme.com, ingrid.larsen@acme.com, nobody@acme.com')),
	trutoNode('Privileged Access', access({ identityProvider: byId(ACCOUNTS.workforce), options: { csvFile: true } })),
]);

const MARIA = ['hubspot:5100001', 'okta:00uabf2f0409220c1821', 'salesforce:0055g00000A1b2cAAA', 'webex:Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE'];
const JONAS = ['hubspot:5100005', 'hubspot:5100006', 'okta:00u1c1de0694d92ccf8c'];

const ofKind = (items, kind) => items.filter((item) => item.kind === kind);
const found = (items, email) => ofKind(items, 'account').filter((item) => !email || item.email === email).map((item) => `${item.integration_slug}:${item.user_id}`).sort();

describeInN8n('n8n %s people and access', {}, (e2e) => {
	/** @type {any} */ let execution;
	beforeAll(async () => {
		await e2e.n8n.importWorkflow(people);
		const result = await e2e.n8n.execute(people.id);
		expect(result.exitCode).toBe(0);
		execution = result.execution;
	});

	it('finds exactly the accounts of a person, by another email than the primary too, and names the accounts not checked', () => {
		const items = itemsOf(execution, 'Maria');
		expect(found(items)).toEqual(MARIA);
		expect(ofKind(items, 'account').find((item) => item.integration_slug === 'webex')).toMatchObject({ matched_by: 'other email', user_email: 'maria.garcia@acme-webex.com' });
		expect(ofKind(items, 'not_checked').map((item) => item.account_id).sort()).toEqual([ACCOUNTS.blocked, ACCOUNTS.okta].sort());
		expect(items[items.length - 1]).toMatchObject({ kind: 'summary', found_in: 4, active_in: 4, held: [{ currency: 'EUR', monthly_amount: 105, seats: 2 }, { currency: 'USD', monthly_amount: 173, seats: 3 }] });
	});

	it('reports both users of an email that is twice in one app', () => {
		expect(found(itemsOf(execution, 'Jonas'))).toEqual(JONAS);
	});

	it('with many people reads each account once and finds the same users', () => {
		const items = itemsOf(execution, 'Many People');
		expect(found(items, 'maria.garcia@acme.com')).toEqual(MARIA);
		expect(found(items, 'jonas.weber@acme.com')).toEqual(JONAS);
		expect(found(items, 'nobody@acme.com')).toEqual([]);
		expect(items[items.length - 1].lookups).toMatchObject({ email_filter: 0 });
	});

	it('lists exactly the privileged users, flagged ones first, service accounts apart, with a CSV', () => {
		const items = itemsOf(execution, 'Privileged Access');
		expect(ofKind(items, 'privileged_access').map((item) => `${item.integration_slug}:${item.user_email}`).sort()).toEqual(PRIVILEGED);
		expect(ofKind(items, 'privileged_access').slice(0, 2).map((item) => item.flags)).toEqual([['deactivated in identity provider'], ['absent from identity provider']]);
		expect(ofKind(items, 'privileged_service_account').map((item) => item.user_email)).toEqual(['automation@connect.atlassian.com']);
		const output = execution.data.resultData.runData['Privileged Access'][0].data.main[0];
		expect(output[output.length - 1].binary?.data).toMatchObject({ mimeType: 'text/csv' });
	});
});
