import { toQueryString } from '../../../../nodes/shared/helpers/query';

describe('toQueryString', () => {
	it('encodes nested objects and arrays in bracket style', () => {
		expect(
			toQueryString({
				integrated_account_id: 'abc',
				remote_query: { role: 'admin', filter: { team: 'core' } },
				truto_exclude_fields: ['id', 'name'],
				created_at: { gt: '2026-01-01T00:00:00.000Z' },
			}),
		).toBe(
			'integrated_account_id=abc&remote_query[role]=admin&remote_query[filter][team]=core' +
				'&truto_exclude_fields[]=id&truto_exclude_fields[]=name&created_at[gt]=2026-01-01T00%3A00%3A00.000Z',
		);
	});

	it('percent-encodes cursors so that +, / and = survive', () => {
		const cursor = 'a+b/c==';
		const query = toQueryString({ next_cursor: cursor });
		expect(query).toBe('next_cursor=a%2Bb%2Fc%3D%3D');
		expect(new URLSearchParams(query).get('next_cursor')).toBe(cursor);
	});

	it('encodes keys, spaces, ampersands and unicode in values', () => {
		const query = toQueryString({ name: 'Zoë & Ana', 'we[ird]': 'x y' });
		expect(new URLSearchParams(query).get('name')).toBe('Zoë & Ana');
		expect(query).toContain('we%5Bird%5D=x%20y');
	});

	it('leaves out empty, null and undefined values but keeps false and 0', () => {
		expect(toQueryString({ a: '', b: null, c: undefined, d: false, e: 0 })).toBe('d=false&e=0');
	});

	it('writes dates as ISO strings', () => {
		expect(toQueryString({ at: new Date(Date.UTC(2026, 0, 2)) as never })).toBe('at=2026-01-02T00%3A00%3A00.000Z');
	});
});
