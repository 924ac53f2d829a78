import { randomUUID } from 'crypto';

import { NinjaOneActivities } from './ninjaoneActivities';
import { catalogRoutes } from './ninjaoneCatalog';
import { NinjaOneDocumentation } from './ninjaoneDocumentation';
import { NinjaOneTicketing } from './ninjaoneTicketing';
import { type Allowance, contract, type OpenApiSpec, type Schema } from './openapi';
import { TokenIssuer } from './oauth';
import { type EverydayState, everydayRoutes, seedEveryday } from './ninjaoneEveryday';
import { type SimRequest, type SimResponse, SimServer } from './server';

export function ninjaOneSpec(): OpenApiSpec {
	return contract('ninjaone');
}

/** Tags and fields are in the seed and NinjaOne's 2025 API, no longer in the 2026 spec. */
const LEGACY_FIELDS: Record<string, Allowance> = {
	'POST /v2/organizations': { extraBodyProperties: ['tags', 'fields'] },
	'PATCH /v2/organization/{id}': { extraBodyProperties: ['tags', 'fields'] },
	'POST /v2/organization/{id}/locations': { extraBodyProperties: ['tags', 'fields'] },
	'PATCH /v2/organization/{id}/locations/{locationId}': { extraBodyProperties: ['tags', 'fields'] },
	// Issue 10: the spec types custom-field values as "object" (Java's Object): any JSON value.
	'PATCH /v2/device/{id}/custom-fields': { anyBodyValues: true },
	'PATCH /v2/organization/{id}/custom-fields': { anyBodyValues: true },
	'PATCH /v2/organization/{id}/location/{locationId}/custom-fields': { anyBodyValues: true },
};

/** The spec types maintenance start/end as numbers; its text reads an ISO 8601 string or epoch milliseconds. */
const MAINTENANCE_TIME: Schema = { oneOf: [{ type: 'number' }, { type: 'string', format: 'date-time' }] };
const ALLOWANCES: Record<string, Allowance> = {
	...LEGACY_FIELDS,
	'PUT /v2/device/{id}/maintenance': { bodyProperties: { start: MAINTENANCE_TIME, end: MAINTENANCE_TIME } },
};

/** A maintenance time as the spec's text reads it, in epoch seconds: an ISO 8601 string or epoch milliseconds. */
function maintenanceSeconds(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) / 1000 : Number(value) / 1000;
}

type Obj = Record<string, any>;

export interface NinjaOneSeed {
	organizations?: number;
	devices?: number;
	/** Activities already in the log (default 25). */
	activities?: number;
}

/** A stateful stand-in for NinjaOne's public API v2, checked against the published spec. */
export class NinjaOneSim {
	readonly server: SimServer;
	readonly tokens = new TokenIssuer(
		{ clientId: 'sim-ninja-client', clientSecret: 'sim-ninja-secret-5f2a9c' },
		'monitoring management control',
	);
	/** Spec problems of requests the nodes sent: every test expects this to stay empty. */
	readonly violations: string[] = [];
	organizations = new Map<number, Obj>();
	devices: Obj[] = [];
	alerts: Obj[] = [];
	reboots: Obj[] = [];
	scriptRuns: Obj[] = [];
	serviceControls: Obj[] = [];
	/** Alerts reset through the API, with the activity data sent along (if any). */
	alertResets: Obj[] = [];
	/** Boards, statuses, forms, attributes, users and tickets (simulator/ninjaoneTicketing.ts). */
	readonly ticketing = new NinjaOneTicketing({
		organizationExists: (id) => this.organizations.has(id),
		deviceOf: (id) => this.device(String(id)),
	});
	/** Custom fields, users, policies, groups, roles, owners and reports (simulator/ninjaoneEveryday.ts). */
	everyday!: EverydayState;
	private nextOrgId = 1;
	private nextLocationId = 1;
	/** Document templates, organization documents and vulnerability scan groups (simulator/ninjaoneDocumentation.ts). */
	readonly documentation = new NinjaOneDocumentation();
	/** The activity log and the API webhook (simulator/ninjaoneActivities.ts). */
	readonly activity = new NinjaOneActivities(this);
	/**
	 * The most rows a page holds whatever `pageSize` asks (undefined: as asked), as a server may cap
	 * its pages below the asked size where the spec gives no maximum.
	 */
	pageCap?: number;
	/**
	 * The API client's rate limit, off unless set: at most `requests` API calls in any `perMs`; a call
	 * beyond it is answered 429 with Retry-After (seconds, to the moment a call is admitted again) and
	 * not processed. Token requests do not count.
	 */
	rateLimit: { requests: number; perMs: number } | undefined;
	/** Calls answered 429 by the rate limit. */
	rateLimited = 0;
	/** When the calls inside the current window were admitted. */
	private admitted: number[] = [];

