'use strict';
/**
 * The listing benchmark's floor inside n8n: a node that walks a Truto list page by page with n8n's
 * authenticated request helper (the one every node must use) and nothing else — no retries, budgets,
 * paging checks or items per record — and outputs one item with the counts. Loaded into the bench's
 * n8n as a custom extension (CUSTOM.pageWalk); never published.
 */
class PageWalk {
	constructor() {
		this.description = {
			displayName: 'Page Walk',
			name: 'pageWalk',
			group: ['transform'],
			version: 1,
			description: 'Follows next_cursor to the end with httpRequestWithAuthentication',
			defaults: { name: 'Page Walk' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'trutoApi', required: true }],
			properties: [
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				{ displayName: 'Query (JSON)', name: 'query', type: 'string', default: '{}' },
			],
		};
	}

	async execute() {
		const url = this.getNodeParameter('url', 0);
		const query = JSON.parse(this.getNodeParameter('query', 0));
		let cursor;
		let records = 0;
		let pages = 0;
		do {
			const qs = cursor ? { ...query, next_cursor: cursor } : query;
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'trutoApi', { method: 'GET', url, qs, json: true });
			records += body.result.length;
			pages++;
			cursor = body.next_cursor;
		} while (cursor);
		return [[{ json: { records, pages } }]];
	}
}

module.exports = { PageWalk };
