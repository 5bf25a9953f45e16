/**
 * The node's throughput features through its execute(): input items worked on a few at a time
 * (with output order, pairedItem and On Error semantics exactly those of a plain loop), and
 * remote_data left out unless asked for.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { ITEM_CONCURRENCY } from '../../../nodes/TrutoUserDirectory/boundedConcurrency';
import { router, type RunSettings } from '../../../nodes/TrutoUserDirectory/router';
import { byId, executeContext, type Parameters } from '../../helpers/n8nContext';
import { ACCOUNTS, isLookup, type SandboxRequest, TOKEN, useSandbox } from '../../helpers/sandbox';

const GET_DELAY_MS = 100;

const sb = useSandbox();
let zoomIds: string[];

beforeAll(async () => {
	const listed = await run(() => list(ACCOUNTS.zoom, { returnAll: false, limit: 40 }));
	zoomIds = listed.map((item) => String(item.json.id));
});

async function run(
	parameters: (itemIndex: number) => Parameters,
	options: { count?: number; continueOnFail?: boolean; settings?: RunSettings } = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: { apiToken: TOKEN, baseUrl: sb.url },
		items: Array.from({ length: options.count ?? 1 }, (_, index) => ({ json: { index } })),
		continueOnFail: options.continueOnFail,
	});
	const [output] = await router.call(context, options.settings);
	return output;
}

function list(account: string, extra: Parameters = {}): Parameters {
	return { resource: 'user', operation: 'getAll', integratedAccount: byId(account), returnAll: true, options: {}, ...extra };
}

function getUser(id: string, extra: Parameters = {}): Parameters {
	return { resource: 'user', operation: 'get', integratedAccount: byId(ACCOUNTS.zoom), userId: byId(id), options: {}, ...extra };
}

const paired = (item: INodeExecutionData) => (item.pairedItem as IPairedItemData).item;

describe('as an AI agent tool', () => {
	it('answers a failed call with the error and its hint, for the model to read', async () => {
		const context = executeContext({
			parameters: () => ({ resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true, options: {} }),
			credentials: { apiToken: TOKEN, baseUrl: sb.url },
			nodeType: 'n8n-nodes-truto.trutoUserDirectoryTool',
		});
		const [output] = await router.call(context);
		expect(output).toEqual([
			{
				json: {
					error: 'GitHub needs Organization (organization_id) to list licenses',
					description: expect.stringMatching(/^Fill in Organization \(organization_id\) on the node/),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('still fails the node when it runs as a node, not a tool', async () => {
		await expect(run(() => ({ resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true, options: {} }))).rejects.toThrow(
			'GitHub needs Organization (organization_id) to list licenses',
		);
	});
});

/** The most requests the sandbox was answering at the same moment. */
function mostInFlight(requests: SandboxRequest[]): number {
	const edges = requests.flatMap((request) => [
		{ at: request.at, step: 1 },
		{ at: request.at + (request.ms ?? 0), step: -1 },
	]);
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let current = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (current += edge.step));
	return most;
}

// User gets, without the once-per-execution metadata look-up (…/users/<integration>/meta/get).
const gets = () => sb.requests.filter((request) => request.path.startsWith('/unified/user-directory/users/') && !isLookup(request));
const slowGets = { kind: 'delay' as const, ms: GET_DELAY_MS, match: { path: '^/unified/user-directory/users/' }, times: -1 };

