import type { INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { operations as nexthinkOperations } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/actions/operations';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { operations as ninjaOneOperations } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/actions/operations';
import { ACTS_ON_WORLD, changesState } from '../../common/tools';
import { operationsOf, toolDefinition, toolNodeFor } from '../harness/toolDefinitions';
import { toolVariant } from '../harness/toolVariant';

/* What an AI agent receives for every operation of both nodes: n8n-core's createNodeAsTool on
   the tool variant of the node, with each parameter of the operation left to the model, in the
   OpenAI function format the agent sends. The operations are read from the nodes' own operation
   selectors, so an operation added later is checked without touching this file. */

/** Operation names that say they change something: each of them must be flagged as doing so. */
const WRITE_VERB = /^(add|apply|approve|assign|cancel|clear|control|create|delete|disable|enable|execute|install|move|patch|reboot|remove|reset|restart|resume|run|schedule|send|set|trigger|uninstall|update|upload)/i;

/** Operations whose name starts like a write but that only read. */
const READS = new Set(['executeQuery']);

const nodes: Array<[string, INodeType, Record<string, Record<string, Parameters<typeof changesState>[0]>>]> = [
	['NinjaOne', new NinjaOne(), ninjaOneOperations],
	['Nexthink Act', new NexthinkAct(), nexthinkOperations],
];

describe.each(nodes)('%s Tool', (_name, node, table) => {
	const tool = toolVariant(node);
	const keys = operationsOf(node);

	it('covers every operation the router runs, and no other', () => {
		const offered = new Set(keys.map((k) => `${k.resource}:${k.operation}`));
		const routed = new Set(Object.entries(table).flatMap(([resource, ops]) => Object.keys(ops).map((op) => `${resource}:${op}`)));
		expect([...offered].sort()).toEqual([...routed].sort());
	});

	it.each(keys.map((k) => [`${k.api ? `${k.api} ` : ''}${k.resource} > ${k.operation}`, k] as const))(
		'%s: a specific description and an argument schema with descriptions',
		(_label, key) => {
			const operation = table[key.resource][key.operation];
			const { node: placed, definition } = toolDefinition(tool, toolNodeFor(node, key));
			const { name, parameters } = definition.function;
			const description = definition.function.description ?? '';

			expect(name).toBe('Tool');
			// The operation's own text, not n8n's generic "<action> in <node>".
			expect(description).toBe(placed.parameters.toolDescription);
			expect(description).toContain(String(key.option.description).replace(/[.]$/, ''));
			expect(description.length).toBeLessThan(400);
			if (changesState(operation)) expect(description).toContain(ACTS_ON_WORLD);
			else expect(description).not.toContain(ACTS_ON_WORLD);
			if (WRITE_VERB.test(key.operation) && !READS.has(key.operation)) expect(changesState(operation)).toBe(true);

			const schema = parameters as { type: string; properties: Record<string, { description?: string }>; required?: string[] };
			expect(schema.type).toBe('object');
			for (const [argument, definitionOfArgument] of Object.entries(schema.properties)) {
				expect([argument, (definitionOfArgument.description ?? '').trim().length > 0]).toEqual([argument, true]);
			}
			// Every required parameter the operation always shows is named in its description.
			for (const property of node.description.properties) {
				if (!property.required || ['resource', 'operation', 'api'].includes(property.name)) continue;
				const conditions = Object.keys(property.displayOptions?.show ?? {});
				if (conditions.some((c) => !['resource', 'operation', 'api', '@tool'].includes(c))) continue;
				if (!NodeHelpers.displayParameter(placed.parameters, property, placed, tool.description)) continue;
				expect(description).toContain(property.displayName);
			}
		},
	);

	it('lists a state-changing operation\'s statement only on the tool variant', () => {
		const properties = node.description.properties.filter((p) => p.name === 'toolDescription');
		expect(properties.length).toBe(keys.length);
		for (const property of properties) expect(property.displayOptions?.show?.['@tool']).toEqual([true]);
	});
});

describe('tool variant defaults', () => {
	const ninja = new NinjaOne();
	const tool = toolVariant(ninja);
	const defaults = (type: INodeType, operation: string) =>
		toolDefinition(type, {
			...toolNodeFor(ninja, { resource: 'device', operation, option: { name: '', value: operation } }),
			parameters: { resource: 'device', operation },
		}).node.parameters;

	it('Simplified output and a Limit on the tool; Raw output and everything in workflows', () => {
		expect(defaults(tool, 'list')).toMatchObject({ output: 'simplified', returnAll: false, limit: 50 });
		expect(defaults(ninja, 'list')).toMatchObject({ output: 'raw', returnAll: true });
		expect(defaults(tool, 'get')).toMatchObject({ output: 'simplified' });
		expect(defaults(ninja, 'get')).toMatchObject({ output: 'raw' });
		expect(defaults(ninja, 'get').toolDescription).toBeUndefined();
	});
});
