import type { NinjaOneSeed } from '../../simulator/ninjaone';
import { NinjaOneFixture } from './fixture';

/**
 * A describe-level NinjaOne fixture: the simulator runs for the file, is seeded afresh before each
 * test, and every test ends with no spec violation.
 */
export function simulatorSuite(seed: NinjaOneSeed = { organizations: 3, devices: 30 }): NinjaOneFixture {
	const f = new NinjaOneFixture(seed);
	beforeAll(async () => void (await f.start()));
	afterAll(async () => await f.stop());
	beforeEach(() => {
		f.sim.seed(seed);
		f.sim.server.reset();
		f.useGrant('clientCredentials');
	});
	afterEach(() => expect(f.sim.violations).toEqual([]));
	return f;
}
