import { randomUUID } from 'crypto';

import type { SimRequest, SimResponse } from './server';

/* NinjaOne's everyday reads and writes (issue 10): organizations, locations, devices and their
   inventory, custom fields, patching, owners, policy overrides, reports under /v2/queries, and
   the tenant's policies, groups, roles, users and custom-field definitions. Stateful where a user
   would look again: a written custom field, an owner, a reset of policy overrides. */

type Obj = Record<string, any>;
type Route = (r: SimRequest, p: Record<string, string>) => SimResponse;

/** What the everyday routes need of the simulator they live in. */
export interface EverydayHost {
	organizations: Map<number, Obj>;
	devices: Obj[];
	alerts: Obj[];
	everyday: EverydayState;
	deviceFilter(df: string | null): (device: Obj) => boolean;
}

export interface EverydayState {
	/** Custom-field definitions of the tenant. */
	fieldDefinitions: Obj[];
	/** Custom-field values by scope and ID (locations by location ID). */
	fields: { device: Map<number, Obj>; organization: Map<number, Obj>; location: Map<number, Obj> };
	policies: Obj[];
	groups: Obj[];
	roles: Obj[];
	technicians: Obj[];
	endUsers: Obj[];
	owners: Map<number, string>;
	policyOverrides: Map<number, string[]>;
	patchRequests: Obj[];
	/** Open report cursors: the rows of the query and how far they were read. */
	cursors: Map<string, { rows: Obj[]; offset: number }>;
}

const FIELD_DEFINITIONS: Obj[] = [
	{ name: 'assetTag', label: 'Asset Tag', type: 'TEXT', scope: 'NODE', apiPermission: 'READ_WRITE' },
	{ name: 'warrantyMonths', label: 'Warranty (months)', type: 'NUMERIC', scope: 'NODE', apiPermission: 'READ_WRITE' },
	{ name: 'backupVerified', label: 'Backup Verified', type: 'CHECKBOX', scope: 'NODE', apiPermission: 'READ_WRITE' },
	{ name: 'siteCode', label: 'Site Code', type: 'TEXT', scope: 'NODE', apiPermission: 'READ_WRITE' },
	{ name: 'contractTier', label: 'Contract Tier', type: 'TEXT', scope: 'NODE', apiPermission: 'READ_WRITE' },
	{ name: 'serialLocked', label: 'Serial (locked)', type: 'TEXT', scope: 'NODE', apiPermission: 'READ_ONLY' },
	{ name: 'contractTier', label: 'Contract Tier', type: 'TEXT', scope: 'ORGANIZATION', apiPermission: 'READ_WRITE' },
	{ name: 'accountManager', label: 'Account Manager', type: 'TEXT', scope: 'ORGANIZATION', apiPermission: 'READ_WRITE' },
	{ name: 'floor', label: 'Floor', type: 'NUMERIC', scope: 'LOCATION', apiPermission: 'READ_WRITE' },
];

