'use strict';
// @ts-check
/**
 * The example "Ask the holder first" in a real n8n server, one per version, against the sandbox and the
 * SMTP and Slack receivers. Each holder's email is answered through n8n's resume URL: the first holder
 * keeps the seat, the second releases it, the others stay silent until the deadline (a few seconds
 * here: the deadline is a setting). Exactly the released and the silent seats are written and read back
 * (the sandbox's request log); the ledger, the kept row and the answers are in n8n's Data Tables (read
 * through n8n's public API); the admin digest counts them. A second run asks nobody who said Keep.
 */
const { itemsOf } = require('../../dev/n8n');
const { askHolderWorkflow, ADMIN } = require('../../dev/workflows');
const { TABLES } = require('../../scripts/examples/seat-reclamation-ask-holder');
const { ACCOUNTS, eventually, describeInN8n, withReceivers } = require('./setup');

const RUN_PATH = 'ask-holder-e2e';
const SCOPE = [ACCOUNTS.github, ACCOUNTS.workforce];
const KEEP_DAYS = 30;
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The holder's answer link in a Send and Wait email: approved=true is Keep it, approved=false Release it. */
function answerLink(mail, approved) {
	const links = [...mail.text.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
	const link = links.find((href) => href.includes(`approved=${approved}`));
	if (!link) throw new Error(`no approved=${approved} link in the email to ${mail.to}`);
	return link;
}

describeInN8n('ask the holder first in n8n %s', withReceivers(), (e2e) => {
	/** @type {any} */ let workflow;
	/** @type {any[]} */ let asked;
	/** @type {any[]} */ let holderMails;
	/** @type {any[]} */ let firstRunRequests;
	/** @type {any} */ let parent;
	/** @type {string} */ let digest;
	/** @type {Record<string, any[]>} */ const rows = {};
	const isHolderMail = (mail) => !mail.to.includes(ADMIN);

	/**
	 * The review's own execution of the run (the holders' executions share its workflow), once it waits
	 * or ended. Looked up by ID: 2.8.4's public API leaves a waiting execution out of its list.
	 */
	async function reviewExecution(afterId) {
		return eventually('the review execution', async () => {
			for (let executionId = afterId + 1; executionId <= afterId + 30; executionId++) {
				const execution = await e2e.n8n.getExecution(executionId).catch(() => undefined);
				if (!execution) break;
				if (['running', 'new'].includes(execution.status)) continue;
				if (execution.data?.resultData?.runData?.['Find Reclaimable Seats']) return execution;
			}
			return undefined;
		});
	}

	beforeAll(async () => {
		workflow = askHolderWorkflow({
			slackUrl: e2e.slack.url,
			runPath: RUN_PATH,
			integratedAccounts: SCOPE,
			// A deadline the test can wait for; the digest after it, once every silent holder's seat was reclaimed.
			answerWithin: 0.5,
			answerUnit: 'minutes',
			digestAfter: 2,
			keepDays: KEEP_DAYS,
		});
		await e2e.n8n.importWorkflow(workflow);
		await e2e.n8n.start();
		await e2e.n8n.publishWorkflow(workflow.id);
		e2e.sandbox.clearRequests();
		await eventually('the Run Now webhook', async () => (await e2e.n8n.restRaw('POST', `/webhook/${RUN_PATH}`, {})).status === 200);

		parent = await reviewExecution(0);
		asked = itemsOf(parent, 'What the Ask Needs');
		expect(asked.length).toBeGreaterThanOrEqual(3);
		holderMails = await eventually('an email to every holder', () => {
			const mails = e2e.smtp.mails.filter(isHolderMail);
			return mails.length >= asked.length && mails;
		});
		// The first holder keeps the seat, the second releases it; the others never answer.
		for (const [mail, approved] of [
			[holderMails[0], true],
			[holderMails[1], false],
		]) {
			const link = answerLink(mail, approved);
			// The email goes out just before n8n stores the execution as waiting: until then the link answers 409.
			const status = await eventually(`the answer to ${mail.to}`, async () => {
				const response = await fetch(link, { headers: BROWSER });
				return response.status === 409 ? undefined : response.status;
			});
			expect(status).toBe(200);
		}
		const message = await eventually('the digest on Slack', () => e2e.slack.messages[0], 240_000);
		digest = message.body.text;
		firstRunRequests = [...e2e.sandbox.requests];
		for (const spec of Object.values(TABLES)) rows[spec.name] = await e2e.n8n.dataTableRows(spec.name);
	});

	const holder = (mail) => asked.find((finding) => mail.to.includes(finding.user_email));

	it('asks every holder of an unused seat once, each with Keep it / Release it and the deadline', () => {
		expect(holderMails).toHaveLength(asked.length);
		expect(new Set(holderMails.map((mail) => mail.to[0])).size).toBe(asked.length);
		for (const mail of holderMails) {
			expect(holder(mail)).toBeDefined();
			expect(mail.text).toMatch(/Keep it/);
			expect(mail.text).toMatch(/Release it/);
			expect(mail.text).toMatch(/within 0.5 minutes/);
		}
		expect(asked.every((finding) => finding.kind === 'unused_seat' && SCOPE.includes(finding.account_id))).toBe(true);
	});

	it('writes exactly the released and the silent seats, once each with an Idempotency-Key, each read back after', () => {
		const reclaimed = holderMails.slice(1).map(holder);
		const writes = firstRunRequests.filter((request) => request.method !== 'GET');
		// Okta's deactivate names the user in its body; a status update in its path.
		const userOf = (request) => String(request.path.endsWith('/users/deactivate') ? request.body?.user_id : request.path.split('/').pop());
		expect(writes.map(userOf).sort()).toEqual(reclaimed.map((finding) => String(finding.user_id)).sort());
		for (const write of writes) {
			expect(write.headers['idempotency-key']).toBeTruthy();
			const at = firstRunRequests.indexOf(write);
			const reads = firstRunRequests.filter((request) => request.method === 'GET' && request.path.endsWith(`/users/${userOf(write)}`));
			expect(reads.some((request) => firstRunRequests.indexOf(request) > at)).toBe(true);
		}
	});

	it('records each answer and outcome, the ledger of verified reclaims and the kept seat in Data Tables', () => {
		const [keeper, releaser, ...silent] = holderMails.map(holder);
		const answers = rows.seat_answers.filter((row) => row.run_id === String(parent.id));
		const answerOf = (finding) => answers.find((row) => row.finding_key === finding.finding_key);
		expect(answers).toHaveLength(asked.length);
		expect(answerOf(keeper)).toMatchObject({ answer: 'keep', outcome: 'kept' });
		expect(answerOf(releaser)).toMatchObject({ answer: 'release', outcome: 'reclaimed' });
		for (const finding of silent) expect(answerOf(finding)).toMatchObject({ answer: 'silent', outcome: 'reclaimed' });

		// The ledger: one row per verified reclaim, with the money Reclaim Seats verified.
		const ledger = rows.seat_savings;
		expect(ledger.map((row) => row.finding_key).sort()).toEqual([releaser, ...silent].map((finding) => finding.finding_key).sort());
		for (const row of ledger) {
			const finding = asked.find((entry) => entry.finding_key === row.finding_key);
			expect(row).toMatchObject({ user: finding.user_email, app: finding.integration, account: finding.account_name, seats: finding.seats });
			expect(new Date(row.date).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
		}

		// The kept seat: its finding key, kept for keepDays from the answer.
		expect(rows.seat_kept).toHaveLength(1);
		const [kept] = rows.seat_kept;
		expect(kept).toMatchObject({ finding_key: keeper.finding_key, holder: keeper.user_email });
		const days = (new Date(kept.kept_until).getTime() - new Date(kept.answered_at).getTime()) / 86_400_000;
		expect(days).toBeCloseTo(KEEP_DAYS, 1);
	});

	it('sends the admin a digest: asked, released, kept, silent, reclaimed, and the realised savings from the ledger', () => {
		const silent = asked.length - 2;
		expect(digest).toMatch(new RegExp(`holders asked: ${asked.length}\\*`));
		expect(digest).toMatch(new RegExp(`released: 1, kept: 1, no answer: ${silent}\\n`));
		expect(digest).toMatch(new RegExp(`reclaimed and verified: 1 released, ${silent} on silence`));
		expect(digest).toMatch(/still assigned: 0, not verified: 0, failed: 0, skipped: 0/);
		// Realised this month, per currency, read back from the ledger; beside the potential the review found.
		const perCurrency = {};
		for (const row of rows.seat_savings) if (row.currency && typeof row.amount === 'number') perCurrency[row.currency] = (perCurrency[row.currency] ?? 0) + row.amount;
		const realised = Object.entries(perCurrency).map(([currency, amount]) => `${currency} ${amount.toFixed(2)}`).join(' \\+ ');
		expect(digest).toMatch(new RegExp(`realised this month \\(ledger\\): ${realised || 'nothing yet'} a month, of .+ a month found`));
		const adminMail = e2e.smtp.mails.find((mail) => mail.to.includes(ADMIN));
		expect(adminMail?.subject).toBe(`Seat reclamation: ${asked.length} asked, ${asked.length - 1} reclaimed`);
	});

	it('a second run does not ask the holder who said Keep', async () => {
		const keeper = holder(holderMails[0]);
		const mailsBefore = e2e.smtp.mails.length;
		await e2e.n8n.restRaw('POST', `/webhook/${RUN_PATH}`, {});
		const second = await reviewExecution(Number(parent.id) + asked.length);
		// Still found (the seat is still unused), but the kept row filters it out before anyone is asked.
		expect(itemsOf(second, 'Holders to Ask').map((item) => item.finding_key)).toContain(keeper.finding_key);
		const stillAsked = second.data.resultData.runData['What the Ask Needs'] ? itemsOf(second, 'What the Ask Needs') : [];
		expect(stillAsked.map((item) => item.finding_key)).not.toContain(keeper.finding_key);
		await sleep(2000);
		const newMails = e2e.smtp.mails.slice(mailsBefore).filter(isHolderMail);
		expect(newMails.map((mail) => mail.to[0])).not.toContain(keeper.user_email);
		expect(newMails).toHaveLength(stillAsked.length);
	});
});
