import { join } from 'path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { INodeProperties } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { stopServer } from '../../sandbox/n8n';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { numberAfter, toolEnvelope, TRIAGE_PROMPT } from '../../simulator/modelScripts';
import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { type ChatCompletionRequest, messageText } from '../../simulator/scriptedModel';
import { EXAMPLES, executionsOf, type PublishedN8n, readWorkflow, startPublished, until } from './support';

/* NinjaOne and Nexthink as AI tools in a real n8n 2.41.1 (`n8n start`, workflows published), with
   n8n's AI Agent and OpenAI Chat Model on the scripted model (the credential's Base URL), and over
   n8n's MCP Server Trigger to the MCP SDK's client. Every assertion is on what the simulators and
   the scripted model received. One n8n for all scenarios. */

const AGENT = readWorkflow(join(__dirname, 'workflows', 'ai-agent.json'));
const TRIAGE = readWorkflow(join(EXAMPLES, 'ninjaone-alert-triage-agent.json'));
const MCP = readWorkflow(join(EXAMPLES, 'ninjaone-nexthink-mcp.json'));

const ALICE = INFINITY_DEVICES[0];
const LOOKUP_PROMPT = `Check host-0010, its alerts, and restart the print spooler on it (Nexthink collector ${ALICE.collectorId}).`;
const MISSING_PROMPT = 'Look up NinjaOne device 9999.';

let sandbox: Sandbox;
let n8n: PublishedN8n;

const wait = <T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number, what: string) =>
	until(read, done, timeoutMs, what, () => n8n?.server.output() ?? '');

/** The Tool Description a node's tool variant gives an operation by default. */
function toolDescription(properties: INodeProperties[], resource: string, operation: string): string {
	const property = properties.find(
		(p) => p.name === 'toolDescription' && p.displayOptions?.show?.resource?.[0] === resource && p.displayOptions?.show?.operation?.[0] === operation,
	);
	return String(property?.default);
}
const NINJA = new NinjaOne().description.properties;
const NEXTHINK = new NexthinkAct().description.properties;

/** The messages the model got from the tools in one request, parsed. */
const toolMessages = (request: ChatCompletionRequest) =>
	request.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(messageText(m)) as Array<Record<string, any>>);

async function ask(prompt: string): Promise<{ status: number; body: any }> {
	const response = await fetch(`${n8n.server.url}/webhook/ai-agent`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prompt }),
	});
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	const model = sandbox.model;
	model.scripts.set(LOOKUP_PROMPT, [
		{ calls: [{ tool: 'Search_devices', arguments: { searchTerm: 'host-0010' } }] },
		{ calls: [{ tool: 'Device_alerts', arguments: (c) => ({ deviceId: toolEnvelope(c, 0)?.result?.id }) }] },
		{ calls: [{ tool: 'Restart_service', arguments: { collectorIds: ALICE.collectorId, serviceName: 'Spooler' } }] },
		{ answer: (c) => `Restarted the spooler: request ${String(toolEnvelope(c, 2)?.result?.requestIds)}.` },
	]);
	model.scripts.set(MISSING_PROMPT, [
		{ calls: [{ tool: 'Get_device', arguments: { deviceId: 9999 } }] },
		{ answer: (c) => `NinjaOne said: ${String(toolEnvelope(c, 0)?.error)}` },
	]);
	n8n = await startPublished('ai', sandbox.credentials(), [AGENT, TRIAGE, MCP]);
	// The triage example's trigger polls once on activation (its starting point): alerts after it count.
	await wait(() => sandbox.ninjaOne.server.requests('GET /v2/activities').length, (n) => n > 0, 120_000, 'the first poll');
	sandbox.ninjaOne.activity.alert(12, 'e2e: disk C: almost full', 'CRITICAL');
}, 900_000);

afterAll(async () => {
	if (n8n) await stopServer(n8n.server.child);
	await sandbox?.stop();
});

afterEach(() => {
	for (const api of sandbox.apis) expect(api.violations).toEqual([]);
});

test('the agent finds a device by name, reads its alerts and runs a remote action; each tool result reaches the model', async () => {
	const answer = await ask(LOOKUP_PROMPT);
	expect(answer.status).toBe(200);

	// What the APIs received: exactly the calls the model chose, with its arguments.
	// (Device 12 belongs to the triage example, which may run meanwhile.)
	const ninja = sandbox.ninjaOne.server.log.filter((r) => /^\/v2\/device(s\/search|\/10\b)/.test(r.pathname));
	expect(ninja.map((r) => `${r.method} ${r.pathname}?${r.query.toString()}`)).toEqual([
		'GET /v2/devices/search?q=host-0010&limit=5',
		'GET /v2/device/10/alerts?',
	]);
	expect(sandbox.nexthinkInfinity.executions).toEqual([
		expect.objectContaining({ remoteActionId: '#restart_service', device: ALICE.collectorId, body: expect.objectContaining({ params: { ServiceName: 'Spooler' } }) }),
	]);

	// What the model received: the tools with their descriptions, then each tool's envelope.
	const requests = sandbox.model.conversation(LOOKUP_PROMPT);
	expect(requests).toHaveLength(4);
	const tools = Object.fromEntries((requests[0].tools ?? []).map((t) => [t.function.name, t.function]));
	expect(Object.keys(tools).sort()).toEqual(['Device_alerts', 'Get_device', 'Restart_service', 'Search_devices']);
	expect(tools.Search_devices.description).toBe(toolDescription(NINJA, 'device', 'search'));
	expect(tools.Restart_service.description).toBe(toolDescription(NEXTHINK, 'remoteAction', 'execute'));
	expect(tools.Restart_service.description).toContain('acts on real devices or people');
	expect(tools.Device_alerts.parameters).toMatchObject({ properties: { deviceId: { type: 'number', description: expect.stringContaining('device ID') } } });

	const [found] = toolMessages(requests[1])[0];
	expect(found).toMatchObject({ has_error: false, error: null, result: { id: 10, displayName: 'host-0010' } });
	// Simplified by default on the tool: the device's nested references are left out.
	expect(found.result).not.toHaveProperty('references');
	expect(toolMessages(requests[2])[1]).toEqual([
		{ has_error: false, error: null, result: expect.objectContaining({ deviceId: 10, message: 'CPU above 90%' }) },
	]);
	const [ran] = toolMessages(requests[3])[2];
	expect(ran).toMatchObject({ has_error: false, result: { remoteActionId: '#restart_service', devices: 1 } });
	expect(answer.body.output).toContain(String(ran.result.requestIds));
});

