'use strict';
// @ts-check
/**
 * The node as an AI agent's tool, end to end in real n8n: n8n's AI Agent with an OpenAI Chat Model
 * whose credential points at a local OpenAI-compatible model (dev/model). The model's first turn
 * calls the Truto tool with the arguments its `$fromAI()` parameters ask for; n8n runs the node
 * against the sandbox; the second turn reads the tool's answer and replies. One n8n per version, both
 * scenarios in one boot.
 */
const { ACCOUNTS, describeInN8n, listDirect } = require('./setup');
const { itemsOf, nodeError } = require('../../dev/n8n');
const { startModelServer, lastToolMessage } = require('../../dev/model');
const { trutoTool, agentWorkflow, openAiCredential, byId } = require('../../dev/workflows');

const LEAVER = 'dana.whitfield@acme.com';
const EMAIL_DESCRIPTION = 'The email address of the person to look up';
const LIMIT_DESCRIPTION = 'How many user accounts to return at most';

/** The agent asks about one person: the model fills in the email and a limit. */
const lookup = agentWorkflow('agentLookup1', `Which Salesforce accounts does ${LEAVER} have?`, [
	trutoTool('Find Users', {
		resource: 'user',
		operation: 'getAll',
		integratedAccount: byId(ACCOUNTS.salesforce),
		returnAll: false,
		limit: `={{ $fromAI('limit', '${LIMIT_DESCRIPTION}', 'number') }}`,
		filters: { email: `={{ $fromAI('email', '${EMAIL_DESCRIPTION}', 'string') }}` },
		options: {},
	}),
]);

/** A tool call that fails before sending: GitHub lists licenses only with an Organization. */
const failing = agentWorkflow('agentFailing1', 'How many GitHub seats are unused?', [
	trutoTool('List Licenses', { resource: 'license', operation: 'getAll', integratedAccount: byId(ACCOUNTS.github), returnAll: true, options: {} }),
]);

/**
 * The scripted model: turn 1 calls the first tool, filling each parameter it declares; turn 2 answers
 * with what the tool returned.
 * @param {import('../../dev/model').ChatRequest} request
 * @param {number} turn
 */
function script(request, turn) {
	const tool = request.tools?.[0];
	if (!tool) return { content: 'I have no tool to call.' };
	if (turn % 2 === 0) {
		const properties = tool.function.parameters?.properties ?? {};
		/** @type {Record<string, unknown>} */
		const args = {};
		if ('email' in properties) args.email = LEAVER;
		if ('limit' in properties) args.limit = 5;
		return { toolCalls: [{ name: tool.function.name, arguments: args }] };
	}
	return { content: `The tool answered: ${lastToolMessage(request)}` };
}

const withModel = {
	services: { model: () => startModelServer(script) },
	boot: (/** @type {any} */ e2e) => ({ credentials: [openAiCredential(e2e.model.url)] }),
};

describeInN8n('n8n %s AI Agent with the Truto tool', withModel, (e2e) => {
	beforeAll(async () => {
		await e2e.n8n.importWorkflow([lookup, failing]);
	});

	it('the model calls the tool with $fromAI arguments, n8n runs it against Truto, the answer carries the data', async () => {
		e2e.model.requests.length = 0;
		e2e.sandbox.clearRequests();
		const { execution, exitCode, stdout, stderr } = await e2e.n8n.execute(lookup.id);
		expect({ exitCode, error: nodeError(execution, 'AI Agent') }).toEqual({ exitCode: 0, error: undefined });

		// What the model was shown: a tool it can act on.
		const [first, second] = e2e.model.requests;
		const [tool] = first.tools;
		expect(tool.function.name).toBe('Find_Users');
		expect(tool.function.description).toMatch(/^Get many users in Truto User Directory/);
		expect(tool.function.parameters.properties.email).toMatchObject({ type: 'string', description: EMAIL_DESCRIPTION });
		expect(tool.function.parameters.properties.limit).toMatchObject({ type: 'number', description: LIMIT_DESCRIPTION });

		// The call reached Truto with what the model asked for.
		const [request] = e2e.sandbox.requests.filter((/** @type {any} */ entry) => entry.path === '/unified/user-directory/users');
		expect(request.query.integrated_account_id).toBe(ACCOUNTS.salesforce);
		expect(request.query.emails ?? request.query.email).toBe(LEAVER);
		expect(request.query.limit).toBe('5');

		// The second turn got the tool's result (simplified users), and the final answer carries it.
		// Worked out here: every Salesforce user with that address (case-insensitive, any of their emails).
		const everyone = await listDirect(e2e.sandbox, '/unified/user-directory/users', { integrated_account_id: ACCOUNTS.salesforce });
		const expected = everyone.filter((user) => (user.emails ?? []).some((/** @type {any} */ entry) => String(entry.email).toLowerCase() === LEAVER));
		expect(expected.length).toBeGreaterThan(0);
		const toolResult = lastToolMessage(second);
		for (const user of expected) expect(toolResult).toContain(String(user.id));
		expect(toolResult).toContain(LEAVER);
		expect(toolResult).not.toContain('remote_data');
		const [answer] = itemsOf(execution, 'AI Agent');
		expect(answer.output).toContain(String(expected[0].id));
		expect(answer.output).toContain(LEAVER);
		expect(`${stdout}${stderr}`).not.toContain('truto-sandbox-token');
	});

	it('a failing tool call reaches the model as text, and the execution still finishes', async () => {
		e2e.model.requests.length = 0;
		e2e.sandbox.clearRequests();
		const { execution, exitCode } = await e2e.n8n.execute(failing.id);
		expect(exitCode).toBe(0);
		expect(execution?.data.resultData.error).toBeUndefined();
		const toolResult = lastToolMessage(e2e.model.requests[1]);
		expect(toolResult).toContain('GitHub needs Organization (organization_id) to list licenses');
		const [answer] = itemsOf(execution, 'AI Agent');
		expect(answer.output).toContain('GitHub needs Organization (organization_id) to list licenses');
		// Stopped before sending: no license listing reached Truto.
		expect(e2e.sandbox.requests.filter((/** @type {any} */ entry) => entry.path === '/unified/user-directory/licenses')).toEqual([]);
	});
});
