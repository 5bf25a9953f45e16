import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { DEFAULT_BASE_URL } from '../../nodes/shared/transport/credentials';
import { TRUTO_RATE_LIMITS } from '../../nodes/shared/transport/limits';

describe('TrutoApi credential', () => {
	const credential = new TrutoApi();

	it('keeps the public names saved workflows depend on', () => {
		expect(credential.name).toBe('trutoApi');
		expect(credential.displayName).toBe('Truto API');
		expect(credential.properties.map((property) => property.name)).toEqual(['apiToken', 'baseUrl', 'rateLimitPerAccount']);
	});

	it('hides the token and defaults the base URL to Truto', () => {
		const [token, baseUrl, rateLimit] = credential.properties;
		expect(rateLimit.default).toBe(50);
		expect(token.typeOptions?.password).toBe(true);
		expect(token.required).toBe(true);
		expect(baseUrl.default).toBe('https://api.truto.one');
		// The transport's fallback for an empty Base URL is the same address.
		expect(baseUrl.default).toBe(DEFAULT_BASE_URL);
	});

	it("takes the request limit from Truto's limits table", () => {
		const rateLimit = credential.properties[2];
		const { requests, windowMs } = TRUTO_RATE_LIMITS.account;
		expect(rateLimit.default).toBe(requests);
		expect(rateLimit.displayName).toBe('Requests per 10 Seconds per Account');
		expect(rateLimit.displayName).toContain(`per ${windowMs / 1000} Seconds`);
		expect(rateLimit.description).toContain(`in any ${windowMs / 1000} seconds`);
		expect(rateLimit.description).toContain(`Truto allows ${requests};`);
	});

	it('sends the token as a Bearer header, keeping the headers and everything else of the request', async () => {
		const request = { method: 'GET' as const, url: 'https://api.truto.one/integrated-account', headers: { Accept: 'application/json', 'Idempotency-Key': 'k1' }, qs: { limit: 1 } };
		const signed = await credential.authenticate({ apiToken: 'tok-123', baseUrl: 'https://api.truto.one' }, request);
		expect(signed).toEqual({ ...request, headers: { Accept: 'application/json', 'Idempotency-Key': 'k1', Authorization: 'Bearer tok-123' } });
		// The request handed in is left as it was: n8n may sign it again after a refresh.
		expect(request.headers).toEqual({ Accept: 'application/json', 'Idempotency-Key': 'k1' });
		expect(await credential.authenticate({ apiToken: 'tok-123' }, { url: '/x' })).toEqual({ url: '/x', headers: { Authorization: 'Bearer tok-123' } });
	});

	it("keeps authenticate as its own field, which n8n's copy of the credential type (a spread) keeps", () => {
		// n8n offers Custom API Call and the HTTP Request node only for a credential whose copy has authenticate.
		const copied = { ...new TrutoApi() };
		expect(typeof copied.authenticate).toBe('function');
	});

	it('tests the token with one integrated account', () => {
		expect(credential.test.request.url).toBe('/integrated-account');
		expect(credential.test.request.qs).toEqual({ limit: 1 });
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
	});
});
