'use strict';
// @ts-check
/**
 * The cross-app review `npm run demo` runs: Find Reclaimable Seats over every integrated account of
 * the sandbox, with its Okta workforce account as the identity provider and prices entered for the
 * apps that report none, and the summary's digest posted to Slack as it is (no Code node).
 */
const { trutoNode, httpRequestNode, byId, manualTrigger } = require('./nodes');
const { filterNode, equals } = require('./flow');
const { workflow, connect } = require('./workflow');

/**
 * @param {{ slackUrl: string, identityProviderAccountId: string }} options
 */
function crossAppReviewWorkflow(options) {
	const nodes = [
		manualTrigger('Start', { id: 'demo-review-start', position: [0, 0] }),
		trutoNode(
			'Find Reclaimable Seats',
			{
				resource: 'seatReclamation',
				operation: 'findReclaimableSeats',
				accountScope: 'all',
				identityProvider: byId(options.identityProviderAccountId),
				inactiveDays: 90,
				reviewOutput: 'findingsAndSummary',
				options: {
					prices: {
						price: [
							{ integration: 'github', license: '', monthlyPrice: 21, currency: 'USD' },
							{ integration: 'atlassian', license: 'Jira Software (Standard)', monthlyPrice: 7.75, currency: 'USD' },
							{ integration: 'zoom', license: 'Licensed (Business)', monthlyPrice: 18.32, currency: 'USD' },
						],
					},
				},
			},
			{ id: 'demo-review-find', position: [220, 0] },
		),
		filterNode('Digest', [equals('d1', '={{ $json.kind }}', 'summary')], { id: 'demo-review-digest', position: [440, 0] }),
		httpRequestNode(
			'Post Digest to Slack',
			{ method: 'POST', url: options.slackUrl, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify({ text: $json.text }) }}', options: {} },
			{ id: 'demo-review-slack', position: [660, 0] },
		),
	];
	return workflow(
		'trutoCrossAppReview1',
		nodes,
		connect(['Start', 'Find Reclaimable Seats'], ['Find Reclaimable Seats', 'Digest'], ['Digest', 'Post Digest to Slack']),
		'Cross-app seat review (Truto)',
	);
}

module.exports = { crossAppReviewWorkflow };