export function seedEveryday(host: Pick<EverydayHost, 'organizations' | 'devices'>): EverydayState {
	const state: EverydayState = {
		fieldDefinitions: FIELD_DEFINITIONS.map((definition, i) => ({
			...definition,
			entityType: 'NODE',
			description: `${definition.label} (simulated)`,
			system: false,
			active: true,
			createTime: 1700000000 + i,
			updateTime: 1700000000 + i,
		})),
		fields: { device: new Map(), organization: new Map(), location: new Map() },
		policies: [
			{ id: 10, name: 'Windows Workstations', nodeClass: 'WINDOWS_WORKSTATION', nodeClassDefault: true, updated: 1700000000 },
			{ id: 11, name: 'Windows Servers', nodeClass: 'WINDOWS_SERVER', nodeClassDefault: true, updated: 1700000000 },
			{ id: 12, name: 'Mac', nodeClass: 'MAC', nodeClassDefault: true, updated: 1700000000 },
			{ id: 13, name: 'Servers (strict patching)', nodeClass: 'WINDOWS_SERVER', parentPolicyId: 11, nodeClassDefault: false, updated: 1700000000 },
		],
		groups: [
			{ id: 1, name: 'Offline devices', description: 'Devices that are offline', shared: true, created: 1700000000, updated: 1700000000, filter: 'offline' },
			{ id: 2, name: 'Servers', description: 'Windows servers', shared: true, created: 1700000000, updated: 1700000000, filter: 'class in (WINDOWS_SERVER)' },
		],
		roles: [
			{ id: 1, name: 'Windows Workstation', nodeClass: 'WINDOWS_WORKSTATION', custom: false, chassisType: 'DESKTOP', created: 1700000000 },
			{ id: 2, name: 'Mac', nodeClass: 'MAC', custom: false, chassisType: 'LAPTOP', created: 1700000000 },
			{ id: 3, name: 'Kiosk', nodeClass: 'WINDOWS_WORKSTATION', custom: true, chassisType: 'DESKTOP', created: 1700000000, nodeRoleParentId: 1 },
		],
		technicians: [
			{ id: 1, uid: '5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a01', firstName: 'Tess', lastName: 'Tech', email: 'tess@msp.example', userType: 'TECHNICIAN', enabled: true, administrator: true },
			{ id: 2, uid: '5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a02', firstName: 'Nick', lastName: 'Night', email: 'nick@msp.example', userType: 'TECHNICIAN', enabled: true, administrator: false },
		],
		endUsers: [...host.organizations.values()].flatMap((org, i) =>
			['Erin', 'Eli'].map((firstName, n) => ({
				id: 100 + i * 2 + n,
				uid: `7c2e2d2b-1e7f-4e7c-8b66-2a1d4a2f${String(1000 + i * 2 + n).padStart(4, '0')}`,
				firstName,
				lastName: `User${org.id}`,
				email: `${firstName.toLowerCase()}@customer${org.id}.example`,
				organizationId: org.id,
				userType: 'END_USER',
				enabled: true,
				fullPortalAccess: n === 1,
			})),
		),
		owners: new Map(),
		policyOverrides: new Map(),
		patchRequests: [],
		cursors: new Map(),
	};
	for (const device of host.devices) {
		state.fields.device.set(device.id, { assetTag: `AT-${String(device.id).padStart(5, '0')}`, warrantyMonths: 24 + (device.id % 3) * 12 });
		if (device.id % 4 === 0) state.policyOverrides.set(device.id, ['antivirus', 'patching']);
	}
	for (const org of host.organizations.values()) {
		state.fields.organization.set(org.id, { contractTier: org.id === 1 ? 'gold' : 'silver', accountManager: 'Tess Tech' });
		for (const location of org.locations) state.fields.location.set(location.id, { floor: 1 });
	}
	return state;
}

// ---- Inventory of a device: derived from its ID, the same on every read ----

const isWindows = (device: Obj) => String(device.nodeClass).startsWith('WINDOWS');

export function ipOf(device: Obj): string {
	return `10.0.${Math.floor(device.id / 250)}.${(device.id % 250) + 1}`;
}

export function macOf(device: Obj): string {
	return `00:50:56:00:${(Math.floor(device.id / 256) % 256).toString(16).padStart(2, '0')}:${(device.id % 256).toString(16).padStart(2, '0')}`;
}

