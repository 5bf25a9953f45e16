// The "Build Access Report" Code node of examples/offboarding-check.json, kept as a file so it can be
// read and reviewed as code; `npm run examples` writes it into the workflow.
// n8n runs the body of codeNode() as the Code node's JavaScript ($ and $input are n8n's).
module.exports = function codeNode() {
	const email = String($('Email To Check').first().json.email || '').trim().toLowerCase();
	const accountLabel = (account) => {
		const integration = (account.integration && (account.integration.label || account.integration.name)) || 'unknown';
		return `${integration} · ${account.tenant_id || account.id}`;
	};

	const accounts = $('List Integrated Accounts').all().map((item) => item.json);
	const matched = new Set();
	const failed = new Set();
	const stillHasAccess = [];
	const couldNotCheck = [];

	// Each "Find User" item is paired with the integrated account it was listed from.
	$input.all().forEach((item, index) => {
		const user = item.json;
		if (!user.error && !user.id) return; // the empty item n8n emits when nothing was found
		const account = $('List Integrated Accounts').itemMatching(index).json;
		if (user.error) {
			failed.add(account.id);
			couldNotCheck.push({ account: accountLabel(account), accountId: account.id, error: user.error, hint: user.description || '' });
			return;
		}
		const emails = (Array.isArray(user.emails) ? user.emails : []).map((entry) => String(entry.email || '').toLowerCase());
		// Integrations that ignore the email filter return everyone, so match here as well.
		if (!(emails.includes(email) || String(user.username || '').toLowerCase() === email)) return;
		matched.add(account.id);
		stillHasAccess.push({
			account: accountLabel(account),
			accountId: account.id,
			userId: String(user.id),
			name: user.name || '',
			status: user.status || 'unknown',
			lastSeen: user.last_active_at || user.last_login_at || null,
		});
	});
	const noAccount = accounts
		.filter((account) => !matched.has(account.id) && !failed.has(account.id))
		.map((account) => ({ account: accountLabel(account), accountId: account.id }));

	const active = stillHasAccess.filter((entry) => entry.status !== 'deleted' && entry.status !== 'inactive');
	const lines = [
		`Offboarding check for ${email || '(no email given)'}`,
		`${accounts.length} integrated accounts checked.`,
		'',
		`Still has access (${active.length}):`,
		...active.map((entry) => `  - ${entry.account}: user ${entry.userId} is ${entry.status}`),
		...(stillHasAccess.length > active.length
			? ['', 'Account present but not active:', ...stillHasAccess.filter((entry) => !active.includes(entry)).map((entry) => `  - ${entry.account}: ${entry.status}`)]
			: []),
		...(couldNotCheck.length
			? ['', `Could not check (${couldNotCheck.length}):`, ...couldNotCheck.map((entry) => `  - ${entry.account}: ${entry.error}`)]
			: []),
	];

	return [{ json: { email, clean: active.length === 0 && couldNotCheck.length === 0, stillHasAccess, noAccount, couldNotCheck, text: lines.join('\n') } }];
};
