import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, Workflow } from 'n8n-workflow';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';

import { testAdditionalData } from '../harness/engine';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { CREDENTIAL, NinjaOneFixture } from '../ninjaone/fixture';
import { NinjaOneTrigger } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneTrigger/NinjaOneTrigger.node';
import { NinjaOneWebhookTrigger } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';

/* The NinjaOne triggers in n8n-core's own contexts: poll() in a PollContext, the webhook lifecycle
   in a HookContext and each delivery in a WebhookContext, on a workflow whose static data lives as
   n8n keeps it (saved copies stand for a restart). Requests go over real HTTP to the simulator. */

export const POLL_TYPE = 'n8n-nodes-ninjaone.ninjaOneTrigger';
export const WEBHOOK_TYPE = 'n8n-nodes-ninjaone.ninjaOneWebhookTrigger';
registerNodeType(POLL_TYPE, new NinjaOneTrigger());
registerNodeType(WEBHOOK_TYPE, new NinjaOneWebhookTrigger());
const pollNodeType = new NinjaOneTrigger();
const webhookNodeType = new NinjaOneWebhookTrigger();

export const TRIGGER_NODE = 'NinjaOne Trigger';

/** One workflow holding one trigger node, as n8n would have it active. */
export class TriggerWorkflow {
	workflow: Workflow;
	readonly node: INode;

	constructor(
		readonly f: NinjaOneFixture,
		type: string,
		parameters: INodeParameters,
		staticData: IDataObject = {},
		private readonly extra: Record<string, unknown> = {},
	) {
		this.node = {
			id: 'trigger',
			name: TRIGGER_NODE,
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters: { requestInterval: 0, ...parameters },
			credentials: CREDENTIAL,
			webhookId: 'ninja-hook-1',
		};
		this.workflow = this.build(staticData);
	}

	private build(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
			settings: { executionOrder: 'v1', timezone: 'UTC' },
		});
	}

	additionalData(extra: Record<string, unknown> = {}): IWorkflowExecuteAdditionalData {
		return testAdditionalData(this.f.helper, undefined, { ...this.extra, ...extra });
	}

	/** What n8n would have saved: a copy of the static data. */
	saved(): IDataObject {
		return deepCopy(this.workflow.staticData) as IDataObject;
	}

	/**
	 * n8n restarted (`init`), or the published workflow was updated (`update`): the same workflow,
	 * rebuilt from saved static data, polled through a new context.
	 */
	restart(saved: IDataObject, activation: WorkflowActivateMode = 'init'): void {
		this.workflow = this.build(saved);
		this.pollContext = undefined;
		this.nextActivation = activation;
	}

	/** The workflow was published again after being unpublished: a new `activate` context. */
	reactivate(): void {
		this.pollContext = undefined;
		this.nextActivation = 'activate';
	}

	/** The context n8n polls through: one per activation, for the first poll and every tick after it. */
	private pollContext?: PollContext;
	private nextActivation: WorkflowActivateMode = 'activate';

	/** The node's static data (the cursor, the webhook ownership). */
	state(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/**
	 * One poll as n8n runs it: null (nothing), or the items it would emit. As in n8n, the polls of
	 * one activation share its context; an `activation` given starts a new one (the activation's own
	 * first poll), and manual mode ("Fetch Test Event") has a context of its own.
	 */
	async poll(mode: WorkflowExecuteMode = 'trigger', activation?: WorkflowActivateMode): Promise<INodeExecutionData[] | null> {
		let ctx: PollContext;
		if (mode === 'manual') {
			ctx = new PollContext(this.workflow, this.node, this.additionalData(), mode, activation ?? 'manual');
		} else {
			if (activation !== undefined || this.pollContext === undefined) {
				this.pollContext = new PollContext(this.workflow, this.node, this.additionalData(), mode, activation ?? this.nextActivation);
			}
			ctx = this.pollContext;
		}
		const result = await pollNodeType.poll.call(ctx);
		return result === null ? null : result[0];
	}

	private hook(activation: WorkflowActivateMode = 'activate'): HookContext {
		return new HookContext(this.workflow, this.node, this.additionalData(), 'trigger', activation, this.webhookData());
	}

	webhookData(): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'webhook',
			webhookDescription: webhookNodeType.description.webhooks![0],
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
		} as IWebhookData;
	}

	async checkExists(): Promise<boolean> {
		return await webhookNodeType.webhookMethods.default.checkExists.call(this.hook());
	}

	/** What n8n does on activation: create unless it exists. */
	async activate(): Promise<void> {
		if (!(await this.checkExists())) await webhookNodeType.webhookMethods.default.create.call(this.hook());
	}

	async deactivate(): Promise<boolean> {
		return await webhookNodeType.webhookMethods.default.delete.call(this.hook('manual'));
	}

	webhookUrl(): string {
		return this.hook().getNodeWebhookUrl('default') as string;
	}
}

/** An n8n webhook endpoint stand-in: each POST runs the node's webhook() in a WebhookContext. */
export class WebhookReceiver {
	private server?: Server;
	url = '';
	/** The items each delivery started a workflow with. */
	readonly executions: INodeExecutionData[][] = [];
	readonly answers: Array<{ status: number; body: string }> = [];
	workflow?: TriggerWorkflow;

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.serve(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
		return this.url;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const workflow = this.workflow!;
		const response = expressLike(res, this.answers);
		const request = { body: text ? JSON.parse(text) : {}, headers: req.headers, params: {}, query: {} };
		const additionalData = workflow.additionalData({ httpRequest: request, httpResponse: response });
		const ctx = new WebhookContext(workflow.workflow, workflow.node, additionalData, 'webhook', workflow.webhookData(), [], null);
		try {
			const result = await webhookNodeType.webhook.call(ctx);
			if (result.workflowData) this.executions.push(result.workflowData[0]);
			if (!result.noWebhookResponse) response.status(200).json(onReceivedAnswer(result));
		} catch (error) {
			response.status(500).json({ message: (error as Error).message });
		}
	}
}

/**
 * What n8n answers a delivery the node did not answer itself (responseMode "onReceived"): without a
 * workflow to start, the node's webhookResponse; else the webhook's `responseData`, which n8n
 * evaluates with the default "firstEntryJson" when the node sets none, and sends as the body.
 */
function onReceivedAnswer(result: IWebhookResponseData): unknown {
	if (!result.workflowData) return result.webhookResponse ?? { message: 'Webhook call received' };
	const responseData = webhookNodeType.description.webhooks![0].responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	return responseData || result.webhookResponse || { message: 'Workflow was started' };
}

/** The part of Express's response the node uses. */
function expressLike(res: ServerResponse, answers: Array<{ status: number; body: string }>) {
	let statusCode = 200;
	const response = {
		status(code: number) {
			statusCode = code;
			return response;
		},
		json(body: unknown) {
			const text = JSON.stringify(body);
			answers.push({ status: statusCode, body: text });
			res.writeHead(statusCode, { 'content-type': 'application/json' });
			res.end(text);
			return response;
		},
	};
	return response;
}

/** The activity IDs of emitted items. */
export function emittedIds(items: INodeExecutionData[] | null): number[] {
	return (items ?? []).map((item) => (item.json.result as { id: number }).id);
}
