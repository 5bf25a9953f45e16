'use strict';
// @ts-check
/** The sandbox's command line (`npm run sandbox`). */
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { ACCOUNTS, TOKEN, call, unified } = require('./helpers');

describe('cli', () => {
	test('prints one JSON line, serves, stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[require.resolve('../../../dev/sandbox/cli'), '--port', '0', '--page-cap', '3', '--rate-limit', '50/10s'],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		try {
			const line = await new Promise((resolve) =>
				readline
					.createInterface({ input: /** @type {import('stream').Readable} */ (child.stdout) })
					.once('line', resolve),
			);
			const info = JSON.parse(/** @type {string} */ (line));
			expect(info).toEqual({
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
				token: TOKEN,
				accounts: { ...ACCOUNTS },
			});
			const r = await call(unified('github', 'users'), { base: info.url });
			expect(r.json.result).toHaveLength(3);
			expect(r.headers.get('ratelimit-limit')).toBe('50;w=10');
		} finally {
			const exit = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exit).toBe(0);
		}
	});
});
