'use strict';
// @ts-check
/**
 * What the providers themselves would send: `remote_data` for users (built from the unified
 * record so the two always agree) and the `truto_response_format=raw` answers. Fixtures may give
 * `remote_data` outright (licenses, organizations…) or add provider-only fields with `_remote`.
 */

/** @param {any} u */
const primaryEmail = (u) =>
	(u.emails ?? []).find((/** @type {any} */ e) => e.is_primary)?.email ??
	u.emails?.[0]?.email ??
	null;
/** @param {any} u */
const licenseIds = (u) => (u.licenses ?? []).map((/** @type {any} */ l) => l.id);

/** @type {Record<string, (u: any) => Record<string, unknown>>} */
const USER_REMOTE = {
	github: (u) => ({
		login: u.username,
		id: Number(u.id),
		node_id: Buffer.from(`04:User${u.id}`).toString('base64'),
		avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
		gravatar_id: '',
		url: `https://api.github.com/users/${u.username}`,
		html_url: `https://github.com/${u.username}`,
		type: u.user_type === 'machine' ? 'Bot' : 'User',
		site_admin: false,
		name: u.name,
		email: primaryEmail(u),
		role: (u.roles ?? []).some((/** @type {any} */ r) => r.id === 'admin') ? 'admin' : 'member',
		state: u.status === 'invited' ? 'pending' : 'active',
	}),
	microsoft365: (u) => ({
		id: u.id,
		displayName: u.name,
		givenName: u.first_name,
		surname: u.last_name,
		userPrincipalName: u.username,
		mail: primaryEmail(u),
		jobTitle: u.title ?? null,
		accountEnabled: u.status === 'active',
		userType: u.username?.includes('#EXT#') ? 'Guest' : 'Member',
		createdDateTime: u.created_at,
		signInActivity: { lastSignInDateTime: u.last_login_at ?? null },
		assignedLicenses: licenseIds(u).map((/** @type {string} */ id) => ({
			disabledPlans: [],
			skuId: id.split('_').pop(),
		})),
	}),
	salesforce: (u) => ({
		attributes: { type: 'User', url: `/services/data/v59.0/sobjects/User/${u.id}` },
		Id: u.id,
		Username: u.username,
		FirstName: u.first_name,
		LastName: u.last_name,
		Name: u.name,
		Email: primaryEmail(u),
		Title: u.title ?? null,
		IsActive: u.status === 'active',
		UserType: u.user_type === 'limited' ? 'CsnOnly' : 'Standard',
		LastLoginDate: u.last_login_at ?? null,
		CreatedDate: u.created_at,
		LastModifiedDate: u.updated_at,
		Profile: { Name: u.roles?.[0]?.name ?? 'Standard User' },
	}),
	atlassian: (u) => ({
		account_id: u.id,
		account_type: 'atlassian',
		account_status: u.status === 'active' ? 'active' : 'inactive',
		name: u.name,
		nickname: u.username,
		email: primaryEmail(u),
		access_billable: (u.licenses ?? []).length > 0,
		last_active: u.last_active_at ?? null,
		product_access: (u.licenses ?? []).map((/** @type {any} */ l) => ({
			key: l.id,
			name: l.name,
			url: 'acme.atlassian.net',
			last_active: l.last_active_at ?? null,
		})),
	}),
	zoom: (u) => ({
		id: u.id,
		first_name: u.first_name,
		last_name: u.last_name,
		display_name: u.name,
		email: primaryEmail(u),
		type: licenseIds(u).includes('zl-basic') ? 1 : 2,
		pmi: 8000000000 + (parseInt(Buffer.from(u.id).toString('hex').slice(0, 7), 16) % 999999999),
		timezone: u.timezone ?? 'America/New_York',
		verified: u.status === 'active' ? 1 : 0,
		dept: u.groups?.[0]?.name ?? '',
		created_at: u.created_at,
		last_login_time: u.last_login_at ?? undefined,
		status: u.status === 'invited' ? 'pending' : u.status,
		role_id: '2',
	}),
	webex: (u) => ({
		id: u.id,
		emails: (u.emails ?? []).map((/** @type {any} */ e) => e.email),
		displayName: u.name,
		firstName: u.first_name,
		lastName: u.last_name,
		orgId: u.organizations?.[0]?.id,
		licenses: licenseIds(u),
		created: u.created_at,
		lastActivity: u.last_active_at ?? undefined,
		status: u.status === 'active' ? 'active' : 'inactive',
		type: 'person',
	}),
	googleworkspace: (u) => ({
		kind: 'admin#directory#user',
		id: u.id,
		primaryEmail: primaryEmail(u),
		name: { givenName: u.first_name, familyName: u.last_name, fullName: u.name },
		isAdmin: (u.roles ?? []).some((/** @type {any} */ r) => /admin/i.test(r.name)),
		suspended: u.status !== 'active',
		lastLoginTime: u.last_login_at ?? '1970-01-01T00:00:00.000Z',
		creationTime: u.created_at,
		orgUnitPath: '/',
	}),
	ciscomeraki: (u) => ({
		id: u.id,
		name: u.name,
		email: primaryEmail(u),
		authenticationMethod: 'Email',
		accountStatus: u.status === 'active' ? 'ok' : 'locked',
		twoFactorAuthEnabled: Boolean(u.is_2fa_enabled),
		hasApiKey: false,
		lastActive: u.last_active_at ?? null,
		orgAccess: (u.roles?.[0]?.name ?? 'read-only').toLowerCase(),
		tags: [],
		networks: [],
	}),
	bamboohr: (u) => ({
		id: u.id,
		displayName: u.name,
		firstName: u.first_name,
		lastName: u.last_name,
		workEmail: primaryEmail(u),
		jobTitle: u.title ?? null,
		department: u.groups?.[0]?.name ?? null,
		status: u.status === 'active' ? 'Active' : 'Inactive',
		lastChanged: u.updated_at,
	}),
};

