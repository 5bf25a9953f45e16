import { sleep } from 'n8n-workflow';

import {
	resetThrottle,
	throttleStats,
	TrutoClient,
	unifiedPath,
} from '../../../../nodes/shared/transport';
import { executeContext } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

/** The credential's "Requests per 10 Seconds per Account" decides the local budget. */
const sb = useSandbox();
beforeEach(() => resetThrottle());

async function getUsers(rateLimitPerAccount: number | undefined, count: number) {
	const context = executeContext({ parameters: {}, credentials: { apiToken: TOKEN, baseUrl: sb.url, rateLimitPerAccount } });
	const client = await TrutoClient.create(context);
	for (let i = 0; i < count; i++) {
		await client.request({ path: unifiedPath('users'), accountId: ACCOUNTS.github, query: { limit: 1 } });
	}
	return throttleStats().find((stats) => stats.label.includes(`account ${ACCOUNTS.github}`));
}

describe('the credential\'s request limit', () => {
	it('keeps Truto\'s 50 per 10 s when unset: the first requests pass without waiting', async () => {
		const stats = await getUsers(undefined, 5);
		expect(stats?.requests).toBe(5);
		expect(stats?.waits).toBe(0);
	});

	it('holds requests back beyond a lower limit', async () => {
		// 5 per 10 s leaves the node 4 (one kept in reserve): the fifth request waits for the window.
		const fifth = getUsers(5, 5);
		await expect(Promise.race([fifth, sleep(1500).then(() => 'waiting')])).resolves.toBe('waiting');
		const stats = throttleStats().find((entry) => entry.label.includes(`account ${ACCOUNTS.github}`));
		expect(stats?.requests).toBe(4);
		resetThrottle();
		await fifth.catch(() => undefined);
	}, 20_000);

	it('turns the local budget off with 0', async () => {
		const stats = await getUsers(0, 60);
		// Far beyond Truto's 50 per 10 s, and nothing was held back.
		expect(stats?.requests).toBe(60);
		expect(stats?.waits).toBe(0);
	});
});