const INVENTORY: Record<string, (device: Obj) => Obj[]> = {
	disks: (d) => [{ name: 'PHYSICALDRIVE0', model: 'Simulated SSD', mediaType: 'SSD', interfaceType: 'NVMe', size: 512_000_000_000, status: 'OK', partitionCount: 3, serialNumber: `SN${d.id}` }],
	volumes: (d) => [
		{ name: isWindows(d) ? 'C:' : '/', driveLetter: isWindows(d) ? 'C:' : undefined, label: 'System', fileSystem: isWindows(d) ? 'NTFS' : 'APFS', capacity: 500_000_000_000, freeSpace: 50_000_000_000 + d.id * 1_000_000_000, deviceType: 'Local Disk' },
	],
	processors: () => [{ name: 'Simulated CPU @ 3.0GHz', architecture: 'x64', numCores: 8, numLogicalCores: 16, clockSpeed: 3_000_000_000, maxClockSpeed: 4_200_000_000 }],
	'network-interfaces': (d) => [
		{ interfaceName: 'Ethernet', adapterName: 'Simulated Ethernet', ipAddress: [ipOf(d)], macAddress: [macOf(d)], subnetMask: ['255.255.255.0'], defaultGateway: ['10.0.0.1'], status: 'Up', linkSpeed: 1_000_000_000, mtu: 1500, interfaceIndex: 1 },
	],
	software: (d) => [
		{ name: 'Mozilla Firefox', publisher: 'Mozilla', version: `${120 + (d.id % 5)}.0`, installDate: '2024-01-10', size: 250_000_000 },
		{ name: 'Microsoft Edge', publisher: 'Microsoft', version: '120.0.2210.91', installDate: '2024-02-01', size: 400_000_000 },
	],
	'os-patches': (d) =>
		isWindows(d)
			? [{ id: `kb${5030000 + d.id}`, name: `Cumulative Update KB${5030000 + d.id}`, kbNumber: `KB${5030000 + d.id}`, severity: d.id % 2 ? 'CRITICAL' : 'IMPORTANT', status: 'PENDING', type: 'SECURITY_UPDATES' }]
			: [],
	'software-patches': (d) => [{ id: `sp-${d.id}`, productIdentifier: 'firefox', title: 'Mozilla Firefox 125.0', impact: 'RECOMMENDED', status: 'PENDING', type: 'PATCH' }],
	'os-patch-installs': (d) =>
		isWindows(d) ? [{ id: `kb${5020000 + d.id}`, name: `Cumulative Update KB${5020000 + d.id}`, kbNumber: `KB${5020000 + d.id}`, severity: 'IMPORTANT', status: d.id % 5 === 0 ? 'FAILED' : 'INSTALLED', type: 'SECURITY_UPDATES', installedAt: 1760000000 + d.id }] : [],
	'software-patch-installs': (d) => [{ id: `spi-${d.id}`, productIdentifier: 'chrome', title: 'Google Chrome 124.0', impact: 'CRITICAL', status: 'INSTALLED', type: 'PATCH', installedAt: 1760000000 + d.id }],
	jobs: (d) => (d.id % 3 === 0 ? [{ uid: randomUUIDFor(d.id), deviceId: d.id, message: 'Installing patches', jobStatus: 'IN_PROCESS', jobType: 'PATCH_MANAGEMENT', createTime: 1760000000 }] : []),
};

