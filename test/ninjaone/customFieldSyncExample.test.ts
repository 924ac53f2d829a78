import { fixturePerFile } from './fixture';
import { runExample as runShippedExample } from './examples';

/* examples/ninjaone-custom-field-sync.json as shipped, in n8n-core's engine against the
   simulator (test/ninjaone/examples.ts). */

const f = fixturePerFile();

const runExample = async () => await runShippedExample(f, 'ninjaone-custom-field-sync.json');

it('writes the organization\'s contract tier into every device of the organization', async () => {
	const orgDevices = f.sim.devices.filter((d) => d.organizationId === 2).map((d) => d.id);
	// One device refuses the write: the others are written, and its item says why.
	const refusing = orgDevices[1];
	const routes = (f.sim as unknown as { routes: Record<string, (r: { pathname: string }, p: Record<string, string>) => unknown> }).routes;
	const patch = routes['PATCH /v2/device/{id}/custom-fields'];
	routes['PATCH /v2/device/{id}/custom-fields'] = (r, p) =>
		Number(p.id) === refusing
			? { status: 400, body: { resultCode: 'ATTRIBUTE_LOCKED', errorMessage: 'Custom field "contractTier" is locked on this device' } }
			: patch(r, p);
	try {
		const { run, output } = await runExample();
		expect(run.data.resultData.error).toBeUndefined();
		const written = output('Write the device field');
		expect(written).toHaveLength(orgDevices.length);
		for (const [i, item] of written.entries()) {
			const deviceId = orgDevices[i];
			if (deviceId === refusing) {
				expect(item).toMatchObject({
					has_error: true,
					error: expect.stringContaining('Custom field "contractTier" is locked on this device'),
					result: { deviceId, written: {}, refused: [{ field: 'contractTier', value: 'silver' }] },
				});
			} else {
				expect(item).toEqual({ has_error: false, error: null, result: { deviceId, written: { contractTier: 'silver' }, refused: [] } });
				expect(f.sim.everyday.fields.device.get(deviceId)?.contractTier).toBe('silver');
			}
		}
		expect(f.sim.everyday.fields.device.get(refusing)?.contractTier).toBeUndefined();
	} finally {
		routes['PATCH /v2/device/{id}/custom-fields'] = patch;
	}
});
