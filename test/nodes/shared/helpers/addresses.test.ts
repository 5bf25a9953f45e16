import * as sandboxWebhooks from '../../../../dev/sandbox/lib/webhooks';
import { isLoopbackHost, isPrivateHost, LOOPBACK_HOSTS, PRIVATE_HOSTS } from '../../../../nodes/shared/helpers/addresses';

describe('addresses', () => {
	it.each(['localhost', 'app.localhost', '127.0.0.1', '127.8.9.10', '[::1]'])('%s is this machine', (host) => {
		expect(isLoopbackHost(host)).toBe(true);
		expect(isPrivateHost(host)).toBe(true);
	});

	it.each(['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.1.1', '0.0.0.0', '[fd00::1]', '[fe80::1]', 'n8n', 'n8n.local', 'box.internal', 'nas.lan', 'pi.home.arpa'])(
		'%s is private',
		(host) => {
			expect(isLoopbackHost(host)).toBe(false);
			expect(isPrivateHost(host)).toBe(true);
		},
	);

	it.each(['api.truto.one', 'n8n.acme.example', '8.8.8.8', '172.32.0.1', '11.0.0.1', '[2001:db8::1]'])('%s is public', (host) => {
		expect(isPrivateHost(host)).toBe(false);
	});

	// The sandbox cannot import this TypeScript file (it runs without a build), so it holds a copy.
	it('is the rule the sandbox applies to webhook targets, pattern for pattern', () => {
		const sandbox = sandboxWebhooks as unknown as { LOOPBACK_HOSTS: RegExp[]; PRIVATE_HOSTS: RegExp[] };
		expect(sandbox.LOOPBACK_HOSTS.map(String)).toEqual(LOOPBACK_HOSTS.map(String));
		expect(sandbox.PRIVATE_HOSTS.map(String)).toEqual(PRIVATE_HOSTS.map(String));
	});
});
