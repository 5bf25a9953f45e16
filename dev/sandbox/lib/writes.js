'use strict';
// @ts-check
/**
 * Writes mutate this server instance's copy of the fixtures, so a test can create, change and
 * delete records and read the effect back (a deleted user frees its license seats).
 */
const { HttpError, remoteError } = require('./errors');
const { buildRemote, notFoundBody } = require('./provider-shapes');

/**
 * @typedef {import('./fixtures').Account} Account
 * @typedef {{ status: number, body: unknown, wrap?: boolean }} Answer
 */

/** Statuses of a user who is gone; their seats are freed as they get one. */
const GONE = new Set(['inactive', 'suspended', 'deleted']);

/** @param {any} list @param {string} id */
const indexOf = (list, id) => (list.indexOfId ? list.indexOfId(id) : list.findIndex((/** @type {any} */ r) => r.id === id));

/**
 * The records of a resource as writes use them: an array, or the scale mode's generated directory
 * (users built on demand, those changed kept), read with `list[i]` and written with `list[i] = …`.
 * @param {any} list
 */
const writable = (list) =>
	list.indexOfId
		? new Proxy(list, {
				get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? target.at(Number(key)) : target[key]),
				set: (target, key, value) => (typeof key === 'string' && /^\d+$/.test(key) ? (target.set(Number(key), value), true) : false),
			})
		: list;

/** @param {Account} account @param {string} resource @param {string} id */
function mustFind(account, resource, id) {
	const list = /** @type {any[]} */ (writable(account.data[resource]));
	const i = indexOf(list, id);
	if (i < 0)
		throw remoteError(
			404,
			`${resource} record "${id}" was not found in ${account.integration.label}.`,
			notFoundBody(account.integration.name),
		);
	return { list, i };
}

/** A reference given as "id" or { id }. @param {unknown} ref */
const refId = (ref) => String(ref && typeof ref === 'object' ? /** @type {any} */ (ref).id : ref);

/**
 * Expands license/group/role/organization references against the account's current data.
 * @param {Account} account
 * @param {any} user
 */
function expandRefs(account, user) {
	/** @param {string} resource @param {unknown[]} refs */
	const expand = (resource, refs) =>
		refs.map((ref) => {
			const id = refId(ref);
			const target = /** @type {any[]} */ (account.data[resource] ?? []).find((r) => r.id === id);
			// An app that lists none of this resource (HubSpot's roles) keeps the user's own references as they are.
			if (!target && account.data[resource] === undefined && ref && typeof ref === 'object') return ref;
			if (!target)
				throw remoteError(422, `Unknown ${resource} id "${id}".`, {
					message: `Invalid ${resource} reference: ${id}`,
				});
			return resource === 'licenses'
				? { id: target.id, name: target.name ?? null, last_active_at: user.last_active_at ?? null }
				: { id: target.id, name: target.name ?? target.label ?? target.id };
		});
	for (const resource of ['licenses', 'groups', 'roles', 'organizations', 'workspaces']) {
		if (Array.isArray(user[resource])) user[resource] = expand(resource, user[resource]);
	}
	if (Array.isArray(user.emails)) {
		user.emails = user.emails.map((/** @type {any} */ e, /** @type {number} */ i) =>
			typeof e === 'string' ? { email: e, type: 'work', is_primary: i === 0 } : e,
		);
	}
	if (!user.name && (user.first_name || user.last_name))
		user.name = [user.first_name, user.last_name].filter(Boolean).join(' ');
	return user;
}

/**
 * @param {{ account: Account, resource: string, method: string, id?: string, body: Record<string, any>, fields: string[], nowIso: string }} w
 * @returns {Answer}
 */
