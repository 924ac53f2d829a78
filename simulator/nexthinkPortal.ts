import { contract } from './openapi';
import { delay, type SimRequest, type SimResponse, SimServer } from './server';

/* A stateful stand-in for a classic Nexthink Portal: the Act API v2 (remote action runs) and the
   List Engines API, behind Basic authentication, with every error code of the Act API; and its
   Engines' NXQL API (GET or POST /2/query), each Engine on a loopback server of its own, checked
   against the hand-written contract nexthink-nxql-classic. */

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

/** How many Engines can answer NXQL: each has a server of its own, started with the Portal. */
const ENGINE_SERVERS = 4;

/** The fields of the simulated `device` table, as NXQL names them. */
export const NXQL_DEVICE_FIELDS = ['device_uid', 'name', 'platform', 'last_logged_on_user', 'ip_addresses', 'os_version_and_architecture'];

/** Device `n` of an Engine, as its NXQL answers it: one in five is a Mac, the rest Windows PCs. */
export function nxqlDevice(engine: string, n: number): Obj {
	const mac = n % 5 === 4;
	return {
		device_uid: deviceUid(n),
		name: `${engine.replace(/^engine-/, '').toUpperCase()}-${mac ? 'MAC' : 'PC'}-${String(n).padStart(5, '0')}`,
		platform: mac ? 'mac_os' : 'windows',
		last_logged_on_user: `CORP\\user${n}`,
		ip_addresses: [`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`],
		os_version_and_architecture: mac ? 'macOS 14.5 (64 bits)' : 'Windows 11 Enterprise 23H2 (64 bits)',
	};
}

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
	/** The servers of the Engines' NXQL API, the n-th Engine on the n-th. */
	readonly engineServers: SimServer[] = [];
	/** How many devices each Engine holds, by name (3 where not set). */
	engineDevices = new Map<string, number>();
	/** Requests to the Engines that broke the NXQL contract. */
	violations: string[] = [];

	constructor() {
		this.server = new SimServer((request) => this.handle(request));
		for (let i = 0; i < ENGINE_SERVERS; i++) this.engineServers.push(new SimServer((request) => this.handleEngine(i, request)));
		this.seed();
	}

	/** The Portal (on `port`, or a free one) and the Engines' servers; the Engines list gives their addresses. */
	async start(port = 0): Promise<string> {
		await Promise.all(this.engineServers.map((server) => server.start()));
		this.engines.forEach((engine, i) => (engine.address = this.engineAddress(i)));
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		await Promise.all([this.server, ...this.engineServers].map((server) => server.stop()));
	}

	/** Every request the Engines received, in order. */
	engineRequests(): SimRequest[] {
		return this.engineServers.flatMap((server) => server.log).sort((a, b) => a.at - b.at);
	}

	/**
	 * A real Portal gives an Engine's IP address (the node adds the NXQL port, 1671); here every
	 * Engine shares 127.0.0.1, so its address carries the port of its own server.
	 */
	private engineAddress(index: number): string {
		const url = this.engineServers[index]?.url;
		return url ? url.replace(/^http:\/\//, '') : `10.0.0.${index + 1}`;
	}

	/** Two Engines, one of them disconnected, and three remote actions. */
	seed(): void {
		this.server.reset();
		this.engines = [];
		this.engineAnswers.clear();
		this.silentEngines.clear();
		this.runs = [];
		this.violations = [];
		this.engineDevices.clear();
		for (const server of this.engineServers) server.reset();
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
			address: this.engineAddress(n - 1),
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

	/**
	 * An Engine's NXQL API: Basic auth with a Portal user, the request checked against the
	 * contract, %1, %2... replaced by p1, p2..., and a small part of NXQL understood:
	 * (select (field ...) (from device) (limit N)) on the Engine's devices of the asked platforms.
	 */
	private handleEngine(index: number, request: SimRequest): SimResponse {
		const engine = this.engines[index];
		if (!engine) return { status: 503, body: 'No Engine here' };
		if (!this.authorized(request)) {
			return { status: 401, headers: { 'www-authenticate': 'Basic realm="Nexthink Engine"', 'content-type': 'text/plain' }, body: 'Unauthorized' };
		}
		const templates = [...new Set(request.query.keys())].filter((key) => /^p\d+$/.test(key));
		const checked = new URLSearchParams([...request.query].filter(([key]) => !/^p\d+$/.test(key)));
		const { problems, op } = contract('nexthink-nxql-classic').check({ ...request, query: checked, body: undefined });
		templates.forEach((key, i) => {
			if (key !== `p${i + 1}`) problems.push(`template parameter ${key} is out of order or not numbered from p1`);
			if (request.query.getAll(key).length > 1) problems.push(`template parameter ${key} is given twice`);
		});
		if (problems.length > 0 || !op) {
			const message = problems.join('; ');
			this.violations.push(`${request.method} ${request.pathname}: ${message}`);
			return nxqlError(400, `Invalid request: ${message}`);
		}
		if ((request.query.get('format') ?? 'csv') !== 'json') return nxqlError(400, 'The simulator answers only format=json');
		let query = request.query.get('query')!;
		const missing = /%(\d+)/.exec(query.replace(/%(\d+)/g, (whole, n) => request.query.get(`p${n}`) ?? whole));
		if (missing) return nxqlError(400, `Error in query: no value for the placeholder %${missing[1]}`);
		query = query.replace(/%(\d+)/g, (_, n) => request.query.get(`p${n}`)!);
		const parsed = parseNxql(query);
		if (typeof parsed === 'string') return nxqlError(400, parsed);
		const platforms = new Set(request.query.getAll('platform'));
		const devices = this.engineDevices.get(engine.name) ?? 3;
		const count = Math.min(devices, parsed.limit ?? devices);
		const fields = parsed.fields[0] === '*' ? NXQL_DEVICE_FIELDS : parsed.fields;
		let left = count;
		return {
			status: 200,
			headers: { 'content-type': 'application/json; charset=utf-8' },
			stream: jsonRows(devices, (n) => {
				const device = nxqlDevice(engine.name, n);
				if (left <= 0 || !platforms.has(device.platform)) return undefined;
				left--;
				return Object.fromEntries(fields.map((field) => [field, device[field]]));
			}),
		};
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

/** An NXQL error as an Engine words it: plain text. */
function nxqlError(status: number, text: string): SimResponse {
	return { status, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

/** The rows of a JSON answer, written a few hundred at a time. */
function* jsonRows(count: number, row: (n: number) => Obj | undefined): Iterable<string> {
	let out = '[';
	let first = true;
	for (let n = 1; n <= count; n++) {
		const value = row(n);
		if (value === undefined) continue;
		out += (first ? '' : ',') + JSON.stringify(value);
		first = false;
		if (out.length > 64 * 1024) {
			yield out;
			out = '';
		}
	}
	yield out + ']';
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

/**
 * The little NXQL the simulator understands, or the error an Engine would give, in its words:
 * (select (fields) (from device) [(where ...)] [(limit N)]); `where` is accepted and ignored.
 */
function parseNxql(query: string): { fields: string[]; limit?: number } | string {
	let depth = 0;
	for (const c of query) {
		if (c === '(') depth++;
		if (c === ')' && --depth < 0) break;
	}
	if (depth !== 0) return 'Syntax error: unbalanced parentheses in the query';
	const m = /^\s*\(\s*select\s+(\([^()]*\)|\S+)\s+\(\s*from\s+([a-z_]+)(?:\s+\(where\s[\s\S]*\))?\s*\)\s*(?:\(\s*limit\s+(\d+)\s*\))?\s*\)\s*$/i.exec(query);
	if (!m) {
		const word = /^\s*\(\s*([^\s()]*)/.exec(query)?.[1] ?? '';
		return word.toLowerCase() === 'select'
			? 'Syntax error: expected (select (fields) (from table) ...)'
			: `Syntax error: unknown statement "${word}", expected select or update`;
	}
	if (m[2].toLowerCase() !== 'device') return `Error in query: unknown table "${m[2]}"`;
	const fields = m[1].replace(/^\(|\)$/g, '').trim().split(/\s+/).filter(Boolean);
	if (fields.length === 0) return 'Error in query: no field to select';
	const unknown = fields.find((field) => field !== '*' && !NXQL_DEVICE_FIELDS.includes(field));
	if (unknown) return `Error in query: unknown field "${unknown}" for table device`;
	return { fields, limit: m[3] !== undefined ? Number(m[3]) : undefined };
}