describe('input items side by side', () => {
	it(`gets ${40} users ${ITEM_CONCURRENCY} at a time, in item order, each paired with its item`, async () => {
		sb.setFaults([slowGets]);
		const started = Date.now();
		const output = await run((itemIndex) => getUser(zoomIds[itemIndex]), { count: zoomIds.length });
		const elapsed = Date.now() - started;

		expect(output.map((item) => item.json.id)).toEqual(zoomIds);
		expect(output.map(paired)).toEqual(zoomIds.map((_, index) => index));
		const inFlight = mostInFlight(gets());
		expect(inFlight).toBeGreaterThan(1);
		expect(inFlight).toBeLessThanOrEqual(ITEM_CONCURRENCY);
		// One at a time this takes 40 × 100 ms; the bound only says "clearly not one at a time".
		expect(elapsed).toBeLessThan((zoomIds.length * GET_DELAY_MS) / 2);
	});

	it('gives exactly the output of a plain loop with On Error → Continue', async () => {
		const wanted = zoomIds.slice(0, 20).map((id, index) => (index % 6 === 3 ? `missing-${index}` : id));
		const parameters = (itemIndex: number) => getUser(wanted[itemIndex]);
		// The first two answers are slow, so later items finish first when they run side by side.
		const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		sb.setFaults([
			{ kind: 'delay', ms: 150, match: { path: `/users/(${escape(wanted[0])}|${escape(wanted[1])})$` }, times: -1 },
		]);
		const together = await run(parameters, { count: wanted.length, continueOnFail: true });
		const oneByOne = await run(parameters, { count: wanted.length, continueOnFail: true, settings: { itemConcurrency: 1 } });

		expect(together).toEqual(oneByOne);
		expect(together).toHaveLength(wanted.length);
		const failed = together.filter((item) => item.json.error);
		expect(failed.map(paired)).toEqual([3, 9, 15]);
		expect(failed[0].json.error).toMatch(/404/);
	});

	it('keeps every record of a listed item together, in item order', async () => {
		const accounts = [ACCOUNTS.zoom, ACCOUNTS.github, ACCOUNTS.blocked, ACCOUNTS.salesforce, ACCOUNTS.atlassian];
		const output = await run((itemIndex) => list(accounts[itemIndex]), { count: accounts.length, continueOnFail: true });
		const items = output.map(paired);
		// Non-decreasing: no item's records are interleaved with another's.
		expect(items).toEqual([...items].sort((a, b) => a - b));
		expect(new Set(items)).toEqual(new Set([0, 1, 2, 3, 4]));
		const blocked = output.filter((item) => paired(item) === 2);
		expect(blocked).toHaveLength(1);
		expect(blocked[0].json.error).toMatch(/blocked in Truto/);
		expect(output.filter((item) => paired(item) === 0)).toHaveLength(237);
	});

	it('fails with the first failed item and starts no item after the ones under way', async () => {
		const wanted = zoomIds.map((id, index) => (index === 5 || index === 7 ? `missing-${index}` : id));
		sb.setFaults([slowGets]);
		const error = (await run((itemIndex) => getUser(wanted[itemIndex]), { count: wanted.length }).catch(
			(caught: unknown) => caught,
		)) as Error & { context?: IDataObject };
		expect(error.message).toMatch(/404/);
		expect(error.context?.itemIndex).toBe(5);
		// Items 0…5+concurrency at most were started; the other 26 never were.
		expect(gets().length).toBeLessThanOrEqual(6 + ITEM_CONCURRENCY);
	});

	it('goes one item at a time, stopping at a failure, when not every item only reads', async () => {
		const operations = zoomIds.slice(0, 12).map((_, index) => (index === 3 ? 'explode' : 'get'));
		const error = (await run(
			(itemIndex) => ({ ...getUser(zoomIds[itemIndex]), operation: operations[itemIndex] }),
			{ count: operations.length },
		).catch((caught: unknown) => caught)) as Error & { context?: IDataObject };
		expect(error.message).toMatch(/The operation "explode" is not supported for "user"/);
		expect(error.context?.itemIndex).toBe(3);
		expect(gets()).toHaveLength(3);
	});

	it('still reads every parameter per item', async () => {
		const accounts = [ACCOUNTS.zoom, ACCOUNTS.salesforce, ACCOUNTS.atlassian];
		const output = await run((itemIndex) => list(accounts[itemIndex], { returnAll: false, limit: itemIndex + 1 }), {
			count: 3,
		});
		expect(output.map(paired)).toEqual([0, 1, 1, 2, 2, 2]);
		const asked = sb.requests.map((request) => [request.accountId, request.query.limit]);
		expect(asked).toEqual(expect.arrayContaining([
			[ACCOUNTS.zoom, '1'],
			[ACCOUNTS.salesforce, '2'],
			[ACCOUNTS.atlassian, '3'],
		]));
	});
});

describe('remote_data', () => {
	const lastUsers = () => sb.requests.filter((request) => request.path === '/unified/user-directory/users');

	it('is left out by default (truto_ignore_remote_data=true)', async () => {
		const output = await run(() => list(ACCOUNTS.github));
		expect(output.length).toBeGreaterThan(0);
		expect(output.every((item) => !('remote_data' in item.json))).toBe(true);
		expect(lastUsers().every((request) => request.query.truto_ignore_remote_data === 'true')).toBe(true);
	});

	it('comes back with Options → Ignore Remote Data turned off', async () => {
		const output = await run(() => list(ACCOUNTS.github, { options: { ignoreRemoteData: false } }));
		expect(output.every((item) => typeof item.json.remote_data === 'object')).toBe(true);
		expect(lastUsers().every((request) => request.query.truto_ignore_remote_data === undefined)).toBe(true);
	});

	it('stays out with Ignore Remote Data turned on', async () => {
		const output = await run(() => list(ACCOUNTS.github, { options: { ignoreRemoteData: true } }));
		expect(output.every((item) => !('remote_data' in item.json))).toBe(true);
	});
});
