import { INFINITY_SCOPE, NexthinkInfinitySim } from '../simulator/nexthinkInfinity';
import { NinjaOneSim } from '../simulator/ninjaone';
import type { SimServer } from '../simulator/server';

/* One simulator in a process of its own, so that neither its CPU nor its memory (100,000
   devices) counts against the node being measured. Started by bench/main.ts over IPC:
     argv[2]  JSON SimOptions
   Answers `ready` with the URL and what a client needs to authenticate, then serves commands. */

export interface SimOptions {
	api: 'ninjaOne' | 'nexthinkInfinity';
	/** NinjaOne: lean devices (ids 1..devices) for reboots and lists. */
	devices: number;
	/** Added to every answer, in ms. */
	latency: number;
	/** Keep the request log, for the start-to-start gaps (small runs only). */
	keepLog: boolean;
}

export interface SimInfo {
	/** The API's base URL. */
	url: string;
	/** Nexthink Infinity: the login (token) host. */
	loginUrl?: string;
	clientId: string;
	clientSecret: string;
	/** A token issued up front, for the arms that have no credential (n8n's HTTP Request node). */
	token: string;
}

export type SimCommand =
	| { id: number; cmd: 'seed'; devices: number }
	| { id: number; cmd: 'latency'; latency: number }
	| { id: number; cmd: 'stats' }
	| { id: number; cmd: 'clearLog' }
	| { id: number; cmd: 'stop' };

export interface SimStats {
	violations: string[];
	/** Reboots (NinjaOne) or device executions (Infinity) the simulator carried out since the last stats. */
	done: number;
	tokensIssued: number;
	/** Start-to-start gaps of the logged requests (ms), oldest first, then the log is cleared. */
	gaps: number[];
	/** CPU time (user + system) of the simulator since the last stats, ms. */
	cpuMs: number;
}

interface Running {
	info: SimInfo;
	/** The servers whose answers get the latency; the first is the API, whose log gives the gaps. */
	servers: SimServer[];
	violations: string[];
	seed(devices: number): void;
	/** Work done since the last call. */
	takeDone(): number;
	tokensIssued(): number;
	stop(): Promise<void>;
}

async function startNinjaOne(options: SimOptions): Promise<Running> {
	const sim = new NinjaOneSim({ organizations: 1, devices: 0 });
	sim.seedDevices(options.devices);
	await sim.start();
	let reported = 0;
	return {
		info: {
			url: sim.url,
			clientId: sim.tokens.client.clientId,
			clientSecret: sim.tokens.client.clientSecret,
			token: sim.tokens.issue('client_credentials', sim.tokens.defaultScope, false).access_token as string,
		},
		servers: [sim.server],
		violations: sim.violations,
		seed: (devices) => sim.seedDevices(devices),
		takeDone: () => {
			const done = sim.reboots.length - reported;
			reported = sim.reboots.length;
			return done;
		},
		tokensIssued: () => sim.tokens.issued,
		stop: async () => await sim.stop(),
	};
}

async function startInfinity(): Promise<Running> {
	const sim = new NexthinkInfinitySim();
	await sim.start();
	return {
		info: {
			url: sim.api.url,
			loginUrl: sim.login.url,
			clientId: sim.tokens.client.clientId,
			clientSecret: sim.tokens.client.clientSecret,
			token: sim.tokens.issue('client_credentials', INFINITY_SCOPE, false).access_token as string,
		},
		servers: [sim.api, sim.login],
		violations: sim.violations,
		seed: () => undefined,
		takeDone: () => {
			// One row per device and request: dropped once counted, 100,000 a run.
			const done = sim.executions.length;
			sim.executions = [];
			return done;
		},
		tokensIssued: () => sim.tokens.issued,
		stop: async () => await sim.stop(),
	};
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2]) as SimOptions;
	const sim = options.api === 'ninjaOne' ? await startNinjaOne(options) : await startInfinity();
	for (const server of sim.servers) {
		server.keepLog = options.keepLog;
		server.latency = options.latency;
	}
	const [api] = sim.servers;
	const clearLogs = () => {
		for (const server of sim.servers) server.log.length = 0;
	};
	const info = sim.info;
	let cpuSince = process.cpuUsage();
	process.send!({ type: 'ready', info });

	process.on('message', (message: SimCommand) => {
		void (async () => {
			let answer: unknown = true;
			switch (message.cmd) {
				case 'seed':
					sim.seed(message.devices);
					break;
				case 'latency':
					for (const server of sim.servers) server.latency = message.latency;
					break;
				case 'clearLog':
					clearLogs();
					break;
				case 'stats': {
					const starts = api.log.filter((r) => !r.pathname.includes('/oauth')).map((r) => r.at);
					clearLogs();
					const cpu = process.cpuUsage(cpuSince);
					cpuSince = process.cpuUsage();
					const stats: SimStats = {
						violations: [...sim.violations],
						done: sim.takeDone(),
						tokensIssued: sim.tokensIssued(),
						gaps: starts.slice(1).map((at, i) => at - starts[i]),
						cpuMs: (cpu.user + cpu.system) / 1000,
					};
					answer = stats;
					break;
				}
				case 'stop':
					await sim.stop();
					process.send!({ type: 'answer', id: message.id, answer }, undefined, {}, () => process.exit(0));
					return;
			}
			process.send!({ type: 'answer', id: message.id, answer });
		})();
	});
	process.on('disconnect', () => process.exit(0));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
