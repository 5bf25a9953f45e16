'use strict';
// @ts-check
/**
 * The poll trigger inside a real n8n (server mode): three active workflows, one per event, polled
 * by n8n's own scheduler every 5 seconds. Sandbox data changes between polls; every execution is
 * read back through the public API and checked value by value, and polls without a change are
 * shown to start no execution.
 *
 * Poll times: n8n refuses a cron that fires more than once a minute ("The polling interval is too
 * short"): 2.41.1 rejects any seconds field that is not one number, 2.8.4 one containing `*`. It
 * accepts several poll times, though, so twelve custom crons at seconds 0, 5, …, 55 poll every 5 s.
 */
const { itemsOf } = require('../../dev/n8n');
const { ACCOUNTS, TOKEN, describeInN8n } = require('./setup');
const { TRUTO_CREDENTIAL, node, workflow, connect, byId } = require('../../dev/workflows');

const TRIGGER_NODE = 'n8n-nodes-truto.trutoUserDirectoryTrigger';
const POLL_SECONDS = 5;
const POLL_TIMES = {
	item: Array.from({ length: 60 / POLL_SECONDS }, (_, i) => ({ mode: 'custom', cronExpression: `${i * POLL_SECONDS} * * * * *` })),
};
const ADVANCED_SECURITY = 'acme-corp/advanced_security'; // 5 seats, held by GitHub user 1200103 only

/**
 * "<trigger> → NoOp", ready to activate.
 * @param {string} id
 * @param {Record<string, unknown>} parameters
 */
function triggerWorkflow(id, parameters) {
	return workflow(
		id,
		[
			node(TRIGGER_NODE, 1, 'Truto Trigger', { ...parameters, pollTimes: POLL_TIMES }, {
				id: `${id}-trigger`,
				credentials: { trutoApi: TRUTO_CREDENTIAL },
			}),
			node('n8n-nodes-base.noOp', 1, 'After', {}, { id: `${id}-noop`, position: [300, 0] }),
		],
		connect(['Truto Trigger', 'After']),
	);
}

const WORKFLOWS = {
	newUser: triggerWorkflow('trutoTrigNew1', { event: 'newUser', integratedAccount: byId(ACCOUNTS.zoom), options: {} }),
	status: triggerWorkflow('trutoTrigStatus1', {
		event: 'userStatusChanged',
		integratedAccount: byId(ACCOUNTS.github),
		options: {},
	}),
	seats: triggerWorkflow('trutoTrigSeats1', {
		event: 'licenseSeatsThreshold',
		integratedAccount: byId(ACCOUNTS.github),
		organization: byId('acme-corp'),
		threshold: 5,
		options: {},
	}),
};

