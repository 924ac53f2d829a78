import type { SimRequest, SimResponse } from './server';

/* The stateful part of NinjaOne's IT documentation and vulnerability import that the examples use:
   document templates and the organization documents made from them, and scan groups a scanner's
   CSV is imported into. The other documentation routes answer from the catalog. */

type Obj = Record<string, any>;
type Route = (request: SimRequest, params: Record<string, string>) => SimResponse;

export class NinjaOneDocumentation {
	templates: Obj[] = [];
	documents: Obj[] = [];
	scanGroups: Obj[] = [];
	private nextDocumentId = 1;

	seed(): void {
		this.templates = [
			{ id: 1, name: 'Server documentation', fields: [{ name: 'hostname' }, { name: 'deviceClass' }, { name: 'installedSoftware' }] },
			{ id: 2, name: 'Network documentation', fields: [{ name: 'subnet' }] },
		];
		this.documents = [];
		this.nextDocumentId = 1;
		this.routes['POST /v2/organization/{organizationId}/template/{documentTemplateId}/document'](
			{ body: { documentName: 'Firewall', fields: { subnet: '10.0.0.0/24' } } } as SimRequest,
			{ organizationId: '1', documentTemplateId: '2' },
		);
		this.scanGroups = [
			{ id: 1, groupName: 'External vulnerability scan', status: 'COMPLETE', cveIdHeader: 'CVE', deviceIdHeader: 'Host', recordsProcessed: 0 },
			{ id: 2, groupName: 'Internal vulnerability scan', status: 'COMPLETE', cveIdHeader: 'CVE', deviceIdHeader: 'Host', recordsProcessed: 0 },
		];
	}

	private error(status: number, resultCode: string, errorMessage: string): SimResponse {
		return { status, body: { resultCode, errorMessage } };
	}

	readonly routes: Record<string, Route> = {
		'GET /v2/document-templates': () => ({ status: 200, body: this.templates }),
		'POST /v2/organization/{organizationId}/template/{documentTemplateId}/document': (r, p) => {
			const template = this.templates.find((t) => t.id === Number(p.documentTemplateId));
			if (!template) return this.error(404, 'TEMPLATE_NOT_FOUND', `Document template ${p.documentTemplateId} not found`);
			const body = (r.body ?? {}) as Obj;
			const document = {
				documentId: this.nextDocumentId++,
				organizationId: Number(p.organizationId),
				documentTemplateId: template.id,
				documentName: body.documentName ?? template.name,
				documentDescription: body.documentDescription ?? '',
				fields: Object.entries((body.fields ?? {}) as Obj).map(([name, value]) => ({ name, value })),
				documentUpdateTime: Date.now() / 1000,
			};
			this.documents.push(document);
			return { status: 200, body: document };
		},
		'GET /v2/organization/{organizationId}/documents': (_r, p) => ({
			status: 200,
			body: this.documents.filter((d) => d.organizationId === Number(p.organizationId)),
		}),
		'GET /v2/vulnerability/scan-groups': () => ({ status: 200, body: this.scanGroups }),
		'GET /v2/vulnerability/scan-groups/{scan-group-id}': (_r, p) => {
			const group = this.scanGroups.find((g) => g.id === Number(p['scan-group-id']));
			return group ? { status: 200, body: group } : this.error(404, 'SCAN_GROUP_NOT_FOUND', `Scan group ${p['scan-group-id']} not found`);
		},
		'POST /v2/vulnerability/scan-groups/{scan-group-id}/upload': (r, p) => {
			const group = this.scanGroups.find((g) => g.id === Number(p['scan-group-id']));
			if (!group) return this.error(404, 'SCAN_GROUP_NOT_FOUND', `Scan group ${p['scan-group-id']} not found`);
			const csv = (r.body as Obj | undefined)?.csv;
			if (typeof csv !== 'string' || csv.trim() === '') return this.error(400, 'INVALID_FILE', 'The upload has no CSV file');
			const [header, ...lines] = csv.trim().split(/\r?\n/);
			const columns = header.split(',').map((c) => c.trim());
			if (!columns.includes(group.cveIdHeader) || !columns.includes(group.deviceIdHeader)) {
				return this.error(400, 'INVALID_FILE', `The CSV needs the columns ${group.cveIdHeader} and ${group.deviceIdHeader}`);
			}
			Object.assign(group, { status: 'COMPLETE', recordsProcessed: lines.length, lastFileUploadDate: new Date().toISOString() });
			return { status: 200, body: { ...group, status: 'IN_PROGRESS' } };
		},
	};
}
