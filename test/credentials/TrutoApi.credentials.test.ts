import { TrutoApi } from '../../credentials/TrutoApi.credentials';

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
	});

	it('sends the token as a Bearer header', () => {
		expect(credential.authenticate.properties.headers?.Authorization).toBe('=Bearer {{$credentials.apiToken}}');
	});

	it('tests the token with one integrated account', () => {
		expect(credential.test.request.url).toBe('/integrated-account');
		expect(credential.test.request.qs).toEqual({ limit: 1 });
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
	});
});
