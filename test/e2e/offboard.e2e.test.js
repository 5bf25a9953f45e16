'use strict';
// @ts-check
/**
 * Offboarding in a real n8n, one per version, against the sandbox and the SMTP and Slack receivers.
 * First Person → Offboard by `n8n execute`: a Dry Run sends no write; then Maria Garcia is left inactive
 * or gone in every app that supports it (each write seen once in the sandbox's log with its
 * Idempotency-Key, the user read back after it) and the rest is listed; a second run sends no write.
 * Then the example "Offboard when the identity provider deactivates someone" in server mode: the poll
 * trigger sees Tom Becker, then Jonas Weber, deactivated in the identity provider; the reversible steps
 * go out, the approval email is answered through n8n's resume URL — approve for Tom (his HubSpot user
 * deleted), decline for Jonas (no delete sent) — the audit rows are read from n8n's Data Table and the
 * report from Slack and the mailbox.
 */
const { itemsOf } = require('../../dev/n8n');
const { trutoNode, manualWorkflow, offboardWorkflow, OFFBOARD_APPROVER, OFFBOARD_REPORT_TO } = require('../../dev/workflows');
const { AUDIT } = require('../../scripts/examples/offboard-on-deactivation');
const { MARIA_OFFBOARDING_WRITES } = require('../helpers/people');
const { ACCOUNTS, TOKEN, eventually, describeInN8n, withReceivers } = require('./setup');

const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36' };
const MARIA = 'maria.garcia@acme.com';
const offboard = (name, extra) =>
	trutoNode(name, { resource: 'person', operation: 'offboard', offboardInput: 'emails', emails: MARIA, accountScope: 'all', options: {}, offboardDryRun: false, offboardOptions: {}, ...extra });

// Run one after the other (the Manual Trigger's branches in order): plan, act (delete allowed), act again.
const direct = manualWorkflow('trutoE2eOffboard1', [
	offboard('Dry Run', { offboardDryRun: true }),
	offboard('Offboard', { offboardOptions: { allowDelete: true } }),
	offboard('Second Run', { offboardOptions: { allowDelete: true } }),
]);

const ofKind = (items, kind) => items.filter((item) => item.kind === kind);
const spread = (items) => ofKind(items, 'offboard_outcome').map((item) => `${item.integration_slug}:${item.outcome}`).sort();
/** Writes the node sent (each carries an Idempotency-Key; the test's own sandbox calls carry none). */
const nodeWrites = (requests) => requests.filter((request) => request.method !== 'GET' && request.headers['idempotency-key']);
const described = (request) => `${request.method} ${request.path}${request.body ? ` ${JSON.stringify(request.body)}` : ''}`;

