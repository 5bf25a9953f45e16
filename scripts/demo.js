#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * The main job, end to end on this machine: a real n8n (installed into .cache/ on first use) runs
 * the seat-reclamation example against the local Truto sandbox, and the report it delivers to
 * Slack and email is printed the way a person receives it.
 */
const { VERSIONS, ensureInstalled, N8nInstance, packPackage, itemsOf, nodeError } = require('../dev/n8n');
const { startSandbox, TOKEN } = require('../dev/sandbox');
const { startSlackCatcher, startSmtpCatcher } = require('../dev/receivers');
const { seatReclamationWorkflow, trutoCredential, smtpCredential } = require('../dev/workflows');

const version = process.env.DEMO_N8N_VERSION ?? VERSIONS[VERSIONS.length - 1].n8n;
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => say(`▸ ${line}`);

async function main() {
	const started = Date.now();
	step(`n8n ${version}: checking the local install (the first run downloads it, about 3 minutes)`);
	await ensureInstalled(version, { log: (message) => say(`    ${message}`) });

	step('Starting the Truto sandbox and local Slack/SMTP receivers');
	const [sandbox, slack, smtp] = await Promise.all([startSandbox({ port: 0 }), startSlackCatcher(), startSmtpCatcher()]);
	/** @type {N8nInstance | undefined} */
	let n8n;
	try {
		step('Packing n8n-nodes-truto and installing it into a fresh n8n user folder');
		n8n = await N8nInstance.create({ version, tarball: packPackage(), log: () => undefined });
		await n8n.importCredentials([
			trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url }),
			smtpCredential(smtp),
		]);
		const workflow = seatReclamationWorkflow({ slackUrl: slack.url });
		await n8n.importWorkflow(workflow);

		step(`Running "${workflow.name}" in n8n`);
		const run = await n8n.execute(workflow.id);
		if (!run.execution || run.exitCode !== 0) {
			const failedNode = run.execution?.data?.resultData?.lastNodeExecuted;
			const error = failedNode ? nodeError(run.execution, failedNode) : undefined;
			throw new Error(`the workflow did not finish: ${error?.message ?? `exit ${run.exitCode}\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`}`);
		}
		const [report] = itemsOf(run.execution, 'Build Report');

		say();
		say('━'.repeat(78));
		say(`Slack message (${slack.messages.length} posted to the incoming webhook):`);
		say();
		for (const message of slack.messages) say(message.body.text);
		say('━'.repeat(78));
		for (const mail of smtp.mails) say(`Email to ${mail.to.join(', ')} — "${mail.subject}" (${mail.text.length} characters, same text)`);
		say('━'.repeat(78));
		say();
		say(
			`Found ${report.inactiveUsers.length} inactive users, ${report.noActivityData.length} without activity data and ` +
				`${report.unusedLicenses.length} licenses with unused seats; ${sandbox.requests.length} Truto API calls; ` +
				`${Math.round((Date.now() - started) / 1000)} s in all.`,
		);
		say('Open it in the n8n editor with: npm run dev');
	} finally {
		await n8n?.cleanup();
		await Promise.all([sandbox.close(), slack.close(), smtp.close()]);
	}
}

main().catch((error) => {
	process.stderr.write(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
