/**
 * Whether a host can be reached from outside this machine or network. A Truto in the cloud can only
 * deliver webhooks to public addresses; a local Truto sandbox reaches local ones too.
 *
 * The rule is the two pattern lists below, matched against a bare host name (no IPv6 brackets, lower
 * case). The sandbox's check of webhook targets (dev/sandbox/lib/webhooks.js) is plain JavaScript that
 * runs without a build, so it holds the same lists; a unit test fails as soon as they differ.
 */

/** This machine only: localhost (and its subdomains), 127.0.0.0/8, ::1. */
export const LOOPBACK_HOSTS: readonly RegExp[] = [/^localhost$/, /\.localhost$/, /^127(\.\d{1,3}){3}$/, /^::1$/];

/**
 * A private network beyond loopback: private and link-local IPv4 ranges and 0.0.0.0; unique-local
 * and link-local IPv6 (fc00::/7, fe80::/10) and ::; single-label names such as a Docker service
 * ("n8n"); names that only resolve inside a network (.local, .internal, .lan, .home.arpa).
 */
export const PRIVATE_HOSTS: readonly RegExp[] = [
	/^10(\.\d{1,3}){3}$/,
	/^192\.168(\.\d{1,3}){2}$/,
	/^172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}$/,
	/^169\.254(\.\d{1,3}){2}$/,
	/^0\.0\.0\.0$/,
	/^(f[cd]|fe[89ab])[0-9a-f]*:/,
	/^::$/,
	/^[^.:]*$/,
	/\.(local|internal|lan|home\.arpa)$/,
];

/** A URL's hostname without IPv6 brackets, lower-cased. */
function bare(hostname: string): string {
	return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** This machine only. */
export function isLoopbackHost(hostname: string): boolean {
	const host = bare(hostname);
	return LOOPBACK_HOSTS.some((pattern) => pattern.test(host));
}

/** This machine or a private network. */
export function isPrivateHost(hostname: string): boolean {
	const host = bare(hostname);
	return isLoopbackHost(host) || PRIVATE_HOSTS.some((pattern) => pattern.test(host));
}