/** The approve (true) or decline (false) link of a Send and Wait email. */
function answerLink(mail, approved) {
	const links = [...mail.text.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
	const link = links.find((href) => href.includes(`approved=${approved}`));
	if (!link) throw new Error(`no approved=${approved} link in the email to ${mail.to}`);
	return link;
}

/** Deactivates a user of the identity provider the way an admin would in Okta (Truto's custom method). */
async function deactivateInIdentityProvider(sandbox, userId) {
	const response = await fetch(`${sandbox.url}/unified/user-directory/users/deactivate?integrated_account_id=${ACCOUNTS.workforce}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify({ user_id: userId }),
	});
	expect(response.status).toBe(200);
}

describeInN8n('offboarding in n8n %s', withReceivers(), (e2e) => {
	describe('Person → Offboard', () => {
		/** @type {any} */ let execution;
		/** @type {any[]} */ let requests;
		beforeAll(async () => {
			await e2e.n8n.importWorkflow(direct);
			e2e.sandbox.clearRequests();
			const result = await e2e.n8n.execute(direct.id);
			expect(result.exitCode).toBe(0);
			execution = result.execution;
			requests = [...e2e.sandbox.requests];
		});

		it('plans with Dry Run, sending nothing', () => {
			const planned = itemsOf(execution, 'Dry Run');
			expect(spread(planned)).toEqual(['hubspot:planned', 'okta:planned', 'okta:skipped', 'salesforce:planned', 'webex:planned', 'zendesk:skipped']);
			expect(ofKind(planned, 'offboard_outcome').flatMap((item) => item.steps).every((step) => step.idempotency_key === null)).toBe(true);
			expect(planned[planned.length - 1]).toMatchObject({ kind: 'summary', dry_run: true, title: 'Offboarding (dry run): 4 accounts planned, nothing sent' });
		});

		it('leaves the person inactive or gone in every app that supports it, verified by reading back, and lists the rest', () => {
			const items = itemsOf(execution, 'Offboard');
			expect(spread(items)).toEqual(['hubspot:offboarded', 'okta:offboarded', 'okta:skipped', 'salesforce:offboarded', 'webex:offboarded', 'zendesk:skipped']);
			// Every write the sandbox saw is a step of this node, with its own key; none came from the dry run or the second run.
			const steps = ofKind(items, 'offboard_outcome').flatMap((item) => item.steps);
			const writes = nodeWrites(requests);
			expect(writes.map((request) => request.headers['idempotency-key']).sort()).toEqual(steps.map((step) => step.idempotency_key).sort());
			expect(nodeWrites(requests).length).toBe(requests.filter((request) => request.method !== 'GET').length);
			// Allow Delete is on here: HubSpot, still active after the reversible steps, is deleted last.
			expect(writes.map(described).sort()).toEqual([...MARIA_OFFBOARDING_WRITES, 'DELETE /unified/user-directory/users/5100001'].sort());
			// Each write is followed by a read of its user in that account.
			for (const write of writes) {
				const later = requests.slice(requests.indexOf(write) + 1);
				expect(later.some((request) => request.method === 'GET' && request.accountId === write.accountId && /\/users\/[^/]+$/.test(request.path))).toBe(true);
			}
			const summary = items[items.length - 1];
			expect(summary).toMatchObject({ kind: 'summary', outcomes: { offboarded: 4, skipped: 2, still_active: 0 } });
			expect(summary.still_active_in.map((entry) => entry.account_id).sort()).toEqual([ACCOUNTS.okta, ACCOUNTS.blocked].sort());
			expect(summary.text).toMatch(/still active in Okta · acme\.okta\.com \(maria\.garcia@acme\.com\): Could not be searched .*reconnect/);
		});

		it('sends no write on a second run: everything is already inactive or gone', () => {
			const again = itemsOf(execution, 'Second Run');
			expect(spread(again)).toEqual(['okta:already_inactive', 'okta:skipped', 'salesforce:already_inactive', 'webex:already_inactive', 'zendesk:skipped']);
			expect(again[again.length - 1].outcomes).toMatchObject({ already_inactive: 3, offboarded: 0 });
		});
	});

	describe('the example "Offboard when the identity provider deactivates someone"', () => {
		/** @type {any} */ let example;
		/** @type {Record<string, { execution: any, requests: any[], slack: string, mail: any, approval: any }>} */ const runs = {};
		/** @type {any[]} */ let rows;

		/** Deactivates the user in the identity provider, answers the approval, and collects what the run did. */
		async function offboardAfterDeactivation(name, userId, approved, after) {
			const mailsBefore = e2e.smtp.mails.length;
			const slackBefore = e2e.slack.messages.length;
			e2e.sandbox.clearRequests();
			await deactivateInIdentityProvider(e2e.sandbox, userId);
			const approval = await eventually(`the approval email for ${name}`, () => e2e.smtp.mails.slice(mailsBefore).find((mail) => mail.to.includes(OFFBOARD_APPROVER)));
			const link = answerLink(approval, approved);
			// The email goes out just before n8n stores the execution as waiting: until then the link answers 409.
			const status = await eventually(`the answer for ${name}`, async () => {
				const response = await fetch(link, { headers: BROWSER });
				return response.status === 409 ? undefined : response.status;
			});
			expect(status).toBe(200);
			const slack = await eventually(`the report on Slack for ${name}`, () => e2e.slack.messages[slackBefore]);
			const mail = await eventually(`the report email for ${name}`, () => e2e.smtp.mails.slice(mailsBefore).find((entry) => entry.to.includes(OFFBOARD_REPORT_TO)));
			const execution = await e2e.n8n.waitForExecution(example.id, { after });
			runs[name] = { execution, requests: [...e2e.sandbox.requests], slack: slack.body.text, mail, approval };
			return Number(execution.id);
		}

		beforeAll(async () => {
			example = offboardWorkflow({ slackUrl: e2e.slack.url, identityProviderAccountId: ACCOUNTS.workforce, pollSeconds: 5 });
			await e2e.n8n.importWorkflow(example);
			await e2e.n8n.start();
			e2e.sandbox.clearRequests();
			await e2e.n8n.publishWorkflow(example.id);
			// Activation polls once (the baseline): only changes after it fire.
			await eventually('the baseline poll', () => e2e.sandbox.requests.some((request) => request.accountId === ACCOUNTS.workforce && request.path === '/unified/user-directory/users' && request.status === 200));
			const tom = await offboardAfterDeactivation('tom', '00u233adced7051a6e8a', true, 0);
			await offboardAfterDeactivation('jonas', '00u1c1de0694d92ccf8c', false, tom);
			rows = await e2e.n8n.dataTableRows(AUDIT.name);
		}, 600_000);

		const rowsOf = (name) => rows.filter((row) => row.execution_id === String(runs[name].execution.id));

		it('offboards the person the identity provider deactivated, asks before deleting, and deletes what was approved', () => {
			const { execution, requests, approval } = runs.tom;
			expect(execution.status).toBe('success');
			expect(approval.subject).toBe('Delete 1 account still active after offboarding?');
			expect(approval.text).toMatch(/Tom Becker \(HubSpot · acme-eu\): still active/);
			expect(nodeWrites(requests).map(described).sort()).toEqual(
				[
					// The reversible steps: Salesforce takes the status; HubSpot drops it, so Tom leaves its group.
					'PATCH /unified/user-directory/users/0055g00000A1b2dAAA {"status":"inactive"}',
					'PATCH /unified/user-directory/users/5100002 {"status":"inactive"}',
					'POST /unified/user-directory/groups/remove-user {"group_id":"7100001","user_id":"5100002"}',
					// Approved: the reversible step once more, then the delete.
					'PATCH /unified/user-directory/users/5100002 {"status":"inactive"}',
					'DELETE /unified/user-directory/users/5100002',
				].sort(),
			);
			expect(itemsOf(execution, 'Delete').find((item) => item.kind === 'offboard_outcome')).toMatchObject({ outcome: 'offboarded', account_id: ACCOUNTS.hubspot, irreversible: true });
		});

		it('sends no delete when the approver declines', () => {
			const { execution, requests } = runs.jonas;
			expect(execution.status).toBe('success');
			const writes = nodeWrites(requests);
			expect(writes.filter((request) => request.method === 'DELETE')).toEqual([]);
			expect(runs.jonas.approval.subject).toBe('Delete 2 accounts still active after offboarding?');
			expect(writes.map(described).sort()).toEqual(
				[
					'PATCH /unified/user-directory/users/5100005 {"status":"inactive"}',
					'PATCH /unified/user-directory/users/5100006 {"status":"inactive"}',
					'POST /unified/user-directory/groups/remove-user {"group_id":"7100002","user_id":"5100005"}',
				].sort(),
			);
			expect(execution.data.resultData.runData.Delete).toBeUndefined();
		});

		it('writes an audit row per account and step to the Data Table', () => {
			const tom = rowsOf('tom').map((row) => `${row.step}:${row.app}:${row.outcome}`).sort();
			expect(tom).toEqual(
				[
					'delete:HubSpot · acme-eu:offboarded',
					'reversible:HubSpot · acme-eu:still_active',
					'reversible:Okta · acme-workforce.okta.com:already_inactive',
					'reversible:Okta · acme.okta.com:skipped',
					'reversible:Salesforce · acme.my.salesforce.com:offboarded',
					'reversible:Zendesk · acme-blocked:skipped',
				].sort(),
			);
			const deleted = rowsOf('tom').find((row) => row.step === 'delete');
			expect(deleted).toMatchObject({ person: 'tom.becker@acme.com', user_id: '5100002', actions: 'setInactive, delete', requests: expect.stringContaining('DELETE /unified/user-directory/users/5100002') });
			const keys = runs.tom.requests.filter((request) => request.method === 'DELETE').map((request) => request.headers['idempotency-key']);
			expect(deleted.idempotency_keys).toContain(keys[0]);
			const jonas = rowsOf('jonas').map((row) => `${row.step}:${row.user_id ?? ''}:${row.outcome}`).sort();
			expect(jonas).toEqual(
				[
					'delete declined:5100005:delete_declined',
					'delete declined:5100006:delete_declined',
					'reversible:00u1c1de0694d92ccf8c:already_inactive',
					'reversible::skipped',
					'reversible::skipped',
					'reversible:5100005:still_active',
					'reversible:5100006:still_active',
				].sort(),
			);
		});

		it('reports to Slack and by email what was done and what is left', () => {
			expect(runs.tom.slack).toMatch(/^\*Offboarding after the identity provider deactivated Tom Becker\*\n\*Offboarding: 1 offboarded, 1 already inactive, 3 left to do by hand\*/);
			expect(runs.tom.slack).toMatch(/Deleted after approval:\n• Tom Becker \(HubSpot · acme-eu\): offboarded and verified/);
			expect(runs.tom.mail.text).toContain('Deleted after approval:');
			expect(runs.jonas.slack).toMatch(/Delete declined, left active:\n• Jonas Weber \(HubSpot · acme-eu\): still active\n• Jonas Weber \(old account\) \(HubSpot · acme-eu\): still active/);
			expect(runs.jonas.slack).toMatch(/still active in HubSpot · acme-eu \(jonas\.weber@acme\.com\)/);
			expect(runs.jonas.mail.subject).toMatch(/^Offboarding: Jonas Weber — /);
		});
	});
});
