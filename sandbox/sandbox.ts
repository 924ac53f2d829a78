import { createServer } from 'net';

import { INFINITY_DEVICES, NexthinkInfinitySim } from '../simulator/nexthinkInfinity';
import { NexthinkPortalSim, PORTAL_USER } from '../simulator/nexthinkPortal';
import { EXAMPLE_SCRIPTS } from '../simulator/modelScripts';
import { NinjaOneSim } from '../simulator/ninjaone';
import { ScriptedModelSim } from '../simulator/scriptedModel';
import type { SimServer } from '../simulator/server';

/* The sandbox: the test simulators on fixed loopback ports, seeded with a few hundred devices, and
   the n8n credentials that point at them. `npm run dev` runs it beside a real n8n (sandbox/main.ts);
   the end-to-end tests start it in-process to read the simulators' state after a workflow ran. */

/** A credential as `n8n import:credentials` reads it (plain `data` is encrypted on import). */
export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * The credentials the example workflows use. The sandbox and a real tenant
 * (sandbox/credentials.tenant.json) both import under these IDs, so the examples run against
 * either without being edited.
 */
export const CREDENTIALS = {
	ninjaOne: { id: 'ninjaOneApp00001', name: 'NinjaOne (client credentials)' },
	ninjaOneUser: { id: 'ninjaOneUser0001', name: 'NinjaOne (authorization code)' },
	nexthinkPortal: { id: 'nexthinkPortal01', name: 'Nexthink Portal (classic)' },
	nexthinkInfinity: { id: 'nexthinkInfnty01', name: 'Nexthink Infinity' },
	// The AI agent examples' chat model: n8n's OpenAI credential with its Base URL on the scripted model.
	openAi: { id: 'openAiScripted01', name: 'OpenAI (scripted model)' },
} as const;

/** Where the sandbox listens on 127.0.0.1 by default: five ports from SANDBOX_BASE_PORT (5701). */
export const DEFAULT_PORTS = { ninjaOne: 5701, nexthinkPortal: 5702, nexthinkInfinityLogin: 5703, nexthinkInfinityApi: 5704, model: 5705 };

export function portsFrom(base: number): typeof DEFAULT_PORTS {
	return { ninjaOne: base, nexthinkPortal: base + 1, nexthinkInfinityLogin: base + 2, nexthinkInfinityApi: base + 3, model: base + 4 };
}

export interface SandboxOptions {
	/** Ports on 127.0.0.1; 0 picks a free one (the tests). */
	ports?: Partial<typeof DEFAULT_PORTS>;
	/** NinjaOne activities over time (`npm run dev`); off unless given. */
	activityFeed?: ActivityFeedOptions;
}

/** One simulated API: where it listens, what it holds, and the credentials that reach it. */
export interface SandboxApi {
	name: string;
	url: string;
	summary: string;
	credentials: N8nCredential[];
	/** Problems the simulator found in requests (spec violations); the tests expect none. */
	violations: string[];
	servers: SimServer[];
	stop(): Promise<void>;
}

export interface Sandbox {
	ninjaOne: NinjaOneSim;
	nexthinkPortal: NexthinkPortalSim;
	nexthinkInfinity: NexthinkInfinitySim;
	model: ScriptedModelSim;
	apis: SandboxApi[];
	credentials(): N8nCredential[];
	stop(): Promise<void>;
}

export const NINJAONE_SEED = { organizations: 5, devices: 300 };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const ports = { ...DEFAULT_PORTS, ...options.ports };
	for (const port of Object.values(ports)) {
		if (port !== 0 && !(await portIsFree(port))) {
			throw new Error(
				`port ${port} on 127.0.0.1 is in use (another sandbox or \`npm run dev\`?); stop it or choose other ports with SANDBOX_BASE_PORT`,
			);
		}
	}
	const apis: SandboxApi[] = [];
	try {
		const ninjaOne = await startNinjaOne(ports.ninjaOne);
		if (options.activityFeed) {
			const stopFeed = startActivityFeed(ninjaOne.sim, options.activityFeed);
			const stopApi = ninjaOne.api.stop;
			ninjaOne.api.stop = async () => {
				stopFeed();
				await stopApi();
			};
			ninjaOne.api.summary += `; ${describeFeed(options.activityFeed)}`;
		}
		apis.push(ninjaOne.api);
		const portal = await startNexthinkPortal(ports.nexthinkPortal);
		apis.push(portal.api);
		const infinity = await startNexthinkInfinity(ports.nexthinkInfinityLogin, ports.nexthinkInfinityApi);
		apis.push(infinity.api);
		const model = await startScriptedModel(ports.model);
		apis.push(model.api);
		return {
			ninjaOne: ninjaOne.sim,
			nexthinkPortal: portal.sim,
			nexthinkInfinity: infinity.sim,
			model: model.sim,
			apis,
			credentials: () => apis.flatMap((api) => api.credentials),
			stop: async () => {
				await Promise.all(apis.map((api) => api.stop()));
			},
		};
	} catch (error) {
		await Promise.all(apis.map((api) => api.stop()));
		throw error;
	}
}

