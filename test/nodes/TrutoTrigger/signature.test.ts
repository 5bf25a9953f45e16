import { createHmac } from 'crypto';

import { checkSignature } from '../../../nodes/TrutoTrigger/signature';

const SECRET = 'a3f1c0de5ecret';
const BODY = '{"id":"evt-1","event":"integrated_account:active","payload":{"id":"acc-1"}}';
const hex = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
const header = (signature: string) => `format=sha256,v=${signature}`;

describe('checkSignature', () => {
	it('accepts the HMAC-SHA256 of the exact raw body, as a Buffer or a text', () => {
		expect(checkSignature(Buffer.from(BODY), header(hex(SECRET, BODY)), SECRET)).toEqual({ valid: true });
		expect(checkSignature(BODY, header(hex(SECRET, BODY)), SECRET)).toEqual({ valid: true });
		expect(checkSignature(BODY, `  format=sha256 , v=${hex(SECRET, BODY).toUpperCase()} `, SECRET)).toEqual({ valid: true });
	});

	it('accepts one matching v among several (as while a secret is being changed)', () => {
		expect(checkSignature(BODY, `format=sha256,v=${hex('old', BODY)},v=${hex(SECRET, BODY)}`, SECRET)).toEqual({ valid: true });
	});

	it.each([
		['another secret', BODY, header(hex('other', BODY)), 'the signature does not match the body'],
		['a changed body', `${BODY} `, header(hex(SECRET, BODY)), 'the signature does not match the body'],
		['no header', BODY, undefined, 'the x-truto-signature header is missing'],
		['an empty header', BODY, '  ', 'the x-truto-signature header is missing'],
		['no format', BODY, `v=${hex(SECRET, BODY)}`, 'the signature header does not say format=sha256'],
		['another format', BODY, `format=sha1,v=${hex(SECRET, BODY)}`, 'the signature header does not say format=sha256'],
		['no v', BODY, 'format=sha256', 'the signature header has no v=<hex>'],
		['a bare hex', BODY, hex(SECRET, BODY), 'the signature header is not of the form format=sha256,v=<hex>'],
		['a short v', BODY, header(hex(SECRET, BODY).slice(2)), 'the signature is not 64 hex digits'],
		['base64 instead of hex', BODY, header(createHmac('sha256', SECRET).update(BODY).digest('base64')), 'the signature header is not of the form format=sha256,v=<hex>'],
	])('refuses %s', (_, body, given, reason) => {
		expect(checkSignature(body, given, SECRET)).toEqual({ valid: false, reason });
	});

	it('refuses everything without a secret or a body', () => {
		expect(checkSignature(BODY, header(hex('', BODY)), undefined)).toMatchObject({ valid: false, reason: expect.stringMatching(/holds no signing secret/) });
		expect(checkSignature(undefined, header(hex(SECRET, '')), SECRET)).toEqual({ valid: false, reason: 'the request has no body to check' });
		expect(checkSignature({ parsed: true }, header(hex(SECRET, BODY)), SECRET)).toEqual({ valid: false, reason: 'the request has no body to check' });
	});

	it('reads a header that arrived twice as one list', () => {
		expect(checkSignature(BODY, ['format=sha256', `v=${hex(SECRET, BODY)}`], SECRET)).toEqual({ valid: true });
	});
});
