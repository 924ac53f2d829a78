import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { TestCredentialsHelper } from '../test/harness/credentialsHelper';
import { type NodeRun, runNode } from '../test/harness/engine';
import { registerNodeType } from '../test/harness/nodeTypes';
import { findHttpRequestNode, HTTP_REQUEST_TYPE, loadHttpRequestNode } from './httpNode';
import type { SimInfo } from './simProcess';

/* What one child process measures ("an arm"): our node in n8n's engine, n8n's HTTP Request node
   in the same engine, or what a user would write by hand (a plain sequential axios loop). */

export const NINJA_TYPE = 'n8n-nodes-ninjaone.ninjaOne';
const NINJA_CREDENTIAL = { ninjaOneOAuth2Api: { id: 'ninja-1', name: 'NinjaOne (simulator)' } };
export const NEXTHINK_TYPE = 'n8n-nodes-nexthink.nexthinkAct';
const INFINITY_CREDENTIAL = { nexthinkInfinityApi: { id: 'infinity-1', name: 'Nexthink Infinity (simulator)' } };
const REMOTE_ACTION = '#restart_service';
const INFINITY_SCOPE = 'service:integration';
/** Three small requests without waiting: loads and warms the same code as the measured run. */
const FANOUT_WARMUP = { interval: 0, perRequest: 100 };

export type ArmName =
	| 'ours-reboot'
	| 'http-reboot'
	| 'raw-reboot'
	| 'ours-list'
	| 'raw-list'
	| 'http-list'
	| 'ours-report'
	| 'http-report'
	| 'ours-fanout'
	| 'raw-fanout';

export interface ArmSpec {
	arm: ArmName;
	sim: SimInfo;
	/** Reboots: how many items (device ids 1..items). */
	items?: number;
	/** Our Request Interval, the HTTP node's batch interval (ms). */
	interval?: number;
	/** Lists: page size. */
	pageSize?: number;
	/** Reports: which /v2/queries report (its path after /v2/queries/). */
	report?: string;
	/** Lists: how many devices (reports: rows) are expected. */
	expect?: number;
	/**
	 * Load n8n's HTTP Request node (n8n-nodes-base) even in an arm that does not run it, so that
	 * arms compared on memory with one that does start from the same modules.
	 */
	loadHttpRequestNode?: boolean;
	/** Measured runs in this process (default 1); the peak RSS is that of all of them. */
	runs?: number;
	/** Fan-out: target devices, and devices per request. */
	devices?: number;
	perRequest?: number;
}

/** One run of an arm: what it did and whether it did it right. */
export interface Outcome {
	/** Items or rows the arm produced. */
	count: number;
	/** What is wrong with the output (empty when right). */
	problems: string[];
	/** Kept referenced until the memory is read, as a workflow would keep it. */
	keep: unknown;
	/** Time n8n spent reading and resolving the node's credential (ms), where it applies. */
	credentialMs?: number;
}

export interface Arm {
	/** A small run that loads what is loaded lazily and warms the JIT; not measured. */
	warmup(): Promise<void>;
	run(): Promise<Outcome>;
}

export function makeArm(spec: ArmSpec): Arm {
	if (spec.loadHttpRequestNode) registerHttpRequestNode();
	switch (spec.arm) {
		case 'ours-reboot':
			return {
				warmup: async () => void (await oursReboot(spec, 5, 0)),
				run: async () => await oursReboot(spec, spec.items!, spec.interval!),
			};
		case 'http-reboot':
			registerHttpRequestNode();
			return {
				warmup: async () => void (await httpReboot(spec, 3, 0)),
				run: async () => await httpReboot(spec, spec.items!, spec.interval!),
			};
		case 'raw-reboot':
			return {
				warmup: async () => void (await rawReboot(spec, 5)),
				run: async () => await rawReboot(spec, spec.items!),
			};
		case 'ours-list':
			return paged(spec, oursList);
		case 'raw-list':
			return paged(spec, rawList);
		case 'http-list':
			registerHttpRequestNode();
			return paged(spec, httpList);
		case 'ours-report':
			return paged(spec, oursReport);
		case 'http-report':
			registerHttpRequestNode();
			return paged(spec, httpReport);
		case 'ours-fanout':
			return {
				warmup: async () => void (await oursFanout({ ...spec, ...FANOUT_WARMUP }, collectorIds(3 * FANOUT_WARMUP.perRequest))),
				run: async () => await oursFanout(spec, collectorIds(spec.devices!)),
			};
		case 'raw-fanout':
			return {
				warmup: async () => void (await rawFanout({ ...spec, ...FANOUT_WARMUP }, collectorIds(3 * FANOUT_WARMUP.perRequest))),
				run: async () => await rawFanout(spec, collectorIds(spec.devices!)),
			};
	}
}

