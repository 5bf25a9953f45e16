/**
 * The bad-input catalogue: what users (and expressions) really put into the node, run through the
 * node's execute() against the sandbox. Every case gets a clear, specific error (the message is
 * asserted) or a sensible result; IDs always stay one path segment (checked in the sandbox's request
 * log); and the API token never shows up in an error, an output item or the request log.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../../../../nodes/shared/transport';
import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, dataRequests, type SandboxRequest, startSandbox, TOKEN, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();
/** An address where nothing listens any more: a sandbox that was closed. */
let closedUrl: string;

beforeAll(async () => {
	const gone = await startSandbox({ port: 0 });
	closedUrl = gone.url;
	await gone.close();
});

const USERS = '/unified/user-directory/users';

const listUsers = (extra: Parameters = {}): Parameters => ({
	resource: 'user',
	operation: 'getAll',
	integratedAccount: byId(ACCOUNTS.zoom),
	returnAll: true,
	options: {},
	...extra,
});
const getUser = (userId: unknown, extra: Parameters = {}): Parameters => ({
	resource: 'user',
	operation: 'get',
	integratedAccount: byId(ACCOUNTS.zoom),
	userId: byId(userId as string),
	options: {},
	...extra,
});
const withLimit = (limit: unknown): Parameters => listUsers({ returnAll: false, limit });
const remoteQuery = (name: string, value: unknown = 'x'): Parameters =>
	listUsers({ returnAll: false, limit: 1, options: { remoteQuery: { parameters: [{ name, value }] } } });

interface Credentials {
	apiToken: string;
	baseUrl: string;
}

interface BadInput {
	name: string;
	parameters: Parameters;
	credentials?: (sandboxUrl: string) => Partial<Credentials>;
	/** The message it must fail with; absent = it must succeed. */
	error?: RegExp;
	description?: RegExp;
	/** Requests that may reach the sandbox. */
	requests?: number;
	/** The user ID that must arrive as exactly one path segment. */
	segment?: string;
	check?: (output: INodeExecutionData[], requests: SandboxRequest[]) => void;
	/** Found before the item loop (credential checks): the error names no item. */
	beforeItems?: boolean;
}

const port = (url: string) => new URL(url).port;
const longId = (length: number) => `id-${'x'.repeat(length - 3)}`;

