import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ACCOUNT_WIDE_FAILURE_CODES, failsWholeAccount } from '../../../../nodes/shared/transport';
import { testNode } from '../../../helpers/n8nContext';

const answered = (httpCode: string) => new NodeApiError(testNode, { message: 'x' }, { httpCode, message: `answered ${httpCode}` });

describe('failsWholeAccount', () => {
	it('is true for what stops every call of an account: rejected credentials, a block, a rate limit waited out', () => {
		expect(ACCOUNT_WIDE_FAILURE_CODES).toEqual(['401', '429', '503']);
		expect(ACCOUNT_WIDE_FAILURE_CODES.map((code) => failsWholeAccount(answered(code)))).toEqual([true, true, true]);
	});

	it('is false for what concerns one call, and for errors that are not answers', () => {
		expect(['400', '403', '404', '500', '502'].some((code) => failsWholeAccount(answered(code)))).toBe(false);
		expect(failsWholeAccount(new NodeOperationError(testNode, 'bad input'))).toBe(false);
		expect(failsWholeAccount(new Error('503'))).toBe(false);
	});
});
