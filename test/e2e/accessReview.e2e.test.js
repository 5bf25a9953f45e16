'use strict';
// @ts-check
/**
 * The example "Quarterly access review" in a real n8n server, one per version, against the sandbox and
 * the SMTP receiver. Each app's owner gets the list of its admins; the emails are answered through
 * n8n's resume URLs: Microsoft 365's owner keeps their access, GitHub's and Webex's owner revokes it.
 * Exactly GitHub's owner role assignments are deleted (the sandbox's log: once each, with an
 * Idempotency-Key) and read back; Webex offers no way through Truto, so its right is skipped, to do by
 * hand; every decision and outcome is an evidence row in n8n's Data Table (read through n8n's public
 * API). Before that, Revoke Access with Dry Run on sends no write. In a second server, nobody answers:
 * after the deadline every right is recorded as kept with no answer, and nothing is written.
 */
const { ACCOUNTS, eventually, describeInN8n, withReceivers } = require('./setup');
const { accessReviewWorkflow, DEFAULT_OWNER, node, trutoNode, workflow, connect } = require('../../dev/workflows');
const { EVIDENCE } = require('../../scripts/examples/access-review-quarterly');

const RUN_PATH = 'access-review-e2e';
const DRY_RUN_PATH = 'access-review-dry-run-e2e';
const SCOPE = [ACCOUNTS.github, ACCOUNTS.microsoft365, ACCOUNTS.webex];
const GITHUB_OWNER = 'github-owner@acme.example';
const M365_OWNER = 'm365-owner@acme.example';
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36' };
/** GitHub's owners' role assignments: Mona Okafor is Owner of two organizations, Priya Natarajan of one. */
const GITHUB_OWNER_ASSIGNMENTS = ['acme-corp:1200101:admin', 'acme-labs:1200101:admin', 'acme-corp:1200103:admin'];

