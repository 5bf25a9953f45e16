/**
 * Writes whose answer gets lost: Truto replays POST and PATCH by their Idempotency-Key, but not
 * DELETE, so a repeated DELETE that finds the record gone reports it deleted, with a note.
 */
import type { IDataObject } from 'n8n-workflow';

import { router } from '../../../../nodes/TrutoUserDirectory/router';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

async function run(parameters: Parameters): Promise<IDataObject[]> {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const [output] = await router.call(context);
	return output.map((item) => item.json);
}

const deleteUser = (id: string): Parameters => ({
	resource: 'user',
	operation: 'delete',
	integratedAccount: byId(ACCOUNTS.zoom),
	userId: byId(id),
	options: {},
});

async function someZoomUser(): Promise<string> {
	const [user] = await run({ resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.zoom), returnAll: false, limit: 1, options: {} });
	return String(user.id);
}

const deletes = () => sb.requests.filter((request) => request.method === 'DELETE');

describe('DELETE', () => {
	it('reports the record deleted, with a note, when the first answer was cut off and the repeat finds it gone', async () => {
		const id = await someZoomUser();
		sb.setFaults([{ kind: 'truncate', match: { method: 'DELETE' } }]);
		expect(await run(deleteUser(id))).toEqual([{ deleted: true, id, note: expect.stringMatching(/first request deleted it/) }]);
		expect(deletes().map((request) => request.status)).toEqual([200, 404]);
	});

	it('deletes as usual, without a note, when the connection was reset before the app acted', async () => {
		const id = await someZoomUser();
		sb.setFaults([{ kind: 'reset', match: { method: 'DELETE' } }]);
		expect(await run(deleteUser(id))).toEqual([{ deleted: true, id }]);
		expect(deletes().map((request) => request.status)).toEqual([0, 200]);
	});

	it('still fails with 404 when the first attempt got its answer: nothing says it acted', async () => {
		await expect(run(deleteUser('no-such-user'))).rejects.toThrow(/404/);
		expect(deletes()).toHaveLength(1);
	});
});
