'use strict';
// @ts-check
/**
 * Stands in for the Slack incoming webhook the example workflows post their report to.
 */
const http = require('node:http');

/**
 * @returns {Promise<{ url: string, messages: any[], close(): Promise<void> }>}
 */
async function startSlackCatcher() {
	/** @type {any[]} */
	const messages = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body = text;
			try {
				body = JSON.parse(text);
			} catch {
				// Slack accepts only JSON; keep the text so a test can show what was wrong.
			}
			messages.push({ path: request.url, body });
			response.writeHead(200, { 'content-type': 'text/plain' });
			response.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/services/T000/B000/local`,
		messages,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startSlackCatcher };