async function startNinjaOne(port: number): Promise<{ sim: NinjaOneSim; api: SandboxApi }> {
	const sim = new NinjaOneSim(NINJAONE_SEED);
	// Some devices are in a maintenance window already (every 25th, started an hour ago, ends in five).
	const now = Math.floor(Date.now() / 1000);
	for (const device of sim.devices.filter((d) => d.id % 25 === 0)) {
		device.maintenance = { status: 'IN_MAINTENANCE', start: now - 3600, end: now + 5 * 3600, disabledFeatures: ['ALERTS'] };
	}
	const url = await sim.start(port);
	const { clientId, clientSecret } = sim.tokens.client;
	const common = { region: 'custom', customBaseUrl: url, clientId, clientSecret };
	// What n8n stores after a user clicks "Connect" on an authorization-code credential.
	const userToken = sim.tokens.issue('authorization_code', 'monitoring management control offline_access', true);
	const pending = sim.devices.filter((d) => d.approvalStatus === 'PENDING').length;
	const windows = sim.devices.filter((d) => (d.services ?? []).length > 0).length;
	const inMaintenance = sim.devices.filter((d) => d.maintenance).length;
	return {
		sim,
		api: {
			name: 'NinjaOne',
			url,
			summary:
				`${sim.organizations.size} organizations, ${sim.devices.length} devices (${pending} pending approval, ` +
				`${windows} with Windows services, ${inMaintenance} in maintenance), ${sim.alerts.length} active alerts, ` +
				`${sim.ticketing.tickets.size} tickets on ${sim.ticketing.boards.length} boards; ` +
				`${sim.everyday.fieldDefinitions.length} custom fields (values on every device, organization and location), ` +
				`${sim.everyday.policies.length} policies, ${sim.everyday.groups.length} groups, ${sim.everyday.roles.length} device roles, ` +
				`${sim.everyday.technicians.length + sim.everyday.endUsers.length} users, 24 reports`,
			credentials: [
				{ ...CREDENTIALS.ninjaOne, type: 'ninjaOneOAuth2Api', data: { ...common, grantType: 'clientCredentials' } },
				{
					...CREDENTIALS.ninjaOneUser,
					type: 'ninjaOneOAuth2Api',
					data: { ...common, grantType: 'authorizationCode', oauthTokenData: userToken },
				},
			],
			violations: sim.violations,
			servers: [sim.server],
			stop: async () => await sim.stop(),
		},
	};
}

async function startNexthinkPortal(port: number): Promise<{ sim: NexthinkPortalSim; api: SandboxApi }> {
	const sim = new NexthinkPortalSim();
	const url = await sim.start(port);
	const disconnected = sim.engines.filter((e) => e.status !== 'CONNECTED').length;
	return {
		sim,
		api: {
			name: 'Nexthink Portal',
			url,
			summary:
				`${sim.engines.length} Engines (${disconnected} disconnected), ${sim.actions.size} remote actions; ` +
				`NXQL on the Engines (${sim.engines.map((e) => e.address).join(', ')}, table device); ` +
				`Basic auth ${PORTAL_USER.username}`,
			credentials: [
				{
					...CREDENTIALS.nexthinkPortal,
					type: 'nexthinkPortalApi',
					data: { url, username: PORTAL_USER.username, password: PORTAL_USER.password },
				},
			],
			violations: sim.violations,
			servers: [sim.server, ...sim.engineServers],
			stop: async () => await sim.stop(),
		},
	};
}

async function startNexthinkInfinity(loginPort: number, apiPort: number): Promise<{ sim: NexthinkInfinitySim; api: SandboxApi }> {
	const sim = new NexthinkInfinitySim();
	const [loginUrl, apiUrl] = [await sim.login.start(loginPort), await sim.api.start(apiPort)];
	const { clientId, clientSecret } = sim.tokens.client;
	const apiEnabled = sim.remoteActions.filter((a) => a.targeting.apiEnabled).length;
	// Workflows, campaigns, enrichable fields and exports come seeded (simulator/nexthinkInfinity.ts);
	// the sandbox's inventory export is large enough to be worth exporting.
	const automation = sim.automation;
	automation.inventoryRows = 2000;
	return {
		sim,
		api: {
			name: 'Nexthink Infinity',
			url: `${apiUrl} (login ${loginUrl})`,
			summary:
				`${sim.remoteActions.length} remote actions (${apiEnabled} API-enabled), ${INFINITY_DEVICES.length} devices, ` +
				'NQL queries #devices_by_name and #remote_action_executions; ' +
				`workflows ${automation.workflows.map((w) => w.id).join(', ')} (#reset_vpn API-triggerable, #laptop_replacement waits for an event); ` +
				`campaign #vpn_satisfaction (parameter vpn_name); enrichable fields ${automation.customFields.join(', ')} and the standard ones; ` +
				`NQL export #device_inventory (${automation.inventoryRows} rows, complete after ${automation.exportChecks} status checks)`,
			credentials: [
				{
					...CREDENTIALS.nexthinkInfinity,
					type: 'nexthinkInfinityApi',
					data: { region: 'custom', customLoginUrl: loginUrl, customApiUrl: apiUrl, clientId, clientSecret },
				},
			],
			violations: sim.violations,
			servers: [sim.login, sim.api],
			stop: async () => await sim.stop(),
		},
	};
}

