import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, ICredentialsHelper, NodeHelpers, Workflow as WorkflowClass } from 'n8n-workflow';

import { credentialProperties, credentialType, parentTypes } from './credentialTypes';
import { nodeTypes } from './nodeTypes';

/**
 * What n8n's CLI CredentialsHelper does, minus encryption and the database: credential data
 * with the type's defaults and `$self` expressions resolved, the type's own `authenticate`
 * block applied, `preAuthentication` with expirable properties, and OAuth token updates stored.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by credential ID. */
	readonly store = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();

	/** Every `updateCredentials*` call, for tests that watch token handling. */
	readonly updates: Array<{ id: string; kind: 'oauth' | 'data' }> = [];

	add(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(id, { type, data: deepCopy(data) });
	}

	getParentTypes(name: string): string[] {
		return parentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialProperties(type);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.stored(nodeCredentials);
		return {
			id: nodeCredentials.id ?? undefined,
			name: nodeCredentials.name,
			type,
			getData: () => deepCopy(stored.data),
			getDataToSave: () => ({ id: nodeCredentials.id, name: nodeCredentials.name, type, data: '' }),
			setData: () => undefined,
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored(nodeCredentials);
		if (raw) return deepCopy(stored.data);
		return resolveCredentialData(type, stored.data, mode);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialType(typeName);
		const options = requestOptions as IHttpRequestOptions & IDataObject;
		if (typeof type.authenticate === 'function') {
			return await type.authenticate(credentials, options);
		}
		if (type.authenticate?.type === 'generic') {
			options.headers ??= {};
			for (const [outerKey, entries] of Object.entries(type.authenticate.properties)) {
				for (const [key, value] of Object.entries(entries as IDataObject)) {
					const resolvedKey = resolveWithCredentials(key, credentials, workflow, node);
					const resolvedValue = resolveWithCredentials(value, credentials, workflow, node);
					options[outerKey] ??= {};
					(options[outerKey] as IDataObject)[String(resolvedKey)] = resolvedValue as IDataObject;
				}
			}
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		if (!output) return undefined;
		const id = node.credentials?.[typeName]?.id;
		if (id) {
			const stored = this.store.get(id);
			if (stored) Object.assign(stored.data, output);
			this.updates.push({ id, kind: 'data' });
		}
		return output;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored(nodeCredentials).data = deepCopy(data);
		this.updates.push({ id: nodeCredentials.id!, kind: 'data' });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored(nodeCredentials).data.oauthTokenData = deepCopy(data.oauthTokenData) as IDataObject;
		this.updates.push({ id: nodeCredentials.id!, kind: 'oauth' });
	}

	private stored(nodeCredentials: INodeCredentialsDetails) {
		const stored = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!stored) throw new Error(`No stored credential with ID ${nodeCredentials.id}`);
		return stored;
	}
}

const mockNode: INode = {
	id: 'credential-mock',
	name: 'Credential Mock',
	type: 'test.itemsSource',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function mockWorkflow(): WorkflowClass {
	return new WorkflowClass({ nodes: [mockNode], connections: {}, active: false, nodeTypes });
}

/** Defaults applied and `={{ ... $self ... }}` resolved, as the CLI does before handing data to a node. */
export function resolveCredentialData(
	type: string,
	data: ICredentialDataDecryptedObject,
	mode: WorkflowExecuteMode,
): ICredentialDataDecryptedObject {
	const properties = credentialProperties(type);
	const withDefaults = NodeHelpers.getNodeParameters(properties, data as never, true, false, null, null) as IDataObject;
	for (const [key, value] of Object.entries(data)) {
		if (!(key in withDefaults)) withDefaults[key] = value as IDataObject;
	}
	const resolved = mockWorkflow().expression.getComplexParameterValue(
		mockNode,
		withDefaults as never,
		mode,
		{},
		undefined,
		undefined,
		withDefaults,
	) as ICredentialDataDecryptedObject;
	return resolved;
}

function resolveWithCredentials(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow?: Workflow,
	node?: INode,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const wf = workflow ?? mockWorkflow();
	return wf.expression.getSimpleParameterValue(node ?? mockNode, value, 'internal', { $credentials: credentials } as never, undefined, '');
}
