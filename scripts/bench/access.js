'use strict';
// @ts-check
/**
 * Access Review → Find Privileged Access over the seat-reclamation estate (same accounts and users,
 * reclamation.js): every 50th user an admin, every other one of them without 2FA. Its floor is the
 * review's (common.js estateFloor) with only the users read: the account list, then every account's
 * user pages. Memory against an empty workflow, as items and with the CSV attached.
 */
const { PAGE, ESTATE, say, startBenchEstate, estateFloor, accountListing, measureInEstate, memoryOver, executeMeasured, trutoNode, time, count, fmt, ratio, instanceFor, table, linearWorkflow } = require('./common');
const { ACCOUNTS, USERS } = require('./reclamation');

const NODE = 'Find Privileged Access';
/** Every adminEvery-th user of the estate is an admin (fixtures/data/estate.json). */
const ADMIN_EVERY = 50;

function reviewWorkflow(id, options) {
	return linearWorkflow(id, [trutoNode(NODE, { resource: 'accessReview', operation: 'findPrivilegedAccess', accountScope: 'all', options })]);
}

async function run() {
	const sandbox = await startBenchEstate(ACCOUNTS, USERS);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([reviewWorkflow('benchAccess1', {}), reviewWorkflow('benchAccessCsv1', { csvFile: true }), linearWorkflow('benchAccessIdle1', [])]);
		const idle = await executeMeasured(n8n, 'benchAccessIdle1');
		const items = await measureInEstate(n8n, sandbox, 'benchAccess1');
		const csv = await measureInEstate(n8n, sandbox, 'benchAccessCsv1');

		const pages = Math.ceil(USERS / PAGE);
		const floor = estateFloor({ minimum: accountListing(ACCOUNTS) + ACCOUNTS * pages, sequential: pages, what: 'user listing' });
		const holders = (execution) => execution[NODE][0].data.main[0].filter((item) => item.json.kind === 'privileged_access').length;
		const expected = ACCOUNTS * Math.floor(USERS / ADMIN_EVERY);
		const row = (what, measured) => {
			const ms = time(measured.execution, NODE);
			return [what, fmt(ms), ratio(ms, floor.floorMs), `${measured.requests.toLocaleString('en-US')} (${ratio(measured.requests, floor.minimum)})`, measured.limited, `${holders(measured.execution)} of ${expected}`, count(measured.execution, NODE), memoryOver(measured.peakMb, idle.peakMb)];
		};
		say();
		say(
			`## Access Review → Find Privileged Access: ${ACCOUNTS} accounts × ${USERS.toLocaleString('en-US')} users (an admin in every ${ADMIN_EVERY}), answers taking ${ESTATE.latencyMs} ms, ` +
				`sandbox enforcing ${ESTATE.perAccount.requests} / 10 s per account and ${ESTATE.perToken.requests} / 10 s per token`,
		);
		say(
			table(
				['how', 'time', 'vs floor', `requests (minimum ${floor.minimum.toLocaleString('en-US')})`, '429s', 'admins found', 'output items', 'n8n peak memory'],
				[
					...floor.rows.map((cells) => [...cells, '', '', '', '', '', '']),
					row('Find Privileged Access', items),
					row('… with Attach CSV', csv),
					['(n8n running an empty workflow)', '—', '', '', '', '', 0, `${idle.peakMb.toFixed(0)} MB`],
				],
			),
		);
		const ms = time(items.execution, NODE);
		say(
			`review / floor: ${ratio(ms, floor.floorMs)} (target ≤ 1.2×) · requests / minimum: ${ratio(items.requests, floor.minimum)} · ` +
				`memory over an empty workflow: +${(items.peakMb - idle.peakMb).toFixed(0)} MB as items, +${(csv.peakMb - idle.peakMb).toFixed(0)} MB with the CSV (target ≤ +250 MB)`,
		);
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

module.exports = { name: 'access', run };
