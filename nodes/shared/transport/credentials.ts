import type { ICredentialsDecrypted, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isLoopbackHost } from '../helpers/addresses';

import { type RateLimits, TRUTO_RATE_LIMITS } from './limits';
import type { TrutoFunctions } from './types';

export const CREDENTIAL_TYPE = 'trutoApi';

/**
 * The credential a message asks the user to open, by the name they gave it ("the credential “Truto API
 * (wrong token)”"): n8n gives a node its credentials' names. Without one, the credential type's name.
 */
export function credentialNamed(node: INode | undefined): string {
	const name = node?.credentials?.[CREDENTIAL_TYPE]?.name;
	return typeof name === 'string' && name.trim() ? `the credential “${name.trim()}”` : 'the Truto API credential';
}

/** Truto's cloud API: the credential's default Base URL, and the one used when it is left empty. */
export const DEFAULT_BASE_URL = 'https://api.truto.one';

/** What the Truto API credential gives a client, checked once per client. */
export interface TrutoConnection {
	baseUrl: string;
	/** The API token, kept only to remove it from any text that leaves the node. */
	secret: string;
	/** From "Requests per 10 Seconds per Account": undefined = Truto's limits, false = no local budget. */
	rateLimits: Partial<RateLimits> | false | undefined;
	/**
	 * The credential as read once, handed to n8n's request helper with every request: without it the
	 * helper reads, decrypts and resolves the credential again per request (a database read each time),
	 * garbage that made up much of a long listing's memory (docs/benchmarks.md).
	 */
	credential: ICredentialsDecrypted;
}

/**
 * Reads the credential and refuses what can never work (no token, a token with line breaks, a Base
 * URL that is not https or ends in an API path) before any request, with the fix in the message.
 */
export async function readConnection(context: TrutoFunctions): Promise<TrutoConnection> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secret = checkToken(context, credentials.apiToken);
	const baseUrl = checkBaseUrl(context, credentials.baseUrl, (text) => redactSecret(text, secret));
	const given = context.getNode().credentials?.[CREDENTIAL_TYPE];
	const credential: ICredentialsDecrypted = { id: given?.id ?? '', name: given?.name ?? '', type: CREDENTIAL_TYPE, data: credentials };
	return { baseUrl, secret, rateLimits: rateLimitsFromCredential(credentials.rateLimitPerAccount), credential };
}

/**
 * The credential's "Requests per 10 Seconds per Account": unset means Truto's standard limits, 0 no
 * local budget at all, any other number that many per account (and as many times more per token as
 * Truto's own limits allow, never fewer than Truto's per-token limit).
 */
function rateLimitsFromCredential(value: unknown): Partial<RateLimits> | false | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const perAccount = Number(value);
	if (!Number.isFinite(perAccount) || perAccount < 0) return undefined;
	if (perAccount === 0) return false;
	const { account, token } = TRUTO_RATE_LIMITS;
	const tokenPerAccount = token.requests / account.requests;
	return {
		account: { requests: Math.floor(perAccount), windowMs: account.windowMs },
		token: { requests: Math.max(token.requests, Math.floor(perAccount) * tokenPerAccount), windowMs: token.windowMs },
	};
}

export function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	return text.split(secret).join('***');
}

/** The API token as stored; an empty one, or one with spaces or line breaks (a paste gone wrong), is refused. */
function checkToken(context: TrutoFunctions, raw: unknown): string {
	const secret = typeof raw === 'string' ? raw : String(raw ?? '');
	const credential = credentialNamed(context.getNode());
	const description = `Open ${credential} and paste the API token again (Truto dashboard → Settings → API Tokens).`;
	if (secret.trim() === '') {
		throw new NodeOperationError(context.getNode(), `${capitalised(credential)} has no API token`, { description });
	}
	if (/\s/.test(secret) || [...secret].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
		throw new NodeOperationError(
			context.getNode(),
			`The API token in ${credential} contains spaces or line breaks`,
			{ description },
		);
	}
	return secret;
}

/** Paths of Truto's own API: a Base URL that ends with one was copied from a full request URL. */
const API_PATH = /\/(unified|integrated-account|integration|environment|sync-job|link-token)(\/|$)/i;

function checkBaseUrl(context: TrutoFunctions, raw: unknown, redact: (text: string) => string): string {
	const given = String(raw ?? '').trim() || DEFAULT_BASE_URL;
	const text = redact(given);
	const fix = `Open ${credentialNamed(context.getNode())} and set Base URL to ${DEFAULT_BASE_URL} (or your Truto address).`;
	if (/\s/.test(given)) {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" contains a space`, { description: fix });
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given);
	if (!scheme) {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" does not start with https://`, {
			description: fix,
		});
	}
	let url: URL;
	try {
		url = new URL(given);
	} catch {
		throw new NodeOperationError(context.getNode(), `The Base URL "${text}" is not a valid URL`, { description: fix });
	}
	const loopback = isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL "${text}" must use https, not ${redact(scheme[1].toLowerCase())}`,
			{
				description: `The API token travels with every request, so only https is allowed (plain http only to localhost). Check the spelling: ${DEFAULT_BASE_URL}.`,
			},
		);
	}
	if (url.search || url.hash || url.username || url.password) {
		throw new NodeOperationError(context.getNode(), 'The Base URL must not contain a query, fragment or user name', {
			description: `Set Base URL to just the address, for example ${DEFAULT_BASE_URL}.`,
		});
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (API_PATH.test(path)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL "${redact(`${url.origin}${path}`)}" ends with an API path`,
			{ description: `Set Base URL to just the address (${redact(url.origin)}); the node adds /unified/… itself.` },
		);
	}
	return `${url.origin}${path}`;
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
