import { randomUUID } from 'crypto';

import { TokenIssuer } from './oauth';
import { contract } from './openapi';
import { type SimRequest, type SimResponse, SimServer } from './server';

/* A stateful stand-in for a Nexthink Infinity instance: its token service on a login host and
   the Remote Actions and NQL APIs on an API host, every API request checked against the two
   published specifications. */

type Obj = Record<string, any>;


export const INFINITY_SCOPE = 'service:integration';

/** Seeded devices: name and Collector ID. */
export const INFINITY_DEVICES = [
	{ name: 'LAPTOP-ALICE', collectorId: '6b5e8a04-9c1d-4f2e-8a3b-7d0c2e4f6a18', os: 'Windows 11' },
	{ name: 'LAPTOP-BOB', collectorId: '1f2d3c4b-5a69-4788-9a0b-c1d2e3f40516', os: 'Windows 10' },
	{ name: 'MAC-CAROL', collectorId: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d', os: 'macOS 14' },
	{ name: 'LAPTOP-DAVE', collectorId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', os: 'Windows 11' },
];

function remoteAction(id: string, name: string, apiEnabled: boolean, purpose: string, inputs: string[]): Obj {
	return {
		id,
		uuid: randomUUID(),
		name,
		description: `${name} (simulated)`,
		origin: 'CUSTOM',
		builtInContentVersion: '',
		purpose: [purpose],
		targeting: { apiEnabled, manualEnabled: true, workflowEnabled: apiEnabled, manualAllowMultipleDevices: true },
		scriptInfo: {
			executionServiceDelegate: '',
			runAs: 'LOCAL_SYSTEM',
			timeoutSeconds: 120,
			hasScriptWindows: true,
			hasScriptMacOs: false,
			inputs: inputs.map((input) => ({
				id: input,
				name: input,
				description: `${input} input`,
				usedByWindows: true,
				usedByMacOs: false,
				options: [],
				allowCustomValue: true,
			})),
			outputs: [],
		},
	};
}

export class NexthinkInfinitySim {
	readonly login = new SimServer((request) => this.handleLogin(request));
	readonly api = new SimServer((request) => this.handleApi(request));
	readonly tokens = new TokenIssuer({ clientId: 'sim-infinity-client', clientSecret: 'sim-infinity-secret-94d0b7' }, INFINITY_SCOPE);
	/** Spec problems of requests the node sent: every test expects this to stay empty. */
	readonly violations: string[] = [];
	/** Every access token issued, revoked ones too, for leak checks. */
	readonly issuedTokens: string[] = [];
	remoteActions: Obj[] = [];
	/** One row per device and execute request, as NQL's remote_action.executions shows them. */
	executions: Obj[] = [];
	/** Expires every token when the API receives this request (counted from 1), as if 15 minutes had passed. */
	expireTokensAtRequest?: number;
	private apiRequests = 0;

	constructor() {
		this.seed();
	}

	async start(): Promise<void> {
		await Promise.all([this.login.start(), this.api.start()]);
	}

	async stop(): Promise<void> {
		await Promise.all([this.login.stop(), this.api.stop()]);
	}

	seed(): void {
		this.login.reset();
		this.api.reset();
		this.tokens.tokens.clear();
		this.tokens.issued = 0;
		this.tokens.lifetime = 900;
		this.tokens.outage = undefined;
		this.violations.length = 0;
		this.issuedTokens.length = 0;
		this.executions = [];
		this.expireTokensAtRequest = undefined;
		this.apiRequests = 0;
		this.remoteActions = [
			remoteAction('#restart_service', 'Restart service', true, 'REMEDIATION', ['ServiceName']),
			remoteAction('#clear_teams_cache', 'Clear Teams cache', true, 'REMEDIATION', []),
			remoteAction('#get_startup_impact', 'Get startup impact', true, 'DATA_COLLECTION', []),
			remoteAction('#disk_cleanup', 'Disk cleanup', false, 'REMEDIATION', ['Drive']),
			remoteAction('#collect_logs', 'Collect logs', false, 'DATA_COLLECTION', []),
		];
	}

	private handleLogin(request: SimRequest): SimResponse {
		if (request.method !== 'POST' || request.pathname !== '/oauth2/default/v1/token') return { status: 404 };
		if (!String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return { status: 400, body: { error: 'invalid_request', error_description: 'form body expected' } };
		}
		const form = (request.body ?? {}) as Record<string, string>;
		if (!/^Basic /i.test(String(request.headers.authorization ?? ''))) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'Basic client authentication expected' } };
		}
		if (form.grant_type === 'client_credentials' && form.scope !== INFINITY_SCOPE) {
			return { status: 400, body: { error: 'invalid_scope', error_description: `scope must be ${INFINITY_SCOPE}` } };
		}
		const answer = this.tokens.handle(request);
		const token = (answer.body as Obj | undefined)?.access_token;
		if (typeof token === 'string') this.issuedTokens.push(token);
		return answer;
	}

	private handleApi(request: SimRequest): SimResponse {
		this.apiRequests++;
		if (this.expireTokensAtRequest === this.apiRequests) this.tokens.revokeAll();
		if (!this.tokens.check(request)) return { status: 401 };
		const nql = request.pathname.includes('/nql/');
		const spec = contract(nql ? 'nexthink-nql' : 'nexthink-remote-actions');
		const { problems, op } = spec.check(request);
		if (request.method === 'POST' && !String(request.headers['content-type'] ?? '').includes('application/json')) {
			problems.push('the body is not sent as application/json');
		}
		if (problems.length > 0 || !op) {
			const message = problems.join('; ');
			this.violations.push(`${request.method} ${request.pathname}: ${message}`);
			return { status: 400, body: nql ? { message, code: 400, source: 'simulator' } : { code: 'SPEC_VIOLATION', message } };
		}
		const route = `${op.method} ${op.template}`;
		switch (route) {
			case 'GET /api/v1/act/remote-action':
				return { status: 200, body: this.remoteActions };
			case 'GET /api/v1/act/remote-action/details': {
				const action = this.remoteActions.find((a) => a.id === request.query.get('nql-id'));
				if (!action) return { status: 404, body: { code: 'NOT_FOUND', message: `No remote action with NQL ID ${request.query.get('nql-id')}` } };
				return { status: 200, body: action };
			}
			case 'POST /api/v1/act/execute':
				return this.execute(request.body as Obj);
			case 'POST /api/v2/nql/execute':
				return this.query(request.body as Obj, request.headers['x-utc-times'] === 'true');
			default:
				return { status: 501, body: { code: 'NOT_SIMULATED', message: `${route} is not simulated` } };
		}
	}

	private execute(body: Obj): SimResponse {
		const action = this.remoteActions.find((a) => a.id === body.remoteActionId);
		if (!action) return { status: 400, body: { code: 'INVALID_REMOTE_ACTION', message: `Remote action ${body.remoteActionId} does not exist` } };
		if (!action.targeting.apiEnabled) {
			return { status: 403, body: { code: 'API_TRIGGER_DISABLED', message: `Remote action ${body.remoteActionId} cannot be triggered through the API` } };
		}
		const requestId = randomUUID();
		for (const device of body.devices as string[]) {
			this.executions.push({ requestId, remoteActionId: action.id, device, body });
		}
		return { status: 200, body: { requestId, expiresInMinutes: body.expiresInMinutes ?? 60 } };
	}

	private query(body: Obj, utc: boolean): SimResponse {
		const parameters = (body.parameters ?? {}) as Record<string, string>;
		let data: Obj[];
		let nql: string;
		switch (body.queryId) {
			case '#devices_by_name': {
				const prefix = (parameters.name_prefix ?? '').toUpperCase();
				nql = `devices | where name == "${prefix}*" | list name, collector.uid, operating_system.name`;
				data = INFINITY_DEVICES.filter((d) => d.name.startsWith(prefix)).map((d) => ({
					'device.name': d.name,
					'device.collector.uid': d.collectorId,
					'device.operating_system.name': d.os,
				}));
				break;
			}
			case '#remote_action_executions':
				nql = 'remote_action.executions during past 7d | list request_id, device.collector.uid, status';
				data = this.executions.map((e) => ({
					'remote_action.executions.request_id': e.requestId,
					'remote_action.name': e.remoteActionId,
					'device.collector.uid': e.device,
					'remote_action.executions.status': 'success',
					'remote_action.executions.time': utc ? '2026-01-15T09:30:00Z' : '2026-01-15T10:30:00+01:00',
				}));
				break;
			default:
				return { status: 404, body: { message: `Query ${body.queryId} not found`, code: 404, source: 'nql-api' } };
		}
		return {
			status: 200,
			body: { queryId: body.queryId, executedQuery: nql, rows: data.length, executionDateTime: new Date().toISOString(), data },
		};
	}
}
