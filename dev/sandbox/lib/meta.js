'use strict';
// @ts-check
/**
 * One declarative table per integration (fixtures/integrations/<slug>.json) answers three
 * questions, so they can never disagree: what the capabilities endpoint lists, what the meta
 * endpoint describes, and which query/body parameters a call must carry.
 */
const { HttpError, insight } = require('./errors');

const READ_METHODS = new Set(['list', 'get']);

/**
 * The method table entry, or undefined when the integration lacks the resource/method.
 * @param {any} table
 * @param {string} resource
 * @param {string} method
 */
function methodSpec(table, resource, method) {
	return table.resources?.[resource]?.[method];
}

/** @param {any} table @param {string} resource @param {string} method */
function unsupported(table, resource, method) {
	const has = table.resources?.[resource];
	return new HttpError(
		404,
		has
			? `The method "${method}" is not supported on resource "${resource}" for the integration "${table.name}". Supported methods: ${Object.keys(has).join(', ')}.`
			: `The resource "${resource}" is not supported in the unified model "user-directory" for the integration "${table.name}".`,
	);
}

/**
 * `{ unified: { resources: [ { api_name, model, methods, env_overridden } ] }, account }` straight
 * from the account's table; `account` tells its health as Truto does (status, blocked).
 * @param {import('./fixtures').Account} account
 */
function capabilities(account) {
	return {
		unified: {
			resources: Object.entries(account.table.resources).map(([apiName, methods]) => ({
				api_name: apiName,
				model: 'user-directory',
				methods: Object.keys(/** @type {object} */ (methods)),
				env_overridden: account.overridden.includes(apiName),
			})),
		},
		account: { status: account.status, is_blocked: account.blocked, authentication_method: 'oauth2' },
	};
}

/**
 * Query parameter definitions for one call: the model's common ones plus the integration's.
 * @param {any} model
 * @param {any} table
 * @param {string} resource
 * @param {string} method
 * @returns {Record<string, any>}
 */
function queryDefs(model, table, resource, method) {
	const defs = {
		...(model.resources[resource]?.query?.[method] ?? {}),
		...(methodSpec(table, resource, method)?.query ?? {}),
	};
	// null: the integration's mapping has no such parameter (users of a few apps filter on `email`, not `emails`).
	return Object.fromEntries(Object.entries(defs).filter(([, def]) => def !== null));
}

/**
 * Body field definitions for a write: the model's fields plus the integration's (which add
 * `required: true`). Custom methods (groups/remove-user) have their own model entry.
 * @param {any} model
 * @param {any} table
 * @param {string} resource
 * @param {string} method
 * @returns {Record<string, any> | null}
 */
function bodyDefs(model, table, resource, method) {
	if (READ_METHODS.has(method) || method === 'delete') return null;
	const base = model.resources[resource]?.custom?.[method] ?? model.resources[resource]?.body ?? {};
	/** @type {Record<string, any>} */
	const out = {};
	for (const [name, def] of Object.entries({
		...base,
		...(methodSpec(table, resource, method)?.body ?? {}),
	})) {
		// null: the integration's mapping has no such field (a table can drop one of the model's).
		if (def === null) continue;
		out[name] = { ...(base[name] ?? {}), ...def };
	}
	return out;
}

/**
 * JSON-schema-ish object from definitions; `filter` is sandbox-private and stays out.
 * @param {Record<string, any>} defs
 */
function objectSchema(defs) {
	/** @type {Record<string, any>} */
	const properties = {};
	for (const [name, def] of Object.entries(defs)) {
		const { filter, ...pub } = def;
		properties[name] = { type: pub.type ?? 'string', ...pub };
	}
	return {
		type: 'object',
		properties,
		required: Object.keys(defs).filter((n) => defs[n].required),
	};
}

/**
 * The meta answer for `<resource>/meta/<method>`.
 * @param {any} model
 * @param {any} table
 * @param {string} resource
 * @param {string} method
 */
function meta(model, table, resource, method) {
	const spec = methodSpec(table, resource, method);
	if (!spec) throw unsupported(table, resource, method);
	const fields = model.resources[resource]?.fields ?? {};
	const schema = {
		type: 'object',
		properties: Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, { type: t }])),
	};
	const response =
		method === 'list'
			? {
					type: 'object',
					properties: {
						result: { type: 'array', items: schema },
						next_cursor: { type: ['string', 'null'] },
						prev_cursor: { type: ['string', 'null'] },
						result_count: { type: 'number' },
					},
				}
			: method === 'delete'
				? { type: 'object', properties: { id: { type: 'string' } } }
				: schema;
	const body = bodyDefs(model, table, resource, method);
	return {
		method,
		schema,
		response_schema: response,
		query_schema: objectSchema(queryDefs(model, table, resource, method)),
		request_body_schema: body ? objectSchema(body) : null,
		default_query: spec.default_query ?? {},
		default_body: spec.default_body ?? {},
		documentation_link:
			spec.documentation_link ?? table.documentation_link ?? model.documentation_link,
	};
}

/**
 * 400 for a missing required parameter or a value outside its enum.
 * @param {Record<string, any>} defs
 * @param {Record<string, any>} query
 */
function validateQuery(given, query) {
	const defs = Object.fromEntries(Object.entries(given).filter(([, def]) => def !== null));
	const missing = Object.keys(defs).filter(
		(n) => defs[n].required && (query[n] === undefined || query[n] === ''),
	);
	if (missing.length) {
		throw new HttpError(
			400,
			`Missing required query parameters: ${missing.join(', ')}`,
			insight(
				'missing_required_query_parameters',
				'The following query parameters are required by this integration but were not provided.',
				missing,
			),
		);
	}
	for (const [name, def] of Object.entries(defs)) {
		const value = query[name];
		if (value === undefined || !def.enum) continue;
		if (typeof value !== 'string' || !def.enum.includes(value)) {
			throw new HttpError(
				400,
				`Invalid value ${JSON.stringify(value)} for query parameter "${name}". Allowed values: ${def.enum.join(', ')}.`,
				{
					details: { parameter: name, allowed_values: def.enum },
				},
			);
		}
	}
}

/**
 * 400 for a write missing required body fields.
 * @param {Record<string, any>} defs
 * @param {Record<string, any>} body
 */
function validateBody(defs, body) {
	const missing = Object.keys(defs).filter(
		(n) =>
			defs[n].required &&
			(body[n] === undefined ||
				body[n] === null ||
				body[n] === '' ||
				(Array.isArray(body[n]) && !body[n].length)),
	);
	if (missing.length) {
		throw new HttpError(
			400,
			`Missing required body fields: ${missing.join(', ')}`,
			insight(
				'missing_required_body_fields',
				'The following fields are required in the request body by this integration but were not provided.',
				missing,
			),
		);
	}
}

module.exports = {
	methodSpec,
	unsupported,
	capabilities,
	meta,
	queryDefs,
	bodyDefs,
	validateQuery,
	validateBody,
};
