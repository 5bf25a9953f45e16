'use strict';
// @ts-check
/**
 * Stands in for n8n's webhook URL in unit tests: every request's raw body and headers go to a
 * handler (the trigger's code, run the way n8n runs it), whose status and JSON body are the answer.
 */
const http = require('node:http');

/**
 * @typedef {{ rawBody: Buffer, headers: http.IncomingHttpHeaders, path: string }} ReceivedRequest
 * @param {(request: ReceivedRequest) => Promise<{ status: number, body: unknown }>} handle
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
async function startWebhookReceiver(handle) {
	const server = http.createServer((request, response) => {
		/** @type {Buffer[]} */
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			handle({ rawBody: Buffer.concat(chunks), headers: request.headers, path: request.url ?? '/' })
				.catch((error) => ({ status: 500, body: { message: error instanceof Error ? error.message : String(error) } }))
				.then(({ status, body }) => {
					response.writeHead(status, { 'content-type': 'application/json' });
					response.end(JSON.stringify(body));
				});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startWebhookReceiver };
