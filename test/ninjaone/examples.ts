import { readFileSync } from 'fs';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { join } from 'path';

import { executeWorkflow } from '../harness/engine';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { CREDENTIALS } from '../../sandbox/sandbox';
import type { NinjaOneFixture } from './fixture';

/* A NinjaOne example of examples/ as shipped, in n8n-core's engine against the simulator: n8n's
   schedule trigger and Set node stand in by minimal look-alikes, and a node that reaches outside
   (a scanner's HTTP export) by a node that emits the items it would have (the e2e suite runs the
   files in a real n8n). */

/** n8n's Set node (3.4) as far as the examples use it: the assignments, nothing else kept. */
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

/**
 * Runs examples/<file> from its schedule trigger. `emits` names nodes replaced by ones that emit
 * the given items (`$binary` as in test/harness: files as binary data).
 */
export async function runExample(fixture: NinjaOneFixture, file: string, emits: Record<string, IDataObject[]> = {}) {
	const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as {
		nodes: INode[];
		connections: Workflow['connectionsBySourceNode'];
	};
	const nodes = shipped.nodes
		.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
		.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'test.itemsSource', typeVersion: 1, parameters: { items: '[{}]' } }
				: emits[node.name]
					? { ...node, type: 'test.itemsSource', typeVersion: 1, parameters: { items: JSON.stringify(emits[node.name]) } }
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
		connections: shipped.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
	const trigger = nodes.find((n) => n.type === 'test.itemsSource' && !emits[n.name])!;
	const run = await executeWorkflow(workflow, trigger, fixture.helper);
	const items = (name: string) => run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [];
	const output = (name: string) => items(name).map((item) => item.json);
	return { run, output, items };
}
