'use strict';
// @ts-check
/**
 * Seat reclamation in a real n8n server, one per version: Find Reclaimable Seats (the whole estate with
 * an identity provider and prices; one app as an AI agent would ask; every account failing), and the
 * example "Seat reclamation with approval": its digest and closing summary to Slack, the approver's
 * emails answered through n8n's resume URLs — one approved, one declined — and exactly the approved
 * write reaching the sandbox.
 */
const { itemsOf } = require('../../dev/n8n');
const { byId, trutoNode, workflow, connect, webhookTrigger, seatApprovalWorkflow, APPROVER, TRUTO_NODE } = require('../../dev/workflows');
const { ACCOUNTS, eventually, describeInN8n, withReceivers, listDirect } = require('./setup');

const RUN_PATH = 'seat-approval-e2e';
const REVIEWS_PATH = 'reclamation-reviews-e2e';
const review = (parameters) => ({ resource: 'seatReclamation', operation: 'findReclaimableSeats', inactiveDays: 90, options: {}, ...parameters });

describeInN8n('seat reclamation in n8n %s', withReceivers(), (e2e) => {
	/** @type {any} */ let run;
	const items = (name) => itemsOf(run.execution, name);

	beforeAll(async () => {
		// One server for both workflows (no separate `n8n execute`): the reviews start from a webhook too.
		const reviews = workflow(
			'trutoE2eReclamation1',
			[
				webhookTrigger('Run Reviews', REVIEWS_PATH, { id: 'e2e-reviews-trigger' }),
				trutoNode(
					'Whole Estate',
					review({
						accountScope: 'all',
						identityProvider: byId(ACCOUNTS.workforce),
						reviewOutput: 'findingsAndSummary',
						options: { prices: { price: [{ integration: 'github', monthlyPrice: 21, currency: 'USD' }] } },
					}),
				),
				trutoNode('Zoom Summary', review({ accountScope: 'integrations', integrations: 'zoom', reviewOutput: 'summary' })),
				trutoNode('Nothing Readable', review({ accountScope: 'accounts', integratedAccounts: [ACCOUNTS.okta, ACCOUNTS.blocked] }), { onError: 'continueRegularOutput' }),
			],
			connect(['Run Reviews', 'Whole Estate'], ['Run Reviews', 'Zoom Summary'], ['Run Reviews', 'Nothing Readable']),
		);
		const approval = seatApprovalWorkflow({ slackUrl: e2e.slack.url, runPath: RUN_PATH, integrations: 'github' });
		await e2e.n8n.importWorkflow([reviews, approval]);
		await e2e.n8n.start();
		await e2e.n8n.publishWorkflow(reviews.id);
		await e2e.n8n.publishWorkflow(approval.id);
		await eventually('the reviews webhook', async () => (await e2e.n8n.restRaw('POST', `/webhook/${REVIEWS_PATH}`, {})).status === 200);
		run = { execution: await e2e.n8n.waitForExecution(reviews.id, { timeoutMs: 120_000 }) };
	});

	describe('Find Reclaimable Seats', () => {
		it('reviews the whole estate: findings with evidence, then the summary', () => {
			expect(run.execution.status).toBe('success');
			const all = items('Whole Estate');
			const summary = all[all.length - 1];
			expect(summary.kind).toBe('summary');
			const kinds = new Set(all.map((item) => item.kind));
			for (const kind of ['unused_seat', 'never_used', 'unassigned_seats', 'underused_license', 'orphaned_account', 'ambiguous_identity', 'not_checked']) {
				expect(kinds).toContain(kind);
			}
			const dana = all.filter((item) => item.kind === 'orphaned_account' && item.user_email === 'dana.whitfield@acme.com');
			expect(dana.map((item) => item.integration_slug).sort()).toEqual(['atlassian', 'salesforce']);
			expect(dana[0]).toMatchObject({ identity_provider: 'Okta · acme-workforce.okta.com', identity_match: 'absent' });
			expect(all.filter((item) => item.kind === 'not_checked').map((item) => item.account_id).sort()).toEqual([ACCOUNTS.blocked, ACCOUNTS.okta].sort());
		});

		it('prices findings from the app or as entered, in two currencies never added together', async () => {
			const all = items('Whole Estate');
			const summary = all[all.length - 1];
			expect(summary.to_reclaim.map((total) => total.currency)).toEqual(['EUR', 'USD']);
			// HubSpot bills in EUR: the EUR total is what its findings (orphans included, ambiguous ones not) cost.
			const hubspot = all.filter((item) => item.account_id === ACCOUNTS.hubspot && !['ambiguous_identity', 'not_checked'].includes(item.kind));
			expect(hubspot.every((item) => item.currency === 'EUR')).toBe(true);
			expect(summary.to_reclaim[0].monthly_amount).toBeCloseTo(hubspot.reduce((sum, item) => sum + item.monthly_cost, 0), 2);
			// GitHub gives no prices: the entered 21 USD per seat, said so on each finding.
			const github = all.find((item) => item.account_id === ACCOUNTS.github && item.kind === 'unused_seat');
			expect(github).toMatchObject({ price: 'entered', currency: 'USD', monthly_cost: 21 * github.seats });
			// The license findings agree with the sandbox's own seat counts.
			const licenses = await listDirect(e2e.sandbox, '/unified/user-directory/licenses', { integrated_account_id: ACCOUNTS.salesforce });
			const salesforce = licenses.find((license) => license.name === 'Salesforce');
			const unassigned = all.find((item) => item.kind === 'unassigned_seats' && item.license_id === salesforce.id);
			expect(unassigned).toMatchObject({ seats: salesforce.available_quantity - salesforce.assigned_quantity, currency: 'USD' });
			expect(unassigned.monthly_cost).toBeCloseTo((salesforce.available_quantity - salesforce.assigned_quantity) * salesforce.unit_amount, 2);
		});

		it('answers "which seats can we reclaim in Zoom?" with one summary item and a digest', () => {
			const [summary] = items('Zoom Summary');
			expect(items('Zoom Summary')).toHaveLength(1);
			expect(summary).toMatchObject({ kind: 'summary', accounts: { total: 1, checked: 1 } });
			expect(summary.per_account[0].account_id).toBe(ACCOUNTS.zoom);
			expect(summary.text).toMatch(/^\*Seat reclamation: \d+ seats to reclaim/);
			expect(summary.findings.unused_seat).toBeGreaterThan(0);
		});

		it('fails only when no account could be read, with the reasons (On Error → Continue gives one error item)', () => {
			const [failure] = items('Nothing Readable');
			expect(failure.error).toBe('No integrated account could be reviewed (2 tried)');
			expect(failure.description).toMatch(/must reconnect/);
		});

		it('is offered to AI agents: the node n8n loaded is usable as a tool and has the operation', async () => {
			// n8n derives the tool variant from this description (server.e2e.test.js checks the variant is listed).
			const [description] = await e2e.n8n.rest('POST', '/rest/node-types', { nodeInfos: [{ name: TRUTO_NODE, version: 1 }] });
			expect(description.usableAsTool).toBe(true);
			const resource = description.properties.find((property) => property.name === 'resource');
			expect(resource.options.map((option) => option.value)).toContain('seatReclamation');
			const operation = description.properties.find((property) => property.name === 'operation' && property.displayOptions.show.resource.includes('seatReclamation'));
			expect(operation.options[0]).toMatchObject({ value: 'findReclaimableSeats', description: expect.stringMatching(/every connected app/) });
		});
	});

	describe('the example "Seat reclamation with approval"', () => {
		it('posts the digest, asks per unused seat, reclaims only what was approved, and sums up', async () => {
			// The server answers before it has registered the workflow's webhooks: call until it has.
			await eventually('the Run Now webhook', async () => (await e2e.n8n.restRaw('POST', `/webhook/${RUN_PATH}`, {})).status === 200);
			const answered = [];
			for (const answer of ['approved=true', 'approved=false']) {
				const mail = await eventually(`approval email ${answered.length + 1}`, () => e2e.smtp.mails[answered.length]);
				expect(mail.to).toEqual([APPROVER]);
				const links = [...mail.text.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
				expect(links).toHaveLength(2);
				const link = links.find((href) => href.includes(answer));
				expect(link).toMatch(/\/webhook-waiting\/\d+\/[^?]+\?approved=(true|false)&signature=/);
				// A browser's answer (n8n ignores link checkers, bots, that open approval links). The email goes
				// out just before n8n stores the execution as waiting: until then the link answers 409.
				const status = await eventually(`the answer to email ${answered.length + 1}`, async () => {
					const response = await fetch(link, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36' } });
					return response.status === 409 ? undefined : response.status;
				});
				expect(status).toBe(200);
				answered.push({ subject: mail.subject, answer });
			}
			await eventually('the closing summary', () => e2e.slack.messages.length >= 2);

			// The two unused GitHub seats were asked about, in the order found; the first approved, reclaimed by
			// Reclaim Seats (a status update the metadata accepts) and verified by reading the user back.
			expect(answered.map((entry) => entry.subject)).toEqual([expect.stringMatching(/Takeshi Kimura/), expect.stringMatching(/Lena Fischer/)]);
			const writes = e2e.sandbox.requests.filter((request) => request.method !== 'GET');
			expect(writes.map((request) => [request.method, request.path, request.body])).toEqual([
				['PATCH', '/unified/user-directory/users/1200106', { status: 'inactive' }],
			]);
			const [digest, closing] = e2e.slack.messages.map((message) => message.body.text);
			expect(digest).toMatch(/^\*Seat reclamation: \d+ seats to reclaim/);
			expect(digest).toMatch(/2 unused seats/);
			expect(closing).toMatch(/^\*Seat reclamation: 1 reclaimed, 1 kept, 0 without an answer, 0 failed, 0 to check\*/);
			expect(closing).toMatch(/reclaimed: Takeshi Kimura/);
			expect(closing).toMatch(/declined: Lena Fischer/);
		});
	});
});
