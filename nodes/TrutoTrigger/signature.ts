import { createHmac, timingSafeEqual } from 'crypto';

/** The header Truto signs every delivery with: `format=sha256,v=<hex>`. */
export const SIGNATURE_HEADER = 'x-truto-signature';

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** HMAC-SHA256 of the raw body with the webhook's secret, as Truto computes it. */
export function expectedSignature(rawBody: Buffer, secret: string): Buffer {
	return createHmac('sha256', secret).update(rawBody).digest();
}

/** The header as sent: `format=sha256,v=<hex>` (several `v` are accepted, as during a secret change). */
function signaturesIn(header: string): Buffer[] | string {
	const fields = header.split(',').map((part) => part.trim().split('='));
	if (fields.some((field) => field.length !== 2)) return 'the signature header is not of the form format=sha256,v=<hex>';
	const format = fields.filter(([key]) => key === 'format').map(([, value]) => value);
	if (format.length !== 1 || format[0] !== 'sha256') return 'the signature header does not say format=sha256';
	const values = fields.filter(([key]) => key === 'v').map(([, value]) => value);
	if (values.length === 0) return 'the signature header has no v=<hex>';
	if (values.some((value) => !/^[0-9a-f]{64}$/i.test(value))) return 'the signature is not 64 hex digits';
	return values.map((value) => Buffer.from(value, 'hex'));
}

/** The raw body as bytes: n8n keeps it as a Buffer; a string is taken as UTF-8. */
export function rawBytes(rawBody: unknown): Buffer | undefined {
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	return undefined;
}

/**
 * Checks a delivery before anything in it is trusted: the signature must be the HMAC-SHA256 of the
 * exact bytes received, made with this webhook's secret. Compared in constant time, so the answer
 * time tells nothing about how much of a forged signature was right.
 */
export function checkSignature(rawBody: unknown, header: unknown, secret: string | undefined): SignatureCheck {
	if (!secret) {
		return { valid: false, reason: 'this trigger holds no signing secret for its webhook; deactivate and activate the workflow to register it again' };
	}
	const bytes = rawBytes(rawBody);
	if (!bytes) return { valid: false, reason: 'the request has no body to check' };
	const text = Array.isArray(header) ? header.join(',') : header;
	if (typeof text !== 'string' || text.trim() === '') return { valid: false, reason: `the ${SIGNATURE_HEADER} header is missing` };
	const given = signaturesIn(text);
	if (typeof given === 'string') return { valid: false, reason: given };
	const expected = expectedSignature(bytes, secret);
	// Every candidate is compared (no early exit), each in constant time.
	let matched = false;
	for (const signature of given) matched = timingSafeEqual(signature, expected) || matched;
	return matched ? { valid: true } : { valid: false, reason: 'the signature does not match the body' };
}
