'use strict';
// @ts-check
/**
 * Control endpoints for webhooks (no auth, like every /__sandbox/ route): emit events to the
 * registered webhooks, read what was registered (secrets included) and delivered, set the plan's
 * webhook limit, and list the link tokens issued.
 */
const { HttpError, errorBody } = require('./errors');
const { emit } = require('./deliveries');

/**
 * @param {any} state
 * @param {string} method
 * @param {string} pathname
 * @param {string} text the request body
 * @returns {Promise<{ status: number, body: unknown } | undefined>} undefined: not a webhook control route
 */
async function webhookControl(state, method, pathname, text) {
	const route = `${method} ${pathname}`;
	try {
		const body = text ? JSON.parse(text) : {};
		switch (route) {
			case 'GET /__sandbox/webhooks':
				return { status: 200, body: { webhooks: [...state.webhooks.values()], limit: state.webhookLimit } };
			case 'POST /__sandbox/webhooks/emit':
				return { status: 200, body: await emit(state, body) };
			case 'GET /__sandbox/webhooks/deliveries':
				return { status: 200, body: { deliveries: state.deliveries } };
			case 'DELETE /__sandbox/webhooks/deliveries':
				state.deliveries.length = 0;
				return { status: 200, body: { cleared: true } };
			case 'PUT /__sandbox/webhooks/limit': {
				if (!Number.isInteger(body.limit) || body.limit < 0) throw new HttpError(400, 'Send { "limit": <whole number> }.');
				state.webhookLimit = body.limit;
				return { status: 200, body: { limit: state.webhookLimit } };
			}
			case 'GET /__sandbox/link-tokens':
				return { status: 200, body: { linkTokens: state.linkTokens } };
			default:
				return undefined;
		}
	} catch (error) {
		if (error instanceof HttpError) return { status: error.statusCode, body: error.toBody() };
		if (error instanceof SyntaxError) return { status: 400, body: errorBody(400, `The body is not JSON: ${error.message}`) };
		throw error;
	}
}

module.exports = { webhookControl };
