/**
 * One naming of every Truto parameter: the editor, a pre-flight stop and a Truto 400 all call a field
 * by the name the user sees on the node.
 */
import type { IDataObject } from 'n8n-workflow';

import { fieldNaming } from '../../../../nodes/shared/model/naming';
import { license } from '../../../../nodes/shared/model/resources/license';
import { user } from '../../../../nodes/shared/model/resources/user';
import { group } from '../../../../nodes/shared/model/resources/group';
import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { TrutoUserDirectoryTrigger } from '../../../../nodes/TrutoUserDirectoryTrigger/TrutoUserDirectoryTrigger.node';
import { byId, executeContext, pollContext } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox, badRequest } from '../../../helpers/sandbox';

describe('fieldNaming', () => {
	it('names a parameter by the node field that sends it', () => {
		const users = fieldNaming(user, 'getAll');
		expect(users.query('organization_id')).toBe('Organization (organization_id)');
		expect(users.query('email')).toBe('Filters → Email (email)');
		expect(users.query('workspace_id')).toBe('Filters → Workspace ID (workspace_id)');
		expect(users.query('created_at')).toBe('Filters → Created After / Created Before (created_at)');
		expect(fieldNaming(license, 'get').query('organizations')).toBe('Organization (organizations)');
		expect(fieldNaming(group, 'removeUser').body('user_id')).toBe('User (user_id)');
	});

	it('sends anything else to the dynamic areas, or names it as Truto spells it where there are none', () => {
		expect(fieldNaming(user, 'getAll').query('role_id')).toBe('Integration Parameters → Role ID (role_id)');
		expect(fieldNaming(user, 'create').body('emails')).toBe('Fields → Emails (emails)');
		expect(fieldNaming(user, 'getAll', { dynamicAreas: false }).query('role_id')).toBe('Role ID (role_id)');
		// Filters belong to Get Many only.
		expect(fieldNaming(user, 'get').query('email')).toBe('Integration Parameters → Email (email)');
	});
});

describe('a Truto 400 that names missing parameters', () => {
	const sb = useSandbox();

	function missing(names: string[]) {
		sb.setFaults([
			badRequest('Missing required parameters', { truto_error_insight: { missing_required_query_parameters: { description: 'missing', value: names } } }, { path: '^/unified/user-directory/(users|licenses)$' }),
		]);
	}

	async function failure(promise: Promise<unknown>): Promise<Error & { description?: string }> {
		return await promise.then(
			() => {
				throw new Error('expected a failure');
			},
			(error: Error) => error,
		);
	}

	it('is explained in the action node with the names the pre-flight uses', async () => {
		missing(['email', 'organization_id']);
		const parameters = { resource: 'user', operation: 'getAll', integratedAccount: byId(ACCOUNTS.zoom), returnAll: true, options: {} };
		const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
		const error = await failure(new TrutoUserDirectory().execute.call(context));
		const naming = fieldNaming(user, 'getAll');
		expect(error.description).toContain(`needs ${naming.query('email')} and ${naming.query('organization_id')}`);
		expect(error.description).toContain('Filters → Email (email)');
	});

	it('is explained in the polling trigger by its own fields, never by options it does not have', async () => {
		missing(['organization_id', 'role_id']);
		const parameters: IDataObject = { event: 'licenseSeatsThreshold', integratedAccount: byId(ACCOUNTS.zoom), threshold: 1, options: {} };
		const context = pollContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
		const error = await failure(new TrutoUserDirectoryTrigger().poll.call(context));
		expect(error.description).toContain('needs Organization (organization_id) and Role ID (role_id)');
		expect(error.description).not.toMatch(/Remote Query|Integration Parameters/);
	});
});
