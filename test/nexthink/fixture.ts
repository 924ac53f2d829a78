import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { type NodeRun, type NodeRunOptions, runNode } from '../harness/engine';
import { NexthinkInfinitySim } from '../../simulator/nexthinkInfinity';
import { NexthinkPortalSim, PORTAL_USER } from '../../simulator/nexthinkPortal';

export const NEXTHINK_TYPE = 'n8n-nodes-nexthink.nexthinkAct';
export const PORTAL_CREDENTIAL = { nexthinkPortalApi: { id: 'portal-1', name: 'Nexthink Portal (simulator)' } };
export const INFINITY_CREDENTIAL = { nexthinkInfinityApi: { id: 'infinity-1', name: 'Nexthink Infinity (simulator)' } };

/** A fake Portal and a fake Infinity on loopback, and credentials pointing at them. */
export class NexthinkFixture {
	portal = new NexthinkPortalSim();
	infinity = new NexthinkInfinitySim();
	helper = new TestCredentialsHelper();

	async start(): Promise<this> {
		await Promise.all([this.portal.start(), this.infinity.start()]);
		this.reset();
		return this;
	}

	/** Fresh simulators and credentials (no stored token). */
	reset(): void {
		this.portal.seed();
		this.infinity.seed();
		this.helper.updates.length = 0;
		this.helper.add('portal-1', 'nexthinkPortalApi', {
			url: this.portal.server.url,
			username: PORTAL_USER.username,
			password: PORTAL_USER.password,
		});
		this.helper.add('infinity-1', 'nexthinkInfinityApi', {
			region: 'custom',
			customLoginUrl: this.infinity.login.url,
			customApiUrl: this.infinity.api.url,
			clientId: this.infinity.tokens.client.clientId,
			clientSecret: this.infinity.tokens.client.clientSecret,
		});
	}

	async stop(): Promise<void> {
		await Promise.all([this.portal.stop(), this.infinity.stop()]);
	}

	/** Runs the node on the classic Portal (request interval 0 unless given). */
	async runPortal(parameters: INodeParameters, items: IDataObject[] = [{}], options: Partial<NodeRunOptions> = {}) {
		return await this.run('portal', PORTAL_CREDENTIAL, parameters, items, options);
	}

	/** Runs the node on Infinity (request interval 0 unless given). */
	async runInfinity(parameters: INodeParameters, items: IDataObject[] = [{}], options: Partial<NodeRunOptions> = {}) {
		return await this.run('infinity', INFINITY_CREDENTIAL, parameters, items, options);
	}

	private async run(
		api: string,
		credentials: NodeRunOptions['credentials'],
		parameters: INodeParameters,
		items: IDataObject[],
		options: Partial<NodeRunOptions>,
	): Promise<NodeRun> {
		return await runNode({
			type: NEXTHINK_TYPE,
			parameters: { api, requestInterval: 0, ...parameters },
			credentials,
			items,
			helper: this.helper,
			...options,
		});
	}

	/** The stored Infinity credential, as n8n keeps it between executions. */
	storedInfinity(): IDataObject {
		return this.helper.store.get('infinity-1')!.data as IDataObject;
	}

	/** Secrets found anywhere in what n8n keeps of the run (output, errors, run data). */
	leaks(run: NodeRun): string[] {
		const text = JSON.stringify(run.run) + JSON.stringify(run.error ?? {}) + String(run.error?.message ?? '');
		const secrets = [
			PORTAL_USER.password,
			Buffer.from(`${PORTAL_USER.username}:${PORTAL_USER.password}`).toString('base64'),
			this.infinity.tokens.client.clientSecret,
			...this.infinity.issuedTokens,
		];
		return secrets.filter((secret) => text.includes(secret));
	}
}

/** The `result` of each output item. */
export function results(run: NodeRun): any[] {
	return run.json.map((json) => json.result);
}
