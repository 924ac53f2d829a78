import { randomUUID } from 'crypto';

import type { SimRequest, SimResponse } from './server';

/* NinjaOne's activity log and its API webhook, for the NinjaOne simulator (simulator/ninjaone.ts
   routes the paths below here).

   - Activity IDs only grow; lists come newest first.
   - `newerThan=N` returns IDs above N and `olderThan=N` IDs below N: the names read as meant (the
     published spec's descriptions of the two are swapped; see the README, "newerThan and olderThan").
   - One webhook configuration per API client: PUT /v2/webhook replaces it, DELETE removes it, and
     nothing reads it back. Each new activity that the configuration's `activities` map (type to
     status codes) and `organizationIds` let through is POSTed to its URL with its headers, the
     device and organization expanded as `expand` asks. */

type Obj = Record<string, any>;

/** What the activity stream needs to know of the rest of the simulated tenant. */
export interface ActivityTenant {
	devices: Obj[];
	organizations: Map<number, Obj>;
	/** Tickets live in the ticketing simulator; boards list them there. */
	ticketing: { tickets: Map<number, Obj>; createTicket(body: Obj): Obj };
}

export interface WebhookDelivery {
	activityId: number;
	url: string;
	status: number | 'failed';
	headers: Record<string, string>;
	/** What the receiver answered. */
	response?: string;
}

type Route = (request: SimRequest, params: Record<string, string>) => SimResponse;

export class NinjaOneActivities {
	/** Oldest first; IDs strictly increasing. */
	activities: Obj[] = [];
	/** The one webhook configuration of the simulated API client, as last PUT. */
	webhook: Obj | undefined;
	webhookChanges: Array<{ method: 'PUT' | 'DELETE'; body?: Obj }> = [];
	deliveries: WebhookDelivery[] = [];
	private nextId = 1000;
	private inFlight = new Set<Promise<void>>();

	constructor(private readonly tenant: ActivityTenant) {}

	reset(): void {
		this.activities = [];
		this.webhook = undefined;
		this.webhookChanges = [];
		this.deliveries = [];
		this.nextId = 1000;
	}

	get lastActivityId(): number {
		return this.activities[this.activities.length - 1]?.id ?? 0;
	}

	/** Records an activity now and delivers it to the webhook when the configuration lets it through. */
	record(fields: Obj): Obj {
		const activity: Obj = {
			id: this.nextId++,
			activityTime: Date.now() / 1000,
			activityResult: 'SUCCESS',
			severity: 'NONE',
			priority: 'NONE',
			...fields,
		};
		this.activities.push(activity);
		if (this.webhook && this.lets(this.webhook, activity)) {
			const delivery = this.deliver(this.webhook, activity);
			this.inFlight.add(delivery);
			void delivery.finally(() => this.inFlight.delete(delivery));
		}
		return activity;
	}

	/** A condition alert fires on a device; returns the activity (its `seriesUid` resets it). */
	alert(deviceId: number, message = 'CPU above 90% for 5 minutes', severity = 'MAJOR'): Obj {
		return this.record({
			activityType: 'CONDITION',
			statusCode: 'TRIGGERED',
			status: 'Triggered',
			deviceId,
			severity,
			priority: 'HIGH',
			seriesUid: randomUUID(),
			sourceName: 'CPU Utilization',
			subject: 'Condition triggered',
			message,
		});
	}

	/** The alert of `seriesUid` clears. */
	resetAlert(triggered: Obj): Obj {
		return this.record({
			...pick(triggered, ['activityType', 'deviceId', 'seriesUid', 'sourceName', 'severity', 'priority', 'data']),
			statusCode: 'RESET',
			status: 'Reset',
			subject: 'Condition reset',
			message: `${triggered.message} (reset)`,
		});
	}

	/** The agent-offline condition fires: the device is offline from now. */
	deviceOffline(deviceId: number): Obj {
		const device = this.device(deviceId);
		if (device) device.offline = true;
		return this.record({
			activityType: 'CONDITION',
			statusCode: 'TRIGGERED',
			status: 'Triggered',
			deviceId,
			severity: 'CRITICAL',
			priority: 'HIGH',
			seriesUid: randomUUID(),
			sourceName: 'Agent Offline',
			subject: 'Device offline',
			message: `${device?.displayName ?? `Device ${deviceId}`} is offline`,
			data: { message: { code: 'AGENT_OFFLINE' } },
		});
	}

	/** The agent-offline condition of `offline` clears: the device is back. */
	deviceOnline(offline: Obj): Obj {
		const device = this.device(offline.deviceId);
		if (device) device.offline = false;
		return this.resetAlert(offline);
	}

