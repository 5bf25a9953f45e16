'use strict';
// @ts-check
/**
 * What the sandbox's fixtures hold about people across apps, as the unit and end-to-end tests of
 * Person and Access Review expect it: one list, kept beside the fixtures it describes.
 */

/** Every privileged user of the sandbox's readable accounts (Okta acme.okta.com and the blocked Zendesk cannot be read), as `integration:email`. */
const PRIVILEGED = [
	'atlassian:ingrid.larsen@acme.com',
	'ciscomeraki:kwame.mensah@acme-network.com',
	'ciscomeraki:mei.zhang@acme-retail.com',
	'ciscomeraki:sara.lindqvist@acme-network.com',
	'github:mona.okafor@acme-corp.com',
	'github:priya.natarajan@acme-corp.com',
	'googleworkspace:ava@acme.com',
	'hubspot:chloe.dubois@acme.com',
	'hubspot:maria.garcia@acme.com',
	'microsoft365:MeganB@contoso.onmicrosoft.com',
	'microsoft365:MiriamG@contoso.onmicrosoft.com',
	'microsoft365:PattiF@contoso.onmicrosoft.com',
	'salesforce:dana.whitfield@acme.com',
	'salesforce:maria.garcia@acme.com',
	'webex:samuel.osei@acme-webex.com',
];

/**
 * The reversible writes that offboarding maria.garcia@acme.com sends across the sandbox (Allow Delete
 * off), as `METHOD path body`: a status update or deactivation where the app takes one, and HubSpot's
 * group removal while she is still active there.
 */
const MARIA_OFFBOARDING_WRITES = [
	'PATCH /unified/user-directory/users/0055g00000A1b2cAAA {"status":"inactive"}',
	'PATCH /unified/user-directory/users/5100001 {"status":"inactive"}',
	'PATCH /unified/user-directory/users/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9tYXJpYS1nYXJjaWE {"status":"inactive"}',
	'POST /unified/user-directory/groups/remove-user {"group_id":"7100001","user_id":"5100001"}',
	'POST /unified/user-directory/users/deactivate {"user_id":"00uabf2f0409220c1821"}',
];

module.exports = { PRIVILEGED, MARIA_OFFBOARDING_WRITES };
