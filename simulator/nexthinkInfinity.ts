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
	/** Workflows, Campaigns, Enrichment and NQL exports (see their block below). */
	automation = new InfinityAutomation();

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
		this.automation = new InfinityAutomation();
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
		// A results file sits at a pre-signed link of its own, which takes no token.
		if (request.pathname.startsWith(RESULTS_FILES)) return this.automation.resultsFile(request, this.violations);
		this.apiRequests++;
		if (this.expireTokensAtRequest === this.apiRequests) this.tokens.revokeAll();
		if (!this.tokens.check(request)) return { status: 401 };
		const nql = request.pathname.includes('/nql/');
		const automation = automationContract(request.pathname);
		if (automation) return this.automation.handle(request, automation, this.api.url, this.violations, this.query.bind(this));
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

	query(body: Obj, utc: boolean): SimResponse {
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

/* ---- Workflows, Campaigns, Enrichment and NQL exports -------------------------------------- */

/** Where the simulator serves export results, as S3 would at a pre-signed link. */
const RESULTS_FILES = '/results-files/';

type AutomationContract = 'nexthink-workflows' | 'nexthink-campaigns' | 'nexthink-enrichment' | 'nexthink-nql';

/** The contract of the requests this block answers; undefined for the others. */
function automationContract(pathname: string): AutomationContract | undefined {
	if (pathname.startsWith('/api/v1/workflows') || pathname.startsWith('/api/v2/workflows')) return 'nexthink-workflows';
	if (pathname.startsWith('/api/v1/euf/campaign')) return 'nexthink-campaigns';
	if (pathname.startsWith('/api/v1/enrichment/')) return 'nexthink-enrichment';
	if (pathname.startsWith('/api/v1/nql/export') || pathname.startsWith('/api/v1/nql/status/')) return 'nexthink-nql';
	return undefined;
}

/** Seeded users: SID, UPN and UID. */
export const INFINITY_USERS = [
	{ sid: 'S-1-5-21-1004336348-1177238915-682003330-1101', upn: 'alice@example.com', uid: '5a1c3e2f-0b4d-4c6e-9f8a-1b2c3d4e5f60' },
	{ sid: 'S-1-5-21-1004336348-1177238915-682003330-1102', upn: 'bob@example.com', uid: '6b2d4f30-1c5e-4d7f-8a9b-2c3d4e5f6071' },
	{ sid: 'S-1-5-21-1004336348-1177238915-682003330-1103', upn: 'carol@example.com', uid: '7c3e5041-2d6f-4e80-9bac-3d4e5f607182' },
];

/** Device UIDs of the seeded devices (Nexthink's own, not the Collector's). */
export const deviceUid = (index: number): string => `d0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

function workflow(id: string, name: string, dependency: string, triggers: string[], waitsForEvent: boolean, status = 'ACTIVE'): Obj {
	return {
		id,
		uuid: randomUUID(),
		name,
		description: `${name} (simulated)`,
		status,
		lastUpdateTime: '2026-01-10T08:00:00Z',
		dependency,
		triggerMethods: { api: triggers.includes('API'), manual: triggers.includes('MANUAL'), manualMultiple: triggers.includes('MANUAL_MULTIPLE'), scheduler: triggers.includes('SCHEDULER') },
		waitsForEvent,
		versions: [{ version: 1, status, lastUpdateTime: '2026-01-10T08:00:00Z' }],
	};
}

/** The fields the Enrichment API's specification names outright; custom ones (#name) are seeded. */
const STANDARD_FIELDS = [
	'device/device/configuration_tag',
	'device/device/virtualization/desktop_pool',
	'device/device/virtualization/type',
	'user/user/ad/department',
	'user/user/ad/job_title',
	'user/user/ad/office',
];

/** How the Enrichment API names custom fields in its specification's enumeration. */
function asSpecFieldName(name: string): string {
	return name.replace(/^((?:device\/device|user\/user|binary\/binary|package\/package|user\/user\/organization)\/)#.+$/, '$1#<custom_field_name>');
}

interface ExportJob {
	queryId: string;
	checks: number;
	signature: string;
	/** The rows of a query the NQL API also executes (none for #device_inventory, made on download). */
	rows: Obj[];
}

export class InfinityAutomation {
	workflows: Obj[] = [
		workflow('#reset_vpn', 'Reset VPN', 'DEVICE', ['API', 'MANUAL'], false),
		workflow('#laptop_replacement', 'Laptop replacement approval', 'USER_AND_DEVICE', ['API'], true),
		workflow('#weekly_cleanup', 'Weekly cleanup', 'DEVICE', ['SCHEDULER'], false),
		workflow('#old_onboarding', 'Old onboarding', 'USER', ['API'], false, 'INACTIVE'),
	];
	/** One per target of each execute request; `waiting` until resumed where the workflow waits for an event. */
	executions: Obj[] = [];
	/** Resumes of waiting executions, with their parameters. */
	resumes: Obj[] = [];
	campaigns: Obj[] = [
		{ nqlId: '#vpn_satisfaction', name: 'VPN satisfaction', trigger: 'API', parameters: ['vpn_name'] },
		{ nqlId: '#quarterly_survey', name: 'Quarterly survey', trigger: 'MANUAL', parameters: [] },
	];
	/** One per user a campaign was sent to. */
	campaignRequests: Obj[] = [];
	/** Custom fields created in the instance; with the standard ones, what may be enriched. */
	customFields = ['device/device/#location', 'device/device/#cost_center', 'user/user/#vip'];
	/** Values set, by "identification=value" then field name. */
	enriched = new Map<string, Record<string, unknown>>();
	/** Every enrichment request's body. */
	enrichmentRequests: Obj[] = [];
	exports = new Map<string, ExportJob>();
	/** Status checks an export takes before it is complete (the first answers SUBMITTED). */
	exportChecks = 3;
	/** Rows of the #device_inventory export. */
	inventoryRows = 250;
	/** When set, exports end in ERROR with this description. */
	exportError?: string;
	/** Status answered 206 (truncated by the license) instead of 200. */
	exportTruncated = false;

	handle(
		request: SimRequest,
		name: AutomationContract,
		baseUrl: string,
		violations: string[],
		query: (body: Obj, utc: boolean) => SimResponse,
	): SimResponse {
		const body = request.body as Obj;
		// Custom field names are checked as the specification's placeholder for them.
		const checked =
			name === 'nexthink-enrichment' && Array.isArray(body?.enrichments)
				? { ...request, body: { ...body, enrichments: body.enrichments.map((e: Obj) => ({ ...e, fields: Array.isArray(e?.fields) ? e.fields.map((f: Obj) => ({ ...f, name: typeof f?.name === 'string' ? asSpecFieldName(f.name) : f?.name })) : e?.fields })) } }
				: request;
		const { problems, op, params } = contract(name).check(checked);
		if (request.method === 'POST' && !String(request.headers['content-type'] ?? '').includes('application/json')) {
			problems.push('the body is not sent as application/json');
		}
		if (problems.length > 0 || !op) {
			const message = problems.join('; ');
			violations.push(`${request.method} ${request.pathname}: ${message}`);
			const bodies: Record<AutomationContract, Obj> = {
				'nexthink-workflows': { code: 'SPEC_VIOLATION', details: message },
				'nexthink-campaigns': { code: 'SPEC_VIOLATION', message },
				'nexthink-enrichment': { code: 'SPEC_VIOLATION', message },
				'nexthink-nql': { message, code: 400, source: 'simulator' },
			};
			return { status: 400, body: bodies[name] };
		}
		switch (`${op.method} ${op.template}`) {
			case 'GET /api/v1/workflows':
				return this.listWorkflows(request.query);
			case 'GET /api/v1/workflows/details': {
				const found = this.workflows.find((w) => w.id === request.query.get('nqlId'));
				if (!found) return { status: 400, body: { code: 'WORKFLOW_NOT_FOUND', details: `No workflow with NQL ID ${request.query.get('nqlId')}` } };
				return { status: 200, body: [found] };
			}
			case 'POST /api/v1/workflows/execute':
				return this.execute(body, 1);
			case 'POST /api/v2/workflows/execute':
				return this.execute(body, 2);
			case 'POST /api/v1/workflows/workflows/{workflowUuid}/execution/{executionUuid}/trigger':
				return this.resume(params.workflowUuid, params.executionUuid, body);
			case 'POST /api/v1/euf/campaign/trigger':
				return this.triggerCampaign(body);
			case 'POST /api/v1/enrichment/data/fields':
				return this.enrich(body);
			case 'POST /api/v1/nql/export':
				return this.startExport(body, query);
			case 'GET /api/v1/nql/status/{exportId}':
				return this.exportStatus(params.exportId, baseUrl);
			default:
				return { status: 501, body: { code: 'NOT_SIMULATED', message: `${op.method} ${op.template} is not simulated` } };
		}
	}

	private listWorkflows(query: URLSearchParams): SimResponse {
		const method = { API: 'api', MANUAL: 'manual', MANUAL_MULTIPLE: 'manualMultiple', SCHEDULER: 'scheduler' }[query.get('triggerMethod')!]!;
		const activeOnly = query.get('fetchOnlyActiveWorkflows') === 'true';
		const found = this.workflows.filter(
			(w) => w.dependency === query.get('dependency') && w.triggerMethods[method] && (!activeOnly || w.status === 'ACTIVE'),
		);
		return { status: 200, body: found };
	}

	private execute(body: Obj, version: 1 | 2): SimResponse {
		const found = this.workflows.find((w) => w.id === body.workflowId);
		if (!found) return { status: 400, body: { code: 'WORKFLOW_NOT_FOUND', details: `No workflow with ID ${body.workflowId}` } };
		if (!found.triggerMethods.api) {
			return { status: 403, body: { code: 'WORKFLOW_NOT_API_TRIGGERABLE', details: `Workflow ${body.workflowId} cannot be triggered through the API` } };
		}
		if (found.status !== 'ACTIVE') return { status: 400, body: { code: 'WORKFLOW_INACTIVE', details: `Workflow ${body.workflowId} is not active` } };
		const devices = body.devices as unknown[];
		const users = body.users as unknown[];
		if (devices.length === 0 && users.length === 0) return { status: 400, body: { code: 'NO_TARGETS', details: 'Give at least one device or user' } };
		const targets: Obj[] = [];
		for (const device of devices) {
			const resolved = version === 1 ? { collectorUid: device } : this.resolveDevice(device as Obj);
			if (!resolved) return { status: 400, body: { code: 'DEVICE_NOT_FOUND', details: `No device matches ${JSON.stringify(device)}` } };
			targets.push({ device: resolved });
		}
		for (const user of users) {
			const resolved = version === 1 ? { sid: user } : INFINITY_USERS.find((u) => Object.entries(user as Obj).some(([k, v]) => (u as Obj)[k] === v));
			if (!resolved) return { status: 400, body: { code: 'USER_NOT_FOUND', details: `No user matches ${JSON.stringify(user)}` } };
			targets.push({ user: resolved });
		}
		const requestUuid = randomUUID();
		const executionsUuids = targets.map((target) => {
			const executionUuid = randomUUID();
			this.executions.push({
				requestUuid,
				executionUuid,
				workflowId: found.id,
				workflowUuid: found.uuid,
				...target,
				params: body.params ?? {},
				status: found.waitsForEvent ? 'waiting' : 'in_progress',
			});
			return executionUuid;
		});
		return { status: 200, body: { requestUuid, executionsUuids } };
	}

	private resolveDevice(device: Obj): Obj | undefined {
		const index = INFINITY_DEVICES.findIndex(
			(d, i) => d.name === device.name || d.collectorId === device.collectorUid || deviceUid(i) === device.uid,
		);
		if (index < 0) return undefined;
		const found = INFINITY_DEVICES[index];
		return { name: found.name, collectorUid: found.collectorId, uid: deviceUid(index) };
	}

	private resume(workflowUuid: string, executionUuid: string, body: Obj): SimResponse {
		const execution = this.executions.find((e) => e.executionUuid === executionUuid && e.workflowUuid === workflowUuid);
		if (!execution) return { status: 400, body: { code: 'EXECUTION_NOT_FOUND', details: `No execution ${executionUuid} of workflow ${workflowUuid}` } };
		if (execution.status !== 'waiting') {
			return { status: 400, body: { code: 'EXECUTION_NOT_WAITING', details: `Execution ${executionUuid} is not waiting for an event` } };
		}
		execution.status = 'in_progress';
		const requestUuid = randomUUID();
		this.resumes.push({ workflowUuid, executionUuid, requestUuid, parameters: body.parameters ?? {} });
		return { status: 200, body: [{ requestUuid }] };
	}

	private triggerCampaign(body: Obj): SimResponse {
		const campaign = this.campaigns.find((c) => c.nqlId === body.campaignNqlId);
		if (!campaign) return { status: 400, body: { code: 'CAMPAIGN_NOT_FOUND', message: `No campaign with NQL ID ${body.campaignNqlId}` } };
		if (campaign.trigger !== 'API') return { status: 403 };
		const given = Object.keys(body.parameters ?? {});
		const missing = (campaign.parameters as string[]).filter((p) => !given.includes(p));
		if (missing.length > 0) return { status: 400, body: { code: 'INVALID_PARAMETERS', message: `Missing campaign parameters: ${missing.join(', ')}` } };
		const requests = [...new Set(body.userSid as string[])].map((userSid) => {
			if (!INFINITY_USERS.some((u) => u.sid === userSid)) return { userSid, message: 'User not found' };
			const requestId = randomUUID();
			this.campaignRequests.push({ requestId, userSid, campaignNqlId: campaign.nqlId, expiresInMinutes: body.expiresInMinutes, parameters: body.parameters ?? {} });
			return { requestId, userSid };
		});
		return { status: 200, body: { requests } };
	}

	private enrich(body: Obj): SimResponse {
		this.enrichmentRequests.push(body);
		const errors: Obj[] = [];
		for (const enrichment of body.enrichments as Obj[]) {
			const [id] = enrichment.identification as Obj[];
			const problems: Obj[] = [];
			if (id.name === 'device/device/name' && !INFINITY_DEVICES.some((d) => d.name === id.value)) {
				problems.push({ message: `No device named ${id.value}`, code: 'OBJECT_NOT_FOUND' });
			}
			for (const field of enrichment.fields as Obj[]) {
				if (!STANDARD_FIELDS.includes(field.name) && !this.customFields.includes(field.name)) {
					problems.push({ message: `Unknown field ${field.name}`, code: 'UNKNOWN_FIELD' });
				}
			}
			if (problems.length > 0) {
				errors.push({ identification: [id], errors: problems });
				continue;
			}
			const key = `${id.name}=${id.value}`;
			const values = this.enriched.get(key) ?? {};
			for (const field of enrichment.fields as Obj[]) values[field.name] = field.value;
			this.enriched.set(key, values);
		}
		if (errors.length === 0) return { status: 200, body: { status: 'success' } };
		if (errors.length === (body.enrichments as Obj[]).length) return { status: 400, body: { status: 'error', errors } };
		return { status: 207, body: { status: 'partial_success', errors } };
	}

	private startExport(body: Obj, query: (body: Obj, utc: boolean) => SimResponse): SimResponse {
		let rows: Obj[] = [];
		if (body.queryId !== '#device_inventory') {
			const known = query(body, true);
			if (known.status !== 200) return known;
			rows = (known.body as Obj).data;
		}
		const exportId = randomUUID();
		this.exports.set(exportId, { queryId: body.queryId, checks: 0, signature: randomUUID().replace(/-/g, ''), rows });
		return { status: 200, body: { exportId } };
	}

	private exportStatus(exportId: string, baseUrl: string): SimResponse {
		const job = this.exports.get(exportId);
		if (!job) return { status: 404, body: { message: `No export ${exportId}`, code: 404, source: 'nql-api' } };
		job.checks++;
		if (job.checks < this.exportChecks) return { status: 200, body: { status: job.checks === 1 ? 'SUBMITTED' : 'IN_PROGRESS' } };
		if (this.exportError) return { status: 200, body: { status: 'ERROR', errorDescription: this.exportError } };
		const resultsFileUrl = `${baseUrl}${RESULTS_FILES}${exportId}.csv?X-Amz-Expires=3600&X-Amz-Signature=${job.signature}`;
		return { status: this.exportTruncated ? 206 : 200, body: { status: 'COMPLETED', resultsFileUrl } };
	}

	/** The CSV of a completed export, for its signed link only, and never with a token (S3 refuses two). */
	resultsFile(request: SimRequest, violations: string[]): SimResponse {
		if (request.headers.authorization) {
			violations.push(`${request.method} ${request.pathname}: the results file link was sent with an Authorization header`);
			return { status: 400, body: '<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>', headers: { 'content-type': 'application/xml' } };
		}
		const exportId = request.pathname.slice(RESULTS_FILES.length).replace(/\.csv$/, '');
		const job = this.exports.get(exportId);
		if (request.method !== 'GET' || !job || job.checks < this.exportChecks || request.query.get('X-Amz-Signature') !== job.signature) {
			return { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', headers: { 'content-type': 'application/xml' } };
		}
		return { status: 200, body: this.csvOf(job), headers: { 'content-type': 'text/csv' } };
	}

	private csvOf(job: ExportJob): string {
		const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
		if (job.queryId === '#device_inventory') {
			const lines = ['device.name,device.collector.uid,device.operating_system.name,device.hardware.model'];
			for (let i = 0; i < this.inventoryRows; i++) {
			// Quoted commas and quotes, as a hardware model may hold.
				const hex = i.toString(16).padStart(12, '0');
				lines.push(`DEVICE-${String(i + 1).padStart(6, '0')},00000000-0000-4000-8000-${hex},${i % 3 ? 'Windows 11' : 'macOS 14'},"Latitude 7440, rev ""B"""`);
			}
			return lines.join('\n') + '\n';
		}
		if (job.rows.length === 0) return '';
		const columns = Object.keys(job.rows[0]);
		const lines = [columns.map(quote).join(',')];
		for (const row of job.rows) lines.push(columns.map((column) => quote(String(row[column] ?? ''))).join(','));
		return lines.join('\r\n') + '\r\n';
	}
}