async function startScriptedModel(port: number): Promise<{ sim: ScriptedModelSim; api: SandboxApi }> {
	const sim = new ScriptedModelSim();
	for (const [key, script] of EXAMPLE_SCRIPTS) sim.scripts.set(key, script);
	const url = await sim.server.start(port);
	return {
		sim,
		api: {
			name: 'Scripted chat model',
			url,
			summary: `OpenAI-compatible chat completions (${url}/v1), answering the AI agent examples from a script; no real model`,
			credentials: [{ ...CREDENTIALS.openAi, type: 'openAiApi', data: { apiKey: 'sk-sandbox-scripted-model', url: `${url}/v1` } }],
			violations: [],
			servers: [sim.server],
			stop: async () => await sim.server.stop(),
		},
	};
}

/* ---- NinjaOne activities over time: what the NinjaOne triggers (polling and webhook) see ---- */

export interface ActivityFeedOptions {
	/** A condition alert fires this often (and clears half-way to the next one). Default one minute. */
	alertEveryMs?: number;
	/** A device goes offline this often ... */
	offlineEveryMs?: number;
	/** ... and comes back after this long. */
	offlineForMs?: number;
}

const FEED_DEFAULTS: Required<ActivityFeedOptions> = { alertEveryMs: 60_000, offlineEveryMs: 5 * 60_000, offlineForMs: 60_000 };

const ALERT_MESSAGES: Array<[string, string]> = [
	['CPU above 90% for 5 minutes', 'MAJOR'],
	['Disk C: below 10% free', 'CRITICAL'],
	['Memory above 95%', 'MAJOR'],
	['Windows Update service stopped', 'MODERATE'],
];

/**
 * Alerts on online devices in turn (each clears after half the interval), and from time to time a
 * device that goes offline and comes back, each recorded in NinjaOne's activity log and delivered
 * to the registered webhook. Returns the function that stops it.
 */
export function startActivityFeed(sim: NinjaOneSim, options: ActivityFeedOptions = {}): () => void {
	const { alertEveryMs, offlineEveryMs, offlineForMs } = { ...FEED_DEFAULTS, ...options };
	const timers = new Set<NodeJS.Timeout>();
	const later = (ms: number, run: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			run();
		}, ms);
		timer.unref();
		timers.add(timer);
	};
	let turn = 0;
	const online = () => sim.devices.filter((d) => !d.offline && d.approvalStatus === 'APPROVED');
	const alertTick = setInterval(() => {
		const devices = online();
		if (devices.length === 0) return;
		const [message, severity] = ALERT_MESSAGES[turn % ALERT_MESSAGES.length];
		const triggered = sim.activity.alert(devices[(turn * 7) % devices.length].id, message, severity);
		turn++;
		later(alertEveryMs / 2, () => sim.activity.resetAlert(triggered));
	}, alertEveryMs);
	const offlineTick = setInterval(() => {
		const devices = online();
		if (devices.length === 0) return;
		const offline = sim.activity.deviceOffline(devices[(turn * 11) % devices.length].id);
		later(offlineForMs, () => sim.activity.deviceOnline(offline));
	}, offlineEveryMs);
	alertTick.unref();
	offlineTick.unref();
	return () => {
		clearInterval(alertTick);
		clearInterval(offlineTick);
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
	};
}

function describeFeed(options: ActivityFeedOptions): string {
	const { alertEveryMs, offlineEveryMs, offlineForMs } = { ...FEED_DEFAULTS, ...options };
	return `activity feed: an alert every ${alertEveryMs / 1000} s, a device offline every ${offlineEveryMs / 1000} s for ${offlineForMs / 1000} s`;
}

/** The ports from SANDBOX_BASE_PORT, or the defaults. */
export function sandboxPorts(env: NodeJS.ProcessEnv = process.env): typeof DEFAULT_PORTS {
	const value = env.SANDBOX_BASE_PORT;
	if (value === undefined || value === '') return DEFAULT_PORTS;
	const base = Number(value);
	if (!Number.isInteger(base) || base < 1 || base > 65532) throw new Error(`SANDBOX_BASE_PORT must be a port number, got "${value}"`);
	return portsFrom(base);
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}