	scriptFinished(deviceId: number, result: 'SUCCESS' | 'FAILURE', name = 'Clear temp files'): Obj {
		return this.record({
			activityType: 'ACTION',
			statusCode: 'COMPLETED',
			status: 'Completed',
			activityResult: result,
			deviceId,
			seriesUid: randomUUID(),
			sourceName: name,
			subject: `Script ${result === 'SUCCESS' ? 'succeeded' : 'failed'}`,
			message: `${name} ${result === 'SUCCESS' ? 'completed' : 'failed'}`,
		});
	}

	patchFailed(deviceId: number, patch = 'KB5034441'): Obj {
		return this.record({
			activityType: 'PATCH_MANAGEMENT',
			statusCode: 'PATCH_MANAGEMENT_INSTALL_FAILED',
			status: 'Install failed',
			activityResult: 'FAILURE',
			deviceId,
			severity: 'MODERATE',
			message: `${patch} failed to install`,
		});
	}

	ticketCreated(ticketId: number, subject = 'Printer offline'): Obj {
		return this.record({
			activityType: 'NINJA_TICKETING',
			statusCode: 'NINJA_TICKETING_TICKET_CREATED',
			status: 'Ticket created',
			subject,
			message: `Ticket #${ticketId} created: ${subject}`,
			data: { ticketId },
		});
	}

	/** A new ticket on the All Tickets board (and its type's board), with its NINJA_TICKETING activity. */
	createTicket(subject = 'Printer offline', fields: Obj = {}): Obj {
		const ticket = this.tenant.ticketing.createTicket({
			clientId: 1,
			ticketFormId: 1,
			subject,
			description: { public: true, body: subject },
			status: '1000',
			type: 'PROBLEM',
			...fields,
		});
		this.ticketCreated(ticket.id, subject);
		return ticket;
	}

	/** A change to a ticket: its `lastUpdated` moves to now (or to `at`). */
	updateTicket(id: number, changes: Obj, at = Date.now() / 1000): Obj {
		const ticket = this.tenant.ticketing.tickets.get(id);
		if (!ticket) throw new Error(`no ticket ${id}`);
		Object.assign(ticket, changes, { lastUpdated: at });
		return ticket;
	}

	userLogin(userId: number): Obj {
		return this.record({ activityType: 'SYSTEM', statusCode: 'APP_USER_LOGGED_IN', status: 'Logged in', userId, message: 'Technician logged in' });
	}

	/** A history to start from: logins, scripts, alerts and their resets, oldest first. */
	seedHistory(count: number): void {
		const ids = this.tenant.devices.map((d) => d.id);
		if (ids.length === 0) return;
		for (let i = 0; i < count; i++) {
			const deviceId = ids[(i * 7) % ids.length];
			const kind = i % 5;
			if (kind === 0) this.userLogin(1 + (i % 3));
			else if (kind === 1) this.scriptFinished(deviceId, i % 3 === 0 ? 'FAILURE' : 'SUCCESS');
			else if (kind === 2) this.resetAlert(this.alert(deviceId));
			else if (kind === 3) this.patchFailed(deviceId);
			else this.alert(deviceId, 'Disk C: below 10% free', 'CRITICAL');
		}
	}

	/** Resolves once every webhook delivery started so far has been answered. */
	async settled(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}

	readonly routes: Record<string, Route> = {
		'GET /v2/activities': (r) => {
			const filter = this.listFilter(r.query);
			const klass = r.query.get('class');
			const user = r.query.get('user');
			const match = (a: Obj) =>
				filter(a) &&
				(!klass || klass === 'ALL' || classOf(a) === klass) &&
				(!user || String(a.userId ?? '') === user) &&
				this.deviceFilter(r.query.get('df'))(a);
			return { status: 200, body: { lastActivityId: this.lastActivityId, activities: this.page(r.query, match) } };
		},
		'GET /v2/device/{id}/activities': (r, p) => {
			const deviceId = Number(p.id);
			if (!this.device(deviceId)) return notFound('DEVICE_NOT_FOUND', `Device ${p.id} not found`);
			const filter = this.listFilter(r.query, 'activityType');
			const mine = (a: Obj) => a.deviceId === deviceId;
			const last = this.activities.filter(mine).pop()?.id ?? 0;
			return {
				status: 200,
				body: { lastActivityId: this.lastActivityId, lastNodeActivityId: last, activities: this.page(r.query, (a) => mine(a) && filter(a)) },
			};
		},
		'PUT /v2/webhook': (r) => {
			const body = r.body as Obj;
			if (typeof body?.url !== 'string' || !/^https?:\/\//.test(body.url)) {
				return { status: 400, body: { resultCode: 'INVALID_URL', errorMessage: 'A webhook needs an http(s) URL', incidentId: randomUUID() } };
			}
			this.webhook = body;
			this.webhookChanges.push({ method: 'PUT', body });
			return { status: 204 };
		},
		'DELETE /v2/webhook': () => {
			this.webhook = undefined;
			this.webhookChanges.push({ method: 'DELETE' });
			return { status: 204 };
		},
	};

