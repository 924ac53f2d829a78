import { type SimRequest, type SimResponse, SimServer } from './server';

/* A stand-in for an OpenAI-compatible chat model (POST /v1/chat/completions), for agents run
   without a real model or network. It answers from a script chosen by the conversation's first
   user message: each step answers once the tool calls of the steps before it have their results.
   A step calls tools, with arguments fixed or computed from the conversation so far (a result of
   the previous call); past the last step it answers with text. Every request stays in the log. */

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ToolCallStep {
	/** The tool's name as the request lists it (n8n: the node's name, spaces as underscores). */
	tool: string;
	arguments: Record<string, unknown> | ((conversation: ChatMessage[]) => Record<string, unknown>);
}

export type ScriptStep = { calls: ToolCallStep[] } | { answer: string | ((conversation: ChatMessage[]) => string) };

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

/** The text of a message, whether the client sent a string or content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The JSON a tool answered with, in the order the tools were called (a text that is not JSON stays text). */
export function toolResults(conversation: ChatMessage[]): unknown[] {
	return conversation
		.filter((m) => m.role === 'tool')
		.map((m) => {
			try {
				return JSON.parse(messageText(m));
			} catch {
				return messageText(m);
			}
		});
}

export class ScriptedModelSim {
	readonly server: SimServer;
	/** Scripts by a text their conversation's first user message contains. */
	readonly scripts = new Map<string, ScriptStep[]>();
	private callCount = 0;

	constructor() {
		this.server = new SimServer((request) => this.handle(request));
	}

	/** Every chat-completions request, in order. */
	get requests(): ChatCompletionRequest[] {
		return this.server.requests('POST /v1/chat/completions').map((r) => r.body as ChatCompletionRequest);
	}

	/** The requests of the conversation whose first user message contains `key`. */
	conversation(key: string): ChatCompletionRequest[] {
		return this.requests.filter((r) => firstUserText(r.messages).includes(key));
	}

	private handle(request: SimRequest): SimResponse {
		if (request.method === 'GET' && request.pathname === '/v1/models') {
			return { status: 200, body: { object: 'list', data: [{ id: 'scripted-model', object: 'model', owned_by: 'simulator' }] } };
		}
		if (request.method !== 'POST' || request.pathname !== '/v1/chat/completions') {
			return { status: 404, body: { error: { message: `No route ${request.method} ${request.pathname}`, type: 'invalid_request_error' } } };
		}
		const body = request.body as ChatCompletionRequest;
		if (!body || !Array.isArray(body.messages)) {
			return { status: 400, body: { error: { message: 'messages is required', type: 'invalid_request_error' } } };
		}
		const prompt = firstUserText(body.messages);
		const script = [...this.scripts].find(([key]) => prompt.includes(key))?.[1];
		if (!script) {
			return { status: 400, body: { error: { message: `No script for the prompt "${prompt}"`, type: 'invalid_request_error' } } };
		}
		const step = nextStep(script, body.messages);
		const message = this.reply(step, body.messages);
		return body.stream ? streamed(body.model, message) : completed(body.model, message);
	}

	private reply(step: ScriptStep, conversation: ChatMessage[]): ChatMessage {
		if ('answer' in step) {
			return { role: 'assistant', content: typeof step.answer === 'function' ? step.answer(conversation) : step.answer };
		}
		return {
			role: 'assistant',
			content: null,
			tool_calls: step.calls.map((call) => ({
				id: `call_${++this.callCount}`,
				type: 'function',
				function: {
					name: call.tool,
					arguments: JSON.stringify(typeof call.arguments === 'function' ? call.arguments(conversation) : call.arguments),
				},
			})),
		};
	}
}

/**
 * The step that answers a conversation: the first whose tool calls have not all been answered yet.
 * Counted by tool results, not by assistant turns: n8n's agent replays parallel calls of one turn
 * as one assistant message per call.
 */
function nextStep(script: ScriptStep[], conversation: ChatMessage[]): ScriptStep {
	let answered = conversation.filter((m) => m.role === 'tool').length;
	for (const step of script) {
		if (!('calls' in step) || answered < step.calls.length) return step;
		answered -= step.calls.length;
	}
	return { answer: 'Done.' };
}

function firstUserText(messages: ChatMessage[]): string {
	const first = messages.find((m) => m.role === 'user');
	return first ? messageText(first) : '';
}

const finishReason = (message: ChatMessage): string => (message.tool_calls ? 'tool_calls' : 'stop');
const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };

function completed(model: string, message: ChatMessage): SimResponse {
	return {
		status: 200,
		body: {
			id: `chatcmpl-${Date.now()}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message, finish_reason: finishReason(message), logprobs: null }],
			usage,
		},
	};
}

/** The same answer as server-sent events, as OpenAI streams it: the message, then the finish. */
function streamed(model: string, message: ChatMessage): SimResponse {
	const base = { id: `chatcmpl-${Date.now()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
	const delta = {
		role: 'assistant',
		content: message.content ?? null,
		...(message.tool_calls ? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) } : {}),
	};
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason(message) }], usage },
	];
	return {
		status: 200,
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
		body: chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n',
	};
}