	constructor(seed: NinjaOneSeed = {}) {
		this.server = new SimServer((request) => this.handle(request));
		this.seed(seed);
	}

	async start(port?: number): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	get url(): string {
		return this.server.url;
	}

	seed({ organizations = 3, devices = 30, activities = 25 }: NinjaOneSeed): void {
		this.pageCap = undefined;
		this.organizations.clear();
		this.devices = [];
		this.alerts = [];
		this.nextOrgId = 1;
		this.nextLocationId = 1;
		for (let i = 0; i < organizations; i++) {
			this.createOrganization({
				name: `Customer ${i + 1}`,
				description: `Seeded organization ${i + 1}`,
				nodeApprovalMode: i === 0 ? 'MANUAL' : 'AUTOMATIC',
				locations: [{ name: 'Head Office' }, { name: 'Branch' }],
			});
		}
		const orgIds = [...this.organizations.keys()];
		for (let i = 0; i < devices; i++) {
			const org = this.organizations.get(orgIds[i % Math.max(1, orgIds.length)]);
			const windows = i % 3 !== 2;
			this.devices.push({
				id: i + 1,
				organizationId: org?.id ?? 1,
				locationId: org?.locations[i % 2]?.id ?? 1,
				nodeClass: windows ? (i % 5 === 0 ? 'WINDOWS_SERVER' : 'WINDOWS_WORKSTATION') : 'MAC',
				nodeRoleId: windows ? 1 : 2,
				rolePolicyId: 10,
				policyId: null,
				approvalStatus: i % 10 === 9 ? 'PENDING' : 'APPROVED',
				offline: i % 7 === 3,
				displayName: `host-${String(i + 1).padStart(4, '0')}`,
				systemName: `HOST-${String(i + 1).padStart(4, '0')}`,
				dnsName: `host-${i + 1}.example.test`,
				created: 1700000000 + i,
				lastContact: 1760000000 + i,
				lastUpdate: 1760000000 + i,
				userData: {},
				maintenance: null,
				services: windows
					? [
							{ serviceName: 'wuauserv', displayName: 'Windows Update', state: 'RUNNING', startType: 'AUTO_START' },
							{ serviceName: 'Spooler', displayName: 'Print Spooler', state: i % 2 ? 'STOPPED' : 'RUNNING', startType: 'AUTO_START' },
						]
					: [],
			});
			if (i % 6 === 3) {
				this.alerts.push({
					uid: randomUUID(),
					deviceId: i + 1,
					message: this.devices[i].offline ? 'Device is offline' : 'CPU above 90%',
					createTime: 1760000000 + i,
					updateTime: 1760000000 + i,
					sourceType: this.devices[i].offline ? 'AGENT_OFFLINE' : 'CONDITION',
					severity: i % 12 === 3 ? 'CRITICAL' : 'MAJOR',
					priority: 'HIGH',
				});
			}
		}
		this.alertResets = [];
		this.ticketing.seed();
		this.activity.reset();
		this.activity.seedHistory(activities);
		this.everyday = seedEveryday(this);
		this.documentation.seed();
	}

	/** Many devices at once, for the benchmarks: lean rows, ids 1..count. */
	seedDevices(count: number): void {
		this.devices = Array.from({ length: count }, (_, i) => ({
			id: i + 1,
			organizationId: 1,
			locationId: 1,
			nodeClass: 'WINDOWS_WORKSTATION',
			approvalStatus: 'APPROVED',
			offline: false,
			displayName: `host-${i + 1}`,
			systemName: `HOST-${i + 1}`,
			lastContact: 1760000000,
		}));
	}

	deviceFilter(df: string | null): (device: Obj) => boolean {
		return deviceFilter(df);
	}

	private overRateLimit(): SimResponse | undefined {
		if (!this.rateLimit) return undefined;
		const { requests, perMs } = this.rateLimit;
		const now = Date.now();
		this.admitted = this.admitted.filter((at) => at > now - perMs);
		if (this.admitted.length < requests) {
			this.admitted.push(now);
			return undefined;
		}
		this.rateLimited++;
		const wait = this.admitted[0] + perMs - now;
		return {
			...this.error(429, 'TOO_MANY_REQUESTS', `Rate limit of ${requests} requests per ${perMs} ms exceeded`),
			headers: { 'retry-after': (Math.ceil(wait / 100) / 10).toFixed(1) },
		};
	}

