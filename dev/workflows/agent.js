'use strict';
// @ts-check
/**
 * n8n's AI Agent with an OpenAI Chat Model (its credential pointing at any OpenAI-compatible server,
 * e.g. dev/model) and Truto User Directory tools, run from a Manual Trigger with a fixed question.
 */
const { node, manualTrigger, setNode, field } = require('./nodes');
const { TRUTO_CREDENTIAL } = require('./credentials');
const { workflow } = require('./workflow');

const TRUTO_TOOL = 'n8n-nodes-truto.trutoUserDirectoryTool';
const OPENAI_CREDENTIAL = Object.freeze({ id: 'openAiCredential1', name: 'OpenAI (test model)' });

/** The OpenAI credential to import, its Base URL at `url` (e.g. 'http://127.0.0.1:1234/v1'). @param {string} url */
function openAiCredential(url) {
	return { ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'test-key', url } };
}

/**
 * A Truto tool node (version 1.1, as the editor adds it); `$fromAI()` expressions in its parameters
 * are what the model fills in.
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 */
function trutoTool(name, parameters) {
	return node(TRUTO_TOOL, 1.1, name, parameters, { credentials: { trutoApi: TRUTO_CREDENTIAL } });
}

/**
 * Start → Question (chatInput) → AI Agent, with the chat model and the tools attached.
 * @param {string} id
 * @param {string} question
 * @param {any[]} tools
 */
function agentWorkflow(id, question, tools) {
	const nodes = [
		manualTrigger('Start', { id: `${id}-start`, position: [0, 0] }),
		setNode('Question', [field('q1', 'chatInput', question)], { id: `${id}-question`, position: [220, 0] }),
		node('@n8n/n8n-nodes-langchain.agent', 3.1, 'AI Agent', { promptType: 'define', text: '={{ $json.chatInput }}', options: {} }, {
			id: `${id}-agent`,
			position: [440, 0],
		}),
		node(
			'@n8n/n8n-nodes-langchain.lmChatOpenAi',
			1.2,
			'OpenAI Chat Model',
			{ model: { __rl: true, mode: 'id', value: 'fake-model' }, options: {} },
			{ id: `${id}-model`, position: [440, 220], credentials: { openAiApi: OPENAI_CREDENTIAL } },
		),
		...tools.map((tool, index) => ({ ...tool, id: `${id}-tool-${index}`, position: [660 + index * 220, 220] })),
	];
	const connections = {
		Start: { main: [[{ node: 'Question', type: 'main', index: 0 }]] },
		Question: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
		...Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] }])),
	};
	return workflow(id, nodes, connections);
}

module.exports = { TRUTO_TOOL, OPENAI_CREDENTIAL, openAiCredential, trutoTool, agentWorkflow };
