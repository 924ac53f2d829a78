import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';

export const NODE_UNDER_TEST = 'Node';

export interface NodeRun {
	/** Success output (index 0) and, with "Continue (using error output)", the error output (index 1). */
	outputs: INodeExecutionData[][];
	/** The success output's items as the user sees them. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The error the node ended on, when it did not continue. */
	error?: Error & IDataObject;
	run: IRun;
}

export interface NodeRunOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	items?: IDataObject[];
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	helper: TestCredentialsHelper;
	/** Cancels the execution after this many ms. */
	cancelAfter?: number;
	timezone?: string;
	/** The node's type version (default 1), for other node types such as n8n's HTTP Request node. */
	typeVersion?: number;
}

/** Runs one node of this package in n8n-core's WorkflowExecute, after a node that emits the items. */
export async function runNode(options: NodeRunOptions): Promise<NodeRun> {
	const source: INode = {
		id: 'source',
		name: 'Items',
		type: 'test.itemsSource',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items ?? [{}]) },
	};
	const node: INode = {
		id: 'node',
		name: NODE_UNDER_TEST,
		type: options.type,
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: options.credentials,
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [source, node],
		connections: { Items: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', timezone: options.timezone ?? 'UTC' },
	});

	const run = await executeWorkflow(workflow, source, options.helper, options.cancelAfter);

	const runData = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	const outputs = (runData?.data?.main ?? []).map((list) => list ?? []);
	const items = outputs[0] ?? [];
	return {
		outputs,
		items,
		json: items.map((item) => item.json),
		error: (run.data.resultData.error ?? runData?.error) as NodeRun['error'],
		run,
	};
}

/** Runs `workflow` from `startNode` in n8n-core's WorkflowExecute, as a manual execution. */
export async function executeWorkflow(
	workflow: Workflow,
	startNode: INode,
	helper: TestCredentialsHelper,
	cancelAfter?: number,
): Promise<IRun> {
	let finish!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflow as never);
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => finish(run));
	const additionalData = testAdditionalData(helper, hooks);

	const execution = new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	let timer: NodeJS.Timeout | undefined;
	if (cancelAfter !== undefined) timer = setTimeout(() => execution.cancel(), cancelAfter);
	const run = await Promise.race([finished, execution.then(() => finished)]);
	if (timer) clearTimeout(timer);

	return run;
}

/** What n8n hands a node besides the workflow: credentials, URLs, hooks (the tests' own). */
export function testAdditionalData(
	helper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		executionId: 'test-execution',
		hooks,
		credentialsHelper: helper,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not in tests');
		},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not in tests');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The input item an output item is paired with. */
export function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	return Array.isArray(paired) ? paired[0]?.item : paired?.item;
}
