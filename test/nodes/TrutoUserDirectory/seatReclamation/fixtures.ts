/** Small builders for the pure reclamation tests: its settings, and the estate's accounts, users and licenses. */
import type { ReclamationSettings } from '../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/types';
import { FINDING_TYPES } from '../../../../nodes/TrutoUserDirectory/seatReclamation/parameters';
import { NOW } from '../estate/fixtures';

export { ACCOUNT, daysAgo, license, NOW, user } from '../estate/fixtures';

export function settings(extra: Partial<ReclamationSettings> = {}): ReclamationSettings {
	return {
		now: NOW,
		inactiveDays: 90,
		graceDays: 30,
		underusedBelow: 0.5,
		exemptEmails: new Set(),
		exemptDomains: new Set(),
		types: new Set(FINDING_TYPES),
		prices: [],
		...extra,
	};
}
