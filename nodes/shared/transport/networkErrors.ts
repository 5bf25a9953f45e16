/**
 * Every network failure the transport knows, in one table: whether asking again can help, what
 * the user is told, and the texts by which n8n's wrapper gives the code away. A new code is one
 * new row.
 */
interface NetworkErrorKind {
	/** A passing failure: a repeatable request is sent again. */
	transient: boolean;
	/** Completes "Could not reach Truto: …". */
	reason: string;
	/**
	 * Texts that stand for this code: n8n replaces a socket error's message with its own (its
	 * COMMON_ERRORS), and n8n 2.8 keeps nothing else of the original error.
	 */
	texts?: RegExp[];
}

const TIMED_OUT = 'the request timed out. The app behind the integrated account may be slow; try again later.';
const CLOSED = 'the connection was closed before an answer arrived.';

export const NETWORK_ERRORS: Record<string, NetworkErrorKind> = {
	ETIMEDOUT: { transient: true, reason: TIMED_OUT, texts: [/timeout/i, /connection timed out/i] },
	ECONNRESET: {
		transient: true,
		reason: CLOSED,
		texts: [/socket hang up|other side closed/i, /connection to the server was closed unexpectedly/i, /server closed the connection unexpectedly/i],
	},
	ECONNABORTED: { transient: true, reason: TIMED_OUT, texts: [/connection was aborted/i] },
	ESOCKETTIMEDOUT: { transient: true, reason: TIMED_OUT },
	ERR_SOCKET_CONNECTION_TIMEOUT: { transient: true, reason: TIMED_OUT },
	EPIPE: { transient: true, reason: CLOSED },
	UND_ERR_SOCKET: { transient: true, reason: CLOSED },
	EAI_AGAIN: {
		transient: true,
		reason: 'the host name of the Base URL could not be looked up just now. Check the Base URL and the network.',
		texts: [/DNS server returned an error/i],
	},
	ECONNREFUSED: {
		transient: false,
		reason: 'nothing is listening at the Base URL. Check the Base URL in the Truto API credential.',
		texts: [/refused the connection/i],
	},
	ENOTFOUND: {
		transient: false,
		reason: 'the host name of the Base URL does not resolve. Check the Base URL in the Truto API credential.',
		texts: [/connection cannot be established, this usually occurs due to an incorrect host/i],
	},
	EHOSTUNREACH: {
		transient: false,
		reason: 'the host of the Base URL cannot be reached. Check the Base URL and the network.',
	},
};

const CODE_NAMED_IN_TEXT = new RegExp(`\\b(${Object.keys(NETWORK_ERRORS).join('|')})\\b`);

export function isTransientNetworkError(code: string | undefined): boolean {
	return code !== undefined && NETWORK_ERRORS[code]?.transient === true;
}

export function networkErrorReason(code: string | undefined): string {
	return (code && NETWORK_ERRORS[code]?.reason) || 'the request could not be completed.';
}

function codeFromText(text: string): string | undefined {
	const named = CODE_NAMED_IN_TEXT.exec(text);
	if (named) return named[1];
	return Object.keys(NETWORK_ERRORS).find((code) => NETWORK_ERRORS[code].texts?.some((pattern) => pattern.test(text)));
}

/**
 * The network error code of a failed request, wherever the HTTP stack put it: n8n wraps the socket
 * error in a NodeApiError (as `errorResponse` or `cause`; n8n 2.8 keeps only its messages), and
 * fetch/axios nest it in `cause` again. A transient code found anywhere wins.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const queue: unknown[] = [error];
	let firstCode: string | undefined;
	let fromText: string | undefined;
	for (let seen = 0; queue.length > 0 && seen < 10; seen++) {
		const current = queue.shift();
		if (!current || typeof current !== 'object') continue;
		const candidate = current as {
			code?: unknown;
			message?: unknown;
			messages?: unknown;
			cause?: unknown;
			errorResponse?: unknown;
		};
		if (typeof candidate.code === 'string') {
			if (isTransientNetworkError(candidate.code)) return candidate.code;
			firstCode ??= candidate.code;
		}
		// The original messages first: they are more specific than n8n's replacement text.
		const texts = [...(Array.isArray(candidate.messages) ? (candidate.messages as unknown[]) : []), candidate.message];
		for (const text of texts) if (typeof text === 'string') fromText ??= codeFromText(text);
		queue.push(candidate.cause, candidate.errorResponse);
	}
	if (isTransientNetworkError(fromText)) return fromText;
	return firstCode ?? fromText;
}
