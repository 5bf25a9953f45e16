#!/usr/bin/env node
'use strict';
// @ts-check
/**
 * A working n8n editor on localhost for trying the node by hand: the package installed, a Truto
 * credential pointing at the local sandbox, an SMTP credential and Slack webhook pointing at local
 * receivers, the example workflows (Account health alerts active, so the sandbox's sample events
 * start it: press Enter, or use the printed command) and the cross-app review imported. Ctrl-C stops
 * everything.
 */
const fs = require('node:fs');
const path = require('node:path');

const { VERSIONS, ensureInstalled, N8nInstance, packPackage, OWNER } = require('../dev/n8n');
const { startSandbox, TOKEN, ACCOUNTS } = require('../dev/sandbox');
const { startSlackCatcher, startSmtpCatcher } = require('../dev/receivers');
const { seatReclamationWorkflow, seatApprovalWorkflow, crossAppReviewWorkflow, accountHealthWorkflow, accessReviewWorkflow, offboardWorkflow, trutoCredential, smtpCredential } = require('../dev/workflows');

const version = process.env.DEV_N8N_VERSION ?? VERSIONS[VERSIONS.length - 1].n8n;
/** The sample Truto event: GitHub's credentials were revoked; the contact gets the reconnect link. */
const SAMPLE_EVENT = {
	event: 'integrated_account:authentication_error',
	account: 'github',
	context: { contact_email: 'admin@acme-corp.example', contact_name: 'Alex' },
};
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main() {
	say(`▸ n8n ${version}: checking the local install (the first run downloads it, about 3 minutes)`);
	await ensureInstalled(version, { log: (message) => say(`    ${message}`) });
	const [sandbox, slack, smtp] = await Promise.all([startSandbox({ port: 0 }), startSlackCatcher(), startSmtpCatcher()]);
	const n8n = await N8nInstance.create({ version, tarball: packPackage(), log: () => undefined });
	await n8n.importCredentials([
		trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url }),
		smtpCredential(smtp),
	]);
	await n8n.importWorkflow(seatReclamationWorkflow({ slackUrl: slack.url }));
	await n8n.importWorkflow(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'offboarding-check.json'), 'utf8')));
	const accountHealth = accountHealthWorkflow({ slackUrl: slack.url });
	await n8n.importWorkflow(accountHealth);
	await n8n.importWorkflow(seatApprovalWorkflow({ slackUrl: slack.url, identityProviderAccountId: ACCOUNTS.workforce }));
	await n8n.importWorkflow(crossAppReviewWorkflow({ slackUrl: slack.url, identityProviderAccountId: ACCOUNTS.workforce }));
	await n8n.importWorkflow(accessReviewWorkflow({ owners: { GitHub: 'github-owner@acme.example' } }));
	await n8n.importWorkflow(offboardWorkflow({ slackUrl: slack.url, identityProviderAccountId: ACCOUNTS.workforce }));
	say('▸ Starting the n8n editor');
	await n8n.start();
	// Active, so its Truto Trigger registers a webhook at the sandbox and the sample events below start it.
	const activation = await n8n.activate(accountHealth.id);
	if (!activation.ok) say(`    Account health alerts could not be activated: ${activation.message}`);

	say();
	say(`n8n editor:   ${n8n.baseUrl}`);
	say(`login:        ${OWNER.email} / ${OWNER.password}`);
	say(`credential:   "Truto API" → Truto sandbox at ${sandbox.url} (accounts such as GitHub · acme-corp = ${ACCOUNTS.github})`);
	say('workflows:    "Seat reclamation report (Truto)", "Offboarding check (Truto)", "Account health alerts (Truto)" (active),');
	say('              "Seat reclamation with approval (Truto)", "Cross-app seat review (Truto)", "Quarterly access review (Truto)"');
	say('              (approval emails arrive below;');
	say('              "Seat reclamation with approval (Truto)", "Cross-app seat review (Truto)",');
	say('              "Offboard when the identity provider deactivates someone (Truto)" (approval emails arrive below;');
	say('              open their links to answer)');
	say(`deliveries:   Slack and email go to local receivers; they are printed here as they arrive`);
	say(`events:       press Enter to have the sandbox push "${SAMPLE_EVENT.event}" for ${SAMPLE_EVENT.account}, or:`);
	say(`              curl -X POST ${sandbox.url}/__sandbox/webhooks/emit -d '${JSON.stringify(SAMPLE_EVENT)}'`);
	say('              (other events, retries, bad signatures: dev/sandbox/README.md → Webhooks)');
	say('Ctrl-C stops n8n, the sandbox and the receivers.');

	// Each Enter: one signed sample event to every webhook registered at the sandbox.
	process.stdin.on('data', () => {
		sandbox
			.emit(SAMPLE_EVENT)
			.then(({ deliveries }) => say(`\n[Truto event] ${SAMPLE_EVENT.event} → ${deliveries.map((delivery) => `${delivery.status} ${delivery.target_url}`).join(', ') || 'no webhook subscribes to it'}`))
			.catch((error) => say(`\n[Truto event] failed: ${error.message}`));
	});

	let shown = { slack: 0, mail: 0 };
	const watcher = setInterval(() => {
		for (const message of slack.messages.slice(shown.slack)) say(`\n[Slack] ${message.body.text ?? JSON.stringify(message.body)}`);
		for (const mail of smtp.mails.slice(shown.mail)) {
			say(`\n[Email to ${mail.to.join(', ')}] ${mail.subject}`);
			// Approval emails carry n8n's resume links: open one to answer.
			for (const [, href, label] of mail.text.matchAll(/href="([^"]+)"[^>]*>([^<]+)</g)) say(`    ${label.trim()}: ${href.replace(/&amp;/g, '&')}`);
		}
		shown = { slack: slack.messages.length, mail: smtp.mails.length };
	}, 1000);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		clearInterval(watcher);
		process.stdin.pause();
		say('\nStopping…');
		await n8n.cleanup();
		await Promise.all([sandbox.close(), slack.close(), smtp.close()]);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`\nnpm run dev failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
