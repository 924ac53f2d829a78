import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import { NinjaOneFixture } from '../ninjaone/fixture';
import { ninjaOneSpec } from '../../simulator/ninjaone';
import { anyValue, expectHandled, FC_OPTIONS, withValue } from './generated';

/* Generated bad input on every NinjaOne operation. Each case ends either in requests the
   spec-checking simulator accepts, on the operation's own endpoints, or in a NodeOperationError
   that names the field and the item: never a TypeError, never another endpoint. */

const f = new NinjaOneFixture({ organizations: 3, devices: 30 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());

const inTwoHours = new Date(Date.now() + 7200_000).toISOString();

interface Target {
	base: INodeParameters;
	fields: string[];
	/** "METHOD template" of every endpoint the operation may call. */
	endpoints: string[];
	grant?: 'authorizationCode';
}

const targets: Record<string, Target> = {
	'organization create': {
		base: { resource: 'organization', operation: 'create', name: 'Org', additionalFields: {} },
		fields: ['name', 'templateOrganizationId', 'additionalFields.description', 'additionalFields.nodeApprovalMode', 'additionalFields.userData', 'additionalFields.tags', 'additionalFields.fields', 'additionalFields.locations', 'additionalFields.policies'],
		endpoints: ['POST /v2/organizations'],
	},
	'organization update': {
		base: { resource: 'organization', operation: 'update', organizationId: '1', updateFields: { name: 'N' } },
		fields: ['organizationId', 'updateFields.name', 'updateFields.nodeApprovalMode', 'updateFields.userData', 'updateFields.policies'],
		endpoints: ['PATCH /v2/organization/{id}', 'PUT /v2/organization/{id}/policies'],
	},
	'location create': {
		base: { resource: 'location', operation: 'create', organizationId: '1', name: 'L', additionalFields: {} },
		fields: ['organizationId', 'name', 'additionalFields.address', 'additionalFields.userData', 'additionalFields.tags'],
		endpoints: ['POST /v2/organization/{id}/locations'],
	},
	'location update': {
		base: { resource: 'location', operation: 'update', organizationId: '1', locationId: '1', updateFields: { name: 'L' } },
		fields: ['organizationId', 'locationId', 'updateFields.name', 'updateFields.fields'],
		endpoints: ['PATCH /v2/organization/{id}/locations/{locationId}'],
	},
	'device list': {
		base: { resource: 'device', operation: 'list', returnAll: false, limit: 5 },
		fields: ['filter', 'limit', 'options.pageSize'],
		endpoints: ['GET /v2/devices'],
	},
	'device dashboard link': {
		base: { resource: 'device', operation: 'getDashboardLink', deviceId: '1' },
		fields: ['deviceId', 'redirect'],
		endpoints: ['GET /v2/device/{id}/dashboard-url'],
	},
	'device update': {
		base: { resource: 'device', operation: 'update', deviceId: '1', updateFields: { displayName: 'd' } },
		fields: ['deviceId', 'updateFields.displayName', 'updateFields.nodeRoleId', 'updateFields.policyId', 'updateFields.userData'],
		endpoints: ['PATCH /v2/device/{id}'],
	},
	'device approval': {
		base: { resource: 'device', operation: 'approveOrReject', mode: 'APPROVE', deviceIds: '[10]' },
		fields: ['mode', 'deviceIds'],
		endpoints: ['POST /v2/devices/approval/{mode}'],
	},
	'device reboot': {
		base: { resource: 'device', operation: 'reboot', deviceId: '1', mode: 'NORMAL' },
		fields: ['deviceId', 'mode', 'reason'],
		endpoints: ['POST /v2/device/{id}/reboot/{mode}'],
	},
	'device maintenance': {
		base: { resource: 'device', operation: 'scheduleMaintenance', deviceId: '1', disabledFeatures: ['ALERTS'], end: inTwoHours },
		fields: ['deviceId', 'disabledFeatures', 'start', 'end', 'options.reasonMessage', 'options.timeFormat'],
		endpoints: ['PUT /v2/device/{id}/maintenance'],
	},
	'device cancel maintenance': {
		base: { resource: 'device', operation: 'cancelMaintenance', deviceId: '1' },
		fields: ['deviceId'],
		endpoints: ['DELETE /v2/device/{id}/maintenance'],
	},
	'windows service list': {
		base: { resource: 'windowsService', operation: 'list', deviceId: '1', filters: {} },
		fields: ['deviceId', 'filters.name', 'filters.state'],
		endpoints: ['GET /v2/device/{id}/windows-services'],
	},
	'windows service control': {
		base: { resource: 'windowsService', operation: 'control', deviceId: '1', serviceId: 'Spooler', action: 'START' },
		fields: ['deviceId', 'serviceId', 'action'],
		endpoints: ['POST /v2/device/{id}/windows-service/{serviceId}/control'],
	},
	'script options': {
		base: { resource: 'script', operation: 'listOptions', deviceId: '1' },
		fields: ['deviceId', 'lang'],
		endpoints: ['GET /v2/device/{id}/scripting/options'],
	},
	'script run': {
		base: { resource: 'script', operation: 'run', deviceId: '1', type: 'SCRIPT', scriptId: '101' },
		fields: ['deviceId', 'type', 'scriptId', 'actionUid', 'parameters', 'runAs'],
		endpoints: ['POST /v2/device/{id}/script/run'],
		grant: 'authorizationCode',
	},
	'alert list': {
		base: { resource: 'alert', operation: 'listActive', returnAll: true, filters: {} },
		fields: ['filters.sourceType', 'filters.df', 'filters.lang', 'filters.tz', 'limit', 'returnAll'],
		endpoints: ['GET /v2/alerts'],
	},
	'alert reset': {
		base: { resource: 'alert', operation: 'reset', alertUid: '3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50' },
		fields: ['alertUid'],
		endpoints: ['DELETE /v2/alert/{uid}'],
	},
	'alert reset with activity data': {
		base: { resource: 'alert', operation: 'resetWithActivityData', alertUid: '3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50', activityData: '{"by": "n8n"}' },
		fields: ['alertUid', 'activityData'],
		endpoints: ['POST /v2/alert/{uid}/reset'],
	},
	'ticket create': {
		base: { resource: 'ticket', operation: 'create', organizationId: '1', ticketFormId: 1, status: '1000', subject: 'S', description: 'D', additionalFields: {} },
		fields: ['organizationId', 'ticketFormId', 'status', 'subject', 'description', 'additionalFields.nodeId', 'additionalFields.locationId', 'additionalFields.type', 'additionalFields.priority', 'additionalFields.severity', 'additionalFields.requesterUid', 'additionalFields.assignedAppUserId', 'additionalFields.tags', 'additionalFields.ccEmails', 'additionalFields.followupTime', 'additionalFields.parentTicketId', 'additionalFields.attributes', 'additionalFields.descriptionPublic'],
		endpoints: ['GET /v2/ticketing/statuses', 'POST /v2/ticketing/ticket'],
	},
	'ticket get': {
		base: { resource: 'ticket', operation: 'get', ticketId: '1' },
		fields: ['ticketId'],
		endpoints: ['GET /v2/ticketing/ticket/{ticketId}'],
	},
	'ticket update': {
		base: { resource: 'ticket', operation: 'update', ticketId: '1', updateFields: { priority: 'LOW' } },
		fields: ['ticketId', 'updateFields.status', 'updateFields.subject', 'updateFields.organizationId', 'updateFields.ticketFormId', 'updateFields.priority', 'updateFields.attributes', 'updateFields.tags'],
		endpoints: ['GET /v2/ticketing/statuses', 'GET /v2/ticketing/ticket/{ticketId}', 'PUT /v2/ticketing/ticket/{ticketId}'],
	},
	'ticket add comment': {
		base: { resource: 'ticket', operation: 'addComment', ticketId: '1', comment: 'C', public: true, options: {} },
		fields: ['ticketId', 'comment', 'public', 'options.timeTracked', 'options.isHtml', 'options.duplicateInIncidents'],
		endpoints: ['POST /v2/ticketing/ticket/{ticketId}/comment'],
	},
	'ticket log entries': {
		base: { resource: 'ticket', operation: 'getLogEntries', ticketId: '1', returnAll: true, filters: {} },
		fields: ['ticketId', 'filters.type', 'limit', 'returnAll'],
		endpoints: ['GET /v2/ticketing/ticket/{ticketId}/log-entry'],
	},
	'ticket get many': {
		base: { resource: 'ticket', operation: 'getMany', boardId: '1', returnAll: true, filters: {}, options: {} },
		fields: ['boardId', 'limit', 'filters.searchCriteria', 'filters.sortBy', 'filters.sortDirection', 'filters.conditions', 'options.includeColumns', 'options.pageSize'],
		endpoints: ['POST /v2/ticketing/trigger/board/{boardId}/run'],
	},
	'activity get many': {
		base: { resource: 'activity', operation: 'getMany', returnAll: false, limit: 5, filters: {}, options: {} },
		fields: ['filters.class', 'filters.type', 'filters.status', 'filters.df', 'filters.user', 'filters.seriesUid', 'filters.newerThan', 'filters.olderThan', 'filters.after', 'filters.before', 'options.pageSize', 'limit'],
		endpoints: ['GET /v2/activities'],
	},
	'device activities': {
		base: { resource: 'device', operation: 'getActivities', deviceId: '1', returnAll: false, limit: 5, filters: {}, options: {} },
		fields: ['deviceId', 'filters.activityType', 'filters.status', 'filters.seriesUid', 'filters.newerThan', 'filters.olderThan', 'options.pageSize', 'limit'],
		endpoints: ['GET /v2/device/{id}/activities'],
	},
	'organization get many': {
		base: { resource: 'organization', operation: 'getMany', returnAll: false, limit: 5, options: {} },
		fields: ['limit', 'returnAll', 'options.detailed', 'options.pageSize'],
		endpoints: ['GET /v2/organizations', 'GET /v2/organizations-detailed'],
	},
	'location get many': {
		base: { resource: 'location', operation: 'getMany', organizationId: '1', returnAll: true },
		fields: ['organizationId', 'limit', 'options.pageSize'],
		endpoints: ['GET /v2/locations', 'GET /v2/organization/{id}/locations'],
	},
	'device custom fields update': {
		base: { resource: 'device', operation: 'updateCustomFields', deviceId: '1', fieldsInput: 'json', fieldsJson: '{"assetTag": "A"}' },
		fields: ['deviceId', 'fieldsInput', 'fieldsJson', 'customFields.field'],
		endpoints: ['PATCH /v2/device/{id}/custom-fields'],
	},
	'device inventory': {
		base: { resource: 'device', operation: 'getInventory', deviceId: '1', inventory: 'os-patch-installs', filters: {} },
		fields: ['deviceId', 'inventory', 'filters.status', 'filters.installedBefore', 'filters.installedAfter'],
		endpoints: ['GET /v2/device/{id}/os-patch-installs', 'GET /v2/device/{id}/jobs', 'GET /v2/device/{id}/disks', 'GET /v2/device/{id}/last-logged-on-user', 'GET /v2/device/{id}/network-interfaces', 'GET /v2/device/{id}/os-patches', 'GET /v2/device/{id}/policy/overrides', 'GET /v2/device/{id}/processors', 'GET /v2/device/{id}/software', 'GET /v2/device/{id}/software-patch-installs', 'GET /v2/device/{id}/software-patches', 'GET /v2/device/{id}/volumes'],
	},
	'device search': {
		base: { resource: 'device', operation: 'search', query: 'host', limit: 5 },
		fields: ['query', 'limit'],
		endpoints: ['GET /v2/devices/search'],
	},
	'device owner': {
		base: { resource: 'device', operation: 'setOwner', deviceId: '1', ownerUid: '5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a01' },
		fields: ['deviceId', 'ownerUid'],
		endpoints: ['POST /v2/device/{id}/owner/{ownerUid}'],
	},
	'report': {
		base: { resource: 'report', operation: 'get', report: 'software', deviceFilter: '', filters: {}, returnAll: false, limit: 5 },
		fields: ['report', 'deviceFilter', 'filters.installedBefore', 'filters.installedAfter', 'limit', 'options.pageSize'],
		endpoints: ['GET /v2/queries/software'],
	},
	'installer': {
		base: { resource: 'installer', operation: 'generate', organizationId: '1', locationId: '1', installerType: 'WINDOWS_MSI' },
		fields: ['organizationId', 'locationId', 'installerType'],
		endpoints: ['GET /v2/organization/{id}/location/{location_id}/installer/{installer_type}'],
	},
};

describe.each(Object.entries(targets))('%s', (_name, target) => {
	it('ends in an accepted request or a named input error', async () => {
		if (target.grant) f.useGrant(target.grant);
		else f.useGrant('clientCredentials');
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...target.fields), anyValue, async (field, value) => {
				f.sim.seed({ organizations: 3, devices: 30 });
				f.sim.server.reset();
				f.sim.violations.length = 0;
				const where = `${field} = ${JSON.stringify(value).slice(0, 80)}`;
				await expectHandled(where, () => f.run(withValue(target.base, field, value)), () => f.sim.server.log.length === 0);
				expect({ where, violations: f.sim.violations }).toEqual({ where, violations: [] });
				const spec = ninjaOneSpec();
				for (const request of f.sim.server.log.filter((r) => r.pathname.startsWith('/v2'))) {
					const found = spec.find(request.method, request.pathname);
					const endpoint = found ? `${found.op.method} ${found.op.template}` : `${request.method} ${request.pathname}`;
					expect({ where, endpoint, allowed: target.endpoints.includes(endpoint) }).toEqual({ where, endpoint, allowed: true });
				}
			}),
			FC_OPTIONS,
		);
	});
});
