'use strict';
// @ts-check
/**
 * Loads the fixture files into a fresh, mutable state for one server instance.
 *
 *   fixtures/accounts.json              the integrated accounts (ids, tenants, statuses)
 *   fixtures/model.json                 the unified user-directory model: fields, common params
 *   fixtures/integrations/<slug>.json   per integration: resources → methods → query/body params
 *   fixtures/data/<account key>.json    the records of one account
 *
 * Records in data files are compact: a user names its licenses/groups/roles/organizations by id
 * and the loader expands them to `{ id, name }`, writes `emails` from `email`, fills `name`,
 * resolves relative dates and builds `remote_data`. Keys starting with "_" are private to the
 * sandbox (e.g. `_organization_id` on a license, used for filtering) and never leave it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { resolveDates } = require('./dates');
const { generatedIdentity, generatedUser } = require('./generate');
const { buildRemote } = require('./provider-shapes');

const DIR = path.join(__dirname, '..', 'fixtures');

/** @param {string} rel */
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(DIR, rel), 'utf8'));

/** Resources whose records other records point at, loaded before users. */
const REFERENCED = ['organizations', 'licenses', 'roles', 'groups', 'workspaces'];

/**
 * @typedef {{ length: number, at(i: number): any, findById?(id: string): any, licenseIds?(i: number): string[], indexOfId?(id: string): number, indexesOfEmail?(email: string): number[], set?(i: number, record: any): void }} Collection
 * @typedef {{
 *   key: string, id: string, tenant_id: string, status: string, is_sandbox: boolean, region: string,
 *   features: { super_query?: string }, blocked: boolean, created_at: string, updated_at: string,
 *   integration: { id: string, name: string, label: string, category: string },
 *   table: any, overridden: string[], pageCap?: number, quirks: Record<string, any>,
 *   data: Record<string, Collection>, version: number, nextId: number
 * }} Account
 */

/** SuperQuery's regions: an account's `features.super_query` names the one its store is in. */
const STORE_REGIONS = ['apac', 'wnam'];

/**
 * An account's `features` as Truto's account record carries them: `super_query` is the region of its
 * SuperQuery store, when it has one. @param {string} key @param {unknown} features
 */
function checkFeatures(key, features) {
	if (features === undefined) return {};
	const superQuery = /** @type {any} */ (features)?.super_query;
	if (!features || typeof features !== 'object' || Array.isArray(features) || (superQuery !== undefined && !STORE_REGIONS.includes(superQuery))) {
		throw new Error(
			`accounts.json: account "${key}" has features ${JSON.stringify(features)}; give { "super_query": "apac" } or { "super_query": "wnam" } (the region of its SuperQuery store), or leave features out for an account without one.`,
		);
	}
	return { ...features };
}

/** The account keys and ids, for tests (no dates, no data). */
function accountIds() {
	/** @type {Record<string, string>} */
	const out = {};
	for (const a of readJson('accounts.json')) out[a.key] = a.id;
	return Object.freeze(out);
}

/** Integrations the scale mode's accounts take turns with (none needs a parameter to list). */
const ESTATE_INTEGRATIONS = ['zoom', 'salesforce', 'hubspot', 'bamboohr'];

/**
 * The scale mode's accounts (the benchmark's estate), in place of the fixture accounts: `accounts`
 * accounts of `users` generated users each, their licenses priced in USD and EUR by turns.
 * @param {{ accounts: number, users: number }} estate
 */
function estateAccounts(estate) {
	const pad = (/** @type {number} */ n, /** @type {number} */ width) => String(n).padStart(width, '0');
	return Array.from({ length: estate.accounts }, (_, index) => {
		const n = index + 1;
		return {
			key: `estate${pad(n, 2)}`,
			id: `7f3c2a10-e${pad(n, 3)}-4c2e-9a00-${pad(n, 12)}`,
			integration: ESTATE_INTEGRATIONS[index % ESTATE_INTEGRATIONS.length],
			tenant_id: `estate-${pad(n, 2)}`,
			status: 'active',
			is_sandbox: false,
			region: 'wnam',
			created_at: '@-400d',
			updated_at: '@-1d',
			_currency: index % 2 === 0 ? 'USD' : 'EUR',
		};
	});
}

/**
 * The template of a scale-mode account, made that account's own: seed, seat counts, currency.
 * @param {any} account
 * @param {number} users
 */
function estateData(account, users) {
	const raw = readJson(path.join('data', 'estate.json'));
	raw.generated.users.seed = `${raw.generated.users.seed}-${account.key}`;
	for (const license of raw.licenses) {
		license.available_quantity = Math.ceil(users * license._available_share);
		delete license._available_share;
		if (license.is_paid) license.currency = account._currency;
	}
	return raw;
}

/**
 * An integration table with an environment's overrides laid over it, method by method; a query or
 * body definition set to null is removed (the mapping no longer has it).
 * @param {any} table
 * @param {Record<string, Record<string, any>>} overrides resource → method → { query?, body? }
 */
