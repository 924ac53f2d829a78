import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { registerNodeType } from '../harness/nodeTypes';
import { toolVariant } from '../harness/toolVariant';
import { fixturePerFile, NINJA_TYPE } from '../ninjaone/fixture';

/* The NinjaOne node as an agent's tool, in n8n's engine against the simulator: an API failure is
   an answer (the envelope with the API's words), and the Output option keeps answers small. */

const TOOL_TYPE = `${NINJA_TYPE}Tool`;
registerNodeType(TOOL_TYPE, toolVariant(new NinjaOne()));
registerNodeType('n8n-nodes-nexthink.nexthinkActTool', toolVariant(new NexthinkAct()));

const f = fixturePerFile({ organizations: 3, devices: 120 });
const asTool = { type: TOOL_TYPE };
const device = (value: string) => ({ __rl: true, mode: 'id', value });
/** What the agent receives: n8n-core sends the tool's output items' JSON as one JSON text. */
const answerSize = (json: IDataObject[]) => JSON.stringify(json).length;

describe('an API failure under the tool variant', () => {
	it('comes back as the envelope with NinjaOne\'s words, not as an error that ends the agent', async () => {
		const run = await f.run({ resource: 'device', operation: 'get', deviceId: device('999') }, [{}], asTool);
		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ has_error: true, error: expect.stringContaining('Device 999 not found'), result: null }]);
	});

	it('still stops a workflow that does not continue on failure (the node outside an agent)', async () => {
		const run = await f.run({ resource: 'device', operation: 'get', deviceId: device('999') });
		expect(run.error?.message).toContain('Device 999 not found');
	});

	it('answers an empty list with one envelope whose result is empty, so that the agent reads "none"', async () => {
		const run = await f.run({ resource: 'device', operation: 'getAlerts', deviceId: device('7'), returnAll: true }, [{}], asTool);
		expect(run.json).toEqual([{ has_error: false, error: null, result: [] }]);
		const workflow = await f.run({ resource: 'device', operation: 'getAlerts', deviceId: device('7'), returnAll: true });
		expect(workflow.json).toEqual([]);
	});

	it('names a bad input the same way, before any request', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: false, limit: 0 }, [{}], asTool);
		expect(run.json).toEqual([{ has_error: true, error: expect.stringMatching(/^Limit \(item 0\)/), result: null }]);
		expect(f.sim.server.requests('GET /v2/devices')).toEqual([]);
	});
});

describe('the Output option', () => {
	it('defaults to Simplified on the tool, keeps the envelope, and Raw or Selected Fields on request', async () => {
		const simplified = await f.run({ resource: 'device', operation: 'get', deviceId: device('5') }, [{}], asTool);
		expect(simplified.json).toEqual([
			{
				has_error: false,
				error: null,
				result: expect.objectContaining({ id: 5, systemName: 'HOST-0005', offline: expect.any(Boolean) }),
			},
		]);
		expect(simplified.json[0].result).not.toHaveProperty('references');
		const raw = await f.run({ resource: 'device', operation: 'get', deviceId: device('5'), output: 'raw' }, [{}], asTool);
		expect(raw.json[0].result).toHaveProperty('references');
		const selected = await f.run(
			{ resource: 'device', operation: 'get', deviceId: device('5'), output: 'selected', outputFields: 'id, displayName' },
			[{}],
			asTool,
		);
		expect(selected.json[0].result).toEqual({ id: 5, displayName: 'host-0005' });
		// In a workflow the node answers as before: Raw.
		const workflow = await f.run({ resource: 'device', operation: 'get', deviceId: device('5') });
		expect(workflow.json[0].result).toEqual(raw.json[0].result);
	});

	it('asks for Fields when Output is Selected Fields', async () => {
		const run = await f.run({ resource: 'device', operation: 'get', deviceId: device('5'), output: 'selected' }, [{}], asTool);
		expect(run.json[0]).toMatchObject({ has_error: true, error: expect.stringMatching(/^Fields \(item 0\): is required/) });
	});

	it('makes the tool\'s answer smaller (Device > Get, Device > List of 50, a report)', async () => {
		const cases: Array<[string, INodeParameters]> = [
			['Device > Get', { resource: 'device', operation: 'get', deviceId: device('5') }],
			['Device > List (Limit 50, Detailed)', { resource: 'device', operation: 'list', returnAll: false, limit: 50, options: { detailed: true } }],
			['Report > Get (Backup Usage, Limit 50)', { resource: 'report', operation: 'get', report: 'backup/usage', returnAll: false, limit: 50 }],
		];
		const sizes: string[] = [];
		for (const [label, parameters] of cases) {
			const before = await f.run({ ...parameters, output: 'raw' }, [{}], asTool);
			const after = await f.run(parameters, [{}], asTool);
			expect(after.json.length).toBe(before.json.length);
			const [b, a] = [answerSize(before.json), answerSize(after.json)];
			sizes.push(`${label}: ${b} -> ${a} characters (${before.json.length} items)`);
			expect(a).toBeLessThan(b);
		}
		// The figures the README gives.
		console.log(sizes.join('\n'));
	});
});
