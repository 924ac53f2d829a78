import { delay, type SimRequest, type SimResponse, SimServer } from './server';

/* A stateful stand-in for a classic Nexthink Portal: the Act API v2 (remote action runs) and the
   List Engines API, behind Basic authentication, with every error code of the Act API. */

type Obj = Record<string, any>;

export const PORTAL_USER = { username: 'act-api-user', password: 'sim-portal-pass-7c41e2' };

/** Each error code of the Act API v2 and its HTTP status. */
export const PORTAL_ERROR_STATUS: Record<string, number> = {
	INVALID_REQUEST_JSON: 400,
	INVALID_REQUEST_CONTENT: 400,
	INTERNAL_ERROR: 500,
	CONTENT_TYPE: 400,
	ENCODING: 400,
	NO_REMOTE_ACTION_UID: 400,
	NO_DEVICES: 400,
	TOO_MANY_DEVICES: 400,
	INVALID_ACTION_UID: 400,
	INVALID_DEVICE_UID: 400,
	NO_PERMISSION: 403,
	UNKNOWN_OR_DISABLED_REMOTE_ACTION: 400,
	NO_MANUAL_EXECUTION: 400,
	NO_ENGINES_TO_TARGET: 403,
};

/** A remote action UID that makes the Portal answer `code` whatever the rest of the request says. */
export function errorTriggerUid(code: string): string {
	const index = Object.keys(PORTAL_ERROR_STATUS).indexOf(code);
	if (index < 0) throw new Error(`Unknown Portal error code ${code}`);
	return `eeeeeeee-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/** Remote actions the Portal knows, by UID. */
export const PORTAL_ACTIONS = {
	restartService: '5d0c7e2a-6b1f-4c3d-9e8a-1f2b3c4d5e6f',
	automaticOnly: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
	disabled: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
};

/** A device UID of the kind Finder shows; `n` makes it unique. */
export function deviceUid(n: number): string {
	return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUN_FIELDS = ['requestUid', 'remoteActionUid', 'deviceUids', 'engineDatabaseUids', 'timeoutSeconds', 'params'];

export interface SimEngine {
	name: string;
	databaseUID: string;
	machineID: string;
	description: string;
	status: 'CONNECTED' | 'DISCONNECTED' | 'CONNECTING';
	address: string;
	port: number;
	timezone: string;
	version: string;
}

export class NexthinkPortalSim {
	readonly server: SimServer;
	engines: SimEngine[] = [];
	/** What a connected Engine answers a run with, by databaseUID; `ok` where not set. */
	engineAnswers = new Map<string, { code: string; message?: string }>();
	actions = new Map<string, { name: string; enabled: boolean; manual: boolean }>();
	/** Most devices the Portal takes in one run. */
	deviceLimit = 10_000;
	/** Whether the user's profile allows the API of remote actions. */
	apiAllowed = true;
	/** Every accepted run request body. */
	runs: Obj[] = [];
	/** Engines (by databaseUID) that never answer: the Portal waits out the run's timeout, then reports `timeout`. */
	silentEngines = new Set<string>();

	constructor() {
		this.server = new SimServer((request) => this.handle(request));
		this.seed();
	}

	/** Two Engines, one of them disconnected, and three remote actions. */
	seed(): void {
		this.server.reset();
		this.engines = [];
		this.engineAnswers.clear();
		this.silentEngines.clear();
		this.runs = [];
		this.deviceLimit = 10_000;
		this.apiAllowed = true;
		this.addEngine('engine-geneva', 'CONNECTED');
		this.addEngine('engine-lausanne', 'DISCONNECTED');
		this.actions = new Map([
			[PORTAL_ACTIONS.restartService, { name: 'Restart service', enabled: true, manual: true }],
			[PORTAL_ACTIONS.automaticOnly, { name: 'Nightly cleanup', enabled: true, manual: false }],
			[PORTAL_ACTIONS.disabled, { name: 'Retired action', enabled: false, manual: true }],
		]);
	}

	addEngine(name: string, status: SimEngine['status'], answer?: { code: string; message?: string }): SimEngine {
		const n = this.engines.length + 1;
		const engine: SimEngine = {
			name,
			databaseUID: `dbdbdbdb-${String(n).padStart(4, '0')}-4000-8000-000000000000`,
			machineID: `machine-${n}`,
			description: `Simulated Engine ${n}`,
			status,
			address: `10.0.0.${n}`,
			port: 999,
			timezone: 'Europe/Zurich',
			version: '6.30.1',
		};
		this.engines.push(engine);
		if (answer) this.engineAnswers.set(engine.databaseUID, answer);
		return engine;
	}

	private error(code: string, error = code.toLowerCase().replace(/_/g, ' ')): SimResponse {
		return { status: PORTAL_ERROR_STATUS[code], body: { code, error } };
	}

	private handle(request: SimRequest): SimResponse | Promise<SimResponse> {
		if (!this.authorized(request)) {
			return {
				status: 401,
				headers: { 'www-authenticate': 'Basic realm="Nexthink Portal"', 'content-type': 'text/html' },
				body: '<html><body><h1>401 Unauthorized</h1></body></html>',
			};
		}
		const route = `${request.method} ${request.pathname}`;
		if (route === 'GET /api/configuration/v1/engines') return { status: 200, body: this.engines };
		if (route === 'POST /api/remoteaction/v2/run') return this.run(request);
		return { status: 404, body: '<html><body>Not Found</body></html>', headers: { 'content-type': 'text/html' } };
	}

	private authorized(request: SimRequest): boolean {
		const m = /^Basic (.+)$/i.exec(String(request.headers.authorization ?? ''));
		if (!m) return false;
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		return decoded === `${PORTAL_USER.username}:${PORTAL_USER.password}`;
	}

	private run(request: SimRequest): SimResponse | Promise<SimResponse> {
		const type = String(request.headers['content-type'] ?? '');
		if (!/^application\/json/i.test(type)) return this.error('CONTENT_TYPE', `unsupported content type ${type}`);
		const charset = /charset=([^;]+)/i.exec(type)?.[1];
		if (charset && !/^utf-?8$/i.test(charset)) return this.error('ENCODING', `unsupported encoding ${charset}`);
		if (typeof request.body !== 'object' || request.body === null) return this.error('INVALID_REQUEST_JSON', 'the body is not JSON');
		const body = request.body as Obj;
		const shape = shapeProblem(body);
		if (shape) return this.error('INVALID_REQUEST_CONTENT', shape);
		const forced = Object.keys(PORTAL_ERROR_STATUS).find((code) => errorTriggerUid(code) === body.remoteActionUid);
		if (forced) return this.error(forced, `simulated ${forced}`);
		if (!body.remoteActionUid) return this.error('NO_REMOTE_ACTION_UID', 'remote action UID is missing');
		const devices: string[] = body.deviceUids ?? [];
		if (devices.length === 0) return this.error('NO_DEVICES', 'no device to target');
		if (devices.length > this.deviceLimit) return this.error('TOO_MANY_DEVICES', `more than ${this.deviceLimit} devices`);
		if (!UUID.test(body.remoteActionUid)) return this.error('INVALID_ACTION_UID', 'invalid remote action UID');
		const badDevice = devices.find((d) => !UUID.test(d));
		if (badDevice) return this.error('INVALID_DEVICE_UID', `invalid device UID ${badDevice}`);
		if (!this.apiAllowed) return this.error('NO_PERMISSION', 'user has no permission to use the API of remote actions');
		const action = this.actions.get(body.remoteActionUid);
		if (!action?.enabled) return this.error('UNKNOWN_OR_DISABLED_REMOTE_ACTION', 'unknown or disabled remote action');
		if (!action.manual) return this.error('NO_MANUAL_EXECUTION', 'remote action cannot be executed manually');
		const wanted: string[] | undefined = body.engineDatabaseUids;
		const targets = wanted ? this.engines.filter((e) => wanted.includes(e.databaseUID)) : this.engines;
		if (targets.length === 0) return this.error('NO_ENGINES_TO_TARGET', 'no engine to target');
		this.runs.push(body);
		const answers = () => targets.map((engine) => this.answerOf(engine));
		if (!targets.some((engine) => this.silentEngines.has(engine.databaseUID) && engine.status === 'CONNECTED')) {
			return { status: 200, body: answers() };
		}
		const seconds = Number(body.timeoutSeconds ?? 60);
		return delay(seconds * 1000).then(() => ({ status: 200, body: answers() }));
	}

	private answerOf(engine: SimEngine): Obj {
		if (engine.status !== 'CONNECTED') {
			return { databaseUid: engine.databaseUID, code: 'not_connected', message: 'Engine is not connected' };
		}
		if (this.silentEngines.has(engine.databaseUID)) {
			return { databaseUid: engine.databaseUID, code: 'timeout', message: 'Engine did not answer in time' };
		}
		const answer = this.engineAnswers.get(engine.databaseUID) ?? { code: 'ok' };
		return { databaseUid: engine.databaseUID, code: answer.code, message: answer.message ?? '' };
	}
}

/** What the Portal would call invalid content: unknown fields or fields of the wrong type. */
function shapeProblem(body: Obj): string | undefined {
	if (Array.isArray(body)) return 'the body must be an object';
	const unknown = Object.keys(body).find((key) => !RUN_FIELDS.includes(key));
	if (unknown) return `unknown field ${unknown}`;
	const texts = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
	if (body.remoteActionUid !== undefined && typeof body.remoteActionUid !== 'string') return 'remoteActionUid must be a string';
	if (body.requestUid !== undefined && typeof body.requestUid !== 'string') return 'requestUid must be a string';
	if (body.deviceUids !== undefined && !texts(body.deviceUids)) return 'deviceUids must be a list of strings';
	if (body.engineDatabaseUids !== undefined && !texts(body.engineDatabaseUids)) return 'engineDatabaseUids must be a list of strings';
	if (body.timeoutSeconds !== undefined && !Number.isInteger(body.timeoutSeconds)) return 'timeoutSeconds must be an integer';
	if (body.params !== undefined) {
		const ok = typeof body.params === 'object' && !Array.isArray(body.params) && Object.values(body.params).every((v) => typeof v === 'string');
		if (!ok) return 'params must be an object of strings';
	}
	return undefined;
}
