// The "Build Access Report" Code node of examples/offboarding-check.json, kept as a file so it can be
// read and reviewed as code; `npm run examples` writes it into the workflow.
const email = String($('Email To Check').first().json.email || '').trim().toLowerCase();

const stillHasAccess = [];
const noAccount = [];
const couldNotCheck = [];
const checked = new Map();

// Each "Find User" item is paired with the integrated account it was listed from.
$input.all().forEach((item, index) => {
	const account = $('List Integrated Accounts').itemMatching(index).json;
	const integration = (account.integration && (account.integration.label || account.integration.name)) || 'unknown';
	const label = `${integration} · ${account.tenant_id || account.id}`;
	if (!checked.has(account.id)) checked.set(account.id, { label, matches: 0, failed: false });
	const state = checked.get(account.id);
	if (item.json.error) {
		state.failed = true;
		couldNotCheck.push({ account: label, accountId: account.id, error: item.json.error, hint: item.json.description || '' });
		return;
	}
	const user = item.json;
	const emails = (Array.isArray(user.emails) ? user.emails : []).map((entry) => String(entry.email || '').toLowerCase());
	// Integrations that ignore the email filter return everyone, so match here as well.
	if (!user.id || !(emails.includes(email) || String(user.username || '').toLowerCase() === email)) return;
	state.matches++;
	stillHasAccess.push({
		account: label,
		accountId: account.id,
		userId: String(user.id),
		name: user.name || '',
		status: user.status || 'unknown',
		lastSeen: user.last_active_at || user.last_login_at || null,
	});
});
for (const [accountId, state] of checked) {
	if (!state.failed && state.matches === 0) noAccount.push({ account: state.label, accountId });
}

const active = stillHasAccess.filter((entry) => entry.status !== 'deleted' && entry.status !== 'inactive');
const lines = [
	`Offboarding check for ${email || '(no email given)'}`,
	`${checked.size} integrated accounts checked.`,
	'',
	`Still has access (${active.length}):`,
	...active.map((entry) => `  - ${entry.account}: user ${entry.userId} is ${entry.status}`),
	...(couldNotCheck.length
		? ['', `Could not check (${couldNotCheck.length}):`, ...couldNotCheck.map((entry) => `  - ${entry.account}: ${entry.error}`)]
		: []),
];

return [{ json: { email, clean: active.length === 0 && couldNotCheck.length === 0, stillHasAccess, noAccount, couldNotCheck, text: lines.join('\n') } }];
