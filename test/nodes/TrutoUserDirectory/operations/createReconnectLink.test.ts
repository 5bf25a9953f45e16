/**
 * Integrated Account → Create Reconnect Link through the node's execute(), against the sandbox's
 * POST /link-token over real HTTP.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { DEFAULT_LINK_PAGE_URL } from '../../../../nodes/shared/model/resources/integratedAccount';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();
beforeEach(() => {
	sb.clearFaults();
	sb.clearRequests();
	sb.linkTokens.length = 0;
});

function reconnect(account: unknown, options: IDataObject = {}): Parameters {
	return { resource: 'integratedAccount', operation: 'createReconnectLink', integratedAccount: byId(account as string), options };
}

async function run(parameters: Parameters | ((itemIndex: number) => Parameters), extra: { count?: number; continueOnFail?: boolean } = {}) {
	const context = executeContext({
		parameters,
		credentials: { apiToken: TOKEN, baseUrl: sb.url },
		items: Array.from({ length: extra.count ?? 1 }, (_, index): INodeExecutionData => ({ json: { index } })),
		continueOnFail: extra.continueOnFail,
	});
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

const linkRequests = () => sb.requests.filter((request) => request.path === '/link-token');

describe('Integrated Account → Create Reconnect Link', () => {
	it('asks Truto for a link token that keeps the account, and returns the token and the link to send', async () => {
		const [item] = await run(reconnect(ACCOUNTS.okta));
		const [issued] = sb.linkTokens;
		expect(issued).toMatchObject({ integrated_account_id: ACCOUNTS.okta, persist_previous_context: true });
		expect(item.json).toEqual({
			integrated_account_id: ACCOUNTS.okta,
			link_token: issued.link_token,
			link_url: `${DEFAULT_LINK_PAGE_URL}?link_token=${String(issued.link_token)}`,
		});
		const [request] = linkRequests();
		expect(request.method).toBe('POST');
		// Truto documents Idempotency-Key for unified, proxy and custom writes only, not for /link-token.
		expect(request.headers['idempotency-key']).toBeUndefined();
		// An environment call: no account look-ups, no unified path.
		expect(sb.requests.map((entry) => entry.path)).toEqual(['/link-token']);
	});

	it('uses the Link Page URL option, keeping a query it already has', async () => {
		const [item] = await run(reconnect(ACCOUNTS.github, { linkPageUrl: 'https://connect.acme.example/truto?lang=en' }));
		expect(item.json.link_url).toBe(`https://connect.acme.example/truto?lang=en&link_token=${String(sb.linkTokens[0].link_token)}`);
	});

	it('makes one token per item, one item after the other', async () => {
		const accounts = [ACCOUNTS.okta, ACCOUNTS.github, ACCOUNTS.zoom];
		const output = await run((index) => reconnect(accounts[index]), { count: 3 });
		expect(output.map((item) => item.json.integrated_account_id)).toEqual(accounts);
		expect(output.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual([0, 1, 2]);
		expect(new Set(output.map((item) => item.json.link_token)).size).toBe(3);
	});

	it.each(['truncate', 'reset'] as const)('never resends a request whose answer was lost (%s): says so, and that running again is safe', async (kind) => {
		sb.setFaults([{ match: { path: '^/link-token$' }, kind, times: 1 }]);
		const error = (await run(reconnect(ACCOUNTS.okta)).then(
			() => undefined,
			(failure: unknown) => failure,
		)) as Error & { description?: string };
		expect(error.message).toBe("Truto's answer to the reconnect-link request for this account was lost");
		expect(error.description).toMatch(/does not promise that asking again returns the same token/);
		expect(error.description).toMatch(/safe to run this again/);
		expect(linkRequests()).toHaveLength(1);
	});

	it('asks again after a 429: Truto refused the request before making a token', async () => {
		sb.setFaults([{ match: { path: '^/link-token$' }, kind: 'status', status: 429, headers: { 'retry-after': '0' }, times: 1 }]);
		const [item] = await run(reconnect(ACCOUNTS.okta));
		expect(linkRequests()).toHaveLength(2);
		expect(item.json.link_token).toBe(sb.linkTokens[0].link_token);
	});

	it('refuses a Link Page URL that is not an http(s) URL before sending anything', async () => {
		await expect(run(reconnect(ACCOUNTS.okta, { linkPageUrl: 'connect-account' }))).rejects.toThrow('Link Page URL "connect-account" is not a valid URL');
		await expect(run(reconnect(ACCOUNTS.okta, { linkPageUrl: 'javascript:alert(1)' }))).rejects.toThrow('Link Page URL must start with https://, not javascript://');
		expect(linkRequests()).toHaveLength(0);
	});

	it('says what went wrong: an empty account, an unknown account, an answer without a token', async () => {
		await expect(run(reconnect(''))).rejects.toThrow('Integrated Account is empty');
		await expect(run(reconnect('no-such-account'))).rejects.toThrow('Truto answered 404 Not Found: Integrated account no-such-account not found.');
		sb.setFaults([{ match: { path: '^/link-token$' }, kind: 'status', status: 201, body: { token: 'x' } }]);
		await expect(run(reconnect(ACCOUNTS.okta))).rejects.toThrow('Truto answered the link-token request without a link_token');
	});

	it('with On Error → Continue, a failed item becomes an error item and the others still get links', async () => {
		const accounts = [ACCOUNTS.okta, 'no-such-account', ACCOUNTS.zoom];
		const output = await run((index) => reconnect(accounts[index]), { count: 3, continueOnFail: true });
		expect(output.map((item) => Boolean(item.json.link_token))).toEqual([true, false, true]);
		expect(output[1].json).toMatchObject({ error: expect.stringContaining('404'), httpCode: '404' });
	});
});