const CASES: BadInput[] = [
	// Credential: API token
	{ name: 'empty API token', parameters: listUsers(), credentials: () => ({ apiToken: '' }), error: /^The Truto API credential has no API token$/, requests: 0, beforeItems: true },
	{ name: 'API token with a line break', parameters: listUsers(), credentials: () => ({ apiToken: `${TOKEN}\n` }), error: /^The API token in the Truto API credential contains spaces or line breaks$/, requests: 0, beforeItems: true },
	{ name: 'API token with a trailing space', parameters: listUsers(), credentials: () => ({ apiToken: `${TOKEN} ` }), error: /contains spaces or line breaks/, requests: 0, beforeItems: true },
	{ name: 'wrong API token', parameters: listUsers(), credentials: () => ({ apiToken: `${TOKEN}-revoked` }), error: /^Truto answered 401 Unauthorized: Invalid API token\.$/, description: /did not accept the API token/, requests: 1 },

	// Credential: Base URL
	{ name: 'Base URL without a scheme', parameters: listUsers(), credentials: (url) => ({ baseUrl: `127.0.0.1:${port(url)}` }), error: /^The Base URL "127\.0\.0\.1:\d+" does not start with https:\/\/$/, requests: 0, beforeItems: true },
	{ name: 'Base URL with htps://', parameters: listUsers(), credentials: () => ({ baseUrl: 'htps://api.truto.one' }), error: /^The Base URL "htps:\/\/api\.truto\.one" must use https, not htps$/, requests: 0, beforeItems: true },
	{ name: 'Base URL with https// (no colon)', parameters: listUsers(), credentials: () => ({ baseUrl: 'https//api.truto.one' }), error: /does not start with https:\/\//, requests: 0, beforeItems: true },
	{ name: 'Base URL ending in /unified/user-directory', parameters: listUsers(), credentials: (url) => ({ baseUrl: `${url}/unified/user-directory` }), error: /ends with an API path/, description: /the node adds \/unified\/… itself/, requests: 0, beforeItems: true },
	{ name: 'Base URL ending in /integrated-account/', parameters: listUsers(), credentials: (url) => ({ baseUrl: `${url}/integrated-account/` }), error: /ends with an API path/, requests: 0, beforeItems: true },
	{ name: 'Base URL with a space inside', parameters: listUsers(), credentials: () => ({ baseUrl: 'https://api. truto.one' }), error: /^The Base URL "https:\/\/api\. truto\.one" contains a space$/, requests: 0, beforeItems: true },
	{ name: 'Base URL with spaces and a slash around it', parameters: withLimit(3), credentials: (url) => ({ baseUrl: `  ${url}/  ` }), check: (output) => expect(output).toHaveLength(3) },
	{ name: 'Base URL over plain http to a remote host', parameters: listUsers(), credentials: () => ({ baseUrl: 'http://api.truto.one' }), error: /^The Base URL "http:\/\/api\.truto\.one" must use https, not http$/, requests: 0, beforeItems: true },
	{ name: 'Base URL with a query', parameters: listUsers(), credentials: (url) => ({ baseUrl: `${url}/?region=eu` }), error: /must not contain a query, fragment or user name/, requests: 0, beforeItems: true },
	{ name: 'Base URL with the token as user info', parameters: listUsers(), credentials: (url) => ({ baseUrl: `http://user:${TOKEN}@127.0.0.1:${port(url)}` }), error: /must not contain a query, fragment or user name/, requests: 0, beforeItems: true },
	{ name: 'Base URL where nothing listens', parameters: listUsers(), credentials: () => ({ baseUrl: closedUrl }), error: /^Could not reach Truto: nothing is listening at the Base URL/, requests: 0 },

	// Integrated account
	{ name: 'empty integrated account', parameters: listUsers({ integratedAccount: byId('') }), error: /^Integrated Account is empty$/, requests: 0 },
	{ name: 'integrated account of spaces', parameters: listUsers({ integratedAccount: byId('   ') }), error: /^Integrated Account is empty$/, requests: 0 },
	{ name: 'unknown integrated account', parameters: listUsers({ integratedAccount: byId('no-such-account') }), error: /^Truto answered 404 Not Found: Integrated account no-such-account not found\.$/, requests: 1 },
	{ name: 'integrated account expression giving an object', parameters: listUsers({ integratedAccount: { id: ACCOUNTS.zoom } }), error: /^Integrated Account must be an ID, not an object$/, requests: 0 },
	{ name: 'integrated account expression giving a list', parameters: listUsers({ integratedAccount: byId([ACCOUNTS.zoom] as unknown as string) }), error: /^Integrated Account must be an ID, not a list$/, requests: 0 },
	{
		name: 'integrated account with & and = (stays one query value)',
		parameters: listUsers({ integratedAccount: byId('x&limit=1&truto_response_format=raw') }),
		error: /404 Not Found: Integrated account x&limit=1&truto_response_format=raw not found/,
		requests: 1,
		check: (_, [request]) => {
			expect(request.query.integrated_account_id).toBe('x&limit=1&truto_response_format=raw');
			expect(request.query.truto_response_format).toBeUndefined();
		},
	},

	// IDs: always encoded, never leaving the resource path
	{ name: 'ID with a slash', parameters: getUser('a/b'), error: /^Truto answered 404 Not Found|^The connected app answered 404 Not Found: users record "a\/b" was not found/, segment: 'a/b' },
	{ name: 'ID ..', parameters: getUser('..'), error: /^"\.\." is not a valid ID$/, requests: 0 },
	{ name: 'ID .', parameters: getUser('.'), error: /^"\." is not a valid ID$/, requests: 0 },
	{ name: 'ID climbing out: ../integrated-account', parameters: getUser('../integrated-account'), error: /404 Not Found: users record "\.\.\/integrated-account" was not found/, segment: '../integrated-account' },
	{ name: 'ID with a space', parameters: getUser('a b'), error: /404 Not Found: users record "a b" was not found/, segment: 'a b' },
	{ name: 'ID with spaces around it (trimmed)', parameters: getUser('  a b  '), error: /users record "a b" was not found/, segment: 'a b' },
	{ name: 'ID in Unicode', parameters: getUser('ユーザー🙂'), error: /users record "ユーザー🙂" was not found/, segment: 'ユーザー🙂' },
	{ name: 'ID that is already %2F-encoded', parameters: getUser('%2F'), error: /users record "%2F" was not found/, segment: '%2F', check: (_, [request]) => expect(request.path).toBe(`${USERS}/%252F`) },
	{
		name: 'ID with ? and #',
		parameters: getUser('x?limit=1#y'),
		error: /users record "x\?limit=1#y" was not found/,
		segment: 'x?limit=1#y',
		check: (_, [request]) => expect(request.query.limit).toBeUndefined(),
	},
	{ name: 'ID of 5000 characters', parameters: getUser(longId(5000)), error: /^An ID is 5000 characters long; IDs longer than 2048 characters are not sent$/, requests: 0 },
	{ name: 'ID of exactly 2048 characters', parameters: getUser(longId(2048)), error: /404 Not Found/, segment: longId(2048) },
	{ name: 'ID expression giving an object', parameters: getUser({ id: 'u1' }), error: /^User must be an ID, not an object$/, description: /resolved to \{"id":"u1"\}/, requests: 0 },
	{ name: 'ID expression giving a list', parameters: getUser(['u1', 'u2']), error: /^User must be an ID, not a list$/, requests: 0 },
	{ name: 'empty ID', parameters: getUser(''), error: /^User is empty$/, requests: 0 },
	{ name: 'ID expression giving a number', parameters: getUser(12345), error: /users record "12345" was not found/, segment: '12345' },

	// Limits
	{ name: 'Limit 0', parameters: withLimit(0), error: /^Limit must be a whole number of at least 1, not 0$/, requests: 0 },
	{ name: 'Limit -1', parameters: withLimit(-1), error: /not -1$/, requests: 0 },
	{ name: 'Limit 2.5', parameters: withLimit(2.5), error: /not 2\.5$/, requests: 0 },
	{ name: "Limit 'abc'", parameters: withLimit('abc'), error: /not "abc"$/, requests: 0 },
	{ name: 'Limit NaN', parameters: withLimit(Number.NaN), error: /not NaN$/, requests: 0 },
	{ name: 'Limit Infinity', parameters: withLimit(Number.POSITIVE_INFINITY), error: /not Infinity$/, requests: 0 },
	{ name: 'Limit expression giving an object', parameters: withLimit({ n: 5 }), error: /not \{"n":5\}$/, requests: 0 },
	{ name: 'Limit expression giving a list', parameters: withLimit([5]), error: /not \[5\]$/, requests: 0 },
	{
		name: 'Limit 1e9 (more than there is)',
		parameters: withLimit(1e9),
		check: (output, requests) => {
			expect(output).toHaveLength(237);
			expect(requests.every((request) => Number(request.query.limit) <= MAX_PAGE_SIZE)).toBe(true);
		},
	},
	{ name: "Limit '10' as text", parameters: withLimit('10'), check: (output) => expect(output).toHaveLength(10) },

	// Remote query names
	{ name: 'remote query name a[', parameters: remoteQuery('a['), error: /^Remote Query has an invalid parameter name: "a\["$/, requests: 0 },
	{ name: 'remote query without a name', parameters: remoteQuery(''), error: /^Remote Query has an invalid parameter name: ""$/, requests: 0 },
	{ name: 'remote query name [x]', parameters: remoteQuery('[x]'), error: /invalid parameter name: "\[x\]"/, requests: 0 },
	{ name: 'remote query name a]b', parameters: remoteQuery('a]b'), error: /invalid parameter name: "a\]b"/, requests: 0 },
	{ name: 'remote query name a[b]c', parameters: remoteQuery('a[b]c'), error: /invalid parameter name: "a\[b\]c"/, requests: 0 },
	{
		name: 'remote query value that is an object (sent nested)',
		parameters: remoteQuery('filter', { role: 'admin' }),
		check: (_, [request]) => expect(request.rawQuery).toContain('remote_query[filter][role]=admin'),
	},

	// Filters
	{ name: 'invalid date filter', parameters: listUsers({ filters: { createdAfter: 'yesterday-ish' } }), error: /^The filter "createdAfter" is not a valid date: "yesterday-ish"$/, requests: 0 },
	{ name: 'filter expression giving an object', parameters: listUsers({ filters: { status: { in: ['active'] } } }), error: /^The filter "status" must be text, not an object$/, requests: 0 },
	{ name: 'filter expression giving a list', parameters: listUsers({ filters: { email: ['a@b.c'] } }), error: /^The filter "email" must be text, not an object$/, requests: 0 },

	// Options, resource, operation
	{ name: 'unknown response format', parameters: listUsers({ options: { responseFormat: 'xml' } }), error: /^Truto answered 400 Bad Request: Invalid value "xml" for truto_response_format/, requests: 1 },
	{ name: 'unknown operation', parameters: listUsers({ operation: 'explode' }), error: /^The operation "explode" is not supported for "user"$/, requests: 0 },
	{ name: 'unknown resource', parameters: listUsers({ resource: 'widget' }), error: /^The operation "getAll" is not supported for "widget"$/, requests: 0 },
];

/** Everything that leaves the node: message, description, the error as n8n would serialise it. */
function visible(error: unknown): string {
	const { message, description, context } = error as { message?: string; description?: string; context?: unknown };
	let serialised = '';
	try {
		serialised = JSON.stringify(error);
	} catch {
		serialised = String(error);
	}
	return [message, description, JSON.stringify(context ?? {}), serialised].join('\n');
}

async function run(input: BadInput, continueOnFail: boolean): Promise<INodeExecutionData[]> {
	const credentials: Credentials = { apiToken: TOKEN, baseUrl: sb.url, ...input.credentials?.(sb.url) };
	const context = executeContext({ parameters: input.parameters, credentials, continueOnFail });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

describe('bad input', () => {
	it('has a catalogue of at least 30 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
		expect(new Set(CASES.map((input) => input.name)).size).toBe(CASES.length);
	});

	it.each(CASES)('$name', async (input) => {
		let output: INodeExecutionData[] | undefined;
		let error: (Error & { description?: string; context?: IDataObject }) | undefined;
		try {
			output = await run(input, false);
		} catch (caught) {
			error = caught as typeof error;
		}
		// The calls themselves: the pre-flight look-ups (account, capabilities, metadata) are left out.
		const requests = dataRequests(sb);

		if (input.error) {
			expect(output).toBeUndefined();
			expect(error?.message).toMatch(input.error);
			if (input.description) expect(error?.description).toMatch(input.description);
			expect(visible(error)).not.toContain(TOKEN);
			if (!input.beforeItems) expect(error?.context?.itemIndex).toBe(0);
		} else {
			expect(error).toBeUndefined();
			expect(JSON.stringify(output)).not.toContain(TOKEN);
		}
		if (input.requests !== undefined) expect(requests).toHaveLength(input.requests);
		if (input.segment !== undefined) {
			expect(requests).toHaveLength(1);
			const segments = requests[0].path.split('/');
			expect(segments.slice(0, 4).join('/')).toBe(USERS);
			expect(segments).toHaveLength(5);
			expect(decodeURIComponent(segments[4])).toBe(input.segment);
		}
		input.check?.(output ?? [], requests);
		expect(JSON.stringify(requests)).not.toContain(TOKEN);

		// With On Error → Continue: one error item, paired with the item, saying the same.
		if (input.error) {
			sb.clearRequests();
			const continued = await run(input, true);
			expect(continued).toHaveLength(1);
			expect((continued[0].pairedItem as IPairedItemData).item).toBe(0);
			expect(String(continued[0].json.error)).toMatch(input.error);
			expect(JSON.stringify(continued)).not.toContain(TOKEN);
		}
	});

	it('gives every input item its own error item when the credential is broken (On Error → Continue)', async () => {
		const context = executeContext({
			parameters: listUsers(),
			credentials: { apiToken: TOKEN, baseUrl: 'htps://api.truto.one' },
			items: [{ json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		const [output] = await new TrutoUserDirectory().execute.call(context);
		expect(output.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual([0, 1, 2]);
		expect(output.every((item) => /must use https, not htps/.test(String(item.json.error)))).toBe(true);
	});
});