	private error(status: number, resultCode: string, errorMessage: string): SimResponse {
		return { status, body: { resultCode, errorMessage, incidentId: randomUUID() } };
	}

	private handle(request: SimRequest): SimResponse | Promise<SimResponse> {
		if (request.pathname === '/ws/oauth/token' && request.method === 'POST') return this.tokens.handle(request);
		if (request.pathname === '/ws/oauth/authorize') return { status: 200, body: 'authorize page' };
		const token = this.tokens.check(request);
		if (!token) return { status: 401, body: { error: 'invalid_token', error_description: 'The access token is invalid or expired' } };
		const limited = this.overRateLimit();
		if (limited) return limited;
		const spec = ninjaOneSpec();
		const found = spec.find(request.method, request.pathname);
		const allowance = found ? ALLOWANCES[`${found.op.method} ${found.op.template}`] : undefined;
		const { problems, op, params } = spec.check(
			{
				method: request.method,
				pathname: request.pathname,
				query: request.query,
				body: request.body,
				multipart: String(request.headers['content-type'] ?? '').includes('multipart/form-data'),
			},
			allowance,
		);
		if (problems.length > 0 || !op) {
			const message = problems.join('; ');
			this.violations.push(`${request.method} ${request.pathname}: ${message}`);
			return this.error(400, 'SPEC_VIOLATION', message);
		}
		const route = `${op.method} ${op.template}`;
		const handler = this.routes[route] ?? this.ticketing.routes[route] ?? this.activity.routes[route] ?? this.documentation.routes[route] ?? catalogRoutes[route];
		if (!handler) return this.error(501, 'NOT_SIMULATED', `${route} is not simulated`);
		return handler(this.capped(request), params, token.grant);
	}

	/** The request as served under `pageCap` (the log keeps what was asked). */
	private capped(request: SimRequest): SimRequest {
		const asked = Number(request.query.get('pageSize'));
		if (this.pageCap === undefined || !(asked > this.pageCap)) return request;
		const query = new URLSearchParams(request.query);
		query.set('pageSize', String(this.pageCap));
		return { ...request, query };
	}

