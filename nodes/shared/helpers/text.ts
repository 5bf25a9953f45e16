/** Small wording helpers for messages and labels. */

/** "a user", "an organization" (a leading u sounds like "you" in every noun used here). */
export function withArticle(noun: string): string {
	return `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "a", "a and b", "a, b and c". */
export function listNames(names: string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Words written in capitals in n8n labels. */
const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', url: 'URL', ip: 'IP', sso: 'SSO', api: 'API' };

/** A Truto parameter name as a field label: include_last_sign_in → "Include Last Sign In", org_id → "Org ID". */
export function titleOf(name: string): string {
	return name
		.replace(/\[\]$/, '')
		.split(/[_\s.-]+/)
		.filter(Boolean)
		.map((word) => ACRONYMS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}
