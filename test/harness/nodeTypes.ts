import type {
	IBinaryData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';

/** Emits the items written in its `items` parameter: the test's input. */
class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Source',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<Record<string, unknown>>;
		// `$binary: { <property>: { text, fileName, mimeType } }` becomes the item's binary data.
		return [
			await Promise.all(
				items.map(async ({ $binary, ...json }) => {
					if (!$binary) return { json: json as never };
					const binary: Record<string, IBinaryData> = {};
					for (const [key, file] of Object.entries($binary as Record<string, { text: string; fileName: string; mimeType: string }>)) {
						binary[key] = await this.helpers.prepareBinaryData(Buffer.from(file.text), file.fileName, file.mimeType);
					}
					return { json: json as never, binary };
				}),
			),
		];
	}
}

const registry: Record<string, INodeType | IVersionedNodeType> = {
	'test.itemsSource': new ItemsSource(),
	'n8n-nodes-ninjaone.ninjaOne': new NinjaOne(),
	'n8n-nodes-nexthink.nexthinkAct': new NexthinkAct(),
};

export function registerNodeType(name: string, type: INodeType | IVersionedNodeType): void {
	registry[name] = type;
}

export const nodeTypes: INodeTypes = {
	getByName: (name) => registry[name],
	getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(registry[name], version),
	getKnownTypes: () => ({}),
};