	private readonly routes: Record<string, (r: SimRequest, p: Record<string, string>, grant: string) => SimResponse> = {
		'GET /v2/organizations': (r) => {
			const after = Number(r.query.get('after') ?? 0);
			const size = Number(r.query.get('pageSize') ?? 1000);
			const list = [...this.organizations.values()].filter((o) => o.id > after).slice(0, size);
			return { status: 200, body: list.map(({ locations: _l, policies: _p, ...brief }) => brief) };
		},
		'POST /v2/organizations': (r) => {
			const template = r.query.get('templateOrganizationId');
			if (template && !this.organizations.has(Number(template))) {
				return this.error(404, 'ORGANIZATION_NOT_FOUND', `Template organization ${template} does not exist`);
			}
			const body = r.body as Obj;
			if (!body?.name) return this.error(400, 'INVALID_REQUEST', 'Organization name is required');
			return { status: 200, body: this.createOrganization(body, template ? Number(template) : undefined) };
		},
		'PATCH /v2/organization/{id}': (r, p) => {
			const org = this.organizations.get(Number(p.id));
			if (!org) return this.error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
			Object.assign(org, r.body);
			return { status: 204 };
		},
		'PUT /v2/organization/{id}/policies': (r, p) => {
			const org = this.organizations.get(Number(p.id));
			if (!org) return this.error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
			for (const pair of r.body as Obj[]) {
				org.policies = org.policies.filter((x: Obj) => x.nodeRoleId !== pair.nodeRoleId).concat([pair]);
			}
			return { status: 200, body: this.devices.filter((d) => d.organizationId === org.id).map((d) => d.id) };
		},
		'POST /v2/organization/{id}/locations': (r, p) => {
			const org = this.organizations.get(Number(p.id));
			if (!org) return this.error(404, 'ORGANIZATION_NOT_FOUND', `Organization ${p.id} not found`);
			const location = { id: this.nextLocationId++, ...(r.body as Obj) };
			org.locations.push(location);
			return { status: 200, body: location };
		},
		'PATCH /v2/organization/{id}/locations/{locationId}': (r, p) => {
			const org = this.organizations.get(Number(p.id));
			const location = org?.locations.find((l: Obj) => l.id === Number(p.locationId));
			if (!location) return this.error(404, 'LOCATION_NOT_FOUND', `Location ${p.locationId} not found in organization ${p.id}`);
			Object.assign(location, r.body);
			return { status: 200, body: location };
		},
		'GET /v2/devices': (r) => {
			const after = Number(r.query.get('after') ?? 0);
			const size = Number(r.query.get('pageSize') ?? 1000);
			const filter = deviceFilter(r.query.get('df'));
			const page: Obj[] = [];
			for (const device of this.devices) {
				if (device.id <= after || !filter(device)) continue;
				page.push(brief(device));
				if (page.length >= size) break;
			}
			return { status: 200, body: page };
		},
		'GET /v2/device/{id}/dashboard-url': (r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			const url = `${this.url}/#/deviceDashboard/${device.id}/overview`;
			if (r.query.get('redirect') === 'true') return { status: 302, headers: { location: url } };
			return { status: 200, body: { url, expires: Date.now() / 1000 + 300 } };
		},
		'PATCH /v2/device/{id}': (r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			Object.assign(device, r.body);
			return { status: 204 };
		},
		'POST /v2/devices/approval/{mode}': (r, p) => {
			const ids: number[] = (r.body as Obj)?.devices ?? [];
			const unknown = ids.filter((id) => !this.device(String(id)));
			if (unknown.length) return this.error(404, 'DEVICE_NOT_FOUND', `Devices not found: ${unknown.join(', ')}`);
			for (const id of ids) {
				if (p.mode === 'APPROVE') this.device(String(id))!.approvalStatus = 'APPROVED';
				else this.devices = this.devices.filter((d) => d.id !== id);
			}
			return { status: 204 };
		},
		'POST /v2/device/{id}/reboot/{mode}': (r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			if (device.offline) return this.error(400, 'DEVICE_OFFLINE', `Device ${p.id} is offline`);
			this.reboots.push({ deviceId: device.id, mode: p.mode, reason: (r.body as Obj)?.reason });
			return { status: 204 };
		},
		'PUT /v2/device/{id}/maintenance': (r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			const body = r.body as Obj;
			const start = body.start === undefined ? Date.now() / 1000 : maintenanceSeconds(body.start);
			const end = maintenanceSeconds(body.end);
			if (!(end > start)) return this.error(400, 'INVALID_MAINTENANCE_WINDOW', 'Maintenance end must be after start');
			device.maintenance = { status: 'PENDING', start, end, disabledFeatures: body.disabledFeatures };
			return { status: 204 };
		},
		'DELETE /v2/device/{id}/maintenance': (_r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			device.maintenance = null;
			return { status: 204 };
		},
		'GET /v2/device/{id}/windows-services': (r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			const name = r.query.get('name');
			const state = r.query.get('state');
			const list = (device.services ?? []).filter(
				(s: Obj) => (!name || s.serviceName === name) && (!state || s.state === state),
			);
			return { status: 200, body: list.map((s: Obj) => ({ ...s, name: s.serviceName })) };
		},
		'POST /v2/device/{id}/windows-service/{serviceId}/control': (r, p) => {
			const device = this.device(p.id);
			const service = device?.services?.find((s: Obj) => s.serviceName === p.serviceId);
			if (!service) return this.error(404, 'SERVICE_NOT_FOUND', `Service ${p.serviceId} not found on device ${p.id}`);
			const action = (r.body as Obj).action;
			service.state = { START: 'RUNNING', RESTART: 'RUNNING', STOP: 'STOPPED', PAUSE: 'PAUSED' }[action as string];
			this.serviceControls.push({ deviceId: device!.id, serviceId: p.serviceId, action });
			return { status: 204 };
		},
		'GET /v2/device/{id}/scripting/options': (_r, p) => {
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			return {
				status: 200,
				body: {
					categories: [{ id: 1, name: 'Maintenance', internal: false }],
					scripts: [
						{ type: 'SCRIPT', id: 101, name: 'Clear temp files', language: 'powershell', operatingSystems: ['WINDOWS'] },
						{ type: 'ACTION', uid: '6e2d5a36-0f0f-4b5c-9a1e-2b5c1d7e8f90', name: 'Restart service' },
					],
					credentials: { roles: ['SYSTEM', 'LOGGED_ON_USER'], credentials: [] },
				},
			};
		},
		'POST /v2/device/{id}/script/run': (r, p, grant) => {
			if (grant !== 'authorization_code') {
				return {
					status: 403,
					body: { error: 'user_context_required', error_description: 'This operation requires a user context' },
				};
			}
			const device = this.device(p.id);
			if (!device) return this.error(404, 'DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			this.scriptRuns.push({ deviceId: device.id, ...(r.body as Obj) });
			return { status: 204 };
		},
		'GET /v2/alerts': (r) => {
			const sourceType = r.query.get('sourceType');
			const filter = deviceFilter(r.query.get('df'));
			const list = this.alerts.filter((a) => {
				const device = this.device(String(a.deviceId));
				return (!sourceType || a.sourceType === sourceType) && (!device || filter(device));
			});
			// Each alert carries its device (with its organization), as NinjaOne's do.
			return { status: 200, body: list.map((a) => ({ ...a, ...this.alertDevice(a) })) };
		},
		// --- Alert resets (issue 10) ---
		'DELETE /v2/alert/{uid}': (_r, p) => this.resetAlert(p.uid),
		'POST /v2/alert/{uid}/reset': (r, p) => this.resetAlert(p.uid, r.body),
		// --- end of alert resets ---
		'GET /v2/organization/{id}/location/{location_id}/installer/{installer_type}': (_r, p) => {
			const org = this.organizations.get(Number(p.id));
			const location = org?.locations.find((l: Obj) => l.id === Number(p.location_id));
			if (!location) return this.error(404, 'LOCATION_NOT_FOUND', `Location ${p.location_id} not found in organization ${p.id}`);
			const ext = p.installer_type.split('_').pop()!.toLowerCase();
			return { status: 200, body: { url: `${this.url}/installers/${p.id}/${p.location_id}/agent.${ext}` } };
		},
		// ---- Issue 10: organizations, locations, devices, custom fields, reports, the tenant ----
		...everydayRoutes(this),
	};

	private alertDevice(alert: Obj): Obj {
		const device = this.device(String(alert.deviceId));
		return device ? { device: brief(device) } : {};
	}

	/** A reset alert leaves the active alerts. */
	private resetAlert(uid: string, activityData?: unknown): SimResponse {
		const alert = this.alerts.find((a) => a.uid === uid);
		if (!alert) return this.error(404, 'ALERT_NOT_FOUND', `Alert ${uid} not found`);
		this.alerts = this.alerts.filter((a) => a !== alert);
		this.alertResets.push({ uid, deviceId: alert.deviceId, ...(activityData !== undefined ? { activityData } : {}) });
		return { status: 204 };
	}

	private device(id: string): Obj | undefined {
		const n = Number(id);
		return this.devices.find((d) => d.id === n);
	}

	private createOrganization(body: Obj, templateId?: number): Obj {
		const template = templateId ? this.organizations.get(templateId) : undefined;
		const org: Obj = {
			id: this.nextOrgId++,
			name: body.name,
			description: body.description ?? template?.description ?? '',
			nodeApprovalMode: body.nodeApprovalMode ?? template?.nodeApprovalMode ?? 'AUTOMATIC',
			userData: body.userData ?? {},
			...(body.tags ? { tags: body.tags } : {}),
			...(body.fields ? { fields: body.fields } : {}),
			locations: (body.locations ?? []).map((l: Obj) => ({ id: this.nextLocationId++, ...l })),
			policies: body.policies ?? template?.policies ?? [],
			settings: template ? { copiedFrom: template.id } : {},
		};
		this.organizations.set(org.id, org);
		return org;
	}
}

function brief(device: Obj): Obj {
	const { services: _s, maintenance: _m, userData: _u, ...rest } = device;
	return rest;
}

/** Enough of NinjaOne's device filter for the tests and the sandbox: org, status, class, offline. */
function deviceFilter(df: string | null): (device: Obj) => boolean {
	if (!df) return () => true;
	const clauses = df.split(/\s+AND\s+/i).map((clause) => clause.trim());
	return (device) =>
		clauses.every((clause) => {
			let m = /^org\s*=\s*(\d+)$/i.exec(clause);
			if (m) return device.organizationId === Number(m[1]);
			m = /^status\s*=\s*(\w+)$/i.exec(clause);
			if (m) return device.approvalStatus === m[1].toUpperCase();
			m = /^class\s+in\s*\(([^)]*)\)$/i.exec(clause);
			if (m) return m[1].split(',').map((s) => s.trim()).includes(device.nodeClass);
			if (/^offline$/i.test(clause)) return device.offline === true;
			if (/^online$/i.test(clause)) return device.offline === false;
			return true;
		});
}
