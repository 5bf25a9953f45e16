import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/shared/transport/credentials';
import { TRUTO_RATE_LIMITS, windowText } from '../nodes/shared/transport/limits';

// Truto's per-account limit, from the transport's table (the one place it is stated).
const ACCOUNT_LIMIT = TRUTO_RATE_LIMITS.account;
const ACCOUNT_WINDOW = windowText(ACCOUNT_LIMIT.windowMs);

export class TrutoApi implements ICredentialType {
	name = 'trutoApi';

	displayName = 'Truto API';

	icon: Icon = { light: 'file:../icons/truto.svg', dark: 'file:../icons/truto.dark.svg' };

	documentationUrl = 'https://truto.one/docs/api-reference/overview/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An API token of your Truto environment (Truto dashboard → Settings → API Tokens). It reaches every integrated account of that environment.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				"Truto's API address. Change it only for a regional or self-hosted Truto, or a local sandbox.",
		},
		{
			displayName: `Requests per ${ACCOUNT_LIMIT.windowMs / 1000} Seconds per Account`,
			name: 'rateLimitPerAccount',
			type: 'number',
			default: ACCOUNT_LIMIT.requests,
			typeOptions: { minValue: 0 },
			description: `The most requests the node sends to one integrated account in any ${ACCOUNT_WINDOW}, so that long runs stay under Truto's limit instead of collecting 429s. Truto allows ${ACCOUNT_LIMIT.requests}; raise it only if Truto raised yours. 0 turns the node's own limit off (Truto's rate-limit headers and 429 answers still slow it down).`,
		},
	];

	/**
	 * The token as a Bearer header. A function rather than n8n's declarative form: n8n evaluates the
	 * declarative form's expression for every request (about 0.8 ms in n8n 2.41, one request after
	 * another), which slowed every run that sends many requests at once. A field, not a method: n8n
	 * copies credential types with a spread, which keeps only own fields (without it, no Custom API Call).
	 */
	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken)}` },
	});

	// The cheapest authenticated call: one integrated account of the token's environment.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/integrated-account',
			qs: { limit: 1 },
		},
	};
}
