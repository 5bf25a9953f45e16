// The "Build Messages" Code node of examples/account-health-alerts.json, kept as a file so it can be
// read and reviewed as code; `npm run examples` writes it into the workflow.
// n8n runs the body of codeNode() as the Code node's JavaScript ($ and $input are n8n's).
//
// The Truto nodes do the work: the trigger hands over the account that needs reconnecting (with
// Truto's last_error), "Create Reconnect Link" the link that reconnects it. This node only puts them
// into words: one email for the customer's contact and one Slack message for your team.
module.exports = function codeNode() {
	const settings = $('Settings').first().json;

	return $input.all().map((item, index) => {
		const link = item.json;
		const event = $('Account Needs Reconnecting').itemMatching(index).json;
		const account = event.account || {};
		const app = account.integration_label || account.integration || 'the app';
		const tenant = account.tenant_id || account.id;
		const context = account.context || {};
		// Store the customer's contact in the account's context when it is connected, or set a fallback in Settings.
		const to = context.contact_email || settings.fallbackEmailTo;
		const reason = account.last_error || 'the app no longer accepts the stored credentials';

		const text = [
			`Hello${context.contact_name ? ` ${context.contact_name}` : ''},`,
			'',
			`the connection between ${settings.companyName} and ${app} (${tenant}) stopped working: ${reason}.`,
			'Until it is reconnected, nothing can be read from or changed in that app on your behalf.',
			'',
			'Please reconnect it here (it takes a minute; your settings are kept):',
			link.link_url,
			'',
			`Thank you — ${settings.companyName}`,
		].join('\n');

		const slackText = [
			`:warning: ${app} · ${tenant} needs to be reconnected (${event.event}).`,
			`Reason: ${reason}`,
			`Reconnect link sent to ${to}: ${link.link_url}`,
		].join('\n');

		return {
			json: {
				accountId: account.id,
				to,
				subject: `Please reconnect ${app} (${tenant})`,
				text,
				slackText,
				linkUrl: link.link_url,
			},
			pairedItem: { item: index },
		};
	});
};
