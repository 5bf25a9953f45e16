import { segmentProblem } from '../transport';
import { inputError, type Place } from './itemLocation';

/** A resource locator's value as text (already extracted by n8n); every failure names the field. */
export function locatorText(
	place: Place,
	raw: unknown,
	displayName: string,
	options: { required: boolean },
): string | undefined {
	if (raw !== null && typeof raw === 'object') {
		throw inputError(
			place,
			`${displayName} must be an ID, not ${Array.isArray(raw) ? 'a list' : 'an object'}`,
			`The expression for ${displayName} resolved to ${JSON.stringify(raw).slice(0, 100)}. Point it at the ID field, e.g. {{ $json.id }}.`,
		);
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		if (!options.required) return undefined;
		throw inputError(place, `${displayName} is empty`, `Choose ${displayName.toLowerCase()} from the list, or enter its ID.`);
	}
	return value;
}

/** The ID of a record, refused here when it could never be sent as a path segment ("..", far too long). */
export function recordIdText(place: Place, raw: unknown, displayName: string): string {
	const id = locatorText(place, raw, displayName, { required: true }) as string;
	const problem = segmentProblem(id);
	if (problem) throw inputError(place, problem.message, problem.description);
	return id;
}
