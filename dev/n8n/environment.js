'use strict';
// @ts-check
/**
 * How an n8n process is started: the command line (the one seam to swap for a container: n8n 3.0
 * stops publishing a runnable npm package) and the environment every process of an instance gets.
 */
const path = require('node:path');
const { nodeBinFor, n8nBinFor, n8nPackageDir } = require('./versions');

/** Fixed so credentials imported by one process can be decrypted by the next. */
const ENCRYPTION_KEY = 'truto-e2e-fixed-encryption-key-0000000001';
/** The owner every instance gets in server mode (password meets n8n's rules: 8+, digit, capital). */
const OWNER = Object.freeze({ email: 'owner@e2e.example.com', password: 'E2e-Owner-Passw0rd', firstName: 'E2E', lastName: 'Owner' });

/**
 * The command that runs n8n `version`: today the npm-installed CLI on the Node it needs. Replace
 * this (and only this) to run n8n from a container instead.
 * @param {string} version
 * @returns {{ command: string, args: string[], pathPrefix: string[] }}
 *   pathPrefix: folders to put first on PATH (task runners are spawned as `node`).
 */
function n8nCommand(version) {
	const nodeBin = nodeBinFor(version);
	return {
		command: nodeBin,
		args: [n8nBinFor(version)],
		pathPrefix: nodeBin === process.execPath ? [] : [path.dirname(nodeBin)],
	};
}

/**
 * The environment shared by every process of one instance.
 * @param {{ version: string, userFolder: string, port: number, env?: Record<string, string> }} o
 *   env: extra/overriding variables
 * @returns {NodeJS.ProcessEnv}
 */
function instanceEnv(o) {
	const { port } = o;
	return {
		...cleanEnv(process.env),
		N8N_USER_FOLDER: o.userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// Nothing may call home: the machine has no network but the registries.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		// With warn/error, `n8n execute` prints no result at all.
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		// Community packages are on by default; said explicitly because the package is loaded as one.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		// n8n >= 2.36 creates the owner from these (2.8 ignores them; start() uses /rest/owner/setup).
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(o.version, OWNER.password),
		...o.env,
	};
}

/**
 * Drops variables that would steer n8n or npm from the caller's shell (e.g. a developer's own
 * N8N_* settings, or npm_* from `npm run`).
 * @param {NodeJS.ProcessEnv} env
 */
function cleanEnv(env) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const [k, v] of Object.entries(env)) {
		if (v === undefined) continue;
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|OFFLOAD_|WEBHOOK_URL$|GENERIC_TIMEZONE$|npm_|NODE_OPTIONS$|NODE_ENV$)/i.test(k)) continue;
		out[k] = v;
	}
	return out;
}

/**
 * A bcrypt hash with the bcryptjs that the installed n8n itself uses (no dependency of ours).
 * @param {string} version
 * @param {string} password
 */
function bcryptHash(version, password) {
	const bcryptjs = require(require.resolve('bcryptjs', { paths: [n8nPackageDir(version)] }));
	return bcryptjs.hashSync(password, 10);
}

module.exports = { ENCRYPTION_KEY, OWNER, n8nCommand, instanceEnv };
