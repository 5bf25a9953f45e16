'use strict';
// @ts-check
/**
 * Truto-shaped errors. Handlers throw HttpError; the server turns it into
 * `{ statusCode, error, message, ...extra }`, the body shape every Truto error has.
 */
const { STATUS_CODES } = require('node:http');

class HttpError extends Error {
	/**
	 * @param {number} statusCode
	 * @param {string} message
	 * @param {Record<string, unknown>} [extra] merged into the body (truto_error_insight, raw_response, …)
	 * @param {Record<string, string>} [headers]
	 */
	constructor(statusCode, message, extra = {}, headers = {}) {
		super(message);
		this.statusCode = statusCode;
		this.extra = extra;
		this.headers = headers;
	}

	toBody() {
		return errorBody(this.statusCode, this.message, this.extra);
	}
}

/**
 * @param {number} statusCode
 * @param {string} message
 * @param {Record<string, unknown>} [extra]
 */
function errorBody(statusCode, message, extra = {}) {
	return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

/**
 * One `truto_error_insight` entry: Truto wraps each insight as `{ description, value }`.
 * @param {string} key
 * @param {string} description
 * @param {unknown} value
 */
function insight(key, description, value) {
	return { truto_error_insight: { [key]: { description, value } } };
}

/**
 * An error that came from the provider: Truto flags it and passes the provider's body along.
 * @param {number} statusCode
 * @param {string} message
 * @param {unknown} rawResponse
 */
function remoteError(statusCode, message, rawResponse) {
	return new HttpError(statusCode, message, {
		truto_is_remote_error: true,
		raw_response: rawResponse,
	});
}

module.exports = { HttpError, errorBody, insight, remoteError };
