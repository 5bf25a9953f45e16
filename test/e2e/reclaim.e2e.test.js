'use strict';
// @ts-check
/**
 * Seat Reclamation → Reclaim Seats in a real n8n, with `n8n execute`: Find Reclaimable Seats straight
 * into Reclaim Seats. A Dry Run first (planned seats, no write reaches the sandbox), then the same
 * findings acted on, with scripted faults so that every outcome is seen at least once: reclaimed and
 * verified (Okta's deactivate, a status update), still assigned (HubSpot ignores status), not verified
 * (the read-back fails), failed (the app refuses) and skipped (an exempt person, license findings).
 * Each write and its read-back are checked against the sandbox's request log.
 */
const { itemsOf } = require('../../dev/n8n');
const { trutoNode, manualWorkflow } = require('../../dev/workflows');
const { ACCOUNTS, describeInN8n, listDirect } = require('./setup');

const UNIFIED = '/unified/user-directory';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SCOPE = [ACCOUNTS.workforce, ACCOUNTS.hubspot, ACCOUNTS.github];

/** @param {string} id @param {Record<string, unknown>} reclaim */
function reclaimWorkflow(id, reclaim) {
	const find = trutoNode('Find', { resource: 'seatReclamation', operation: 'findReclaimableSeats', accountScope: 'accounts', integratedAccounts: SCOPE, inactiveDays: 90, reviewOutput: 'findingsAndSummary', options: {} });
	const act = trutoNode('Reclaim', { resource: 'seatReclamation', operation: 'reclaimSeats', reclaimInput: 'findings', ...reclaim });
	return manualWorkflow(id, [find], { extraNodes: [act], chains: [['Find', 'Reclaim']] });
}

