/** Small wording helpers for messages and labels. */

/** "a user", "an organization" (a leading u sounds like "you" in every noun used here). */
export function withArticle(noun: string): string {
	return `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** The text with its first letter in capitals: "remove a user from" → "Remove a user from". */
export function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listNames(names: string[], conjunction: 'and' | 'or' = 'and'): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
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

/**
 * A Title Case option name as a person writes it in a sentence: "Account Needs Re-Authentication" →
 * "Account needs re-authentication" (n8n's own lower-casing would drop the hyphen: "re authentication").
 */
export function sentenceCase(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/** The trigger action n8n's node picker lists for an event: "On account needs re-authentication". */
export function onEvent(name: string): string {
	return `On ${name.toLowerCase()}`;
}

/**
 * A node subtitle that shows a readable name for a value: an n8n expression looking the value up in
 * a fixed table, the raw value where the table has none (a value saved by a later version).
 */
export function subtitleLookup(names: Record<string, string>, key: string, fallback = key): string {
	return `={{ ${JSON.stringify(names)}[${key}] || ${fallback} }}`;
}

/** A wait as people say it: "45 s", "12 min", "1 h 30 min". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** A text cut to `max` characters with an ellipsis, whitespace (and HTML tags) flattened. */
export function shorten(text: string, max: number): string {
	const flat = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Text safe to place in the HTML n8n renders for notices (integration names and Truto's texts included). */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
