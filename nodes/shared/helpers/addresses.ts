/**
 * Whether a host can be reached from outside this machine or network. A Truto in the cloud can only
 * deliver webhooks to public addresses; a local Truto sandbox reaches local ones too.
 */

const LOOPBACK_V4 = /^127(\.\d{1,3}){3}$/;
const PRIVATE_V4 = /^(10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}|169\.254(\.\d{1,3}){2}|0\.0\.0\.0)$/;

/** A URL's hostname without IPv6 brackets, lower-cased. */
function bare(hostname: string): string {
	return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** This machine only: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
	const host = bare(hostname);
	return host === 'localhost' || host.endsWith('.localhost') || LOOPBACK_V4.test(host) || host === '::1';
}

/**
 * This machine or a private network: loopback, private and link-local IPv4 and IPv6 ranges, names
 * that only resolve inside a network (.local, .internal, .lan, .home.arpa) and single-label names
 * such as a Docker service ("n8n").
 */
export function isPrivateHost(hostname: string): boolean {
	const host = bare(hostname);
	if (isLoopbackHost(host) || PRIVATE_V4.test(host)) return true;
	if (host.includes(':')) return /^(f[cd]|fe[89ab])/.test(host) || host === '::';
	return !host.includes('.') || /\.(local|internal|lan|home\.arpa)$/.test(host);
}
