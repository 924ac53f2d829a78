import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { type NodeRunOptions, runNode } from '../harness/engine';
import { NinjaOneSim, type NinjaOneSeed } from '../../simulator/ninjaone';

export const NINJA_TYPE = 'n8n-nodes-ninjaone.ninjaOne';
export const CREDENTIAL = { ninjaOneOAuth2Api: { id: 'ninja-1', name: 'NinjaOne (simulator)' } };

/** A NinjaOne simulator on loopback and a credential pointing at it through the Custom region. */
export class NinjaOneFixture {
	sim: NinjaOneSim;
	helper = new TestCredentialsHelper();

	constructor(seed?: NinjaOneSeed) {
		this.sim = new NinjaOneSim(seed);
	}

	async start(): Promise<this> {
		await this.sim.start();
		this.useGrant('clientCredentials');
		return this;
	}

	useGrant(grantType: 'clientCredentials' | 'authorizationCode'): void {
		const data: IDataObject = {
			region: 'custom',
			customBaseUrl: this.sim.url,
			grantType,
			clientId: this.sim.tokens.client.clientId,
			clientSecret: this.sim.tokens.client.clientSecret,
		};
		if (grantType === 'authorizationCode') {
			// What n8n stores after the user connects the credential in the editor.
			const token = this.sim.tokens.issue('authorization_code', 'monitoring management control offline_access', true);
			data.oauthTokenData = token as IDataObject;
		}
		this.helper.add('ninja-1', 'ninjaOneOAuth2Api', data as never);
	}

	async stop(): Promise<void> {
		await this.sim.stop();
	}

	/** Runs the NinjaOne node on `items` with `parameters` (interval 0 unless given). */
	async run(
		parameters: INodeParameters,
		items: IDataObject[] = [{}],
		options: Partial<NodeRunOptions> = {},
	) {
		return await runNode({
			type: NINJA_TYPE,
			parameters: { requestInterval: 0, ...parameters },
			credentials: CREDENTIAL,
			items,
			helper: this.helper,
			...options,
		});
	}

	/** All secrets a leak check looks for. */
	secrets(): string[] {
		const stored = this.helper.store.get('ninja-1')?.data ?? {};
		const token = (stored.oauthTokenData ?? {}) as IDataObject;
		return [
			this.sim.tokens.client.clientSecret,
			...[...this.sim.tokens.tokens.keys()],
			...[...this.sim.tokens.refreshTokens.keys()],
			String(token.access_token ?? ''),
		].filter((s) => s.length > 0);
	}
}

/**
 * A fixture for a whole test file: started once, reseeded with `seed` and its request log
 * cleared before each test, and every test ends with no request that broke the spec.
 */
export function fixturePerFile(seed: NinjaOneSeed = { organizations: 3, devices: 30 }): NinjaOneFixture {
	const fixture = new NinjaOneFixture(seed);
	beforeAll(async () => void (await fixture.start()));
	afterAll(async () => await fixture.stop());
	beforeEach(() => {
		fixture.sim.seed(seed);
		fixture.sim.server.reset();
		fixture.useGrant('clientCredentials');
	});
	afterEach(() => expect(fixture.sim.violations).toEqual([]));
	return fixture;
}

/** The results of a run whose every item succeeded. */
export function okResults(json: IDataObject[]): IDataObject[] {
	for (const item of json) expect(item).toMatchObject({ has_error: false, error: null });
	return json.map((item) => item.result as IDataObject);
}
