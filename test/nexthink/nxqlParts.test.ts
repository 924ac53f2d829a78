import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { engineBaseUrl } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/actions/nxql/engineAddress';
import { readJsonRows } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/actions/nxql/jsonRows';
import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { nodeTypes } from '../harness/nodeTypes';
import { NEXTHINK_TYPE, NexthinkFixture, PORTAL_CREDENTIAL } from './fixture';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
	const bytes = Buffer.from(text);
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function parse(text: string, size = 7): Promise<unknown[]> {
	const found: unknown[] = [];
	await readJsonRows(chunked(text, size), (row) => found.push(row));
	return found;
}

describe('NXQL answers read as they arrive', () => {
	const rows: IDataObject[] = [
		{ name: 'PC-[1]', note: 'a "quoted" {brace} \\ back,slash', list: ['10.0.0.1', { nested: [1, 2] }] },
		{},
		{ name: 'Zürich-PC ✓', n: -1.5e3, flag: true, none: null },
	];
	const text = ` \n${JSON.stringify(rows, null, 1)}\n`;

	test('every chunk size, cut anywhere, even inside a multi-byte character, gives the same rows', async () => {
		for (const size of [1, 2, 3, 5, 64, 100_000]) expect(await parse(text, size)).toEqual(rows);
	});

	test('scalars and an empty list', async () => {
		expect(await parse('[1, "two", true, null, [3]]', 2)).toEqual([1, 'two', true, null, [3]]);
		expect(await parse('[]')).toEqual([]);
	});

	test.each([
		['', 'it is empty'],
		['{"error": "x"}', 'it starts with "{\\"error\\": \\"x\\"}"'],
		['[{"a":1}', 'it ends after 1 rows, before the list is closed'],
		['[{"a":1} {"b":2}]', 'a comma is missing after row 1'],
		['[{"a":1}] x', 'more text follows the end of the list'],
		['[{"a":}]', 'row 1 is not valid JSON'],
	])('%j is refused: %s', async (body, why) => {
		await expect(parse(body, 1000)).rejects.toThrow(`the answer is not a JSON list of rows: ${why}`);
	});
});

describe('Engine addresses', () => {
	test.each([
		['10.1.2.3', 'https:', 'https://10.1.2.3:1671'],
		['engine.company.com', 'https:', 'https://engine.company.com:1671'],
		['engine.company.com:8443', 'https:', 'https://engine.company.com:8443'],
		['acme-engine-1.eu.nexthink.cloud', 'https:', 'https://acme-engine-1.eu.nexthink.cloud'],
		['fe80::1', 'https:', 'https://[fe80::1]:1671'],
		['[fe80::1]:9000', 'https:', 'https://[fe80::1]:9000'],
		['https://engine.company.com:1671/2/query', 'http:', 'https://engine.company.com:1671'],
		['127.0.0.1:5000', 'http:', 'http://127.0.0.1:5000'],
	])('%s (Portal %s) is reached at %s', (address, scheme, url) => {
		expect(engineBaseUrl(address, scheme)).toBe(url);
	});

	test('the Web API Port applies to addresses without one', () => {
		expect(engineBaseUrl('10.1.2.3', 'https:', 443)).toBe('https://10.1.2.3');
		expect(engineBaseUrl('10.1.2.3:1671', 'https:', 443)).toBe('https://10.1.2.3:1671');
	});
});

describe('the Engine list in the editor', () => {
	const fixture = new NexthinkFixture();
	beforeAll(async () => void (await fixture.start()));
	afterAll(async () => await fixture.stop());

	test('lists the Portal\'s Engines by name and status, with the address as the value', async () => {
		const parameters: INodeParameters = { api: 'portal', resource: 'nxql', operation: 'executeQuery' };
		const node: INode = { id: 'node', name: 'Nexthink Act', type: NEXTHINK_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: PORTAL_CREDENTIAL };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = { credentialsHelper: fixture.helper, currentNodeParameters: parameters } as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.engine');
		const { results } = await new NexthinkAct().methods.listSearch.searchEngines.call(context);
		const [geneva, lausanne] = fixture.portal.engines;
		expect(results).toEqual([
			{ name: `engine-geneva [CONNECTED] (${geneva.address})`, value: geneva.address, description: 'Simulated Engine 1' },
			{ name: `engine-lausanne [DISCONNECTED] (${lausanne.address})`, value: lausanne.address, description: 'Simulated Engine 2' },
		]);
		const filtered = await new NexthinkAct().methods.listSearch.searchEngines.call(context, 'LAUS');
		expect(filtered.results.map((r) => r.value)).toEqual([lausanne.address]);
	});
});