describeInN8n('Reclaim Seats in n8n %s', {}, (e2e) => {
	/** @type {any[]} */ let planned;
	/** @type {any[]} */ let acted;
	/** @type {any[]} */ let dryRunWrites;
	/** @type {any[]} */ let requests;
	/** @type {Record<string, any>} */ const chosen = {};

	beforeAll(async () => {
		const dry = reclaimWorkflow('trutoE2eReclaim1', { dryRun: true, reclaimOptions: {} });
		await e2e.n8n.importWorkflow(dry);
		e2e.sandbox.clearRequests();
		const dryRun = await e2e.n8n.execute(dry.id);
		expect(dryRun.exitCode).toBe(0);
		planned = itemsOf(dryRun.execution, 'Reclaim');
		dryRunWrites = e2e.sandbox.requests.filter((/** @type {any} */ request) => request.method !== 'GET');

		// The seats each outcome is scripted on, from the dry run's plan.
		const plannedIn = (/** @type {string} */ account, /** @type {string} */ action) => planned.filter((item) => item.outcome === 'planned' && item.account_id === account && item.action === action);
		chosen.okta = plannedIn(ACCOUNTS.workforce, 'deactivate');
		chosen.hubspot = plannedIn(ACCOUNTS.hubspot, 'setInactive');
		const github = plannedIn(ACCOUNTS.github, 'setInactive');
		[chosen.refused, chosen.unreadable, chosen.exempt] = github;
		e2e.sandbox.setFaults([
			{ match: { method: 'PATCH', path: `users/${chosen.refused.user_id}$` }, kind: 'status', status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', message: 'The app refused the change', truto_is_remote_error: true } },
			{ match: { method: 'GET', path: `users/${chosen.unreadable.user_id}$` }, after: 1, kind: 'status', status: 400, times: -1 },
		]);
		const act = reclaimWorkflow('trutoE2eReclaim2', { dryRun: false, reclaimOptions: { exemptEmails: chosen.exempt.user_email } });
		await e2e.n8n.importWorkflow(act);
		e2e.sandbox.clearRequests();
		const run = await e2e.n8n.execute(act.id);
		expect(run.exitCode).toBe(0);
		acted = itemsOf(run.execution, 'Reclaim');
		requests = [...e2e.sandbox.requests];
		e2e.sandbox.clearFaults();
	});

	it('Dry Run plans the seats and sends no write', () => {
		expect(dryRunWrites).toEqual([]);
		expect(planned.filter((item) => item.outcome === 'planned').length).toBeGreaterThanOrEqual(5);
		for (const item of planned.filter((entry) => entry.outcome === 'planned')) expect(item.idempotency_key).toBeNull();
		const summary = planned[planned.length - 1];
		expect(summary).toMatchObject({ kind: 'summary', dry_run: true, reclaimed_seats: 0 });
	});

	it('gives every outcome at least once', () => {
		const outcomes = new Set(acted.map((item) => item.outcome));
		for (const outcome of ['reclaimed', 'not_verified', 'still_assigned', 'failed', 'skipped']) expect(outcomes).toContain(outcome);
		const of = (/** @type {any} */ seat) => acted.find((item) => item.finding_key === seat.finding_key);
		for (const seat of chosen.okta) expect(of(seat)).toMatchObject({ outcome: 'reclaimed', action: 'deactivate', status_now: 'inactive' });
		for (const seat of chosen.hubspot) expect(of(seat)).toMatchObject({ outcome: 'still_assigned', status_now: 'active' });
		expect(of(chosen.refused)).toMatchObject({ outcome: 'failed', error: expect.stringContaining('refused the change') });
		expect(of(chosen.unreadable)).toMatchObject({ outcome: 'not_verified' });
		expect(of(chosen.exempt)).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('exempt') });
		const summary = acted[acted.length - 1];
		expect(summary.kind).toBe('summary');
		expect(summary.outcomes.reclaimed).toBe(acted.filter((item) => item.outcome === 'reclaimed').length);
		// Money only for what was seen freed.
		for (const item of acted.filter((entry) => entry.kind === 'reclaim_outcome' && entry.outcome !== 'reclaimed')) expect(item.monthly_saving).toBeNull();
	});

	it('sends exactly the writes it reports, once each with its Idempotency-Key, each read back after', () => {
		const writes = requests.filter((request) => request.method !== 'GET');
		const sentItems = acted.filter((item) => item.idempotency_key);
		expect(writes).toHaveLength(sentItems.length);
		for (const item of sentItems) {
			expect(item.idempotency_key).toMatch(UUID);
			const at = requests.findIndex((request) => request.headers['idempotency-key'] === item.idempotency_key);
			expect(at).toBeGreaterThanOrEqual(0);
			const write = requests[at];
			expect(`${write.method} ${write.path}`).toBe(item.request.split(' ').slice(0, 2).join(' '));
			if (item.outcome !== 'failed') {
				// The fresh look before, the read-back after.
				const reads = requests.filter((request) => request.method === 'GET' && request.path === `${UNIFIED}/users/${item.user_id}`);
				expect(reads.some((request) => requests.indexOf(request) > at)).toBe(true);
				expect(reads.some((request) => requests.indexOf(request) < at)).toBe(true);
			}
		}
		const deactivations = writes.filter((request) => request.path === `${UNIFIED}/users/deactivate`);
		expect(deactivations.map((request) => request.body).sort((a, b) => a.user_id.localeCompare(b.user_id))).toEqual(
			chosen.okta.map((/** @type {any} */ seat) => ({ user_id: seat.user_id })).sort((/** @type {any} */ a, /** @type {any} */ b) => a.user_id.localeCompare(b.user_id)),
		);
	});

	it('leaves the sandbox as reported: verified seats free, the rest held', async () => {
		const users = await listDirect(e2e.sandbox, `${UNIFIED}/users`, { integrated_account_id: ACCOUNTS.workforce });
		for (const seat of chosen.okta) expect(users.find((/** @type {any} */ user) => user.id === seat.user_id)).toMatchObject({ status: 'inactive', licenses: [] });
		const hubspot = await listDirect(e2e.sandbox, `${UNIFIED}/users`, { integrated_account_id: ACCOUNTS.hubspot });
		for (const seat of chosen.hubspot) expect(hubspot.find((/** @type {any} */ user) => user.id === seat.user_id).status).toBe('active');
	});
});
