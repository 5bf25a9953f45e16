import { rateLimitsText, TRUTO_RATE_LIMITS, windowText } from '../../../../nodes/shared/transport/limits';

describe('Truto rate limits', () => {
	it('are the documented ones: 50 requests / 10 s per integrated account, 500 / 10 s per API token', () => {
		expect(TRUTO_RATE_LIMITS).toEqual({ account: { requests: 50, windowMs: 10_000 }, token: { requests: 500, windowMs: 10_000 } });
	});

	it('are put in words from the table', () => {
		expect(rateLimitsText()).toBe('50 requests per 10 seconds per integrated account and 500 per API token');
		expect(windowText(1000)).toBe('1 second');
		// Different windows are both said.
		expect(rateLimitsText({ account: { requests: 5, windowMs: 1000 }, token: { requests: 60, windowMs: 60_000 } })).toBe(
			'5 requests per 1 second per integrated account and 60 per 60 seconds per API token',
		);
	});
});