function withOverrides(table, overrides) {
	const resources = { ...table.resources };
	for (const [resource, methods] of Object.entries(overrides)) {
		resources[resource] = { ...resources[resource] };
		for (const [method, spec] of Object.entries(methods)) {
			const base = resources[resource][method] ?? {};
			resources[resource][method] = {
				...base,
				...spec,
				query: { ...(base.query ?? {}), ...(spec.query ?? {}) },
				body: { ...(base.body ?? {}), ...(spec.body ?? {}) },
			};
		}
	}
	return { ...table, resources };
}

/**
 * @param {{ now: number, bigUsers: number, estate?: { accounts: number, users: number } | null }} opts
 * @returns {{ model: any, tables: Map<string, any>, accounts: Account[] }}
 */
function loadState({ now, bigUsers, estate }) {
	const model = readJson('model.json');
	/** @type {Map<string, any>} */
	const tables = new Map();
	for (const file of fs
		.readdirSync(path.join(DIR, 'integrations'))
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const table = readJson(path.join('integrations', file));
		tables.set(table.name, table);
	}
	const listed = estate ? estateAccounts(estate) : readJson('accounts.json');
	const accounts = resolveDates(listed, now).map((/** @type {any} */ a) => {
		const table = tables.get(a.integration);
		if (!table) throw new Error(`accounts.json: no fixtures/integrations/${a.integration}.json`);
		const { key, integration, blocked, overrides, _currency, features, ...rest } = a;
		/** @type {Account} */
		const account = {
			key,
			...rest,
			features: checkFeatures(key, features),
			blocked: Boolean(blocked),
			integration: {
				id: table.id,
				name: table.name,
				label: table.label,
				category: 'user-directory',
			},
			// The environment's mapping overrides, where an account has them, change what this
			// account's meta, capabilities and validation say; the per-integration meta stays as it is.
			table: overrides ? withOverrides(table, overrides) : table,
			overridden: Object.keys(overrides ?? {}),
			quirks: {},
			data: {},
			version: 0,
			nextId: 1,
		};
		const raw = estate ? estateData(a, estate.users) : readJson(path.join('data', `${key}.json`));
		loadData(account, resolveDates(raw, now), now, estate ? estate.users : bigUsers);
		return account;
	});
	return { model, tables, accounts };
}

/**
 * @param {Account} account
 * @param {any} raw the account's data file, dates resolved
 * @param {number} now
 * @param {number} generatedUsers how many users a generated directory of unset size ("bigDirectory", "estate") has
 */
function loadData(account, raw, now, generatedUsers) {
	const integration = account.integration.name;
	account.pageCap = raw.pageCap;
	account.quirks = raw.quirks ?? {};

	/** @type {Record<string, Map<string, any>>} lookups for reference expansion */
	const byId = {};
	for (const resource of REFERENCED) {
		byId[resource] = new Map((raw[resource] ?? []).map((/** @type {any} */ r) => [r.id, r]));
	}
	const expand = (/** @type {any} */ user) => expandUser(user, byId, integration);

	for (const [resource, records] of Object.entries(raw)) {
		if (!Array.isArray(records)) continue;
		const expanded = resource === 'users' ? records.map(expand) : records;
		account.data[resource] = expanded.map((r) => withRemote(integration, resource, r));
	}
	for (const org of /** @type {any[]} */ (account.data.organizations ?? [])) {
		// An organization lists the licenses bought for it (every license, for single-org tenants).
		org.licenses ??= (raw.licenses ?? [])
			.filter((/** @type {any} */ l) => (l._organization_id ?? org.id) === org.id)
			.map((/** @type {any} */ l) => ({ id: l.id, name: l.name ?? null }));
	}

	const gen = raw.generated?.users;
	if (gen) {
		const sized = gen.count === 'bigDirectory' || gen.count === 'estate';
		const count = sized ? generatedUsers : gen.count;
		const build = (/** @type {number} */ i) =>
			withRemote(integration, 'users', expand(generatedUser(gen, i, now)));
		account.data.users =
			sized
				? virtualDirectory(
						count,
						gen.idBase ?? 1,
						build,
						(i) => generatedUser(gen, i, now).licenses,
						(i) => generatedIdentity(gen, i).email,
					)
				: dedupeEmails(
						Array.from({ length: count }, (_, i) => build(i)),
						integration,
					);
	}
	for (const resource of Object.keys(account.table.resources)) account.data[resource] ??= [];
}

/**
 * @param {string} integration
 * @param {string} resource
 * @param {any} record
 */
function withRemote(integration, resource, record) {
	const { _remote, ...rest } = record;
	return { ...rest, remote_data: buildRemote(integration, resource, record) };
}

/**
 * @param {any} user compact fixture user
 * @param {Record<string, Map<string, any>>} byId
 * @param {string} integration
 */
