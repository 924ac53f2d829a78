import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import { NexthinkFixture } from '../nexthink/fixture';
import { deviceUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { INFINITY_DEVICES, INFINITY_USERS } from '../../simulator/nexthinkInfinity';
import { anyValue, expectHandled, FC_OPTIONS, withValue } from './generated';

/* Generated bad input on every Nexthink operation: a request the simulators accept (the
   Infinity ones check the OpenAPI specs; the Portal one the Act API's body rules), on the
   operation's own endpoint, or a named input error. */

const f = new NexthinkFixture();
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());

interface Target {
	api: 'portal' | 'infinity';
	base: INodeParameters;
	fields: string[];
	endpoints: string[];
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const targets: Record<string, Target> = {
	'Portal run': {
		api: 'portal',
		base: { resource: 'remoteAction', operation: 'run', remoteActionUid: PORTAL_ACTIONS.restartService, deviceUids: deviceUid(1), options: {} },
		fields: ['remoteActionUid', 'deviceUids', 'params', 'options.engineDatabaseUids', 'options.timeoutSeconds', 'options.requestUid', 'options.maxDevicesPerRequest', 'options.treatEngineFailuresAsErrors'],
		endpoints: ['POST /api/remoteaction/v2/run'],
	},
	'Portal engines': {
		api: 'portal',
		base: { resource: 'engine', operation: 'list' },
		fields: ['connectedOnly', 'requestInterval', 'requestTimeout'],
		endpoints: ['GET /api/configuration/v1/engines'],
	},
	'Infinity execute': {
		api: 'infinity',
		base: { resource: 'remoteAction', operation: 'execute', remoteActionId: byId('#restart_service'), devices: INFINITY_DEVICES[0].collectorId, options: {} },
		fields: ['remoteActionId.value', 'devices', 'params', 'options.expiresInMinutes', 'options.reason', 'options.externalReference', 'options.externalSource', 'options.maxDevicesPerRequest'],
		endpoints: ['POST /api/v1/act/execute'],
	},
	'Infinity list': {
		api: 'infinity',
		base: { resource: 'remoteAction', operation: 'list' },
		fields: ['apiEnabledOnly', 'requestInterval'],
		endpoints: ['GET /api/v1/act/remote-action'],
	},
	'Infinity get': {
		api: 'infinity',
		base: { resource: 'remoteAction', operation: 'get', remoteActionId: byId('#restart_service') },
		fields: ['remoteActionId.value', 'remoteActionId.mode'],
		endpoints: ['GET /api/v1/act/remote-action/details'],
	},
	'NQL': {
		api: 'infinity',
		base: { resource: 'nql', operation: 'executeQuery', queryId: '#devices_by_name' },
		fields: ['queryId', 'parameters', 'options.utcTimes'],
		endpoints: ['POST /api/v2/nql/execute'],
	},
	'NQL export': {
		api: 'infinity',
		base: { resource: 'nql', operation: 'export', queryId: '#devices_by_name', options: { statusCheckSeconds: 0 } },
		fields: ['queryId', 'parameters', 'options.maxWaitMinutes'],
		endpoints: ['POST /api/v1/nql/export', 'GET /api/v1/nql/status/', 'GET /results-files/'],
	},
	'Workflow execute': {
		api: 'infinity',
		base: { resource: 'workflow', operation: 'execute', workflowId: byId('#reset_vpn'), devices: INFINITY_DEVICES[0].collectorId, options: {} },
		fields: ['workflowId.value', 'devices', 'users', 'params', 'options.maxPerRequest'],
		endpoints: ['POST /api/v1/workflows/execute'],
	},
	'Workflow execute by external IDs': {
		api: 'infinity',
		base: { resource: 'workflow', operation: 'executeByExternalIds', workflowId: byId('#reset_vpn'), devices: INFINITY_DEVICES[0].name, options: {} },
		fields: ['workflowId.value', 'deviceKey', 'devices', 'userKey', 'users', 'params', 'options.maxPerRequest'],
		endpoints: ['POST /api/v2/workflows/execute'],
	},
	'Workflow get many': {
		api: 'infinity',
		base: { resource: 'workflow', operation: 'getMany', dependency: 'DEVICE', triggerMethod: 'API' },
		fields: ['dependency', 'triggerMethod', 'activeOnly', 'returnAll', 'limit'],
		endpoints: ['GET /api/v1/workflows'],
	},
	'Workflow get': {
		api: 'infinity',
		base: { resource: 'workflow', operation: 'get', workflowId: byId('#reset_vpn') },
		fields: ['workflowId.value', 'workflowId.mode'],
		endpoints: ['GET /api/v1/workflows/details'],
	},
	'Workflow resume': {
		api: 'infinity',
		base: { resource: 'workflow', operation: 'resume', workflowUuid: '3f0c2a9e-6d4b-4e8f-9a1c-2b3d4e5f6a7b', executionUuid: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
		fields: ['workflowUuid', 'executionUuid', 'parameters'],
		endpoints: ['POST /api/v1/workflows/workflows/'],
	},
	'Campaign trigger': {
		api: 'infinity',
		base: { resource: 'campaign', operation: 'trigger', campaignNqlId: '#vpn_satisfaction', users: INFINITY_USERS[0].sid, expiresInMinutes: 60, parameters: { parameter: [{ name: 'vpn_name', value: 'Corp' }] }, options: {} },
		fields: ['campaignNqlId', 'users', 'expiresInMinutes', 'parameters', 'options.maxPerRequest'],
		endpoints: ['POST /api/v1/euf/campaign/trigger'],
	},
	'Enrichment set fields': {
		api: 'infinity',
		base: { resource: 'enrichment', operation: 'setFields', identification: 'device/device/name', objects: INFINITY_DEVICES[0].name, fields: { field: [{ name: 'device/device/#location', value: 'Geneva' }] }, options: {} },
		fields: ['identification', 'values', 'objects', 'fields', 'enrichments', 'options.domain', 'options.maxPerRequest'],
		endpoints: ['POST /api/v1/enrichment/data/fields'],
	},
};

describe.each(Object.entries(targets))('%s', (_name, target) => {
	it('ends in an accepted request or a named input error', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...target.fields), anyValue, async (field, value) => {
				f.reset();
				const where = `${field} = ${JSON.stringify(value).slice(0, 80)}`;
				const server = target.api === 'portal' ? f.portal.server : f.infinity.api;
				const start = () =>
					(target.api === 'portal' ? f.runPortal : f.runInfinity).call(f, withValue(target.base, field, value));
				const run = await expectHandled(where, start, () => server.log.length === 0);
				if (run?.error) expect({ where, message: run.error.message }).not.toEqual({ where, message: expect.stringMatching(/INVALID_REQUEST_(JSON|CONTENT)/) });
				expect({ where, violations: f.infinity.violations }).toEqual({ where, violations: [] });
				for (const request of server.log) {
					const endpoint = `${request.method} ${request.pathname}`;
					// An endpoint ending in "/" stands for every path under it (path parameters).
					const allowed = target.endpoints.some((e) => e === endpoint || (e.endsWith('/') && endpoint.startsWith(e)));
					expect({ where, endpoint, allowed }).toEqual({ where, endpoint, allowed: true });
				}
			}),
			FC_OPTIONS,
		);
	});
});