test('an API failure (404 device) reaches the model as the envelope with NinjaOne\'s words, and the agent finishes', async () => {
	const answer = await ask(MISSING_PROMPT);
	expect(answer.status).toBe(200);
	expect(sandbox.ninjaOne.server.requests('GET /v2/device/9999').map((r) => r.pathname)).toEqual(['/v2/device/9999']);
	const requests = sandbox.model.conversation(MISSING_PROMPT);
	expect(requests).toHaveLength(2);
	expect(toolMessages(requests[1])).toEqual([[{ has_error: true, error: expect.stringContaining('Device 9999 not found'), result: null }]]);
	// The model's next step used the error: its answer is the agent's output.
	expect(answer.body.output).toContain('Device 9999 not found');
});

test('an MCP client lists the tools of the published MCP Server Trigger and calls Device > Get and a remote action', async () => {
	const client = new Client({ name: 'e2e-mcp-client', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${n8n.server.url}/mcp/ninjaone-nexthink`)));
	try {
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		expect(Object.keys(byName).sort()).toEqual(['Device_alerts', 'Get_device', 'Restart_service', 'Search_devices']);
		expect(byName.Get_device.description).toBe(toolDescription(NINJA, 'device', 'get'));
		expect(byName.Get_device.inputSchema).toMatchObject({ type: 'object', properties: { deviceId: { type: 'number', description: expect.any(String) } } });
		expect(byName.Restart_service.inputSchema.properties).toMatchObject({
			collectorIds: { type: 'string', description: expect.stringContaining('Collector IDs') },
			serviceName: { type: 'string', description: expect.any(String) },
		});

		const before = sandbox.nexthinkInfinity.executions.length;
		const device = await client.callTool({ name: 'Get_device', arguments: { deviceId: 21 } });
		const [got] = JSON.parse((device.content as Array<{ text: string }>)[0].text);
		expect(got).toMatchObject({ has_error: false, result: { id: 21, systemName: 'HOST-0021' } });
		expect(sandbox.ninjaOne.server.requests('GET /v2/device/21')).toHaveLength(1);

		const bob = INFINITY_DEVICES[1];
		await client.callTool({ name: 'Restart_service', arguments: { collectorIds: bob.collectorId, serviceName: 'wuauserv' } });
		expect(sandbox.nexthinkInfinity.executions.slice(before)).toEqual([
			expect.objectContaining({ remoteActionId: '#restart_service', device: bob.collectorId, body: expect.objectContaining({ params: { ServiceName: 'wuauserv' } }) }),
		]);
	} finally {
		await client.close();
	}
});

test('the alert triage example reads the device and its activities, then opens a ticket on its organization', async () => {
	const model = sandbox.model;
	const requests = await until(
		() => model.conversation(TRIAGE_PROMPT),
		(r) => r.length >= 3,
		150_000,
		'the triage agent',
		() => `${JSON.stringify(model.conversation(TRIAGE_PROMPT).map((r) => r.messages))}\n${n8n.server.output()}`,
	);
	const device = sandbox.ninjaOne.devices.find((d) => d.id === 12)!;
	expect(numberAfter(requests[0].messages, 'device ID')).toBe(12);
	expect(messageText(requests[0].messages.find((m) => m.role === 'user')!)).toContain('e2e: disk C: almost full');
	// The trigger reads the device once for its name; the agent's Get device and Get recent activities
	// follow (a list that fits in one page asks once more: a page ends a list only when empty or shorter
	// than the largest so far).
	expect(sandbox.ninjaOne.server.requests('GET /v2/device/12').map((r) => r.pathname)).toEqual([
		'/v2/device/12',
		'/v2/device/12',
		'/v2/device/12/activities',
		'/v2/device/12/activities',
	]);
	const [ticket] = sandbox.ninjaOne.server.requests('POST /v2/ticketing/ticket');
	expect(ticket.body).toMatchObject({ clientId: device.organizationId, nodeId: 12, ticketFormId: 2, subject: expect.stringContaining('host-0012') });
	const last = await wait(() => model.conversation(TRIAGE_PROMPT), (r) => r.length === 3 && toolMessages(r[2]).length === 3, 30_000, 'the ticket result');
	expect(toolMessages(last[2])[2]).toEqual([expect.objectContaining({ has_error: false, result: expect.objectContaining({ id: expect.any(Number) }) })]);
	const [run] = await wait(() => executionsOf(n8n.rest, TRIAGE.id), (list) => list.length > 0 && list[0].status !== 'running', 60_000, 'the triage execution');
	expect(run.status).toBe('success');
}, 300_000);
