import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import { NexthinkFixture } from '../nexthink/fixture';
import { deviceUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
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
					expect({ where, endpoint, allowed: target.endpoints.includes(endpoint) }).toEqual({ where, endpoint, allowed: true });
				}
			}),
			FC_OPTIONS,
		);
	});
});
