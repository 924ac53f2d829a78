import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * The node as n8n 2.41.1 runs it as "<Node> Tool" (n8n's NodeTypes.getByNameAndVersion for a
 * synthetic tool type): the same node over a description whose name ends in "Tool", which is
 * what makes the `@tool` display option true and what `isToolVariant` reads from the node's type.
 * Inputs and outputs stay as they are: the harness feeds the node from a main connection, as
 * n8n does when an agent's tool call runs the node (the call's arguments are its input item).
 */
export function toolVariant(node: INodeType): INodeType {
	const description: INodeTypeDescription = Object.create(node.description, {
		name: { value: `${node.description.name}Tool` },
		displayName: { value: `${node.description.displayName} Tool` },
	});
	return Object.create(node, { description: { value: description } });
}
