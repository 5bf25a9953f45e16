'use strict';
// @ts-check
/**
 * Person → Find Accounts across the estate (the sandbox's scale mode: its first 200 users are the same
 * 200 people in every account), every answer taking 300 ms, the sandbox enforcing Truto's limits per
 * account and per token. One person found in every account, one found nowhere, and 200 people as 200
 * input items. Floors as the review's (common.js estateFloor): one email lookup per account for one
 * person; reading every account's users once for many.
 */
const {
	PAGE,
	ESTATE,
	say,
	startBenchEstate,
	estateFloor,
	accountListing,
	measureInEstate,
	memoryOver,
	executeMeasured,
	trutoNode,
	codeNode,
	node,
	time,
	count,
	fmt,
	ratio,
	instanceFor,
	table,
	linearWorkflow,
} = require('./common');

const ACCOUNTS = Number(process.env.BENCH_PEOPLE_ACCOUNTS ?? 50);
const USERS = Number(process.env.BENCH_PEOPLE_USERS ?? 1000);
/** People the estate has in every account (fixtures/data/estate.json, sharedPeople). */
const PEOPLE = 200;
/** Runs of each one-person workflow; the median time is shown (a run of 1–2 s is at the mercy of a shared machine). */
const REPEATS = Number(process.env.BENCH_PEOPLE_REPEATS ?? 3);
const NODE = 'Find Accounts';
const personEmail = (n) => `person.${n}@estate.example`;

function findAccounts(emails) {
	return trutoNode(NODE, { resource: 'person', operation: 'findAccounts', emails, accountScope: 'all', options: {} });
}

/**
 * Bench scaffolding, not timed: n8n starts its task runner with every `n8n execute`, which takes a core
 * for its first seconds. A run of 1–2 s would be timed against it; the Wait lets it settle first (the
 * many-people workflow's Code node does the same).
 */
const settle = () => node('n8n-nodes-base.wait', 1.1, 'Settle', { resume: 'timeInterval', amount: 5, unit: 'seconds' }, { webhookId: 'bench-people-settle' });

function manyPeopleWorkflow(id) {
	return linearWorkflow(id, [
		// Bench scaffolding, not timed: one item per person, as a trigger or a sheet would give them.
		codeNode('People', `return Array.from({ length: ${PEOPLE} }, (_, i) => ({ json: { email: 'person.' + (i + 1) + '@estate.example' } }));`),
		findAccounts('={{ $json.email }}'),
	]);
}

/** What the requests of a run were for: the account listing, Truto's metadata, users, licenses. */
function requestKinds(requests) {
	const kinds = { listing: 0, metadata: 0, users: 0, licenses: 0, other: 0 };
	for (const { path } of requests) {
		if (path === '/integrated-account') kinds.listing++;
		else if (path.endsWith('/capabilities') || path.includes('/meta/')) kinds.metadata++;
		else if (path === '/unified/user-directory/users') kinds.users++;
		else if (path === '/unified/user-directory/licenses') kinds.licenses++;
		else kinds.other++;
	}
	return Object.entries(kinds).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join(', ');
}