/** Fallback: the unified record in the provider's usual camelCase. @param {any} record */
function genericRemote(record) {
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const [k, v] of Object.entries(record)) {
		if (k === 'remote_data' || k.startsWith('_') || v === '@assigned') continue;
		out[k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())] = v;
	}
	return out;
}

/**
 * remote_data for a record, unless the fixture gave one; `_remote` adds provider-only fields.
 * @param {string} integration
 * @param {string} resource
 * @param {any} record the expanded unified record
 */
function buildRemote(integration, resource, record) {
	const base =
		record.remote_data ??
		(resource === 'users' && USER_REMOTE[integration]
			? USER_REMOTE[integration](record)
			: genericRemote(record));
	return { ...base, ...(record._remote ?? {}) };
}

const ODATA_SETS = /** @type {Record<string, string>} */ ({
	users: 'users',
	licenses: 'subscribedSkus',
	organizations: 'organization',
	groups: 'groups',
	roles: 'directoryRoles',
});

/**
 * The provider's own answer for a list page. Microsoft Graph wraps in an OData envelope; the
 * others in this sandbox answer a bare array (GitHub, LicenseSpring and friends do).
 * @param {string} integration
 * @param {string} resource
 * @param {any[]} records internal records of this page
 * @param {string | null} nextCursor
 */
function rawList(integration, resource, records, nextCursor) {
	const remote = records.map((r) => r.remote_data);
	if (integration === 'microsoft365') {
		const set = ODATA_SETS[resource] ?? resource;
		return {
			'@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${set}`,
			...(nextCursor
				? {
						'@odata.nextLink': `https://graph.microsoft.com/v1.0/${set}?$skiptoken=${encodeURIComponent(nextCursor)}`,
					}
				: {}),
			value: remote,
		};
	}
	return remote;
}

/**
 * @param {string} integration
 * @param {string} resource
 * @param {any} record
 */
function rawGet(integration, resource, record) {
	if (integration === 'microsoft365') {
		return {
			'@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${ODATA_SETS[resource] ?? resource}/$entity`,
			...record.remote_data,
		};
	}
	return record.remote_data;
}

/** What a provider says when a record does not exist (passed along as `raw_response`). @param {string} integration */
function notFoundBody(integration) {
	switch (integration) {
		case 'github':
			return {
				message: 'Not Found',
				documentation_url: 'https://docs.github.com/rest',
				status: '404',
			};
		case 'microsoft365':
			return {
				error: {
					code: 'Request_ResourceNotFound',
					message:
						'Resource does not exist or one of its queried reference-property objects are not present.',
				},
			};
		case 'salesforce':
			return [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
		default:
			return { status: 404, code: 'not_found', message: 'Not Found' };
	}
}

module.exports = { buildRemote, rawList, rawGet, notFoundBody };
