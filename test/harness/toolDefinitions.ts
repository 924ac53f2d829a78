import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

// n8n-core's own tool builder (what the AI Agent and the MCP Server Trigger call for a tool node);
// not re-exported from n8n-core's index.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createNodeAsTool } = require('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool') as {
	createNodeAsTool(options: { node: INode; nodeType: INodeType; handleToolInvocation: (args: unknown) => Promise<unknown> }): {
		response: Parameters<typeof convertToOpenAITool>[0];
	};
};

/** One operation of a node: the selector values that show it. */
export interface OperationKey {
	api?: string;
	resource: string;
	operation: string;
	option: INodePropertyOptions;
}

/** Every operation a node offers, read from its operation selectors (so new operations are included). */
export function operationsOf(node: INodeType): OperationKey[] {
	const keys: OperationKey[] = [];
	for (const selector of node.description.properties) {
		const show = selector.displayOptions?.show;
		if (selector.name !== 'operation' || !show?.resource) continue;
		const apis = (show.api as string[] | undefined) ?? [undefined];
		for (const api of apis)
			for (const resource of show.resource as string[])
				for (const option of selector.options as INodePropertyOptions[])
					keys.push({ ...(api ? { api } : {}), resource, operation: String(option.value), option });
	}
	return keys;
}

/** Parameters n8n's editor lets the model fill ("Let the model define this parameter"). */
const MODEL_FILLED = new Set(['string', 'number', 'boolean', 'options', 'resourceLocator', 'dateTime']);
/** The node's own settings, never the model's to choose. */
const NOT_FOR_THE_MODEL = new Set(['toolDescription', 'output', 'outputFields', 'requestInterval', 'requestTimeout', 'resource', 'operation', 'api']);

/**
 * The tool node of one operation as a workflow author sets it up: each top-level parameter shown
 * for it is left to the model with `$fromAI(name, <the parameter's own description>, type)`.
 */
export function toolNodeFor(nodeType: INodeType, key: OperationKey, name = 'Tool'): INode {
	const parameters: INodeParameters = { ...(key.api ? { api: key.api } : {}), resource: key.resource, operation: key.operation };
	const probe: INode = { id: 'probe', name, type: nodeType.description.name, typeVersion: 1, position: [0, 0], parameters };
	for (const property of nodeType.description.properties) {
		if (NOT_FOR_THE_MODEL.has(property.name) || !MODEL_FILLED.has(property.type) || property.name in parameters) continue;
		if (!NodeHelpers.displayParameter(parameters, property, probe, nodeType.description)) continue;
		const fromAi = `={{ $fromAI('${argumentKey(property)}', '${plain(property.description ?? '')}', '${argumentType(property)}') }}`;
		parameters[property.name] = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: fromAi } : fromAi;
	}
	return { ...probe, id: 'tool', parameters };
}

const argumentKey = (property: INodeProperties): string => property.displayName.replace(/[^a-zA-Z0-9_-]+/g, '_').replace(/_+$/, '');
const argumentType = (property: INodeProperties): string =>
	property.type === 'number' ? 'number' : property.type === 'boolean' ? 'boolean' : 'string';
const plain = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/['"`\\]/g, '');

/**
 * The tool as the agent receives it: n8n's tool variant of the node in a workflow (so parameter
 * defaults apply), built by n8n-core's createNodeAsTool and sent in OpenAI's function format.
 */
export function toolDefinition(toolType: INodeType, node: INode) {
	const workflow = new Workflow({
		nodes: [{ ...node, type: toolType.description.name }],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => toolType,
			getByNameAndVersion: () => toolType,
			getKnownTypes: () => ({}),
		},
	});
	const placed = workflow.getNode(node.name)!;
	const tool = createNodeAsTool({ node: placed, nodeType: toolType, handleToolInvocation: async () => '' }).response;
	return { node: placed, definition: convertToOpenAITool(tool) };
}