/** The owner's answer link in a Send and Wait email: approved=true is Keep their access, approved=false Revoke it. */
function answerLink(mail, approved) {
	const links = [...mail.text.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
	const link = links.find((href) => href.includes(`approved=${approved}`));
	if (!link) throw new Error(`no approved=${approved} link in the email to ${mail.to}`);
	return link;
}

/** Find Privileged Access on GitHub → Revoke Access with Dry Run on, answered with Revoke Access's items. */
const dryRunWorkflow = workflow(
	'accessReviewDryRun1',
	[
		node('n8n-nodes-base.webhook', 2, 'Dry Run Now', { httpMethod: 'POST', path: DRY_RUN_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: 'a7e2c4d0-0000-4000-8000-000000000001', position: [0, 0] }),
		trutoNode('Find Privileged Access', { resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'accounts', integratedAccounts: [ACCOUNTS.github], options: {} }, { position: [220, 0] }),
		trutoNode('Revoke Access', { resource: 'accessReview', operation: 'revokeAccess', revokeInput: 'findings', revokeDryRun: true, revokeOptions: {} }, { position: [440, 0] }),
	],
	connect(['Dry Run Now', 'Find Privileged Access'], ['Find Privileged Access', 'Revoke Access']),
	'Access review dry run (e2e)',
);

describeInN8n('quarterly access review in n8n %s', withReceivers(), (e2e) => {
	/** @type {any[]} */ let dryRun;
	/** @type {any[]} */ let dryRunWrites;
	/** @type {any[]} */ let ownerMails;
	/** @type {any[]} */ let requests;
	/** @type {any[]} */ let rows;
	const mailTo = (owner) => ownerMails.find((mail) => mail.to.includes(owner));

	beforeAll(async () => {
		const review = accessReviewWorkflow({
			runPath: RUN_PATH,
			integratedAccounts: SCOPE,
			// By account ID and by integration name; Webex is nobody's: it goes to the default owner.
			owners: { [ACCOUNTS.github]: GITHUB_OWNER, 'Microsoft 365': M365_OWNER },
			answerWithin: 10,
			answerUnit: 'minutes',
		});
		await e2e.n8n.importWorkflow(review);
		await e2e.n8n.importWorkflow(dryRunWorkflow);
		await e2e.n8n.start();
		await e2e.n8n.publishWorkflow(review.id);
		await e2e.n8n.publishWorkflow(dryRunWorkflow.id);

		// Dry Run first: planned outcomes, no write.
		e2e.sandbox.clearRequests();
		const answer = await eventually('the dry-run webhook', async () => {
			const response = await e2e.n8n.restRaw('POST', `/webhook/${DRY_RUN_PATH}`, {});
			return response.status === 200 ? response : undefined;
		});
		dryRun = /** @type {any[]} */ (answer.body);
		dryRunWrites = e2e.sandbox.requests.filter((request) => request.method !== 'GET');

		e2e.sandbox.clearRequests();
		await eventually('the Run Now webhook', async () => (await e2e.n8n.restRaw('POST', `/webhook/${RUN_PATH}`, {})).status === 200);
		ownerMails = await eventually('an email to each app owner', () => e2e.smtp.mails.length >= SCOPE.length && [...e2e.smtp.mails]);
		// Microsoft 365's owner keeps; GitHub's and Webex's (the default owner) revoke.
		for (const [owner, approved] of [
			[M365_OWNER, true],
			[GITHUB_OWNER, false],
			[DEFAULT_OWNER, false],
		]) {
			const link = answerLink(mailTo(owner), approved);
			// The email goes out just before n8n stores the execution as waiting: until then the link answers 409.
			const status = await eventually(`the answer of ${owner}`, async () => {
				const response = await fetch(link, { headers: BROWSER });
				return response.status === 409 ? undefined : response.status;
			});
			expect(status).toBe(200);
		}
		rows = await eventually(
			'the evidence of all three apps',
			async () => {
				const all = await e2e.n8n.dataTableRows(EVIDENCE.name).catch(() => []);
				const apps = new Set(all.map((row) => row.account_id));
				return SCOPE.every((account) => apps.has(account)) && all;
			},
			120_000,
		);
		// The last evidence rows may still be written: wait until the count stops growing.
		let count = 0;
		while (rows.length !== count) {
			count = rows.length;
			await new Promise((resolve) => setTimeout(resolve, 1500));
			rows = await e2e.n8n.dataTableRows(EVIDENCE.name);
		}
		requests = [...e2e.sandbox.requests];
	});

	it('Dry Run plans the deletes and sends no write', () => {
		expect(dryRunWrites).toEqual([]);
		const planned = dryRun.filter((item) => item.outcome === 'planned');
		expect(planned.map((item) => item.right)).toEqual(['role Owner', 'role Owner']);
		expect(planned.flatMap((item) => item.requests).map((request) => decodeURIComponent(request.split('/').pop())).sort()).toEqual([...GITHUB_OWNER_ASSIGNMENTS].sort());
		expect(dryRun[dryRun.length - 1]).toMatchObject({ kind: 'summary', dry_run: true });
	});

	it('asks each app owner once, with the list of its admins and Keep / Revoke', () => {
		expect(ownerMails).toHaveLength(SCOPE.length);
		expect(mailTo(GITHUB_OWNER).subject).toBe('Access review: 2 with admin rights in GitHub · acme-corp');
		expect(mailTo(GITHUB_OWNER).text).toMatch(/mona\.okafor@acme-corp\.com.*user_type admin, role Owner/);
		expect(mailTo(M365_OWNER).text).toMatch(/Global Administrator/);
		expect(mailTo(DEFAULT_OWNER).text).toMatch(/Full Administrator/);
		for (const mail of ownerMails) {
			expect(mail.text).toMatch(/Keep their access/);
			expect(mail.text).toMatch(/Revoke it/);
		}
	});

	it('deletes exactly the revoked app\'s role assignments, once each with an Idempotency-Key, and reads them back', () => {
		const writes = requests.filter((request) => request.method !== 'GET');
		expect(writes.map((request) => `${request.method} ${decodeURIComponent(request.path.split('/').pop())}`).sort()).toEqual(GITHUB_OWNER_ASSIGNMENTS.map((id) => `DELETE ${id}`).sort());
		expect(writes.every((request) => request.accountId === ACCOUNTS.github)).toBe(true);
		const keys = writes.map((request) => request.headers['idempotency-key']);
		expect(keys.every(Boolean)).toBe(true);
		expect(new Set(keys).size).toBe(writes.length);
		const last = Math.max(...writes.map((write) => requests.indexOf(write)));
		const after = requests.slice(last + 1).filter((request) => request.accountId === ACCOUNTS.github);
		expect(after.some((request) => request.path.endsWith('/role_assignments'))).toBe(true);
		expect(after.some((request) => /\/users\/1200103$/.test(request.path))).toBe(true);
	});

	it('writes the evidence: who, app, right, decision, who decided, when, outcome', () => {
		const of = (account) => rows.filter((row) => row.account_id === account);
		const github = of(ACCOUNTS.github);
		expect(github.map((row) => [row.person, row.right, row.outcome]).sort()).toEqual(
			[
				['mona.okafor@acme-corp.com', 'role Owner', 'revoked'],
				['mona.okafor@acme-corp.com', 'user_type admin', 'skipped'],
				['priya.natarajan@acme-corp.com', 'role Owner', 'revoked'],
				['priya.natarajan@acme-corp.com', 'user_type admin', 'skipped'],
			].sort(),
		);
		for (const row of github) expect(row).toMatchObject({ decision: 'revoke', decided_by: GITHUB_OWNER, app: 'GitHub · acme-corp' });
		expect(github.find((row) => row.outcome === 'revoked').detail).toMatch(/read back, no role assignment of Owner is listed/);

		const m365 = of(ACCOUNTS.microsoft365);
		expect(m365.length).toBeGreaterThanOrEqual(3);
		for (const row of m365) expect(row).toMatchObject({ decision: 'keep', decided_by: M365_OWNER, outcome: 'kept' });
		expect(m365.map((row) => row.right).join(' ')).toMatch(/role Global Administrator/);

		const webex = of(ACCOUNTS.webex);
		// Webex lets Truto delete no role assignment: skipped, to do by hand.
		expect(webex.find((row) => row.right === 'role Full Administrator')).toMatchObject({ decision: 'revoke', decided_by: DEFAULT_OWNER, outcome: 'skipped', detail: expect.stringMatching(/by hand/) });
		expect(webex.every((row) => row.outcome === 'skipped')).toBe(true);
		for (const row of rows) expect(new Date(row.decided_at).getTime()).toBeGreaterThan(Date.now() - 15 * 60_000);
		expect(new Set(rows.map((row) => row.run_id)).size).toBe(1);
	});
});

describeInN8n('quarterly access review in n8n %s, nobody answering by the deadline', withReceivers(), (e2e) => {
	/** @type {any[]} */ let mails;
	/** @type {any[]} */ let rows;
	/** @type {any[]} */ let writes;

	beforeAll(async () => {
		// GitHub's owner is asked and stays silent; the deadline (12 s) passes.
		const review = accessReviewWorkflow({ runPath: RUN_PATH, integratedAccounts: [ACCOUNTS.github], owners: { [ACCOUNTS.github]: GITHUB_OWNER }, answerWithin: 0.2, answerUnit: 'minutes' });
		await e2e.n8n.importWorkflow(review);
		await e2e.n8n.start();
		await e2e.n8n.publishWorkflow(review.id);
		e2e.sandbox.clearRequests();
		await eventually('the Run Now webhook', async () => (await e2e.n8n.restRaw('POST', `/webhook/${RUN_PATH}`, {})).status === 200);
		mails = await eventually('the email to the owner', () => e2e.smtp.mails.length >= 1 && [...e2e.smtp.mails]);
		rows = await eventually('the evidence after the deadline', async () => {
			const all = await e2e.n8n.dataTableRows(EVIDENCE.name).catch(() => []);
			return all.length > 0 && all;
		}, 150_000);
		// The last evidence rows may still be written: wait until the count stops growing.
		let count = 0;
		while (rows.length !== count) {
			count = rows.length;
			await new Promise((resolve) => setTimeout(resolve, 1500));
			rows = await e2e.n8n.dataTableRows(EVIDENCE.name);
		}
		writes = e2e.sandbox.requests.filter((request) => request.method !== 'GET');
		mails = [...e2e.smtp.mails];
	}, 240_000);

	it('asked the owner once, then changed nothing: every right recorded as kept, with no answer and nobody deciding', () => {
		expect(mails.filter((mail) => mail.to.includes(GITHUB_OWNER))).toHaveLength(1);
		expect(writes).toEqual([]);
		// One row per person and app, as when an owner keeps (rights are taken away one by one only on Revoke).
		expect(rows.map((row) => [row.person, row.right]).sort()).toEqual([
			['mona.okafor@acme-corp.com', 'user_type admin, role Owner'],
			['priya.natarajan@acme-corp.com', 'user_type admin, role Owner'],
		]);
		for (const row of rows) {
			expect(row).toMatchObject({ account_id: ACCOUNTS.github, decision: 'no answer', outcome: 'kept (no answer)' });
			expect(row.decided_by ?? '').toBe('');
		}
	});
});
