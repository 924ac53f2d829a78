import type { INodeParameters } from 'n8n-workflow';

import { NinjaOneFixture } from './fixture';

/* Bad input is a NodeOperationError that names the field and the item, raised before any
   request is sent. */

const f = new NinjaOneFixture({ organizations: 2, devices: 10 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());
beforeEach(() => f.sim.server.reset());

const device = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'device',
	operation,
	deviceId: '1',
	...extra,
});
const future = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

const cases: Array<[string, INodeParameters, RegExp]> = [
	['invalid JSON in user data', { resource: 'organization', operation: 'create', name: 'A', additionalFields: { userData: '{"a": ' } }, /^User Data \(item 0\): is not valid JSON/],
	['an array where an object is expected', { resource: 'organization', operation: 'create', name: 'A', additionalFields: { userData: '[1]' } }, /^User Data \(item 0\): must be a JSON object, got an array/],
	['tags that are not an array', { resource: 'location', operation: 'create', organizationId: '1', name: 'L', additionalFields: { tags: '{"a": 1}' } }, /^Tags \(item 0\): must be a JSON array/],
	['a policy entry without IDs', { resource: 'organization', operation: 'update', organizationId: '1', updateFields: { policies: '[{"nodeRoleId": "x"}]' } }, /^Policies \(item 0\): entry 0 must be/],
	['a location without a name', { resource: 'organization', operation: 'create', name: 'A', additionalFields: { locations: '[{"address": "x"}]' } }, /^Locations \(item 0\): entry 0 must be an object with at least a "name"/],
	['a wrong approval mode from an expression', { resource: 'organization', operation: 'create', name: 'A', additionalFields: { nodeApprovalMode: '={{ "SOMETIMES" }}' } }, /^Device Approval Mode \(item 0\): must be one of AUTOMATIC, MANUAL, REJECT, got "SOMETIMES"/],
	['an organization name that an expression leaves empty', { resource: 'organization', operation: 'create', name: '={{ $json.missing }}' }, /^Name \(item 0\): is required/],
	['an update without fields', { resource: 'organization', operation: 'update', organizationId: '1', updateFields: {} }, /^Update Fields \(item 0\): add at least one field/],
	['a non-numeric device ID', device('reboot', { deviceId: 'abc', mode: 'NORMAL' }), /^Device \(item 0\): must be a positive whole number, got "abc"/],
	['a negative device ID', device('reboot', { deviceId: '-5', mode: 'NORMAL' }), /^Device \(item 0\): must be a positive whole number/],
	['a fractional device ID', device('reboot', { deviceId: '={{ 1.5 }}', mode: 'NORMAL' }), /^Device \(item 0\): must be a positive whole number/],
	['a path in a device ID', device('reboot', { deviceId: '../organizations', mode: 'NORMAL' }), /^Device \(item 0\): must be a positive whole number/],
	['a device ID beyond int32', device('reboot', { deviceId: '99999999999', mode: 'NORMAL' }), /^Device \(item 0\): is out of range/],
	['a wrong reboot mode from an expression', device('reboot', { mode: '={{ "SOFT" }}' }), /^Reboot Mode \(item 0\): must be one of NORMAL, FORCED, got "SOFT"/],
	['a date that is not ISO 8601', device('scheduleMaintenance', { disabledFeatures: ['ALERTS'], end: 'tomorrow' }), /^End \(item 0\): must be an ISO 8601 date-time/],
	['an impossible date', device('scheduleMaintenance', { disabledFeatures: ['ALERTS'], end: '2030-02-30T10:00:00Z' }), /^End \(item 0\): is not a real date-time/],
	['an end before the start', device('scheduleMaintenance', { disabledFeatures: ['ALERTS'], start: future(5), end: future(2) }), /^End \(item 0\): must be after Start/],
	['an end in the past without start', device('scheduleMaintenance', { disabledFeatures: ['ALERTS'], end: '2001-01-01T00:00:00Z' }), /^End \(item 0\): must be in the future/],
	['an unknown maintenance feature', device('scheduleMaintenance', { disabledFeatures: '["ALERTS", "BACKUPS"]', end: future(2) }), /^Disabled Features \(item 0\): "BACKUPS" is not one of ALERTS, PATCHING, AVSCANS, TASKS/],
	['no maintenance feature from an expression', device('scheduleMaintenance', { disabledFeatures: '={{ [] }}', end: future(2) }), /^Disabled Features \(item 0\): choose at least one/],
	['no device to approve', { resource: 'device', operation: 'approveOrReject', mode: 'APPROVE', deviceIds: '[]' }, /^Device IDs \(item 0\): give at least one device ID/],
	['a device list with a word in it', { resource: 'device', operation: 'approveOrReject', mode: 'APPROVE', deviceIds: '[1, "two"]' }, /^Device IDs \(item 0\): must be a positive whole number, got "two"/],
	['malformed JSON in device IDs', { resource: 'device', operation: 'approveOrReject', mode: 'APPROVE', deviceIds: '[1, 2' }, /^Device IDs \(item 0\): is not valid JSON/],
	['an action UID that is not a UUID', { resource: 'script', operation: 'run', deviceId: '1', type: 'ACTION', actionUid: 'restart' }, /^Action UID \(item 0\): must be a UUID/],
	['a dot segment as service ID', { resource: 'windowsService', operation: 'control', deviceId: '1', serviceId: '..', action: 'START' }, /^Service ID \(item 0\): is not a valid identifier/],
	['a wrong service state from an expression', { resource: 'windowsService', operation: 'list', deviceId: '1', filters: { state: '={{ "ASLEEP" }}' } }, /^State \(item 0\): must be one of UNKNOWN, STOPPED/],
	['a wrong installer type from an expression', { resource: 'installer', operation: 'generate', organizationId: '1', locationId: '1', installerType: '={{ "WINDOWS_EXE" }}' }, /^Installer Type \(item 0\): must be one of WINDOWS_MSI/],
	['a negative request interval', device('cancelMaintenance', { requestInterval: -1 }), /^Request Interval \(Milliseconds\) \(item 0\): must be at least 0/],
	['a limit of zero', { resource: 'device', operation: 'list', returnAll: false, limit: 0 }, /^Limit \(item 0\): must be at least 1/],
];

describe('bad input', () => {
	it.each(cases)('%s', async (_name, parameters, message) => {
		const run = await f.run(parameters);
		expect(run.error?.message).toMatch(message);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(f.sim.server.log).toHaveLength(0);
	});

	it('names the item that failed and still answers the others under "Continue"', async () => {
		const run = await f.run(
			{ resource: 'device', operation: 'cancelMaintenance', deviceId: '={{ $json.id }}' },
			[{ id: 1 }, { id: 'x' }, { id: 3 }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json.map((j) => j.has_error)).toEqual([false, true, false]);
		expect(run.json[1].error).toBe('Device (item 1): must be a positive whole number, got "x"');
		expect(f.sim.server.requests('DELETE')).toHaveLength(2);
	});
});