function randomUUIDFor(n: number): string {
	return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Report rows by report path: each device's inventory, flattened, with the device's ID. */
const REPORTS: Record<string, (device: Obj, host: EverydayHost) => Obj[]> = {
	'antivirus-status': (d) => (isWindows(d) ? [{ productName: 'Simulated Defender', productState: d.id % 4 === 0 ? 'OFF' : 'ON', definitionStatus: 'UP_TO_DATE', version: '4.18', timestamp: 1760000000 }] : []),
	'antivirus-threats': (d) => (d.id % 9 === 0 ? [{ name: 'EICAR-Test-File', status: 'QUARANTINED', category: 'TEST', level: 'LOW', timestamp: 1760000000 }] : []),
	'computer-systems': (d) => [{ name: d.systemName, manufacturer: 'Simulated Inc.', model: 'Sim 9000', serialNumber: `SN${d.id}`, domain: 'example.test', totalPhysicalMemory: 16_000_000_000, timestamp: 1760000000 }],
	'custom-fields-detailed': (d, host) => [{ fields: Object.entries(host.everyday.fields.device.get(d.id) ?? {}).map(([name, value]) => ({ name, value })) }],
	'custom-fields': (d, host) => [{ fields: { ...(host.everyday.fields.device.get(d.id) ?? {}) } }],
	'device-health': (d) => [{ healthStatus: d.offline ? 'UNHEALTHY' : 'HEALTHY', offline: d.offline, activeThreatsCount: 0, pendingRebootReason: null }],
	'backup/usage': (d) => [{ ...d, references: { backupUsage: { localFileFolderSize: 1_000_000 * d.id } } }],
	disks: (d) => INVENTORY.disks(d),
	'os-patch-installs': (d) => INVENTORY['os-patch-installs'](d),
	'software-patch-installs': (d) => INVENTORY['software-patch-installs'](d),
	'logged-on-users': (d) => [{ userName: `EXAMPLE\\user${d.id}`, logonTime: 1760000000 + d.id }],
	'network-interfaces': (d) => INVENTORY['network-interfaces'](d),
	'operating-systems': (d) => [{ name: isWindows(d) ? 'Windows 11 Pro' : 'macOS 14', architecture: '64-bit', buildNumber: '22631', manufacturer: isWindows(d) ? 'Microsoft' : 'Apple', timestamp: 1760000000 }],
	'os-patches': (d) => INVENTORY['os-patches'](d),
	'software-patches': (d) => INVENTORY['software-patches'](d),
	'policy-overrides': (d, host) => [{ overrides: host.everyday.policyOverrides.get(d.id) ?? [] }],
	processors: (d) => INVENTORY.processors(d),
	'raid-controllers': (d) => (d.nodeClass === 'WINDOWS_SERVER' ? [{ model: 'Simulated RAID', status: 'OK', timestamp: 1760000000 }] : []),
	'raid-drives': (d) => (d.nodeClass === 'WINDOWS_SERVER' ? [{ model: 'Simulated HDD', status: 'OK', capacity: 2_000_000_000_000, timestamp: 1760000000 }] : []),
	'scoped-custom-fields-detailed': () => [],
	'scoped-custom-fields': () => [],
	software: (d) => INVENTORY.software(d),
	volumes: (d) => INVENTORY.volumes(d),
	'windows-services': (d) => (d.services ?? []).map((s: Obj) => ({ name: s.serviceName, displayName: s.displayName, state: s.state, startType: s.startType })),
};

/** The rows of the scoped reports: one per organization and location with fields. */
function scopedRows(host: EverydayHost, detailed: boolean): Obj[] {
	const rows: Obj[] = [];
	const shape = (fields: Obj) => (detailed ? Object.entries(fields).map(([name, value]) => ({ name, value })) : { ...fields });
	for (const [id, fields] of host.everyday.fields.organization) rows.push({ scope: 'ORGANIZATION', entityId: id, fields: shape(fields) });
	for (const [id, fields] of host.everyday.fields.location) rows.push({ scope: 'LOCATION', entityId: id, fields: shape(fields) });
	return rows;
}

export function everydayRoutes(host: EverydayHost): Record<string, Route> {
	const error = (status: number, resultCode: string, errorMessage: string): SimResponse => ({
		status,
		body: { resultCode, errorMessage, incidentId: randomUUID() },
	});
	const device = (id: string) => host.devices.find((d) => d.id === Number(id));
	const full = (d: Obj): Obj => {
		const { services: _s, ...rest } = d;
		const owner = host.everyday.owners.get(d.id);
		// The spec's Device carries NodeReferences: the organization and location by ID and name.
		const org = host.organizations.get(d.organizationId);
		const location = org?.locations?.find((l: Obj) => l.id === d.locationId);
		const references = {
			organization: org ? { id: org.id, name: org.name } : undefined,
			location: location ? { id: location.id, name: location.name } : undefined,
		};
		return { ...rest, ...(owner ? { assignedOwnerUid: owner } : {}), ipAddresses: [ipOf(d)], macAddresses: [macOf(d)], references };
	};
	const afterPage = (rows: Obj[], r: SimRequest): Obj[] => {
		const after = Number(r.query.get('after') ?? 0);
		const size = Number(r.query.get('pageSize') ?? 1000);
		return rows.filter((row) => row.id > after).slice(0, size);
	};
	const organization = (id: string) => host.organizations.get(Number(id));
	const detailedOrganization = (org: Obj): Obj => ({ ...org });
	const briefOrganization = ({ locations: _l, policies: _p, settings: _s, ...rest }: Obj): Obj => rest;
	const withDevice = (route: (d: Obj, r: SimRequest) => SimResponse): Route => (r, p) => {
		const d = device(p.id);
		return d ? route(d, r) : error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
	};

	/** Custom fields of one object: GET gives them, PATCH writes the known, writable, well-typed ones. */
	const customFields = (scope: 'NODE' | 'ORGANIZATION' | 'LOCATION', store: () => Map<number, Obj>, idOf: (p: Record<string, string>) => number | undefined) => ({
		get: ((_r, p) => {
			const id = idOf(p);
			if (id === undefined) return error(404, `${scope}_NOT_FOUND`, `${scope.toLowerCase()} not found`);
			return { status: 200, body: { ...(store().get(id) ?? {}) } };
		}) as Route,
		patch: ((r, p) => {
			const id = idOf(p);
			if (id === undefined) return error(404, `${scope}_NOT_FOUND`, `${scope.toLowerCase()} not found`);
			const body = r.body as Obj;
			for (const [name, value] of Object.entries(body)) {
				const definition = host.everyday.fieldDefinitions.find((f) => f.name === name && f.scope === scope);
				if (!definition) return error(400, 'INVALID_ATTRIBUTE', `Custom field "${name}" does not exist for ${scope.toLowerCase()}`);
				if (definition.apiPermission !== 'READ_WRITE') return error(400, 'ATTRIBUTE_READ_ONLY', `Custom field "${name}" is read-only for the API`);
				const fits =
					value === null ||
					(definition.type === 'NUMERIC' && typeof value === 'number') ||
					(definition.type === 'CHECKBOX' && typeof value === 'boolean') ||
					(definition.type === 'TEXT' && typeof value === 'string');
				if (!fits) return error(400, 'INVALID_ATTRIBUTE_VALUE', `Value of custom field "${name}" must be ${definition.type}`);
			}
			const current = store().get(id) ?? {};
			for (const [name, value] of Object.entries(body)) {
				if (value === null) delete current[name];
				else current[name] = value;
			}
			store().set(id, current);
			return { status: 204 };
		}) as Route,
	});
	const deviceFields = customFields('NODE', () => host.everyday.fields.device, (p) => device(p.id)?.id);
	const organizationFields = customFields('ORGANIZATION', () => host.everyday.fields.organization, (p) => organization(p.id)?.id);
	const locationFields = customFields('LOCATION', () => host.everyday.fields.location, (p) =>
		organization(p.id)?.locations.find((l: Obj) => l.id === Number(p.locationId))?.id,
	);

	const inventoryRoutes = Object.fromEntries(
		Object.entries(INVENTORY).map(([path, rows]) => [`GET /v2/device/{id}/${path}`, withDevice((d) => ({ status: 200, body: rows(d) }))]),
	);

	const reportRoutes = Object.fromEntries(
		Object.entries(REPORTS).map(([path, rowsOf]) => [
			`GET /v2/queries/${path}`,
			((r) => {
				const size = Number(r.query.get('pageSize') ?? 1000);
				const name = r.query.get('cursor');
				let cursor: { rows: Obj[]; offset: number } | undefined;
				let cursorName: string;
				if (name) {
					cursor = host.everyday.cursors.get(name);
					if (!cursor) return error(400, 'INVALID_CURSOR', `Cursor ${name} is unknown or expired`);
					cursorName = name;
				} else {
					const filter = host.deviceFilter(r.query.get('df'));
					const rows = path.startsWith('scoped-')
						? scopedRows(host, path.endsWith('detailed'))
						: host.devices.filter(filter).flatMap((d) => rowsOf(d, host).map((row) => ({ ...row, deviceId: d.id })));
					cursor = { rows, offset: 0 };
					cursorName = randomUUID();
					host.everyday.cursors.set(cursorName, cursor);
				}
				const page = cursor.rows.slice(cursor.offset, cursor.offset + size);
				const offset = cursor.offset;
				cursor.offset += page.length;
				return { status: 200, body: { cursor: { name: cursorName, offset, count: page.length, expires: Date.now() / 1000 + 300 }, results: page } };
			}) as Route,
		]),
	);

	return {
		// Organizations
		'GET /v2/organization/{id}': (_r, p) => {
			const org = organization(p.id);
			return org ? { status: 200, body: detailedOrganization(org) } : error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
		},
		'GET /v2/organizations-detailed': (r) => ({ status: 200, body: afterPage([...host.organizations.values()], r).map(detailedOrganization) }),
		'GET /v2/organization/{id}/devices': (r, p) => {
			const org = organization(p.id);
			if (!org) return error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
			const devices = host.devices.filter((d) => d.organizationId === org.id).map(full);
			return { status: 200, body: afterPage(devices, r).map((d) => ({ ...d, references: { organization: briefOrganization(org) } })) };
		},
		'GET /v2/organization/{id}/end-users': (r, p) => {
			const org = organization(p.id);
			if (!org) return error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
			const withRoles = r.query.get('includeRoles') === 'true';
			const users = host.everyday.endUsers.filter((u) => u.organizationId === org.id);
			return { status: 200, body: users.map((u) => (withRoles ? { ...u, roles: ['END_USER'] } : u)) };
		},
		'GET /v2/organization/{id}/custom-fields': organizationFields.get,
		'PATCH /v2/organization/{id}/custom-fields': organizationFields.patch,
		// Locations
		'GET /v2/locations': (r) => {
			const all = [...host.organizations.values()].flatMap((org) => org.locations.map((l: Obj) => ({ ...l, organizationId: org.id })));
			return { status: 200, body: afterPage(all.sort((a, b) => a.id - b.id), r) };
		},
		'GET /v2/organization/{id}/locations': (_r, p) => {
			const org = organization(p.id);
			return org ? { status: 200, body: org.locations } : error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
		},
		'GET /v2/organization/{id}/location/{locationId}/custom-fields': locationFields.get,
		'PATCH /v2/organization/{id}/location/{locationId}/custom-fields': locationFields.patch,
		// Devices
		'GET /v2/device/{id}': withDevice((d) => ({ status: 200, body: full(d) })),
		'GET /v2/devices-detailed': (r) => {
			const filter = host.deviceFilter(r.query.get('df'));
			return { status: 200, body: afterPage(host.devices.filter(filter), r).map(full) };
		},
		'GET /v2/devices/search': (r) => {
			const q = (r.query.get('q') ?? '').toLowerCase();
			const limit = Number(r.query.get('limit') ?? 100);
			const found = host.devices
				.filter((d) => q !== '' && [d.displayName, d.systemName, d.dnsName, ipOf(d), macOf(d)].some((t) => String(t).toLowerCase().includes(q)))
				.slice(0, limit)
				.map((d) => {
					const { userData: _u, maintenance: _m, ...match } = full(d);
					return match;
				});
			return { status: 200, body: { query: r.query.get('q') ?? '', devices: found } };
		},
		'GET /v2/device/{id}/custom-fields': deviceFields.get,
		'PATCH /v2/device/{id}/custom-fields': deviceFields.patch,
		'GET /v2/device/{id}/alerts': withDevice((d) => ({ status: 200, body: host.alerts.filter((a) => a.deviceId === d.id) })),
		...inventoryRoutes,
		'GET /v2/device/{id}/last-logged-on-user': withDevice((d) => ({ status: 200, body: { userName: `EXAMPLE\\user${d.id}`, logonTime: 1760000000 + d.id } })),
		'GET /v2/device/{id}/policy/overrides': withDevice((d) => ({ status: 200, body: { overrides: host.everyday.policyOverrides.get(d.id) ?? [] } })),
		'DELETE /v2/device/{id}/policy/overrides': withDevice((d) => {
			host.everyday.policyOverrides.delete(d.id);
			return { status: 204 };
		}),
		...Object.fromEntries(
			['os', 'software'].flatMap((kind) =>
				['scan', 'apply'].map((action) => [
					`POST /v2/device/{id}/patch/${kind}/${action}`,
					withDevice((d) => {
						if (d.offline) return error(400, 'DEVICE_OFFLINE', `Device ${d.id} is offline`);
						host.everyday.patchRequests.push({ deviceId: d.id, kind, action });
						return { status: 204 };
					}),
				]),
			),
		),
		'POST /v2/device/{id}/owner/{ownerUid}': (_r, p) => {
			const d = device(p.id);
			if (!d) return error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			const known = [...host.everyday.technicians, ...host.everyday.endUsers].some((u) => u.uid === p.ownerUid);
			if (!known) return error(404, 'USER_NOT_FOUND', `User ${p.ownerUid} not found`);
			host.everyday.owners.set(d.id, p.ownerUid);
			return { status: 204 };
		},
		'DELETE /v2/device/{id}/owner': withDevice((d) => {
			host.everyday.owners.delete(d.id);
			return { status: 204 };
		}),
		// Reports
		...reportRoutes,
		// The tenant
		'GET /v2/policies': () => ({ status: 200, body: host.everyday.policies }),
		'GET /v2/groups': () => ({
			status: 200,
			body: host.everyday.groups.map(({ filter: _f, ...group }) => ({ ...group, deviceCount: host.devices.filter(host.deviceFilter(_f)).length })),
		}),
		'GET /v2/group/{id}/device-ids': (_r, p) => {
			const group = host.everyday.groups.find((g) => g.id === Number(p.id));
			if (!group) return error(404, 'GROUP_NOT_FOUND', `Group ${p.id} not found`);
			return { status: 200, body: host.devices.filter(host.deviceFilter(group.filter)).map((d) => d.id) };
		},
		'GET /v2/roles': () => ({ status: 200, body: host.everyday.roles }),
		'GET /v2/user/technicians': () => ({ status: 200, body: host.everyday.technicians }),
		'GET /v2/user/end-users': () => ({ status: 200, body: host.everyday.endUsers }),
		'GET /v2/device-custom-fields': (r) => {
			const all = r.query.get('scopes') !== null;
			return { status: 200, body: host.everyday.fieldDefinitions.filter((f) => all || f.scope === 'NODE') };
		},
		'GET /v2/custom-fields': (r) => {
			const size = Number(r.query.get('pageSize') ?? 50);
			const results = host.everyday.fieldDefinitions.slice(0, size);
			return { status: 200, body: { page: 0, pageSize: size, count: host.everyday.fieldDefinitions.length, results } };
		},
	};
}