/** A paged read: warmed up on its first 2,000 rows, measured on all of them. */
function paged(spec: ArmSpec, read: (spec: ArmSpec, limit?: number) => Promise<Outcome>): Arm {
	return {
		warmup: async () => void (await read(spec, 2000)),
		run: async () => await read(spec),
	};
}

function registerHttpRequestNode(): void {
	const found = findHttpRequestNode();
	if ('missing' in found) throw new Error(found.missing);
	registerNodeType(HTTP_REQUEST_TYPE, loadHttpRequestNode(found.file));
}

/** The credentials helper, timing what n8n asks of it: n8n's OAuth2 helper reads the credential on every request. */
class TimedCredentialsHelper extends TestCredentialsHelper {
	spent = 0;

	override async getDecrypted(...args: Parameters<TestCredentialsHelper['getDecrypted']>) {
		const start = performance.now();
		try {
			return await super.getDecrypted(...args);
		} finally {
			this.spent += performance.now() - start;
		}
	}
}

function ninjaHelper(sim: SimInfo): TimedCredentialsHelper {
	// A new helper per run: no stored token, so every run fetches one, as the raw loop does.
	const helper = new TimedCredentialsHelper();
	helper.add('ninja-1', 'ninjaOneOAuth2Api', {
		region: 'custom',
		customBaseUrl: sim.url,
		grantType: 'clientCredentials',
		clientId: sim.clientId,
		clientSecret: sim.clientSecret,
	});
	return helper;
}

const deviceItems = (count: number): IDataObject[] => Array.from({ length: count }, (_, i) => ({ deviceId: i + 1 }));

function checkRun(run: NodeRun, expected: number, what: string): string[] {
	const problems: string[] = [];
	if (run.error) problems.push(`${what} ended on an error: ${run.error.message}`);
	if (run.items.length !== expected) problems.push(`${what} returned ${run.items.length} items, expected ${expected}`);
	const failed = run.json.filter((json) => json.has_error === true).length;
	if (failed > 0) problems.push(`${what}: ${failed} items failed, e.g. ${String(run.json.find((j) => j.has_error)?.error)}`);
	return problems;
}

/** NinjaOne > Device > Reboot for device ids 1..count, the id from each item by expression. */
async function oursReboot(spec: ArmSpec, count: number, interval: number): Promise<Outcome> {
	const helper = ninjaHelper(spec.sim);
	const run = await runNode({
		type: NINJA_TYPE,
		parameters: {
			resource: 'device',
			operation: 'reboot',
			deviceId: '={{ $json.deviceId }}',
			mode: 'NORMAL',
			requestInterval: interval,
		},
		credentials: NINJA_CREDENTIAL,
		items: deviceItems(count),
		helper,
	});
	const problems = checkRun(run, count, 'NinjaOne reboot');
	return { count: run.items.length, problems, keep: run, credentialMs: helper.spent };
}

