#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * The main job, end to end on this machine: a real n8n (installed into .cache/ on first use) reviews
 * every app connected to the local Truto sandbox for seats to reclaim — with an identity provider, in
 * two currencies, with accounts that cannot be checked — posts the digest to Slack, and the review is
 * printed the way a person reads it.
 */
const { VERSIONS, ensureInstalled, N8nInstance, packPackage, itemsOf, nodeError } = require('../dev/n8n');
const { startSandbox, TOKEN, ACCOUNTS } = require('../dev/sandbox');
const { startSlackCatcher } = require('../dev/receivers');
const { crossAppReviewWorkflow, trutoCredential } = require('../dev/workflows');

const version = process.env.DEMO_N8N_VERSION ?? VERSIONS[VERSIONS.length - 1].n8n;
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => say(`▸ ${line}`);
const rule = () => say('━'.repeat(78));
/** Findings shown per account; the rest are counted. */
const SHOWN = 4;

const KIND = {
	unused_seat: 'unused seat',
	never_used: 'never used',
	unassigned_seats: 'unassigned',
	underused_license: 'underused',
	orphaned_account: 'ORPHANED',
	ambiguous_identity: 'check by hand',
};

const amount = (currency, value) => `${currency} ${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** What a finding costs a month, per currency (its costs when it has several); "price unknown" when nothing is priced. */
const costsOf = (finding) => finding.costs ?? (finding.monthly_cost === null ? [] : [{ currency: finding.currency, monthly_amount: finding.monthly_cost }]);
const money = (finding) => {
	const costs = costsOf(finding).map((cost) => amount(cost.currency, cost.monthly_amount)).join(' + ');
	if (!costs) return 'price unknown';
	return `${costs}/month${finding.unpriced_seats ? ` + ${finding.unpriced_seats} unpriced` : ''}`;
};
const rank = (finding) => Math.max(0, ...costsOf(finding).map((cost) => cost.monthly_amount));

/** One block per account: its status, then its biggest findings, each on one line. */
function printAccounts(findings, summary) {
	for (const entry of summary.per_account) {
		const own = findings.filter((finding) => finding.account_id === entry.account_id && finding.kind !== 'not_checked').sort((a, b) => rank(b) - rank(a));
		const gaps = summary.not_checked.filter((gap) => gap.account_id === entry.account_id);
		const status = entry.status === 'checked' ? `${own.length} finding${own.length === 1 ? '' : 's'}` : entry.status.replace('_', ' ').toUpperCase();
		say(`${entry.account}  —  ${status}`);
		for (const gap of gaps) say(`    ✗ ${gap.part === 'account' ? '' : `${gap.part}: `}${gap.reason}\n      what to do: ${gap.fix}`);
		for (const finding of own.slice(0, SHOWN)) {
			const who = finding.user_id ? `${finding.user_name}${finding.user_email ? ` <${finding.user_email}>` : ''}` : finding.license_name;
			say(`    ${KIND[finding.kind].padEnd(13)} ${who}: ${finding.reason} (${money(finding)})`);
		}
		if (own.length > SHOWN) say(`    … and ${own.length - SHOWN} more`);
	}
}

async function main() {
	const started = Date.now();
	step(`n8n ${version}: checking the local install (the first run downloads it, about 3 minutes)`);
	await ensureInstalled(version, { log: (message) => say(`    ${message}`) });

	step('Starting the Truto sandbox (14 connected apps) and a local Slack receiver');
	const [sandbox, slack] = await Promise.all([startSandbox({ port: 0 }), startSlackCatcher()]);
	/** @type {N8nInstance | undefined} */
	let n8n;
	try {
		step('Packing n8n-nodes-truto and installing it into a fresh n8n user folder');
		n8n = await N8nInstance.create({ version, tarball: packPackage(), log: () => undefined });
		await n8n.importCredentials([trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url })]);
		const workflow = crossAppReviewWorkflow({ slackUrl: slack.url, identityProviderAccountId: ACCOUNTS.workforce });
		await n8n.importWorkflow(workflow);

		step(`Running "${workflow.name}" in n8n: Find Reclaimable Seats over every account, Okta as the identity provider`);
		const run = await n8n.execute(workflow.id);
		if (!run.execution || run.exitCode !== 0) {
			const failedNode = run.execution?.data?.resultData?.lastNodeExecuted;
			const error = failedNode ? nodeError(run.execution, failedNode) : undefined;
			throw new Error(`the workflow did not finish: ${error?.message ?? `exit ${run.exitCode}\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`}`);
		}
		const items = itemsOf(run.execution, 'Find Reclaimable Seats');
		const summary = items[items.length - 1];
		const findings = items.slice(0, -1);

		say();
		rule();
		say(`Slack digest (${slack.messages.length} message posted to the incoming webhook; no Code node made it):`);
		say();
		for (const message of slack.messages) say(message.body.text);
		rule();
		say('Every account, its status and its biggest findings:');
		say();
		printAccounts(findings, summary);
		rule();
		const orphans = findings.filter((finding) => finding.kind === 'orphaned_account');
		say(`Orphaned accounts (gone from ${summary.identity_provider.account}, still active in an app):`);
		for (const finding of orphans) say(`  • ${finding.user_name} in ${finding.account_name}: ${finding.reason}`);
		say(`Money to reclaim, per currency (never added together): ${summary.to_reclaim.map((total) => `${amount(total.currency, total.monthly_amount)}/month (${total.seats} seats)`).join(' · ')}; ${summary.unpriced_seats} seats without a price`);
		rule();
		say();
		say(
			`${findings.length} items from ${summary.accounts.total} accounts (${summary.accounts.not_checked} not checked); ` +
				`${sandbox.requests.length} Truto API calls; ${Math.round((Date.now() - started) / 1000)} s in all.`,
		);
		say('The approval flow that acts on these findings: examples/seat-reclamation-approval.json (open it with npm run dev).');
	} finally {
		await n8n?.cleanup();
		await Promise.all([sandbox.close(), slack.close()]);
	}
}

main().catch((error) => {
	process.stderr.write(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
