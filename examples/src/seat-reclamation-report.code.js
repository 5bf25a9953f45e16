// The "Build Report" Code node of examples/seat-reclamation-report.json, kept as a file so it can be
// read and reviewed as code; `npm run examples` writes it into the workflow.
// n8n runs the body of codeNode() as the Code node's JavaScript ($ and $input are n8n's).
//
// The Truto nodes do the work: "List Inactive Users" returns only users not seen for Inactive Days
// (plus those without activity data), "List Licenses" adds `seats` (unassigned seats and what they
// cost) to every license. This node only puts their answers into words.
module.exports = function codeNode() {
	const settings = $('Settings').first().json;
	const inactiveDays = Number(settings.inactiveDays);
	const now = Date.now();
	const dayMs = 24 * 60 * 60 * 1000;

	const users = $('List Inactive Users').all().map((item) => item.json).filter((user) => user && user.id);
	const licenses = $('List Licenses').all().map((item) => item.json).filter((license) => license && license.id);
	const licenseById = new Map(licenses.map((license) => [String(license.id), license]));

	const money = (amount, currency) =>
		`${currency || ''} ${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`.trim();
	const primaryEmail = (user) => {
		const emails = Array.isArray(user.emails) ? user.emails : [];
		return (emails.find((entry) => entry.is_primary) || emails[0] || {}).email || '';
	};
	const nameOf = (user) => user.name || user.username || primaryEmail(user);

	// The node kept users without activity data too (Users Without Activity Data: Include): they get
	// their own section, since nothing says when they were last seen.
	const inactiveUsers = [];
	const noActivityData = [];
	for (const user of users) {
		const lastSeen = user.last_active_at || user.last_login_at || null;
		if (!lastSeen) {
			noActivityData.push({ id: String(user.id), name: nameOf(user), email: primaryEmail(user) });
			continue;
		}
		const held = (Array.isArray(user.licenses) ? user.licenses : []).map((entry) => {
			const license = licenseById.get(String(entry.id)) || {};
			return {
				id: String(entry.id),
				name: entry.name || license.name || String(entry.id),
				unitAmount: typeof license.unit_amount === 'number' ? license.unit_amount : 0,
				currency: license.currency || '',
			};
		});
		inactiveUsers.push({
			id: String(user.id),
			name: nameOf(user),
			email: primaryEmail(user),
			status: user.status || 'unknown',
			lastSeen,
			idleDays: Math.floor((now - Date.parse(lastSeen)) / dayMs),
			licenses: held,
			monthlyCost: held.reduce((sum, license) => sum + license.unitAmount, 0),
			currency: (held.find((license) => license.currency) || {}).currency || '',
		});
	}
	inactiveUsers.sort((a, b) => b.idleDays - a.idleDays || a.name.localeCompare(b.name));

	// Unused seats, as the node counted them (Seat Utilization).
	const unusedLicenses = licenses
		.filter((license) => license.seats && license.seats.unassigned > 0)
		.map((license) => ({
			id: String(license.id),
			name: license.name || String(license.id),
			available: license.seats.available,
			assigned: license.seats.assigned,
			unusedSeats: license.seats.unassigned,
			utilization: license.seats.utilization,
			unitAmount: typeof license.unit_amount === 'number' ? license.unit_amount : 0,
			currency: license.seats.currency || '',
			monthlyCost: license.seats.unassigned_cost || 0,
		}))
		.sort((a, b) => b.monthlyCost - a.monthlyCost || a.name.localeCompare(b.name));

	const currency = (unusedLicenses.find((l) => l.currency) || inactiveUsers.find((u) => u.currency) || {}).currency || '';
	const reclaimableSeats = unusedLicenses.reduce((sum, l) => sum + l.unusedSeats, 0) +
		inactiveUsers.reduce((sum, u) => sum + u.licenses.length, 0);
	const monthlySavings = unusedLicenses.reduce((sum, l) => sum + l.monthlyCost, 0) +
		inactiveUsers.reduce((sum, u) => sum + u.monthlyCost, 0);
	const percent = (share) => (typeof share === 'number' ? `${Math.round(share * 100)}% used` : 'usage unknown');

	const account = settings.accountLabel || settings.integratedAccountId;
	const lines = [
		`Seat reclamation report for ${account}`,
		`${licenses.length} licenses checked; inactive means no activity for ${inactiveDays}+ days.`,
		'',
		`Inactive users (${inactiveUsers.length}):`,
		...inactiveUsers.map((u) =>
			`  - ${u.name} <${u.email}>: last seen ${u.lastSeen.slice(0, 10)} (${u.idleDays} days ago)` +
				(u.licenses.length ? `, holds ${u.licenses.map((l) => l.name).join(', ')}` : '') +
				(u.monthlyCost ? ` = ${money(u.monthlyCost, u.currency)}/month` : ''),
		),
		...(noActivityData.length ? ['', `No activity data (${noActivityData.length}): ${noActivityData.map((u) => u.name).join(', ')}`] : []),
		'',
		`Licenses with unused seats (${unusedLicenses.length}):`,
		...unusedLicenses.map((l) =>
			`  - ${l.name}: ${l.assigned} of ${l.available} seats used (${percent(l.utilization)}), ${l.unusedSeats} unused` +
				(l.unitAmount ? ` x ${money(l.unitAmount, l.currency)} = ${money(l.monthlyCost, l.currency)}/month` : ''),
		),
		'',
		`Reclaimable: ${reclaimableSeats} seats, about ${money(monthlySavings, currency)} per month.`,
	];

	return [
		{
			json: {
				subject: `Seat reclamation: ${inactiveUsers.length} inactive users, ${money(monthlySavings, currency)}/month to reclaim`,
				text: lines.join('\n'),
				inactiveDays,
				inactiveUsers,
				noActivityData,
				unusedLicenses,
				// users: the users the report lists (inactive, or without activity data).
				totals: { users: users.length, licenses: licenses.length, reclaimableSeats, monthlySavings, currency },
			},
		},
	];
};
