import { readFileSync } from 'fs';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { join } from 'path';

import { executeWorkflow } from '../harness/engine';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { CREDENTIALS } from '../../sandbox/sandbox';
import { fixturePerFile } from './fixture';

/* examples/ninjaone-custom-field-sync.json as shipped, in n8n-core's engine against the
   simulator: n8n's schedule trigger and Set node stand in by minimal look-alikes (the e2e suite
   runs the file in a real n8n). */

const f = fixturePerFile();

/** n8n's Set node (3.4) as far as the example uses it: the assignments, nothing else kept. */
class SetStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Set (stand-in)',
		name: 'set',
		group: ['transform'],
		version: 3.4,
		description: 'Sets fields',
		defaults: { name: 'Set' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Assignments', name: 'assignments', type: 'assignmentCollection', default: {} },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, i) => {
				const { assignments } = this.getNodeParameter('assignments', i) as { assignments: Array<{ name: string; value: unknown }> };
				return { json: Object.fromEntries(assignments.map((a) => [a.name, a.value])) as IDataObject, pairedItem: { item: i } };
			}),
		];
	}
}

registerNodeType('n8n-nodes-base.set', new SetStandIn());

async function runExample() {
	const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'ninjaone-custom-field-sync.json'), 'utf8')) as {
		nodes: INode[];
		connections: Workflow['connectionsBySourceNode'];
	};
	const nodes = file.nodes
		.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
		.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'test.itemsSource', typeVersion: 1, parameters: { items: '[{}]' } }
				: node,
		);
	// The example's credential IDs are the sandbox's; here they name the fixture's credential.
	for (const node of nodes) {
		if (node.credentials?.ninjaOneOAuth2Api) {
			expect(node.credentials.ninjaOneOAuth2Api).toEqual(CREDENTIALS.ninjaOne);
			node.credentials = { ninjaOneOAuth2Api: { id: 'ninja-1', name: 'NinjaOne (simulator)' } };
		}
	}
	const workflow = new Workflow({
		id: 'example',
		nodes,
		connections: file.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
	const run = await executeWorkflow(workflow, nodes.find((n) => n.type === 'test.itemsSource')!, f.helper);
	const output = (name: string) => (run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	return { run, output };
}

it('writes the organization\'s contract tier into every device of the organization', async () => {
	const orgDevices = f.sim.devices.filter((d) => d.organizationId === 2).map((d) => d.id);
	// One device refuses the write: the others are written, and its item says why.
	const refusing = orgDevices[1];
	const routes = (f.sim as unknown as { routes: Record<string, (r: { pathname: string }, p: Record<string, string>) => unknown> }).routes;
	const patch = routes['PATCH /v2/device/{id}/custom-fields'];
	routes['PATCH /v2/device/{id}/custom-fields'] = (r, p) =>
		Number(p.id) === refusing
			? { status: 400, body: { resultCode: 'ATTRIBUTE_LOCKED', errorMessage: 'Custom field "contractTier" is locked on this device' } }
			: patch(r, p);
	try {
		const { run, output } = await runExample();
		expect(run.data.resultData.error).toBeUndefined();
		const written = output('Write the device field');
		expect(written).toHaveLength(orgDevices.length);
		for (const [i, item] of written.entries()) {
			const deviceId = orgDevices[i];
			if (deviceId === refusing) {
				expect(item).toMatchObject({
					has_error: true,
					error: expect.stringContaining('Custom field "contractTier" is locked on this device'),
					result: { deviceId, written: {}, refused: [{ field: 'contractTier', value: 'silver' }] },
				});
			} else {
				expect(item).toEqual({ has_error: false, error: null, result: { deviceId, written: { contractTier: 'silver' }, refused: [] } });
				expect(f.sim.everyday.fields.device.get(deviceId)?.contractTier).toBe('silver');
			}
		}
		expect(f.sim.everyday.fields.device.get(refusing)?.contractTier).toBeUndefined();
	} finally {
		routes['PATCH /v2/device/{id}/custom-fields'] = patch;
	}
});
