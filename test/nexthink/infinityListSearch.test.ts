import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { nodeTypes } from '../harness/nodeTypes';
import { INFINITY_CREDENTIAL, NEXTHINK_TYPE, NexthinkFixture } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

/** The editor's list of remote actions, loaded as n8n does: in a LoadOptionsContext of the node. */
async function search(operation: string, filter?: string) {
	const parameters: INodeParameters = { api: 'infinity', resource: 'remoteAction', operation };
	const node: INode = {
		id: 'node',
		name: 'Nexthink Act',
		type: NEXTHINK_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: INFINITY_CREDENTIAL,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: fixture.helper,
		currentNodeParameters: parameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.remoteActionId');
	return await new NexthinkAct().methods.listSearch.searchRemoteActions.call(context, filter);
}

describe('Nexthink Infinity: the Remote Action list in the editor', () => {
	test('Execute lists the API-enabled remote actions by name, with their NQL ID as the value', async () => {
		const { results } = await search('execute');
		expect(results).toEqual([
			{ name: 'Clear Teams cache (#clear_teams_cache)', value: '#clear_teams_cache', description: 'Clear Teams cache (simulated)' },
			{ name: 'Get startup impact (#get_startup_impact)', value: '#get_startup_impact', description: 'Get startup impact (simulated)' },
			{ name: 'Restart service (#restart_service)', value: '#restart_service', description: 'Restart service (simulated)' },
		]);
		const [request] = fixture.infinity.api.log;
		expect(`${request.method} ${request.pathname}`).toBe('GET /api/v1/act/remote-action');
		expect(request.headers.authorization).toMatch(/^Bearer at-/);
	});

	test('Get lists every remote action, and the search filters by name or ID', async () => {
		expect((await search('get')).results).toHaveLength(5);
		expect((await search('get', 'CLEAN')).results.map((r) => r.value)).toEqual(['#disk_cleanup']);
		expect((await search('get', '#collect')).results.map((r) => r.value)).toEqual(['#collect_logs']);
		// One token for the whole session of the editor.
		expect(fixture.infinity.issuedTokens).toHaveLength(1);
	});
});
