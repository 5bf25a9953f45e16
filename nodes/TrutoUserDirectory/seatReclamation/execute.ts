import type { IDataObject } from 'n8n-workflow';

import type { ItemInput } from '../../shared/input/itemInput';
import { inputError } from '../../shared/input/itemLocation';
import { readReclamationRequest } from './readParameters';
import type { ReadContext } from '../estate/accountReader';
import { reviewEstate } from './estate';
import { accountsInScope, identityProviderInScope } from '../estate/scope';
import { notCheckedFindings, summaryOf } from './analysis/summary';
import type { Run } from '../execution';

/**
 * Seat Reclamation → Find Reclaimable Seats: every account in scope reviewed side by side (see
 * reclamation/estate.ts), one item per finding and per account that could not be read fully, and a
 * summary item with a ready-to-post digest, as the Output parameter asks. The run fails only when no
 * account at all could be reviewed.
 */
export async function findReclaimableSeats(run: Run, input: ItemInput): Promise<IDataObject[]> {
	const request = readReclamationRequest(run.context, input.itemIndex);
	const settings = { ...request.settings, now: Date.now() };
	const place = { node: run.context.getNode(), itemIndex: input.itemIndex };
	const context: ReadContext = { client: run.client, metadata: run.metadata, place, organizations: new Map() };

	const scope = await accountsInScope(context, request.scope);
	const identityProvider = await identityProviderInScope(context, request.identityProviderId);
	// Only the summary asked for: findings are counted as they come, none is kept.
	const result = await reviewEstate(context, scope.accounts, settings, identityProvider, { keepFindings: request.output !== 'summary' });

	if (result.outcomes.every((outcome) => outcome.status === 'not_checked')) {
		const reasons = result.outcomes.map((outcome) => `${outcome.account.name}: ${outcome.gaps[0]?.reason}`);
		throw inputError(
			place,
			`No integrated account could be reviewed (${result.outcomes.length} tried)`,
			`${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? `; and ${reasons.length - 5} more` : ''}. Fix what the first ones say and run again.`,
		);
	}
	const identity = result.identity;
	const findings = [...(identity ? notCheckedFindings(identity.outcome) : []), ...result.findings];
	const summary = summaryOf(result.tally, result.outcomes, {
		settings,
		identityProvider: identity ? { ...identity.outcome, people: identity.directory?.people ?? 0 } : undefined,
		unmatchedIntegrations: scope.unmatched,
	});
	if (request.output === 'summary') return [summary];
	if (request.output === 'findings') return findings;
	return [...findings, summary];
}