function expandUser(user, byId, integration) {
	const { email, ...u } = user;
	/** @param {string} resource @param {any} ref */
	const lookup = (resource, ref) => {
		if (typeof ref !== 'string') return ref;
		const target = byId[resource].get(ref);
		if (!target) throw new Error(`${integration} user ${u.id}: unknown ${resource} id ${ref}`);
		return target;
	};
	const orgRef = (/** @type {any} */ id) => {
		const org = id && byId.organizations.get(id);
		return org ? { id: org.id, name: org.name } : undefined;
	};
	const name = u.name ?? [u.first_name, u.last_name].filter(Boolean).join(' ');
	const emails = u.emails ?? (email ? [{ email, type: 'work', is_primary: true }] : []);
	// The first object only fixes the key order of the answer: id, names, emails, then the rest.
	return Object.assign(
		{
			id: u.id,
			first_name: u.first_name,
			last_name: u.last_name,
			name,
			username: u.username,
			emails,
		},
		u,
		{
			name,
			emails,
			organizations: (u.organizations ?? []).map(
				(/** @type {any} */ r) => orgRef(r) ?? lookup('organizations', r),
			),
			roles: (u.roles ?? []).map((/** @type {any} */ r) => pickRef(lookup('roles', r))),
			groups: (u.groups ?? []).map((/** @type {any} */ r) => pickRef(lookup('groups', r))),
			workspaces: (u.workspaces ?? []).map((/** @type {any} */ r) =>
				pickRef(lookup('workspaces', r)),
			),
			licenses: (u.licenses ?? []).map((/** @type {any} */ r) => {
				const l = lookup('licenses', r);
				const organization = orgRef(l._organization_id);
				return {
					id: l.id,
					name: l.name ?? null,
					...(organization ? { organization } : {}),
					last_active_at: u.last_active_at ?? null,
				};
			}),
		},
	);
}

/** @param {any} r */
const pickRef = (r) => ({ id: r.id, name: r.name ?? r.label ?? r.id });

/**
 * Generated names can collide; the second "jane.doe" becomes "jane.doe2" like a real mailbox.
 * @param {any[]} users
 * @param {string} integration
 */
function dedupeEmails(users, integration) {
	/** @type {Map<string, number>} */
	const seen = new Map();
	return users.map((u) => {
		const [local, domain] = u.emails[0].email.split('@');
		const n = (seen.get(local) ?? 0) + 1;
		seen.set(local, n);
		if (n === 1) return u;
		const fixed = {
			...u,
			username: `${local}${n}`,
			emails: [{ ...u.emails[0], email: `${local}${n}@${domain}` }],
		};
		return withRemote(integration, 'users', { ...fixed, remote_data: undefined });
	});
}

/**
 * A read-only directory of `count` users built on demand from their index, so 100,000 users
 * cost nothing until someone pages through them.
 * @param {number} count
 * @param {number} idBase ids are String(idBase + index)
 * @param {(i: number) => any} build
 * @param {(i: number) => string[]} licenseIds cheap path for seat counting (no full record)
 * @param {(i: number) => string} emailOf cheap path for the email filter (no full record)
 * @returns {Collection}
 */
function virtualDirectory(count, idBase, build, licenseIds, emailOf) {
	// Users changed by writes (Reclaim Seats at scale): kept whole; every other user stays virtual.
	/** @type {Map<number, any>} */
	const changed = new Map();
	const at = (/** @type {number} */ i) => (i >= 0 && i < count ? (changed.get(i) ?? build(i)) : undefined);
	const indexOfId = (/** @type {string} */ id) => {
		const i = /^\d+$/.test(id) ? Number(id) - idBase : -1;
		return i >= 0 && i < count ? i : -1;
	};
	// Built at the first email filter (the sandbox builds it at start): a lookup by email then builds only the users it may match, as
	// an app answers a filtered call without walking its whole directory.
	/** @type {Map<string, number[]> | undefined} */
	let byEmail;
	const indexesOfEmail = (/** @type {string} */ email) => {
		if (!byEmail) {
			byEmail = new Map();
			for (let i = 0; i < count; i++) {
				const key = emailOf(i).toLowerCase();
				byEmail.set(key, [...(byEmail.get(key) ?? []), i]);
			}
		}
		// A changed user may have another email now: those are checked whole by the caller's filter.
		return [...new Set([...(byEmail.get(email.toLowerCase()) ?? []), ...changed.keys()])].sort((a, b) => a - b);
	};
	return {
		length: count,
		at,
		licenseIds: (i) => (changed.has(i) ? (changed.get(i).licenses ?? []).map((/** @type {any} */ l) => l.id) : licenseIds(i)),
		findById: (id) => at(indexOfId(id)),
		indexOfId,
		indexesOfEmail,
		set: (/** @type {number} */ i, /** @type {any} */ record) => void changed.set(i, record),
	};
}

module.exports = { loadState, accountIds, checkFeatures };
