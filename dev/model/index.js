'use strict';
// @ts-check
/**
 * A small OpenAI-compatible chat model for tests: `POST /v1/chat/completions` (plain JSON, or
 * server-sent events when the client asks for `stream: true`) and `GET /v1/models`. It answers as
 * its test scripts it: each turn is a function of the request (messages, tools) that returns tool
 * calls or text. Every request is recorded, so a test can read what the model was shown.
 *
 *   const model = await startModelServer((request, turn) =>
 *     turn === 0 ? { toolCalls: [{ name: request.tools[0].function.name, arguments: { email: 'a@b.c' } }] }
 *                : { content: `Found: ${lastToolMessage(request)}` });
 *   model.url; // 'http://127.0.0.1:<port>/v1' — an openAiApi credential's Base URL
 */
const http = require('node:http');

/**
 * @typedef {{ role: string, content?: string | null | Array<{ type: string, text?: string }>, tool_calls?: any[], tool_call_id?: string, name?: string }} ChatMessage
 * @typedef {{ model: string, messages: ChatMessage[], tools?: Array<{ type: 'function', function: { name: string, description?: string, parameters?: any } }>, stream?: boolean, [key: string]: unknown }} ChatRequest
 * @typedef {{ toolCalls: Array<{ name: string, arguments: Record<string, unknown> }> } | { content: string }} Turn
 * @typedef {(request: ChatRequest, turn: number) => Turn} Script
 */

/** A message's text, whatever shape the client sent it in. @param {ChatMessage} message */
function textOf(message) {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The newest tool result in a request: what the tool answered the model. @param {ChatRequest} request */
function lastToolMessage(request) {
	const tool = [...request.messages].reverse().find((message) => message.role === 'tool');
	return tool ? textOf(tool) : undefined;
}

/** @param {Turn} turn @param {string} model */
function completion(turn, model) {
	const message =
		'toolCalls' in turn
			? {
					role: 'assistant',
					content: null,
					tool_calls: turn.toolCalls.map((call, index) => ({
						id: `call_${index + 1}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					})),
				}
			: { role: 'assistant', content: turn.content };
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: 'toolCalls' in turn ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent events, the way OpenAI streams it. @param {Turn} turn @param {string} model */
function chunks(turn, model) {
	const base = { id: `chatcmpl-${Date.now()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
	const delta = (/** @type {object} */ d, /** @type {string | null} */ finish = null) => ({ ...base, choices: [{ index: 0, delta: d, logprobs: null, finish_reason: finish }] });
	if ('toolCalls' in turn) {
		return [
			delta({ role: 'assistant', content: null }),
			...turn.toolCalls.map((call, index) =>
				delta({ tool_calls: [{ index, id: `call_${index + 1}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] }),
			),
			delta({}, 'tool_calls'),
		];
	}
	return [delta({ role: 'assistant', content: '' }), delta({ content: turn.content }), delta({}, 'stop')];
}

/**
 * @param {Script} script
 * @returns {Promise<{ url: string, requests: ChatRequest[], close: () => Promise<void> }>}
 */
async function startModelServer(script) {
	/** @type {ChatRequest[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			const path = (req.url ?? '').split('?')[0];
			if (req.method === 'GET' && path.endsWith('/models')) return send(200, { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'tests' }] });
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) return send(404, { error: { message: `no route ${req.method} ${path}` } });
			/** @type {ChatRequest} */
			let request;
			try {
				request = JSON.parse(raw);
			} catch {
				return send(400, { error: { message: 'body is not JSON' } });
			}
			requests.push(request);
			let turn;
			try {
				turn = script(request, requests.length - 1);
			} catch (error) {
				return send(500, { error: { message: `model script failed: ${error instanceof Error ? error.message : String(error)}` } });
			}
			if (!request.stream) return send(200, completion(turn, request.model));
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
			for (const chunk of chunks(turn, request.model)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}/v1`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startModelServer, lastToolMessage, textOf };
