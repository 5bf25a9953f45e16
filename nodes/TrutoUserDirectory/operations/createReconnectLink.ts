import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { reconnectLinkUrl } from '../../shared/helpers/links';
import { DEFAULT_LINK_PAGE_URL } from '../../shared/model/resources/integratedAccount';
import { type EnvironmentCall, recordOf } from '../../shared/parameters/itemInput';
import { isAnswerLost } from '../../shared/transport';
import type { ExecutionScope } from '../execution';

/**
 * Integrated Account → Create Reconnect Link: a Truto link token for an existing account
 * (`persist_previous_context` keeps its ID and settings), and the Truto Link URL the customer opens
 * to connect it again. Truto documents no Idempotency-Key for POST /link-token, so none is sent and a
 * request whose answer was lost is not sent again: the item fails and says running it again is safe.
 */
export async function createReconnectLink(execution: ExecutionScope, input: EnvironmentCall): Promise<IDataObject[]> {
	const accountId = recordOf(input);
	let answer: IDataObject | undefined;
	try {
		answer = (await execution.client.request({
			method: 'POST',
			path: ['link-token'],
			body: { integrated_account_id: accountId, persist_previous_context: true },
			itemIndex: input.itemIndex,
		})) as IDataObject | undefined;
	} catch (error) {
		throw isAnswerLost(error)
			? new NodeOperationError(execution.context.getNode(), "Truto's answer to the reconnect-link request for this account was lost", {
					itemIndex: input.itemIndex,
					description: `${(error as Error).message}. Truto may have made a link token, but Truto does not promise that asking again returns the same token, so the node did not ask again. An unused link token does no harm: it is safe to run this again.`,
				})
			: error;
	}
	const linkToken = answer?.link_token;
	if (typeof linkToken !== 'string' || linkToken === '') {
		throw new NodeOperationError(execution.context.getNode(), 'Truto answered the link-token request without a link_token', {
			itemIndex: input.itemIndex,
			description: `The answer was ${JSON.stringify(answer ?? null).slice(0, 200)}. Try again; if it persists, check the integrated account in the Truto dashboard.`,
		});
	}
	return [
		{
			integrated_account_id: accountId,
			link_token: linkToken,
			link_url: reconnectLinkUrl(input.linkPageUrl ?? DEFAULT_LINK_PAGE_URL, linkToken),
		},
	];
}
