import type { IDataObject } from 'n8n-workflow';

/** Display names of integration slugs that title-casing would get wrong. */
const INTEGRATION_NAMES: Record<string, string> = {
	github: 'GitHub',
	gitlab: 'GitLab',
	microsoft365: 'Microsoft 365',
	ciscomeraki: 'Cisco Meraki',
	googleworkspace: 'Google Workspace',
	clickup: 'ClickUp',
	docusign: 'DocuSign',
	pagerduty: 'PagerDuty',
	bamboohr: 'BambooHR',
	hubspot: 'HubSpot',
	jumpcloud: 'JumpCloud',
	azureactivedirectory: 'Azure Active Directory',
};

export function integrationName(account: IDataObject): string {
	const integration = (account.integration ?? {}) as IDataObject;
	if (typeof integration.label === 'string' && integration.label) return integration.label;
	const slug = String(integration.name ?? 'unknown');
	return INTEGRATION_NAMES[slug] ?? slug.charAt(0).toUpperCase() + slug.slice(1);
}

/** "GitHub · acme-corp": the integration and the tenant (the account's ID when it has no tenant). */
export function accountName(account: IDataObject): string {
	const tenant = account.tenant_id ? String(account.tenant_id) : String(account.id);
	return `${integrationName(account)} · ${tenant}`;
}

/**
 * The account as the picker lists it: its name, then what stands in the way of using it — a status
 * other than active ("needs reauth"), a sandbox (read-only).
 */
export function integratedAccountLabel(account: IDataObject): string {
	const notes = [
		account.status && account.status !== 'active' ? String(account.status).replace(/_/g, ' ') : undefined,
		account.is_sandbox === true ? 'sandbox, read-only' : undefined,
	].filter(Boolean);
	return `${accountName(account)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** "Microsoft 365", "microsoft365" and "microsoft-365" name one integration. */
export function integrationKey(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Integrations that are identity providers (their user lists say who works here), by integrationKey
 * of Truto's name: Okta, Microsoft Entra ID (Azure AD; also Microsoft 365, whose users are Entra's),
 * Google Workspace, JumpCloud, OneLogin, Ping, Auth0, Keycloak, CyberArk, Duo.
 */
const IDENTITY_PROVIDERS = new Set([
	'okta',
	'azureactivedirectory',
	'azuread',
	'microsoftentraid',
	'entraid',
	'microsoft365',
	'googleworkspace',
	'gsuite',
	'jumpcloud',
	'onelogin',
	'pingone',
	'pingidentity',
	'auth0',
	'keycloak',
	'cyberark',
	'duo',
]);

/** Whether the account's integration is an identity provider (see IDENTITY_PROVIDERS). */
export function isIdentityProvider(account: IDataObject): boolean {
	const integration = (account.integration ?? {}) as IDataObject;
	return [integration.name, integration.label].some((name) => typeof name === 'string' && isIdentityProviderName(name));
}

/** The same, by an integration's name ("okta", "Google Workspace"). */
export function isIdentityProviderName(name: string): boolean {
	return IDENTITY_PROVIDERS.has(integrationKey(name));
}

/** How the Identity Provider Account picker marks an app that is not one (listed after the providers). */
export const NOT_AN_IDENTITY_PROVIDER = 'not an identity provider';
