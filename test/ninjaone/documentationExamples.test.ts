import { runExample } from './examples';
import { fixturePerFile } from './fixture';

/* The IT documentation and vulnerability examples as shipped (examples/ninjaone-documentation-sync.json,
   examples/ninjaone-vulnerability-import.json), in n8n-core's engine against the simulator. */

const f = fixturePerFile();

it("writes a device's installed software into an organization document made from a template", async () => {
	const { run, output } = await runExample(f, 'ninjaone-documentation-sync.json');
	expect(run.data.resultData.error).toBeUndefined();
	const device = f.sim.devices.find((d) => d.id === 1)!;
	// Two software rows, one document: the write runs once per execution.
	expect(output('Installed software')).toHaveLength(2);
	const written = output('Write the document');
	expect(written).toHaveLength(1);
	expect(written[0]).toMatchObject({ has_error: false, error: null, result: { documentTemplateId: 1, organizationId: 1 } });
	const [request] = f.sim.server.requests('POST /v2/organization/1/template/1/document');
	expect(request.body).toEqual({
		documentName: device.systemName,
		documentDescription: expect.stringMatching(/^Written by n8n from NinjaOne on \d{4}-\d{2}-\d{2}$/),
		fields: {
			hostname: device.systemName,
			deviceClass: device.nodeClass,
			installedSoftware: expect.stringMatching(/^Mozilla Firefox \d+\.0\nMicrosoft Edge 120\.0\.2210\.91$/),
		},
	});
	const stored = f.sim.documentation.documents.filter((d) => d.organizationId === 1 && d.documentTemplateId === 1);
	expect(stored).toHaveLength(1);
	expect(stored[0].fields).toContainEqual({ name: 'hostname', value: device.systemName });
});

it("imports a scanner's CSV into a scan group as a file upload and reads the result back", async () => {
	const csv = 'CVE,Host,Severity\nCVE-2024-3094,host-0001,CRITICAL\nCVE-2023-4863,host-0002,HIGH\nCVE-2023-4863,host-0003,HIGH\n';
	const { run, output } = await runExample(f, 'ninjaone-vulnerability-import.json', {
		'Scanner CSV export': [{ $binary: { data: { text: csv, fileName: 'latest.csv', mimeType: 'text/csv' } } }],
	});
	expect(run.data.resultData.error).toBeUndefined();
	const [upload] = f.sim.server.requests('POST /v2/vulnerability/scan-groups/1/upload');
	expect(String(upload.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
	expect(upload.body).toEqual({ csv });
	expect(output('Import into NinjaOne')).toEqual([{ has_error: false, error: null, result: expect.objectContaining({ id: 1, status: 'IN_PROGRESS' }) }]);
	expect(output('Read the scan group back')).toEqual([
		{ has_error: false, error: null, result: expect.objectContaining({ id: 1, status: 'COMPLETE', recordsProcessed: 3 }) },
	]);
});