/** The same reboots by n8n's HTTP Request node, batching 1 item per batch with the interval. */
async function httpReboot(spec: ArmSpec, count: number, interval: number): Promise<Outcome> {
	const run = await runNode({
		type: HTTP_REQUEST_TYPE,
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `=${spec.sim.url}/v2/device/{{ $json.deviceId }}/reboot/NORMAL`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${spec.sim.token}` }] },
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '{}',
			options: { batching: { batch: { batchSize: 1, batchInterval: interval } } },
		},
		items: deviceItems(count),
		helper: new TestCredentialsHelper(),
	});
	return { count: run.items.length, problems: checkRun(run, count, 'HTTP Request'), keep: run };
}

async function rawToken(sim: SimInfo): Promise<string> {
	const answer = await axios.post(
		`${sim.url}/ws/oauth/token`,
		new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sim.clientId,
			client_secret: sim.clientSecret,
			scope: 'monitoring management control',
		}),
	);
	return (answer.data as { access_token: string }).access_token;
}

/** The plain sequential loop: a token once, then one awaited POST per device. */
async function rawReboot(spec: ArmSpec, count: number): Promise<Outcome> {
	const token = await rawToken(spec.sim);
	const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
	const problems: string[] = [];
	let done = 0;
	for (let id = 1; id <= count; id++) {
		const answer = await axios.post(`${spec.sim.url}/v2/device/${id}/reboot/NORMAL`, {}, { headers });
		if (answer.status === 204) done++;
		else problems.push(`device ${id}: HTTP ${answer.status}`);
	}
	return { count: done, problems: problems.slice(0, 3), keep: null };
}

/** A paged read of our NinjaOne node, return all (or `limit`), interval 0, one item per row. */
async function oursPaged(spec: ArmSpec, parameters: IDataObject, limit?: number) {
	const helper = ninjaHelper(spec.sim);
	const run = await runNode({
		type: NINJA_TYPE,
		parameters: {
			...parameters,
			returnAll: limit === undefined,
			...(limit !== undefined ? { limit } : {}),
			options: { pageSize: spec.pageSize },
			requestInterval: 0,
		},
		credentials: NINJA_CREDENTIAL,
		helper,
	});
	return { run, credentialMs: helper.spent };
}

/** NinjaOne > Device > List, one item per device. */
async function oursList(spec: ArmSpec, limit?: number): Promise<Outcome> {
	const { run, credentialMs } = await oursPaged(spec, { resource: 'device', operation: 'list' }, limit);
	const expected = limit ?? spec.expect!;
	const problems = checkRun(run, expected, 'NinjaOne list');
	const last = run.json[run.json.length - 1]?.result as IDataObject | undefined;
	if (last?.id !== expected) problems.push(`the last device is ${String(last?.id)}, expected ${expected}`);
	return { count: run.items.length, problems, keep: run, credentialMs };
}

/** How n8n's HTTP Request node pages one NinjaOne endpoint, in its own pagination options. */
interface HttpPaging {
	path: string;
	/** The query parameter that moves to the next page, and the expression giving its value. */
	next: { name: string; value: string };
	/** When the list is complete, as an expression over `$response`. */
	complete: string;
}

/**
 * What a user builds without this package: n8n's HTTP Request node on the same NinjaOne OAuth2
 * credential with its own pagination. The "next" expression is resolved for the first request
 * too, with no response yet: it yields nothing there, and n8n leaves the parameter out.
 */
async function httpPaginated(spec: ArmSpec, paging: HttpPaging, limit?: number) {
	const helper = ninjaHelper(spec.sim);
	const pageSize = spec.pageSize!;
	const run = await runNode({
		type: HTTP_REQUEST_TYPE,
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url: `${spec.sim.url}${paging.path}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'ninjaOneOAuth2Api',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'pageSize', value: String(pageSize) }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', ...paging.next }] },
						paginationCompleteWhen: 'other',
						completeExpression: paging.complete,
						...(limit !== undefined ? { limitPagesFetched: true, maxRequests: Math.ceil(limit / pageSize) } : {}),
					},
				},
			},
		},
		credentials: NINJA_CREDENTIAL,
		helper,
	});
	return { run, credentialMs: helper.spent };
}

/**
 * Device > List by the HTTP Request node: `after` from the last row of the previous page,
 * complete at a page shorter than asked (the same requests as the node; "Response Is Empty"
 * would add one). One item per device.
 */
async function httpList(spec: ArmSpec, limit?: number): Promise<Outcome> {
	const { run, credentialMs } = await httpPaginated(
		spec,
		{
			path: '/v2/devices',
			next: { name: 'after', value: '={{ $response.body?.last()?.id }}' },
			complete: `={{ $response.body.length < ${spec.pageSize!} }}`,
		},
		limit,
	);
	const expected = limit ?? spec.expect!;
	const problems = checkRun(run, expected, 'HTTP Request list');
	if (run.json[run.json.length - 1]?.id !== expected) problems.push(`the last device is ${String(run.json[run.json.length - 1]?.id)}, expected ${expected}`);
	return { count: run.items.length, problems, keep: run, credentialMs };
}

/**
 * A /v2/queries report by the HTTP Request node: the cursor's name from the previous answer,
 * complete at a page shorter than asked. It outputs one item per page (`{cursor, results}`):
 * one item per row would take a Split Out node after it, which this arm leaves out.
 */
async function httpReport(spec: ArmSpec, limit?: number): Promise<Outcome> {
	const { run, credentialMs } = await httpPaginated(
		spec,
		{
			path: `/v2/queries/${spec.report!}`,
			next: { name: 'cursor', value: '={{ $response.body?.cursor?.name }}' },
			complete: `={{ $response.body.results.length < ${spec.pageSize!} }}`,
		},
		limit,
	);
	const expected = limit ?? spec.expect!;
	const rowsOut = run.json.reduce((sum, page) => sum + ((page.results as unknown[] | undefined)?.length ?? 0), 0);
	const problems = run.error ? [`HTTP Request report ended on an error: ${run.error.message}`] : [];
	if (rowsOut !== expected) problems.push(`HTTP Request report returned ${rowsOut} rows, expected ${expected}`);
	return { count: rowsOut, problems, keep: run, credentialMs };
}

/** NinjaOne > Report > Get, one item per row. */
async function oursReport(spec: ArmSpec, limit?: number): Promise<Outcome> {
	const { run, credentialMs } = await oursPaged(spec, { resource: 'report', operation: 'get', report: spec.report! }, limit);
	const expected = limit ?? spec.expect!;
	return { count: run.items.length, problems: checkRun(run, expected, 'NinjaOne report'), keep: run, credentialMs };
}

