import type { IDataObject } from 'n8n-workflow';

import { isIdentityProviderName } from '../../shared/helpers/accounts';
import type { AccountInfo } from '../../shared/transport';
import { readReclamationRequest } from './parameters';
import type { ReadContext } from '../estate/accountReader';
import { notCheckedFindings } from '../estate/outcomes';
import { reviewEstate } from './reviewAccounts';
import { accountsInScope, failWhenNoAccountRead, identityProviderInScope } from '../estate/scope';
import { FindingsCsv } from './analysis/csv';
import { completeFinding, completeSummary } from './analysis/fields';
import { summaryOf } from './analysis/summary';
import type { ExecutionScope } from '../execution';
import { withBinary } from '../feature';

/**
 * Seat Reclamation → Find Reclaimable Seats: every account in scope reviewed side by side (see
 * reclamation/estate.ts), one item per finding and per account that could not be read fully, and a
 * summary item with a ready-to-post digest, as the Output parameter asks. The run fails only when no
 * account at all could be reviewed.
 */
/** The CSV file's name (Output: Summary with a CSV File). */
export const CSV_FILE_NAME = 'reclaimable-seats.csv';

export async function findReclaimableSeats(execution: ExecutionScope, itemIndex: number): Promise<IDataObject[]> {
	const request = readReclamationRequest(execution.context, itemIndex);
	const settings = { ...request.settings, now: Date.now() };
	const location = { node: execution.context.getNode(), itemIndex };
	const context: ReadContext = { client: execution.client, metadata: execution.metadata, location, organizations: new Map() };

	const scope = await accountsInScope(context, request.scope);
	const identityProvider = await identityProviderInScope(context, request.identityProviderId);
	if (identityProvider && 'info' in identityProvider) explainIdentityProvider(execution, identityProvider.info);
	// Only the summary (or a CSV file) asked for: findings are counted (or written) as they come, none is kept.
	const csv = request.output === 'csvFile' ? new FindingsCsv() : undefined;
	const keepFindings = request.output !== 'summary' && !csv;
	const result = await reviewEstate(context, scope.accounts, settings, identityProvider, { keepFindings, write: csv ? (finding) => csv.add(finding) : undefined });

	failWhenNoAccountRead(location, result.outcomes, 'reviewed');
	const identity = result.identity;
	const findings = [...(identity ? notCheckedFindings(identity.outcome).map((finding) => completeFinding(finding, settings.now)) : []), ...result.findings];
	const summary = completeSummary(summaryOf(result.tally, result.outcomes, {
		settings,
		identityProvider: identity ? { ...identity.outcome, people: identity.directory?.people ?? 0 } : undefined,
		unmatchedIntegrations: scope.unmatched,
	}));
	if (csv) {
		for (const finding of findings) csv.add(finding);
		const file = await execution.context.helpers.prepareBinaryData(csv.file(), CSV_FILE_NAME, 'text/csv');
		return [withBinary({ ...summary, csv_rows: csv.count }, { data: file })];
	}
	if (request.output === 'summary') return [summary];
	if (request.output === 'findings') return findings;
	return [...findings, summary];
}

/**
 * An Identity Provider Account whose app is not an identity provider may be a mistake (the picker
 * lists providers first): say in the output pane what it means, without stopping the run.
 */
function explainIdentityProvider(execution: ExecutionScope, info: AccountInfo): void {
	if (isIdentityProviderName(info.slug) || isIdentityProviderName(info.integration)) return;
	execution.context.addExecutionHints({
		message: `Identity Provider Account is ${info.label}, and ${info.integration} is not an identity provider: people active in an app but absent from ${info.integration} are reported as orphaned accounts. Choose your Okta, Microsoft Entra ID, Google Workspace, JumpCloud or OneLogin account unless ${info.integration} really lists everyone who works for you.`,
		location: 'outputPane',
	});
}