	/** Newest first within the ID bounds, up to `pageSize` (NinjaOne's default 200). */
	private page(query: URLSearchParams, match: (a: Obj) => boolean): Obj[] {
		const newerThan = query.has('newerThan') ? Number(query.get('newerThan')) : undefined;
		const olderThan = query.has('olderThan') ? Number(query.get('olderThan')) : undefined;
		const size = Number(query.get('pageSize') ?? 200);
		const page: Obj[] = [];
		for (let i = this.activities.length - 1; i >= 0 && page.length < size; i--) {
			const a = this.activities[i];
			if (olderThan !== undefined && a.id >= olderThan) continue;
			if (newerThan !== undefined && a.id <= newerThan) break;
			if (match(a)) page.push(a);
		}
		return page;
	}

	/** Type (`type` or the device list's `activityType`), status codes (comma-separated), series and dates. */
	private listFilter(query: URLSearchParams, typeParam = 'type'): (a: Obj) => boolean {
		const type = query.get(typeParam);
		const statuses = query.get('status')?.split(',').map((s) => s.trim());
		const series = query.get('seriesUid');
		const after = epoch(query.get('after'));
		const before = epoch(query.get('before'));
		return (a) =>
			(!type || a.activityType === type) &&
			(!statuses || statuses.includes(a.statusCode)) &&
			(!series || a.seriesUid === series) &&
			(after === undefined || a.activityTime > after) &&
			(before === undefined || a.activityTime < before);
	}

	/** Enough of the device filter for activities: `org = N` and `id = N`. */
	private deviceFilter(df: string | null): (a: Obj) => boolean {
		if (!df) return () => true;
		const org = /^org\s*=\s*(\d+)$/i.exec(df.trim());
		const id = /^id\s*=\s*(\d+)$/i.exec(df.trim());
		return (a) => {
			const device = this.device(a.deviceId);
			if (!device) return false;
			if (org) return device.organizationId === Number(org[1]);
			if (id) return device.id === Number(id[1]);
			return true;
		};
	}

	private lets(config: Obj, activity: Obj): boolean {
		const map = config.activities as Record<string, string[]> | undefined;
		if (map && Object.keys(map).length > 0) {
			const statuses = map[activity.activityType];
			if (!statuses || (statuses.length > 0 && !statuses.includes(activity.statusCode))) return false;
		}
		const orgs = config.organizationIds as number[] | undefined;
		if (orgs && orgs.length > 0) {
			const device = this.device(activity.deviceId);
			if (!device || !orgs.includes(device.organizationId)) return false;
		}
		return true;
	}

	private async deliver(config: Obj, activity: Obj): Promise<void> {
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		for (const header of (config.headers ?? []) as Obj[]) headers[String(header.name)] = String(header.value);
		const body: Obj = { ...activity };
		const expand = (config.expand ?? []) as string[];
		const device = this.device(activity.deviceId);
		if (device && expand.includes('device')) body.device = pick(device, ['id', 'organizationId', 'locationId', 'nodeClass', 'displayName', 'systemName', 'dnsName', 'offline']);
		const organization = device ? this.tenant.organizations.get(device.organizationId) : undefined;
		if (organization && expand.includes('organization')) body.organization = { id: organization.id, name: organization.name };
		const record: WebhookDelivery = { activityId: activity.id, url: config.url, status: 'failed', headers };
		this.deliveries.push(record);
		try {
			const response = await fetch(config.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
			record.status = response.status;
			record.response = await response.text();
		} catch {
			record.status = 'failed';
		}
	}

	private device(id: unknown): Obj | undefined {
		return typeof id === 'number' ? this.tenant.devices.find((d) => d.id === id) : undefined;
	}
}

function classOf(activity: Obj): string {
	if (activity.deviceId !== undefined) return 'DEVICE';
	return activity.userId !== undefined ? 'USER' : 'SYSTEM';
}

/** A date filter: Unix seconds, or a date NinjaOne would parse. */
function epoch(value: string | null): number | undefined {
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms / 1000;
}

function pick(source: Obj, keys: string[]): Obj {
	return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function notFound(resultCode: string, errorMessage: string): SimResponse {
	return { status: 404, body: { resultCode, errorMessage, incidentId: randomUUID() } };
}