/** The plain loop over the same pages (`after` = the last id), keeping every device object. */
async function rawList(spec: ArmSpec, limit?: number): Promise<Outcome> {
	const token = await rawToken(spec.sim);
	const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
	const devices: IDataObject[] = [];
	let after: number | undefined;
	for (;;) {
		const size = limit === undefined ? spec.pageSize! : Math.min(spec.pageSize!, limit - devices.length);
		if (size <= 0) break;
		const params: IDataObject = { pageSize: size, ...(after !== undefined ? { after } : {}) };
		const page = (await axios.get(`${spec.sim.url}/v2/devices`, { headers, params })).data as IDataObject[];
		if (page.length === 0) break;
		for (const device of page) devices.push(device);
		if (page.length < size) break;
		after = page[page.length - 1].id as number;
	}
	const expected = limit ?? spec.expect!;
	const problems = devices.length === expected ? [] : [`the loop kept ${devices.length} devices, expected ${expected}`];
	return { count: devices.length, problems, keep: devices };
}

/** Collector IDs as Nexthink has them (UUIDs), made up and distinct. */
function collectorIds(count: number): string[] {
	const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
	return Array.from({ length: count }, (_, i) => `${hex(i, 8)}-9c1d-4f2e-8a3b-${hex(i * 2654435761 % 2 ** 48, 12)}`);
}

/**
 * Nexthink Act > Infinity > Remote Action > Execute on every device, the devices from the item by
 * expression (as from an NQL query before it): sent 10,000 a request under the request interval,
 * the answers merged into one item.
 */
async function oursFanout(spec: ArmSpec, devices: string[]): Promise<Outcome> {
	const helper = new TimedCredentialsHelper();
	helper.add('infinity-1', 'nexthinkInfinityApi', {
		region: 'custom',
		customLoginUrl: spec.sim.loginUrl!,
		customApiUrl: spec.sim.url,
		clientId: spec.sim.clientId,
		clientSecret: spec.sim.clientSecret,
	});
	const run = await runNode({
		type: NEXTHINK_TYPE,
		parameters: {
			api: 'infinity',
			resource: 'remoteAction',
			operation: 'execute',
			remoteActionId: { __rl: true, mode: 'id', value: REMOTE_ACTION },
			devices: '={{ $json.devices }}',
			options: { maxDevicesPerRequest: spec.perRequest },
			requestInterval: spec.interval,
		},
		credentials: INFINITY_CREDENTIAL,
		items: [{ devices }],
		helper,
	});
	const problems = checkRun(run, 1, 'Nexthink execute');
	const result = run.json[0]?.result as IDataObject | undefined;
	const batches = Math.ceil(devices.length / spec.perRequest!);
	if (result?.devices !== devices.length || result?.batches !== batches || (result?.requestIds as unknown[])?.length !== batches) {
		problems.push(`the merged result is ${JSON.stringify({ ...result, requestIds: (result?.requestIds as unknown[])?.length })}`);
	}
	return { count: Number(result?.devices ?? 0), problems, keep: run, credentialMs: helper.spent };
}

/** A plain loop's headers for Nexthink Infinity: a token fetched by hand. */
export async function rawInfinityHeaders(sim: Pick<SimInfo, 'loginUrl' | 'clientId' | 'clientSecret'>): Promise<Record<string, string>> {
	const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64');
	const token = (
		await axios.post(
			`${sim.loginUrl}/oauth2/default/v1/token`,
			new URLSearchParams({ grant_type: 'client_credentials', scope: INFINITY_SCOPE }),
			{ headers: { Authorization: `Basic ${basic}` } },
		)
	).data as { access_token: string };
	return { Authorization: `Bearer ${token.access_token}`, Accept: 'application/json' };
}

/** The plain loop: a token, then each slice of devices POSTed in turn, starts one interval apart. */
async function rawFanout(spec: ArmSpec, devices: string[]): Promise<Outcome> {
	const headers = await rawInfinityHeaders(spec.sim);
	const requestIds: string[] = [];
	let last: number | undefined;
	for (let start = 0; start < devices.length; start += spec.perRequest!) {
		if (last !== undefined) {
			const wait = last + spec.interval! - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
		}
		last = performance.now();
		const body = {
			remoteActionId: REMOTE_ACTION,
			devices: devices.slice(start, start + spec.perRequest!),
			triggerInfo: { externalSource: 'n8n' },
		};
		const answer = await axios.post(`${spec.sim.url}/api/v1/act/execute`, body, { headers });
		requestIds.push((answer.data as { requestId: string }).requestId);
	}
	const batches = Math.ceil(devices.length / spec.perRequest!);
	const problems = requestIds.length === batches ? [] : [`${requestIds.length} request IDs, expected ${batches}`];
	return { count: devices.length, problems, keep: { devices, requestIds } };
}