function performWrite({ account, resource, method, id, body, fields, nowIso }) {
	const integration = account.integration.name;
	const spec = account.table.resources?.[resource]?.[method] ?? {};
	// A table can make the app accept a field and ignore it (`ignores`), as some apps do with status.
	const ignored = new Set(spec.ignores ?? []);
	const picked = Object.fromEntries(
		fields.filter((f) => body[f] !== undefined && !ignored.has(f)).map((f) => [f, body[f]]),
	);
	/**
	 * Truto documents nothing about licenses when a user is deactivated: the sandbox frees the user's
	 * license seats when their status becomes gone, unless the method's table says `keeps_licenses`.
	 * @param {any} before @param {any} after
	 */
	const releaseSeats = (before, after) => {
		if (resource !== 'users' || spec.keeps_licenses || !GONE.has(String(after.status)) || GONE.has(String(before.status))) return after;
		return { ...after, licenses: [] };
	};
	/**
	 * Users get remote_data rebuilt from the unified record; other records keep the provider's
	 * fields and take the changed ones on top.
	 * @param {any} record
	 */
	const finish = (record) => {
		if (resource === 'users') {
			const full = expandRefs(account, record);
			full.remote_data = buildRemote(integration, resource, { ...full, remote_data: undefined });
			return full;
		}
		record.remote_data = {
			...(record.remote_data ?? {}),
			...buildRemote(integration, resource, { id: record.id, ...picked, remote_data: undefined }),
		};
		return record;
	};
	account.version += 1;

	if (method === 'create') {
		const list = /** @type {any[]} */ (account.data[resource]);
		const defaults =
			resource === 'users'
				? {
						status: 'active',
						roles: [],
						groups: [],
						organizations: [],
						licenses: [],
						last_active_at: null,
						last_login_at: null,
					}
				: {};
		const record = finish({
			id: String(9000000 + account.nextId++),
			...defaults,
			...picked,
			created_at: nowIso,
			updated_at: nowIso,
		});
		list.push(record);
		return { status: 201, body: record };
	}
	if (method === 'update') {
		const { list, i } = mustFind(account, resource, /** @type {string} */ (id));
		list[i] = finish(releaseSeats(list[i], { ...list[i], ...picked, updated_at: nowIso }));
		return { status: 200, body: list[i] };
	}
	if (resource === 'users' && (method === 'deactivate' || method === 'suspend')) {
		const { list, i } = mustFind(account, 'users', String(body.user_id));
		const status = method === 'deactivate' ? 'inactive' : 'suspended';
		list[i] = finish(releaseSeats(list[i], { ...list[i], status, status_changed_at: nowIso, updated_at: nowIso }));
		// Custom methods answer { result } (Truto's documents).
		return { status: 200, body: list[i], wrap: true };
	}
	if (method === 'delete') {
		const { list, i } = mustFind(account, resource, /** @type {string} */ (id));
		const [removed] = list.splice(i, 1);
		// A role assignment is how a user holds a role: with the last one of a role gone, the user's roles
		// no longer list it (Truto documents both, not how they relate: the sandbox's reading).
		if (resource === 'role_assignments') {
			const roleId = String(removed.role_id);
			const userId = String(removed.user_id);
			const stillAssigned = list.some((/** @type {any} */ r) => String(r.user_id) === userId && String(r.role_id) === roleId);
			const users = Array.isArray(account.data.users) ? account.data.users : [];
			const user = users.find((/** @type {any} */ u) => String(u.id) === userId);
			if (user && !stillAssigned) user.roles = (user.roles ?? []).filter((/** @type {any} */ r) => String(r.id) !== roleId);
		}
		// Keep users consistent: nobody stays in a deleted group or holds a deleted role.
		if (resource === 'groups' || resource === 'roles') {
			for (const u of /** @type {any[]} */ (account.data.users))
				u[resource] = (u[resource] ?? []).filter((/** @type {any} */ r) => r.id !== id);
		}
		return { status: 200, body: { id } };
	}
	if (method === 'remove-user') {
		const groupId = String(body.group_id);
		const userId = String(body.user_id);
		mustFind(account, 'groups', groupId);
		const { list, i } = mustFind(account, 'users', userId);
		const user = list[i];
		if (!(user.groups ?? []).some((/** @type {any} */ g) => g.id === groupId)) {
			throw remoteError(
				404,
				`User "${userId}" is not a member of group "${groupId}".`,
				notFoundBody(integration),
			);
		}
		list[i] = finish({
			...user,
			groups: user.groups.filter((/** @type {any} */ g) => g.id !== groupId),
			updated_at: nowIso,
		});
		return { status: 200, body: { id: groupId, group_id: groupId, user_id: userId } };
	}
	throw new HttpError(404, `Method "${method}" is not implemented by the sandbox.`);
}

module.exports = { performWrite };
