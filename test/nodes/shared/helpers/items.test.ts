import { toRecords } from '../../../../nodes/shared/helpers/items';

describe('toRecords', () => {
	it('gives one record per array element, wrapping bare values', () => {
		expect(toRecords([{ id: 1 }, 'x', 3, null])).toEqual([{ id: 1 }, { value: 'x' }, { value: 3 }, { value: null }]);
	});

	it('gives one record for an object and none for an empty answer', () => {
		expect(toRecords({ value: [1, 2] })).toEqual([{ value: [1, 2] }]);
		expect(toRecords('')).toEqual([]);
		expect(toRecords(null)).toEqual([]);
	});

	it('wraps a bare string answer', () => {
		expect(toRecords('ok')).toEqual([{ value: 'ok' }]);
	});
});