/** What each workflow polls, to count its polls in the sandbox's request log. */
const POLLED = {
	newUser: { account: ACCOUNTS.zoom, path: '/unified/user-directory/users' },
	status: { account: ACCOUNTS.github, path: '/unified/user-directory/users' },
	seats: { account: ACCOUNTS.github, path: '/unified/user-directory/licenses' },
};

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describeInN8n('n8n %s poll trigger', {}, (e2e) => {
	/** Polls started so far per workflow: answered first-page requests of its list. */
	const polls = () =>
		Object.fromEntries(
			Object.entries(POLLED).map(([key, { account, path }]) => [
				key,
				e2e.sandbox.requests.filter(
					(/** @type {any} */ r) => r.path === path && r.accountId === account && !r.query.next_cursor && r.status === 200,
				).length,
			]),
		);

	/** Waits until every workflow has polled `count` more times (and finished: executions are written after). */
	async function waitForPolls(count, timeoutMs = 60_000) {
		const start = polls();
		const deadline = Date.now() + timeoutMs;
		while (Object.entries(polls()).some(([key, n]) => n < start[/** @type {keyof typeof start} */ (key)] + count)) {
			if (Date.now() > deadline) throw new Error(`fewer than ${count} polls within ${timeoutMs} ms: ${JSON.stringify({ start, now: polls() })}`);
			await sleep(200);
		}
		await sleep(1500);
	}

	/** @param {string} workflowId @returns {Promise<any[]>} finished executions, newest first */
	async function executionsOf(workflowId) {
		const list = await e2e.n8n.publicApi('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=50`);
		return list.data ?? [];
	}

	async function executionCounts() {
		return {
			newUser: (await executionsOf(WORKFLOWS.newUser.id)).length,
			status: (await executionsOf(WORKFLOWS.status.id)).length,
			seats: (await executionsOf(WORKFLOWS.seats.id)).length,
		};
	}

	/**
	 * @param {string} method @param {string} path @param {string} account @param {Record<string, unknown>} [body]
	 * @returns {Promise<any>}
	 */
	async function sandboxCall(method, path, account, body) {
		const response = await fetch(`${e2e.sandbox.url}/unified/user-directory/${path}?integrated_account_id=${account}`, {
			method,
			headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await response.json();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	}

	/** The trigger's items of the one new execution of a workflow. */
	async function nextExecutionItems(workflowId) {
		const before = await executionsOf(workflowId);
		const after = before.reduce((max, e) => Math.max(max, Number(e.id)), 0);
		const execution = await e2e.n8n.waitForExecution(workflowId, { after, timeoutMs: 30_000 });
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('trigger');
		expect(itemsOf(execution, 'After')).toEqual(itemsOf(execution, 'Truto Trigger'));
		return itemsOf(execution, 'Truto Trigger');
	}

	beforeAll(async () => {
		await e2e.n8n.importWorkflow(Object.values(WORKFLOWS));
		for (const workflow of Object.values(WORKFLOWS)) await e2e.n8n.publishWorkflow(workflow.id);
		await e2e.n8n.start();
		// Activation runs a first poll (the baseline); then the scheduler's.
		await waitForPolls(2);
	});

	it('polls on schedule and starts no execution while nothing changes', async () => {
		const counts = polls();
		expect(Math.min(...Object.values(counts))).toBeGreaterThanOrEqual(2);
		// Every page of Zoom's paged directory on every poll: 12 pages each.
		const zoomPages = e2e.sandbox.requests.filter(
			(/** @type {any} */ r) => r.path === POLLED.newUser.path && r.accountId === ACCOUNTS.zoom && r.status === 200,
		).length;
		expect(zoomPages).toBeGreaterThanOrEqual(12 * counts.newUser);
		expect(await executionCounts()).toEqual({ newUser: 0, status: 0, seats: 0 });
	});

	it('fires New User with the created user', async () => {
		const created = await sandboxCall('POST', 'users', ACCOUNTS.zoom, {
			emails: ['trigger.hire@acme.com'],
			first_name: 'Trigger',
			last_name: 'Hire',
		});
		const items = await nextExecutionItems(WORKFLOWS.newUser.id);
		const stored = await sandboxCall('GET', `users/${created.id}`, ACCOUNTS.zoom);
		delete stored.remote_data; // Ignore Remote Data is on by default
		expect(items).toEqual([stored]);
		expect(items[0]).toMatchObject({
			id: created.id,
			name: 'Trigger Hire',
			status: 'active',
			emails: [{ email: 'trigger.hire@acme.com', type: 'work', is_primary: true }],
		});
	});

	it('fires User Status Changed with the previous status', async () => {
		await sandboxCall('PATCH', 'users/1200105', ACCOUNTS.github, { status: 'inactive' });
		const items = await nextExecutionItems(WORKFLOWS.status.id);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: '1200105', status: 'inactive', previous_status: 'active' });
		expect(items[0]).not.toHaveProperty('remote_data');
	});

	it('fires License Seats Threshold Reached when unassigned seats reach the threshold', async () => {
		// 1200103 leaves: Advanced Security 4 → 5 unassigned (crosses 5); Enterprise 5 → 6 (already above).
		await sandboxCall('DELETE', 'users/1200103', ACCOUNTS.github);
		const items = await nextExecutionItems(WORKFLOWS.seats.id);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			id: ADVANCED_SECURITY,
			name: 'GitHub Advanced Security',
			available_quantity: 5,
			assigned_quantity: 0,
			unassigned_quantity: 5,
			previous_unassigned_quantity: 4,
			threshold: 5,
		});
	});

	it('does not fire again on later polls without a change', async () => {
		await waitForPolls(2);
		expect(await executionCounts()).toEqual({ newUser: 1, status: 1, seats: 1 });
	});

	it('fires the threshold again only after the seats dropped below it and came back', async () => {
		const holder = await sandboxCall('POST', 'users', ACCOUNTS.github, {
			emails: ['seat.holder@acme.com'],
			licenses: [ADVANCED_SECURITY],
		});
		await waitForPolls(2); // 4 unassigned: below, nothing fires (a new user is no status change either)
		expect(await executionCounts()).toEqual({ newUser: 1, status: 1, seats: 1 });

		await sandboxCall('DELETE', `users/${holder.id}`, ACCOUNTS.github);
		const items = await nextExecutionItems(WORKFLOWS.seats.id);
		expect(items.map((item) => [item.id, item.previous_unassigned_quantity, item.unassigned_quantity])).toEqual([
			[ADVANCED_SECURITY, 4, 5],
		]);
		await waitForPolls(1);
		expect(await executionCounts()).toEqual({ newUser: 1, status: 1, seats: 2 });
	});

	it('loads as a trigger without an AI-tool variant, with the main node\'s dropdowns', async () => {
		const types = await e2e.n8n.nodeTypes();
		const trigger = types.find((/** @type {any} */ type) => type.name === TRIGGER_NODE);
		expect(trigger).toMatchObject({ displayName: 'Truto Directory Poll Trigger', polling: true, group: ['trigger'] });
		expect(types.map((/** @type {any} */ type) => type.name)).not.toContain(`${TRIGGER_NODE}Tool`);
		const organizations = await e2e.n8n.listSearch({
			nodeType: TRIGGER_NODE,
			methodName: 'searchOrganizations',
			parameters: WORKFLOWS.seats.nodes[0].parameters,
			credentials: { trutoApi: TRUTO_CREDENTIAL },
			path: 'parameters.organization',
		});
		expect(organizations.results.map((/** @type {any} */ result) => result.value).sort()).toEqual(['acme-corp', 'acme-labs']);
	});

	it('never writes the API token to the logs', () => {
		expect(e2e.n8n.allLogText()).not.toContain(TOKEN);
	});
});
