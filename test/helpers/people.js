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

module.exports = { PRIVILEGED };
