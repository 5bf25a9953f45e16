import type { NodeApiError } from 'n8n-workflow';

import type { Outcome } from './requestLoop';

/**
 * Truto's answers to its webhook API (/webhook), read for the Truto Trigger's registration. Kept here
 * with the rest of the transport: the only code that knows status codes.
 */

type Failed = Extract<Outcome, { ok: false }>;

/** The webhook asked for does not exist (any more): deleted in the dashboard, or never there. */
export function isGone(outcome: Outcome): boolean {
	return !outcome.ok && outcome.status === 404;
}

/** What to do when n8n's webhook URL is one Truto cannot deliver to. */
export function publicUrlFix(webhookUrl: string): string {
	return `Truto cannot deliver to ${webhookUrl}. Set n8n's WEBHOOK_URL environment variable to the public https address of this n8n (for example https://n8n.example.com/), restart n8n, and activate the workflow again.`;
}

const PLAN_LIMIT_FIX =
	'Your Truto plan allows no more webhooks for this environment. Delete webhooks you no longer use (Truto dashboard → Webhooks), or upgrade the plan, then activate the workflow again.';

/**
 * The error for a webhook Truto did not create: Truto's own message, and what to do — fix the
 * credential (401, the transport's hint), free a webhook or upgrade (402, 403, or a message about a
 * plan or limit), or give n8n a public address (a 400/422 about the target URL). Takes a failed
 * answer, or the error a listing threw on the way.
 */
export function registrationError(failure: Failed | NodeApiError, webhookUrl: string): NodeApiError {
	const error = 'ok' in failure ? failure.error : failure;
	const status = 'ok' in failure ? failure.status : Number(failure.httpCode);
	const said = 'ok' in failure && typeof failure.body.message === 'string' ? failure.body.message : error.message;
	error.message = `Truto did not register the webhook: ${error.message}`;
	if (status === 402 || status === 403 || (status !== 401 && /\b(plan|limit|quota|upgrade)/i.test(said))) {
		error.description = PLAN_LIMIT_FIX;
	} else if ((status === 400 || status === 422) && /target_url|url|https|reachable|address/i.test(said)) {
		error.description = publicUrlFix(webhookUrl);
	}
	return error;
}
