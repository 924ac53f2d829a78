import { readFileSync } from 'fs';
import { join } from 'path';

import type { ApiCall } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/actions/apiCall';
import { operations } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/actions/operations';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import handwritten from '../../scripts/ninjaone-handwritten.json';

/* The operations the NinjaOne node offers, compared with every operation of NinjaOne's spec (the
   committed contract): each one is offered, or listed in the README with the reason it is not. */

const root = join(__dirname, '..', '..');
const contract = JSON.parse(readFileSync(join(root, 'simulator', 'contracts', 'ninjaone.json'), 'utf8')) as {
	paths: Record<string, Record<string, unknown>>;
};
const specRoutes = Object.entries(contract.paths).flatMap(([path, item]) =>
	['get', 'post', 'put', 'patch', 'delete'].filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
);
const readme = readFileSync(join(root, 'packages', 'n8n-nodes-ninjaone', 'README.md'), 'utf8');

/** Spec route -> the node's resource:operation that sends it. */
function offeredRoutes(): Map<string, string> {
	const offered = new Map<string, string>();
	for (const [key, routes] of Object.entries(handwritten as Record<string, string[]>)) {
		for (const route of routes) offered.set(route, key);
	}
	for (const [resource, ops] of Object.entries(operations)) {
		for (const [name, op] of Object.entries(ops)) {
			const call = (op as { call?: ApiCall }).call;
			if (call) offered.set(`${call.method} ${call.path}`, `${resource}:${name}`);
		}
	}
	return offered;
}

/** Routes the README lists under "Not offered" (a bullet starting with the route in backticks). */
function listedAsMissing(): string[] {
	const section = /### Not offered\n([\s\S]*?)(\n#|$)/.exec(readme)?.[1] ?? '';
	return [...section.matchAll(/^- `([A-Z]+ \/[^`]+)`/gm)].map((m) => m[1]);
}

it('offers every operation of the spec, or the README says why not', () => {
	const offered = offeredRoutes();
	const missing = specRoutes.filter((route) => !offered.has(route));
	expect(specRoutes).toHaveLength(310);
	expect(missing.filter((route) => !listedAsMissing().includes(route))).toEqual([]);
	// Nothing is offered that the spec does not have.
	expect([...offered.keys()].filter((route) => !specRoutes.includes(route))).toEqual([]);
	expect(offered.size).toBe(310);
});

it('shows every offered operation in the editor under its resource', () => {
	const { properties } = new NinjaOne().description;
	const resources = properties.find((p) => p.name === 'resource')!.options!.map((o) => (o as { value: string }).value);
	expect([...resources].sort()).toEqual(Object.keys(operations).sort());
	for (const [resource, ops] of Object.entries(operations)) {
		const shown = properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value));
		expect(shown.sort()).toEqual(Object.keys(ops).sort());
	}
	for (const key of Object.keys(handwritten)) {
		const [resource, operation] = key.split(':');
		expect(operations[resource]?.[operation]).toBeDefined();
	}
});
