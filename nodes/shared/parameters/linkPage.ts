import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_LINK_PAGE_URL } from '../model/resources/integratedAccount';
import { inputError, type ItemLocation } from './itemLocation';

/** Create Reconnect Link → Options → Link Page URL, checked before the link token is made. */
export function readLinkPageUrl(location: ItemLocation, options: IDataObject): string {
	const raw = options.linkPageUrl;
	const given = typeof raw === 'string' ? raw.trim() : '';
	if (raw !== undefined && raw !== null && typeof raw !== 'string') {
		throw inputError(location, `Link Page URL must be a URL, not ${JSON.stringify(raw).slice(0, 100)}`, linkPageFix());
	}
	if (given === '') return DEFAULT_LINK_PAGE_URL;
	let url: URL;
	try {
		url = new URL(given);
	} catch {
		throw inputError(location, `Link Page URL "${given}" is not a valid URL`, linkPageFix());
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw inputError(location, `Link Page URL must start with https://, not ${url.protocol}//`, linkPageFix());
	}
	return url.toString();
}

function linkPageFix(): string {
	return `Enter the address of the Truto Link page, e.g. ${DEFAULT_LINK_PAGE_URL}, or remove the option to use that one.`;
}