async function run() {
	const sandbox = await startBenchEstate(ACCOUNTS, USERS);
	const n8n = await instanceFor(sandbox);
	try {
		await n8n.importWorkflow([
			linearWorkflow('benchPeopleOne1', [settle(), findAccounts(personEmail(1))]),
			linearWorkflow('benchPeopleNobody1', [settle(), findAccounts('nobody@estate.example')]),
			manyPeopleWorkflow('benchPeopleMany1'),
			linearWorkflow('benchPeopleIdle1', []),
		]);
		const idle = await executeMeasured(n8n, 'benchPeopleIdle1');
		const runs = [];
		for (const [id, what, people, expectedFound, repeats] of [
			['benchPeopleOne1', `1 person, found in every account (median of ${REPEATS} runs)`, 1, ACCOUNTS, REPEATS],
			['benchPeopleNobody1', `1 person, found nowhere (median of ${REPEATS} runs)`, 1, 0, REPEATS],
			['benchPeopleMany1', `${PEOPLE} people as ${PEOPLE} items, each found in every account`, PEOPLE, PEOPLE * ACCOUNTS, 1],
		]) {
			const tries = [];
			for (let n = 0; n < repeats; n++) tries.push(await measureInEstate(n8n, sandbox, id));
			tries.sort((a, b) => time(a.execution, NODE) - time(b.execution, NODE));
			const measured = tries[Math.floor(tries.length / 2)];
			const requests = measured.log;
			const output = measured.execution[NODE][0].data.main[0];
			runs.push({ what, people, expectedFound, measured, requests, found: output.filter((item) => item.json.kind === 'account').length });
		}

		const pages = Math.ceil(USERS / PAGE);
		// One person: the least is one email lookup per account, side by side, after the account list.
		const oneFloor = estateFloor({ minimum: accountListing(ACCOUNTS) + ACCOUNTS, sequential: 1, what: 'email lookup' });
		// Many people: the least is reading every account's users once.
		const manyFloor = estateFloor({ minimum: accountListing(ACCOUNTS) + ACCOUNTS * pages, sequential: pages, what: 'user listing' });
		const floorOf = (people) => (people === 1 ? oneFloor : manyFloor);
		say();
		say(
			`## Person → Find Accounts: ${ACCOUNTS} accounts × ${USERS.toLocaleString('en-US')} users, answers taking ${ESTATE.latencyMs} ms, ` +
				`sandbox enforcing ${ESTATE.perAccount.requests} / 10 s per account and ${ESTATE.perToken.requests} / 10 s per token`,
		);
		const blank = ['', '', '', '', '', '', ''];
		say(
			table(
				['how', 'time', 'vs floor', 'requests (vs minimum)', 'per person', '429s', 'accounts found', 'n8n peak memory'],
				[
					...oneFloor.rows.map((row) => [`1 person ${row[0]}`, row[1], ...blank.slice(1)]),
					...manyFloor.rows.map((row) => [`${PEOPLE} people ${row[0]}`, row[1], ...blank.slice(1)]),
					...runs.map(({ what, people, expectedFound, measured, requests, found }) => {
						const ms = time(measured.execution, NODE);
						const floor = floorOf(people);
						return [
							what,
							fmt(ms),
							ratio(ms, floor.floorMs),
							`${requests.length.toLocaleString('en-US')} (${ratio(requests.length, floor.minimum)})`,
							(requests.length / people).toFixed(1),
							requests.filter((request) => request.status === 429).length,
							`${found} of ${expectedFound}`,
							memoryOver(measured.peakMb, idle.peakMb),
						];
					}),
					['(n8n running an empty workflow)', '—', '', '', '', '', '', `${idle.peakMb.toFixed(0)} MB`],
				],
			),
		);
		for (const { what, requests, measured } of runs) {
			// Where the time went: waiting for answers, or working after the last one.
			const { startTime, executionTime } = measured.execution[NODE][0];
			const lastAnswer = Math.max(...requests.map((request) => request.at + (request.ms ?? 0))) - startTime;
			const end = executionTime >= lastAnswer ? `which ended ${fmt(executionTime - lastAnswer)} later` : `after the node ended (${fmt(lastAnswer - executionTime)} before: it does not wait for licenses it will not use)`;
			say(`${what.replace(/ \(.*/, '')}: requests ${requestKinds(requests)}; last answer ${fmt(lastAnswer)} after the node started, ${end}`);
		}
		const [one, , many] = runs;
		say(
			`1 person / floor: ${ratio(time(one.measured.execution, NODE), oneFloor.floorMs)} (target ≤ 1.2×) · ` +
				`${PEOPLE} people / floor: ${ratio(time(many.measured.execution, NODE), manyFloor.floorMs)} (target ≤ 1.2×) · ` +
				`items out for ${PEOPLE} people: ${count(many.measured.execution, NODE).toLocaleString('en-US')}`,
		);
	} finally {
		await n8n.cleanup();
		await sandbox.stop();
	}
}

module.exports = { name: 'people', run };
