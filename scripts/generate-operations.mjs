// Writes the NinjaOne node's table-driven operations for every operation of NinjaOne's OpenAPI spec
// that no hand-written operation sends (scripts/ninjaone-handwritten.json lists those), grouped by
// resource: actions/<resource>/apiCalls.ts (the calls, the operation options and the parameters as
// literals n8n's lint reads), a resource file for each new resource, the simulator's answer shapes
// (simulator/ninjaoneCatalog.json), the engine test's cases (test/ninjaone/apiCases.json) and the
// README's rows. Run by a developer when the spec changes, never at test or run time:
//   node scripts/generate-operations.mjs [path/to/ninjaone-api-v2.yaml]
// Descriptions are worded here from each call's method, path and parameters, not taken from the spec.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse as parseYaml } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const specFile = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference', 'ninjaone-api-v2.yaml'));
const doc = parseYaml(readFileSync(specFile, 'utf8'));
const handwritten = JSON.parse(readFileSync(join(root, 'scripts', 'ninjaone-handwritten.json'), 'utf8'));
const covered = new Set(Object.values(handwritten).flat());
const actions = join(root, 'packages', 'n8n-nodes-ninjaone', 'nodes', 'NinjaOne', 'actions');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/* ---------- resources ---------- */

/** Resource by path: [pattern, key, label, plural label]. The first match wins. */
const RESOURCES = [
	[/^\/v2\/itam\/asset-relationship/, 'assetRelationship', 'Asset Relationship', 'asset relationships'],
	[/^\/v2\/itam\/unmanaged-device/, 'unmanagedDevice', 'Unmanaged Device', 'unmanaged devices'],
	[/^\/v2\/tag/, 'assetTag', 'Asset Tag', 'asset tags'],
	[/^\/v2\/backup\//, 'backup', 'Backup', 'backup jobs'],
	[/^\/v2\/organization\/\{id\}\/locations(\/\{locationId\})?\/backup/, 'backup', 'Backup', 'backup jobs'],
	[/^\/v2\/billing\/accounts/, 'billingAccount', 'Billing Account', 'billing accounts'],
	[/^\/v2\/billing\/agreements/, 'billingAgreement', 'Billing Agreement', 'billing agreements'],
	[/^\/v2\/billing\/invoices/, 'billingInvoice', 'Billing Invoice', 'billing invoices'],
	[/^\/v2\/billing\/products/, 'billingProduct', 'Billing Product', 'billing products'],
	[/^\/v2\/billing\/ticket-/, 'ticketBilling', 'Ticket Billing', 'ticket billing entries'],
	[/^\/v2\/checklist/, 'checklistTemplate', 'Checklist Template', 'checklist templates'],
	[/^\/v2\/custom-fields/, 'customField', 'Custom Field', 'custom fields'],
	[/^\/v2\/tab/, 'customTab', 'Custom Tab', 'custom tabs'],
	[/^\/v2\/document-templates/, 'documentTemplate', 'Document Template', 'document templates'],
	[/^\/v2\/knowledgebase\/folder/, 'knowledgeBaseFolder', 'Knowledge Base Folder', 'knowledge base folders'],
	[/^\/v2\/(knowledgebase|attachments)/, 'knowledgeBaseArticle', 'Knowledge Base Article', 'knowledge base articles'],
	[/^\/v2\/related-items/, 'relatedItem', 'Related Item', 'related items'],
	[/^\/v2\/organization\/(checklist|archive|restore|\{organizationId\}\/checklists)/, 'organizationChecklist', 'Organization Checklist', 'organization checklists'],
	[/^\/v2\/organization\/(documents?\b|\{organizationId\}\/(document|template))/, 'organizationDocument', 'Organization Document', 'organization documents'],
	[/^\/v2\/organization\/generate-installer/, 'installer', 'Installer', 'installers'],
	[/^\/v2\/noderole/, 'nodeRole', 'Node Role', 'node roles'],
	[/^\/v2\/software-license/, 'softwareLicense', 'Software License', 'software licenses'],
	[/^\/v2\/software-products/, 'softwareProduct', 'Software Product', 'software products'],
	[/^\/v2\/user\/end-user/, 'endUser', 'End User', 'end users'],
	[/^\/v2\/user\/technician/, 'technician', 'Technician', 'technicians'],
	[/^\/v2\/user\/role/, 'userRole', 'User Role', 'user roles'],
	[/^\/v2\/users/, 'user', 'User', 'users'],
	[/^\/v2\/vulnerability/, 'vulnerabilityScanGroup', 'Vulnerability Scan Group', 'vulnerability scan groups'],
	[/^\/v2\/policies\/\{policy_id\}\/condition/, 'policyCondition', 'Policy Condition', 'policy conditions'],
	[/^\/v2\/policies/, 'policy', 'Policy', 'policies'],
	[/^\/v2\/staged-device/, 'stagedDevice', 'Staged Device', 'staged devices'],
	[/^\/v2\/contact/, 'contact', 'Contact', 'contacts'],
	[/^\/v2\/ticketing\//, 'ticket', 'Ticket', 'tickets'],
	[/^\/v2\/webhook/, 'webhook', 'Webhook', 'webhooks'],
	[/^\/v2\/automation\/scripts/, 'script', 'Script', 'scripts'],
	[/^\/v2\/jobs/, 'job', 'Job', 'jobs'],
	[/^\/v2\/tasks/, 'task', 'Task', 'tasks'],
	[/^\/v2\/notification-channels/, 'notificationChannel', 'Notification Channel', 'notification channels'],
	[/^\/v2\/device\/\{id\}\/windows-service/, 'windowsService', 'Windows Service', 'Windows services'],
	[/^\/v2\/device\//, 'device', 'Device', 'devices'],
];

/** Resources with hand-written operations: the generated ones are merged into their files. */
const EXISTING = new Set(['activity', 'alert', 'customField', 'device', 'deviceRole', 'group', 'installer', 'location', 'organization', 'policy', 'report', 'script', 'ticket', 'user', 'windowsService']);

/** Operation names where the method and path alone would give a clumsy or ambiguous one. */
const NAMES = {
	getAssetRelationships: 'Get Many',
	getAssetRelationshipsByEntity: 'Get Many for Entity',
	getAssetRelationshipTypes: 'Get Types',
	createAssetRelationshipType: 'Create Type',
	deleteAssetRelationship: 'Delete',
	deleteTags: 'Delete Many',
	mergeTags: 'Merge',
	batchUpdateTags: 'Update Tags of Assets',
	setTagsForAsset: 'Set Tags of Asset',
	getIntegrityCheckJobs: 'Get Integrity Check Jobs',
	getBackupJobs: 'Get Jobs',
	setBandwidthThrottleForDevice: 'Set Bandwidth Throttle',
	submitIntegrityCheckJob: 'Submit Integrity Check Job',
	getOrganizationLocationUsage: 'Get Organization Usage',
	getLocationUsage: 'Get Location Usage',
	getBillingTicketProductsByTicketId: 'Get Products of Ticket',
	createAdHocBillingTicketProduct: 'Add Ad Hoc Product',
	createCatalogBillingTicketProduct: 'Add Catalog Product',
	deleteBillingTicketProducts: 'Delete Products',
	updateBillingTicketProduct: 'Update Product',
	updateBillingTicketTimeEntry: 'Update Time Entry',
	deactivateBillingAgreement: 'Deactivate',
	activateBillingProduct: 'Activate',
	deactivateBillingProduct: 'Deactivate',
	updateBillingInvoiceNote: 'Update Note',
	approveBillingInvoices: 'Approve',
	archiveBillingInvoices: 'Archive',
	exportBillingInvoices: 'Export',
	unarchiveBillingInvoices: 'Unarchive',
	archiveChecklistTemplate: 'Archive',
	restoreChecklistTemplate: 'Restore',
	createChecklistTemplates: 'Create Many',
	deleteChecklistTemplates: 'Delete Many',
	updateChecklistTemplates: 'Update Many',
	bulkDeleteNodeAttributes: 'Delete Many',
	deleteNodeAttributeByFieldName: 'Delete',
	getNodeAttributeSignedUrls: 'Get Signed URLs',
	getNodeAttributeByFieldName: 'Get',
	createNodeAttribute: 'Create',
	bulkCreateNodeAttributes: 'Create Many',
	bulkUpdateNodeAttributes: 'Update Many',
	updateNodeAttributeByFieldName: 'Update',
	getTabSummaryForEndUser: 'Get End User Summary',
	getTabSummaryForGlobal: 'Get Global Summary',
	getTabSummaryForOrganization: 'Get Organization Summary',
	getTabSummaryForRole: 'Get Role Summary',
	getTabHierarchyForEndUser: 'Get End User Hierarchy',
	getTabHierarchyForOrganization: 'Get Organization Hierarchy',
	getTabHierarchyForRole: 'Get Role Hierarchy',
	updateEndUserCustomTabsOrder: 'Reorder End User Tabs',
	updateGlobalCustomTabsOrder: 'Reorder Global Tabs',
	updateOrganizationCustomTabsOrder: 'Reorder Organization Tabs',
	renameCustomTabPublicApi: 'Rename',
	updateRoleCustomTabsOrder: 'Reorder Role Tabs',
	updateCustomTabsDisplay: 'Set Role Visibility',
	getDocumentTemplatesWithAttributes: 'Get Many',
	archiveDocumentTemplates: 'Archive Many',
	restoreDocumentTemplates: 'Restore Many',
	archiveDocumentTemplate: 'Archive',
	restoreDocumentTemplate: 'Restore',
	downloadKnowledgeBaseArticle: 'Download',
	getKnowledgeBaseArticleSignedUrls: 'Get Signed URLs',
	getGlobalKnowledgeBaseArticles: 'Get Many Global',
	getClientKnowledgeBaseArticles: 'Get Many of Organizations',
	getRelatedItemAttachmentsSignedUrls: 'Get Attachment Signed URLs',
	downloadRelatedItemAttachment: 'Download Attachment',
	updateKnowledgeBaseArticles: 'Update Many',
	uploadTempAttachments: 'Upload Temporary Attachment',
	createKnowledgeBaseArticles: 'Create Many',
	archiveKnowledgeBaseArticles: 'Archive Many',
	deleteKnowledgeBaseArticles: 'Delete Many',
	restoreKnowledgeBaseArticles: 'Restore Many',
	uploadKnowledgeBaseArticles: 'Upload',
	getKnowledgeBaseFolderPathContent: 'Get by Path',
	getKnowledgeBaseFolderContent: 'Get',
	move: 'Move',
	archiveKnowledgeBaseFolders: 'Archive Many',
	deleteKnowledgeBaseFolders: 'Delete Many',
	restoreKnowledgeBaseFolders: 'Restore Many',
	getNodeRoles: 'Get Many',
	updateNodeRoles: 'Update Many',
	createNodeRoles: 'Create Many',
	deleteNodeRoles: 'Delete Many',
	getClientChecklistSignedUrls: 'Get Signed URLs',
	archiveOrganizationChecklists: 'Archive Many',
	createOrganizationChecklists: 'Create Many',
	deleteClientChecklists: 'Delete Many',
	promoteClientChecklists_1: 'Promote to Templates',
	promoteClientChecklists: 'Promote to Templates with Names',
	restoreOrganizationChecklists: 'Restore Many',
	createOrganizationChecklistsFromTemplates: 'Create From Templates',
	updateOrganizationChecklists: 'Update Many',
	getClientDocumentSignedUrls: 'Get Signed URLs',
	getClientDocumentsWithAttributeValues: 'Get Many',
	getOrganizationDocuments: 'Get Many of Organization',
	updateOrganizationDocuments: 'Update Many',
	archiveClientDocument: 'Archive',
	restoreClientDocument: 'Restore',
	createOrganizationDocuments: 'Create Many',
	archiveMultiPageClientDocuments: 'Archive Many',
	restoreMultiPageClientDocuments: 'Restore Many',
	updateOrganizationDocument: 'Update',
	createOrganizationDocument: 'Create From Template',
	deleteRelatedItems: 'Delete All of Entity',
	deleteRelatedItem: 'Delete',
	getAllRelatedItems: 'Get Many',
	getRelatedItemsWithHostEntityType: 'Get Many by Entity Type',
	getRelatedItemsForHostEntity: 'Get Many of Entity',
	getRelatedItemsWithEntityType: 'Get Many by Related Entity Type',
	getRelatedItemsWithEntity: 'Get Many by Related Entity',
	createRelatedItem: 'Attach File',
	createRelatedItemForEntity: 'Create Relation',
	createRelatedItemForEntity_1: 'Create Relations',
	createSecureRelatedItemForEntity: 'Create Secure Value',
	getSoftwareLicenses: 'Get Many',
	getSoftwareLicenseAssignments: 'Get Assignments',
	upsert: 'Create or Update',
	updateSoftwareLicenseAssignmentLastUsage: 'Update Assignment Last Usage',
	decommissionUnmanagedDevicePublicApiList: 'Decommission Many',
	decommissionUnmanagedDevicePublicApi: 'Decommission',
	getNodeCustomFields_3: 'Get Custom Fields',
	updateNodeAttributeValues_3: 'Update Custom Fields',
	patchEndUserDeviceAccess: 'Update Device Access',
	fetchAllScanGroups: 'Get Many',
	fetchScanGroupById: 'Get',
	updateScanGroup: 'Import Scan',
	getCustomFieldsPolicyConditions: 'Get Many Custom Field Conditions',
	getCustomFieldsPolicyCondition: 'Get Custom Field Condition',
	getWindowsEventPolicyConditions: 'Get Many Windows Event Conditions',
	getWindowsEventPolicyCondition: 'Get Windows Event Condition',
	createCustomFieldsPolicyCondition: 'Create Custom Field Condition',
	createWindowsEventPolicyCondition: 'Create Windows Event Condition',
	deletePolicyCondition: 'Delete',
	addUserRoleMembers: 'Add Members',
	removeUserRoleMembers: 'Remove Members',
	updateUserRoleOrganizationPermissions: 'Update Organization Permissions',
	getUserRoles: 'Get Many',
	getUsers: 'Get Many of All Types',
	getAllUserAndContacts: 'Get Users and Contacts',
	getTicketAttributes: 'Get Attributes',
	getContacts_1: 'Get Contacts',
	getAllStatuses: 'Get Statuses',
	getTicketForms: 'Get Forms',
	getTicketFormById: 'Get Form',
	getBoards: 'Get Boards',
	getTags: 'Get Many',
	disableWebhook: 'Disable',
	configureWebhook: 'Configure',
	getAutomationScripts: 'Get Many',
	getActiveJobs: 'Get Many Active',
	getScheduledTasks: 'Get Many Scheduled',
	getEnabledNotificationChannels: 'Get Many Enabled',
	decommissionDevice: 'Decommission',
	setWindowsServiceConfiguration: 'Configure',
	getInstaller: 'Generate for Organization',
	createPolicy: 'Create',
	createStagedDevice: 'Create',
};

/** Actions where the operation's ID in words would mislead. */
const ACTIONS = {
	updateScanGroup: 'Import a vulnerability scan CSV into a scan group',
	createRelatedItem: 'Attach a file to an entity',
	uploadKnowledgeBaseArticles: 'Upload files as knowledge base articles',
	uploadTempAttachments: 'Upload a temporary attachment',
	downloadKnowledgeBaseArticle: 'Download a knowledge base article file',
	downloadRelatedItemAttachment: 'Download a related item attachment',
	getInstaller: 'Generate an agent installer for an organization',
	decommissionDevice: 'Decommission a device',
	setWindowsServiceConfiguration: 'Configure a Windows service',
};

/** Labels for the API's abbreviated parameter names. */
const LABELS = {
	df: 'Device Filter',
	ddf: 'Deleted Device Filter',
	sf: 'Status Filter',
	ptf: 'Plan Type Filter',
	stf: 'Start Time Filter',
	lang: 'Language',
	tz: 'Time Zone',
	ts: 'Time Filter',
	relEntityType: 'Related Entity Type',
	relEntityId: 'Related Entity ID',
	orgId: 'Organization ID',
};

/* ---------- spec helpers ---------- */

function deref(value) {
	let current = value;
	while (current && typeof current === 'object' && typeof current.$ref === 'string') {
		current = current.$ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key], doc);
	}
	return current ?? {};
}

/** Merges allOf parts into one object schema. */
function schemaOf(value) {
	const schema = deref(value);
	if (!schema.allOf) return schema;
	const merged = { type: 'object', properties: {}, required: [] };
	for (const part of schema.allOf.map(schemaOf)) {
		Object.assign(merged.properties, part.properties ?? {});
		merged.required.push(...(part.required ?? []));
	}
	return merged;
}

const words = (name) =>
	name
		.replace(/_\d+$/, '')
		.replace(/[-_]+/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.trim()
		.split(/\s+/);
const upperWords = new Map([['csv', 'CSV'], ['id', 'ID'], ['ids', 'IDs'], ['uid', 'UID'], ['uids', 'UIDs'], ['url', 'URL'], ['urls', 'URLs'], ['os', 'OS'], ['api', 'API'], ['cve', 'CVE'], ['ip', 'IP'], ['mac', 'MAC'], ['sla', 'SLA'], ['html', 'HTML'], ['totp', 'TOTP']]);
const fix = (w) => upperWords.get(w.toLowerCase()) ?? w;
const title = (name) => LABELS[name] ?? words(name).map((w) => fix(w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
const sentence = (name) => {
	const text = words(name).map((w, i) => (upperWords.has(w.toLowerCase()) ? fix(w) : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join(' ');
	return text;
};
const camel = (text) => {
	const parts = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/);
	// n8n's parameter names are camelCase throughout: "Scan Group ID" is scanGroupId.
	const cased = parts.map((p) => (/^[A-Z]{2,}s?$/.test(p) ? p.charAt(0) + p.slice(1).toLowerCase() : p));
	return cased.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
};

/* ---------- fields ---------- */

const LOCATOR_BY_PATH = [
	[/^\/v2\/device\/\{id\}/, 'id', 'device'],
	[/^\/v2\/organization\/\{id\}/, 'id', 'organization'],
	[/.*/, 'organizationId', 'organization'],
	[/.*/, 'locationId', 'location'],
	[/.*/, 'location_id', 'location'],
	[/^\/v2\/policies\/\{policy_id\}/, 'policy_id', 'policy'],
	[/^\/v2\/billing\/ticket-products\/ticket\/\{id\}/, 'id', 'ticket'],
	[/.*/, 'ticketId', 'ticket'],
	[/.*/, 'boardId', 'board'],
];

function locatorFor(path, param) {
	return LOCATOR_BY_PATH.find(([pattern, name]) => name === param && pattern.test(path))?.[2];
}

const LOCATOR_PARAM = { device: 'deviceId', organization: 'organizationId', location: 'locationId', policy: 'policyId', ticket: 'ticketId', board: 'boardId' };

/** A schema as a field kind: the node parameter type and how the value is read. */
function kindOf(schemaIn) {
	const schema = schemaOf(schemaIn);
	if (schema.enum && (schema.type === 'string' || !schema.type)) return { type: 'options', values: schema.enum };
	if (schema.type === 'integer') return { type: 'number', integer: true };
	if (schema.type === 'number') return { type: 'number' };
	if (schema.type === 'boolean') return { type: 'boolean' };
	if (schema.type === 'string') return { type: 'string', format: schema.format };
	if (schema.type === 'array') {
		const items = schemaOf(schema.items ?? {});
		if (items.enum) return { type: 'multiOptions', values: items.enum };
		if (items.type === 'integer' || items.type === 'number') return { type: 'list', of: items.type };
		if (items.type === 'string' && items.format !== 'binary') return { type: 'list', of: 'string' };
		return { type: 'json', json: 'array' };
	}
	return { type: 'json', json: 'object' };
}

/** A value the spec accepts, for the engine test and the simulator's answers. */
function sample(schemaIn, depth = 0, name = '') {
	const schema = schemaOf(schemaIn);
	if (schema.enum) return schema.enum[0];
	if (schema.oneOf || schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)[0], depth, name);
	switch (schema.type) {
		case 'integer':
		case 'number':
			return Math.max(1, schema.minimum ?? 1);
		case 'boolean':
			return true;
		case 'string':
			if (schema.format === 'uuid') return '0b6f3a52-7c1e-4d2a-9a41-3f1e2d5c6b7a';
			if (schema.format === 'date-time') return '2026-01-15T10:00:00Z';
			if (schema.format === 'date') return '2026-01-15';
			if (schema.format === 'binary') return 'CVE-2024-0001,host-0001';
			if (/url$/i.test(name)) return 'https://example.test/hook';
			if (/email/i.test(name)) return 'someone@example.test';
			return `sample ${name || 'text'}`.slice(0, Math.max(schema.maxLength ?? 40, 1));
		case 'array': {
			const count = Math.max(1, schema.minItems ?? 1);
			return Array.from({ length: count }, () => sample(schema.items ?? { type: 'string' }, depth + 1, name));
		}
		default: {
			if (!schema.properties) return {};
			const out = {};
			for (const [key, prop] of Object.entries(schema.properties)) {
				const required = (schema.required ?? []).includes(key);
				if (required || (depth === 0 && isScalar(prop))) out[key] = sample(prop, depth + 1, key);
			}
			return out;
		}
	}
}

function isScalar(schemaIn) {
	const schema = schemaOf(schemaIn);
	return ['string', 'integer', 'number', 'boolean'].includes(schema.type) && schema.format !== 'binary';
}

/* ---------- operations ---------- */

const operations = [];
for (const [path, item] of Object.entries(doc.paths)) {
	for (const method of METHODS) {
		const op = item[method];
		if (!op) continue;
		const route = `${method.toUpperCase()} ${path}`;
		if (covered.has(route)) continue;
		const resource = RESOURCES.find(([pattern]) => pattern.test(path));
		if (!resource) throw new Error(`No resource for ${route}`);
		operations.push({ route, method: method.toUpperCase(), path, op, item, resource });
	}
}

function defaultName({ method, path, op, resource }) {
	if (NAMES[op.operationId]) return NAMES[op.operationId];
	const endsWithParam = /\}$/.test(path);
	if (looksLikeList({ method, path, op })) return 'Get Many';
	if (method === 'GET' && endsWithParam) return 'Get';
	if (method === 'POST' && !endsWithParam) return 'Create';
	if ((method === 'PUT' || method === 'PATCH') && endsWithParam) return 'Update';
	if (method === 'DELETE' && endsWithParam) return 'Delete';
	return title(op.operationId.replace(/PublicApi$/, ''));
}

/** The array property of a response that wraps its list in an object, e.g. `{ tags: [...] }`. */
function wrappedList(response) {
	const arrays = Object.entries(response?.properties ?? {}).filter(([, prop]) => schemaOf(prop).type === 'array');
	return response?.type === 'object' && arrays.length === 1 && Object.keys(response.properties).length === 1 ? arrays[0][0] : undefined;
}

/** A read of a collection: an array, an array in a one-property object, or no declared answer on a plural name. */
function looksLikeList({ method, path, op }) {
	if (method !== 'GET' || /\}$/.test(path) || /download|signed-urls|summary/.test(path)) return false;
	const response = responseSchema(op);
	if (response?.type === 'array' || wrappedList(response)) return true;
	return (!response || (!response.type && !response.properties)) && /^get\w*s$/.test(op.operationId);
}

function responseSchema(op) {
	for (const code of ['200', '201', 'default']) {
		const response = deref(op.responses?.[code]);
		const content = response?.content;
		if (!content) continue;
		const media = content['application/json'] ?? Object.values(content)[0];
		if (media?.schema) return schemaOf(media.schema);
	}
	return undefined;
}

const byResource = new Map();
for (const entry of operations) {
	const [, key, label, plural] = entry.resource;
	if (!byResource.has(key)) byResource.set(key, { key, label, plural, entries: [] });
	entry.name = defaultName(entry);
	byResource.get(key).entries.push(entry);
}

const existingValues = {};
for (const [key] of Object.entries(handwritten).map(([k]) => k.split(':'))) existingValues[key] ??= new Set();
for (const k of Object.keys(handwritten)) existingValues[k.split(':')[0]].add(k.split(':')[1]);
// Operation names of the hand-written resources that generated names must not repeat.
const EXISTING_NAMES = {
	device: ['Get', 'Get Many', 'Update', 'Search'],
	policy: ['Get Many'],
	customField: ['Get Many'],
	user: ['Get Many'],
	script: ['Get Scripting Options', 'Run'],
	ticket: ['Create', 'Get', 'Get Many', 'Update', 'Add Comment', 'Get Log Entries'],
	installer: ['Generate'],
	windowsService: ['Get Many', 'Control'],
};

for (const group of byResource.values()) {
	const taken = new Set(EXISTING_NAMES[group.key] ?? []);
	const values = new Set(existingValues[group.key] ?? []);
	for (const entry of group.entries) {
		if (taken.has(entry.name)) entry.name = title(entry.op.operationId.replace(/PublicApi$/, ''));
		if (taken.has(entry.name)) throw new Error(`Two operations named ${entry.name} in ${group.key}`);
		taken.add(entry.name);
		let value = camel(entry.name);
		if (values.has(value)) value = camel(entry.op.operationId);
		values.add(value);
		entry.value = value;
	}
	group.entries.sort((a, b) => a.name.localeCompare(b.name));
}

/* ---------- one call's fields ---------- */

function buildCall(group, entry) {
	const { method, path, op, item } = entry;
	const fields = [];
	const samples = {};
	const expected = { query: {}, body: undefined };
	const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
	const writes = method !== 'GET';
	const collectionFor = (place) => (place === 'query' && !writes ? 'filters' : method === 'PUT' || method === 'PATCH' ? (place === 'query' ? 'additionalFields' : 'updateFields') : 'additionalFields');
	const usedNames = new Set(['resource', 'operation', 'returnAll', 'limit']);
	const paramName = (wanted) => {
		let name = camel(wanted);
		if (usedNames.has(name)) name = `${name}Value`;
		usedNames.add(name);
		return name;
	};
	let samplePathValues = {};
	for (const p of parameters.filter((p) => p.in === 'path')) {
		const kind = locatorFor(path, p.name);
		if (kind) {
			const param = paramName(LOCATOR_PARAM[kind]);
			fields.push({ param, key: p.name, in: 'path', type: 'locator', locator: kind, label: title(LOCATOR_PARAM[kind]).replace(/ ID$/, ''), required: true });
			samples[param] = { __rl: true, mode: 'id', value: '1' };
			samplePathValues[p.name] = '1';
			continue;
		}
		const wanted = p.name === 'id' ? `${group.label} ID` : p.name;
		const param = paramName(wanted);
		const kindInfo = kindOf(p.schema ?? { type: 'string' });
		const field = { param, key: p.name, in: 'path', ...kindInfo, label: title(wanted), required: true };
		fields.push(field);
		const value = sample(p.schema ?? { type: 'string' }, 1, p.name);
		samples[param] = value;
		samplePathValues[p.name] = String(value);
	}
	for (const p of parameters.filter((p) => p.in === 'query')) {
		if (entry.list && (p.name === 'pageSize' || p.name === 'after' || (entry.cursorPaged && p.name === 'cursor'))) continue;
		const kindInfo = kindOf(p.schema ?? { type: 'string' });
		const value = sample(p.schema ?? { type: 'string' }, 1, p.name);
		if (p.required) {
			const param = paramName(p.name);
			fields.push({ param, key: p.name, in: 'query', ...kindInfo, label: title(p.name), required: true });
			samples[param] = fieldSample(kindInfo, value);
		} else {
			const collection = collectionFor('query');
			const param = `${collection}.${camel(p.name)}`;
			fields.push({ param, key: p.name, in: 'query', ...kindInfo, label: title(p.name), collection });
			(samples[collection] ??= {})[camel(p.name)] = fieldSample(kindInfo, value);
		}
		expected.query[p.name] = queryText(value);
	}
	const requestBody = deref(op.requestBody);
	const content = requestBody?.content ?? {};
	const mediaType = Object.keys(content)[0];
	if (mediaType === 'multipart/form-data') {
		entry.multipart = true;
		const schema = schemaOf(content[mediaType].schema);
		expected.body = {};
		for (const [key, prop] of Object.entries(schema.properties ?? {})) {
			const propSchema = schemaOf(prop);
			const binary = propSchema.format === 'binary' || schemaOf(propSchema.items ?? {}).format === 'binary';
			const required = (schema.required ?? []).includes(key) || binary;
			if (binary) {
				const param = paramName(`${key} Binary Property`);
				const files = Object.values(schema.properties).filter((s2) => schemaOf(s2).format === 'binary' || schemaOf(schemaOf(s2).items ?? {}).format === 'binary');
				fields.push({ param, key, in: 'file', type: 'string', label: files.length > 1 ? `${title(key)} Input Binary Field` : 'Input Binary Field', required: true });
				samples[param] = 'data';
				expected.body[key] = 'CVE,Host\nCVE-2024-0001,host-0001\n';
				continue;
			}
			const kindInfo = kindOf(prop);
			const value = sample(prop, 1, key);
			if (required) {
				const param = paramName(key);
				fields.push({ param, key, in: 'part', ...kindInfo, label: title(key), required: true });
				samples[param] = fieldSample(kindInfo, value);
			} else {
				const param = `additionalFields.${camel(key)}`;
				fields.push({ param, key, in: 'part', ...kindInfo, label: title(key), collection: 'additionalFields' });
				(samples.additionalFields ??= {})[camel(key)] = fieldSample(kindInfo, value);
			}
			expected.body[key] = kindInfo.type === 'json' ? value : String(value);
		}
	} else if (mediaType) {
		const schema = schemaOf(content[mediaType].schema);
		if (schema.type === 'object' && schema.properties) {
			expected.body = {};
			for (const [key, prop] of Object.entries(schema.properties)) {
				const propSchema = schemaOf(prop);
				if (propSchema.readOnly) continue;
				const required = (schema.required ?? []).includes(key);
				const kindInfo = kindOf(prop);
				const value = sample(prop, 1, key);
				if (required) {
					const param = paramName(key);
					fields.push({ param, key, in: 'body', ...kindInfo, label: title(key), required: true });
					samples[param] = fieldSample(kindInfo, value);
					expected.body[key] = value;
				} else {
					const collection = collectionFor('body');
					const param = `${collection}.${camel(key)}`;
					fields.push({ param, key, in: 'body', ...kindInfo, label: title(key), collection });
					(samples[collection] ??= {})[camel(key)] = fieldSample(kindInfo, value);
					expected.body[key] = value;
				}
			}
		} else {
			// An array body or a free-form object: the whole body is one field.
			const kindInfo = kindOf(schema);
			const label = kindInfo.type === 'json' ? (kindInfo.json === 'array' ? 'Items' : 'Body') : 'IDs';
			const param = paramName(label === 'IDs' ? 'ids' : label.toLowerCase());
			fields.push({ param, key: '', in: 'wholeBody', ...kindInfo, label: kindInfo.type === 'json' ? `${label} (JSON)` : label, required: true });
			let value = sample(schema, 1, param);
			// A free-form object: one property, as n8n sends no empty body.
			if (kindInfo.type === 'json' && kindInfo.json === 'object' && Object.keys(value).length === 0) value = { name: 'sample name' };
			samples[param] = fieldSample(kindInfo, value);
			expected.body = value;
		}
	}
	if (expected.body === undefined && requestBody?.content && !entry.multipart) expected.body = undefined;
	const expectedPath = path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(samplePathValues[name]));
	return { fields, samples, expected: { method, path: expectedPath, query: expected.query, body: expected.body } };
}

function fieldSample(kind, value) {
	if (kind.type === 'json') return JSON.stringify(value);
	if (kind.type === 'list') return (Array.isArray(value) ? value : [value]).join(',');
	return value;
}

function queryText(value) {
	return Array.isArray(value) ? value.join(',') : String(value);
}

/* ---------- TypeScript ---------- */

const q = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function optionName(value) {
	const text = String(value);
	if (/^[A-Z0-9_]+$/.test(text)) return text.split('_').map((w) => (upperWords.has(w.toLowerCase()) ? fix(w.toLowerCase()) : w.charAt(0) + w.slice(1).toLowerCase())).join(' ');
	return title(text);
}

function optionsLiteral(values) {
	const sorted = [...values].sort((a, b) => optionName(a).localeCompare(optionName(b)));
	return `[${sorted.map((v) => `{ name: ${q(optionName(v))}, value: ${q(v)} }`).join(', ')}]`;
}

function fieldDescription(field, resourceLabel) {
	switch (field.type) {
		case 'list':
			return `Comma-separated ${field.of === 'string' ? 'values' : 'numbers'}, or an expression that returns an array`;
		case 'json':
			return field.json === 'array' ? 'A JSON array, or an expression that returns one' : 'A JSON object, or an expression that returns one';
		case 'boolean':
			return `Whether to send ${field.key || 'the flag'} as true`;
		case 'string':
			if (field.format === 'date-time') return 'An ISO 8601 date-time with offset, e.g. 2026-01-15T10:00:00Z';
			if (field.format === 'date') return 'A date, e.g. 2026-01-15';
			if (field.in === 'file') return 'The name of the input binary field containing the file to be uploaded';
			return sentAs(field);
		default:
			return sentAs(field);
	}
}

/** Where a field goes in the request: what a reader, and an AI agent filling the field, is told at least. */
function sentAs(field) {
	if (!field.key || !field.label) return undefined;
	const where = { path: 'in the path', query: 'as a query parameter', body: 'in the request body', form: 'as a form field' }[field.in];
	return where ? `${field.label}, sent to NinjaOne ${where}` : undefined;
}

function propertyLiteral(field, show, indent, resourceLabel) {
	const lines = [];
	const push = (text) => lines.push(`${indent}\t${text}`);
	const display = show ? `displayOptions: { show: ${show} },` : undefined;
	if (field.type === 'locator') {
		const base = `...locator(${q(field.locator)})`;
		return `${indent}{ ${base}, ${display ? display + ' ' : ''}name: ${q(field.param.split('.').pop())} },`;
	}
	push(`displayName: ${q(field.label)},`);
	push(`name: ${q(field.param.split('.').pop())},`);
	const typeMap = { number: 'number', string: 'string', boolean: 'boolean', options: 'options', multiOptions: 'multiOptions', list: 'string', json: 'json' };
	push(`type: ${q(typeMap[field.type])},`);
	if (field.type === 'options' || field.type === 'multiOptions') push(`options: ${optionsLiteral(field.values)},`);
	const defaults = {
		number: '0',
		string: "''",
		boolean: 'false',
		options: field.values ? q([...field.values].sort((a, b) => optionName(a).localeCompare(optionName(b)))[0]) : "''",
		multiOptions: '[]',
		list: "''",
		json: field.required ? (field.json === 'array' ? "'[]'" : "'{}'") : "''",
	};
	push(`default: ${field.in === 'file' ? "'data'" : defaults[field.type]},`);
	if (field.type === 'string' && /email$/i.test(field.key)) push("placeholder: 'name@email.com',");
	if (field.type === 'string' && /(password|secret)$/i.test(field.key)) push('typeOptions: { password: true },');
	if (field.required && !show?.includes('__collection')) push('required: true,');
	const description = fieldDescription(field, resourceLabel);
	if (description) push(`description: ${q(description)},`);
	if (display) push(display);
	return `${indent}{\n${lines.join('\n')}\n${indent}},`;
}

const COLLECTION_LABELS = { additionalFields: ['Additional Fields', 'Add Field'], updateFields: ['Update Fields', 'Add Field'], filters: ['Filters', 'Add Filter'] };

function resourceFile(group) {
	// Identical parameters of several operations are one parameter shown for all of them.
	const props = new Map();
	const addProp = (text, operation) => {
		if (!props.has(text)) props.set(text, []);
		props.get(text).push(operation);
	};
	const calls = [];
	const options = [];
	const cases = {};
	const rows = [];
	for (const entry of group.entries) {
		const response = responseSchema(entry.op);
		const queryNames = [...(entry.item.parameters ?? []), ...(entry.op.parameters ?? [])].map(deref).filter((p) => p.in === 'query').map((p) => p.name);
		const cursorPaged = entry.method === 'GET' && schemaOf(response?.properties?.results ?? {}).type === 'array' && queryNames.includes('cursor') && queryNames.includes('pageSize');
		entry.list = looksLikeList(entry) || cursorPaged;
		entry.cursorPaged = cursorPaged;
		entry.download = entry.method === 'GET' && /\/download$/.test(entry.path);
		const parameters = [...(entry.item.parameters ?? []), ...(entry.op.parameters ?? [])].map(deref);
		const paged = entry.list && parameters.some((p) => p.name === 'after' && p.in === 'query') && parameters.some((p) => p.name === 'pageSize');
		const built = buildCall(group, entry);
		const callFields = built.fields.map((f) => {
			const parts = [`param: ${q(f.param)}`, `key: ${q(f.key)}`, `in: ${q(f.in)}`, `type: ${q(f.type)}`, `label: ${q(f.label)}`];
			if (f.required) parts.push('required: true');
			if (f.locator) parts.push(`locator: ${q(f.locator)}`);
			if (f.of) parts.push(`of: ${q(f.of === 'integer' ? 'integer' : f.of === 'number' ? 'number' : 'string')}`);
			if (f.integer) parts.push('integer: true');
			if (f.json) parts.push(`json: ${q(f.json)}`);
			return `{ ${parts.join(', ')} }`;
		});
		const callParts = [`method: ${q(entry.method)}`, `path: ${q(entry.path)}`, `fields: [${callFields.length ? `\n\t\t\t${callFields.join(',\n\t\t\t')},\n\t\t` : ''}]`];
		if (entry.list) callParts.push(`list: ${q(paged ? 'after' : entry.cursorPaged ? 'cursor' : 'whole')}`);
		if (entry.download) callParts.push('download: true');
		if (entry.multipart) callParts.push('multipart: true');
		calls.push(`\t${entry.value}: {\n\t\t${callParts.join(',\n\t\t')},\n\t},`);
		const actionText = actionOf(entry.name, group, entry.op.operationId);
		const description = `${sentence(entry.op.operationId.replace(/PublicApi$/, ''))}, one ${entry.method} request`;
		options.push(`\t{ name: ${q(entry.name)}, value: ${q(entry.value)}, action: ${q(actionText)}, description: ${q(description)} },`);
		// Parameters: required first, then Return All / Limit, then the collections.
		const direct = built.fields.filter((f) => !f.collection);
		for (const f of direct) addProp(propertyLiteral(f, '{ __SHOW__ }', '\t', group.label), entry.value);
		if (entry.list) {
			addProp('\t...returnAllOrLimit({ __SHOW__ }),', entry.value);
		}
		for (const collection of ['additionalFields', 'updateFields', 'filters']) {
			const inside = built.fields.filter((f) => f.collection === collection).sort((a, b) => a.label.localeCompare(b.label));
			if (!inside.length) continue;
			const [displayName, placeholder] = COLLECTION_LABELS[collection];
			addProp(
				`\t{\n\t\tdisplayName: ${q(displayName)},\n\t\tname: ${q(collection)},\n\t\ttype: 'collection',\n\t\tplaceholder: ${q(placeholder)},\n\t\tdefault: {},\n\t\tdisplayOptions: { show: { __SHOW__ } },\n\t\toptions: [\n${inside.map((f) => propertyLiteral(f, undefined, '\t\t\t', group.label)).join('\n')}\n\t\t],\n\t},`,
				entry.value,
			);
		}
		const parameters2 = { resource: group.key, operation: entry.value, ...built.samples };
		if (entry.list) parameters2.returnAll = true;
		cases[`${group.key}:${entry.value}`] = { route: entry.route, parameters: parameters2, expected: built.expected, list: entry.list, download: entry.download, multipart: !!entry.multipart };
		rows.push(`| ${group.label} | ${entry.name} | \`${entry.method} ${entry.path}\` |`);
	}
	const lines = [...props].map(([text, operations]) =>
		text.replace('__SHOW__', `resource: [${q(group.key)}], operation: [${operations.map(q).join(', ')}]`),
	);
	const usesLocator = lines.some((l) => l.includes('...locator('));
	const usesLimit = lines.some((l) => l.includes('...returnAllOrLimit('));
	const text = [
		'/* Generated by scripts/generate-operations.mjs from NinjaOne\'s OpenAPI spec: change the generator, not this file. */',
		"import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';",
		'',
		...(usesLimit ? ["import { returnAllOrLimit } from '../../../shared/descriptions';"] : []),
		"import type { ApiCall } from '../apiCall';",
		...(usesLocator ? ["import { locator } from '../locators';"] : []),
		'',
		'export const calls: Record<string, ApiCall> = {',
		...calls,
		'};',
		'',
		'export const operationOptions: INodePropertyOptions[] = [',
		...options,
		'];',
		'',
		'export const properties: INodeProperties[] = [',
		...lines,
		'];',
		'',
	].join('\n');
	return { text, cases, rows };
}

const article = (text) => (/^[aeiou]/i.test(text) ? 'an' : 'a');
/** The action n8n shows: a standard sentence for the standard operations, else the operation's ID in words. */
function actionOf(name, group, operationId) {
	if (ACTIONS[operationId]) return ACTIONS[operationId];
	const single = group.label.toLowerCase().replace(/\b(id|url|os)\b/g, (w) => fix(w));
	if (name === 'Get Many') return `Get many ${group.plural.toLowerCase().replace(/^windows/, 'Windows')}`;
	if (['Get', 'Create', 'Update', 'Delete'].includes(name)) return `${name} ${article(single)} ${single}`;
	return sentence(operationId.replace(/PublicApi$/, ''));
}

function newResourceFile(group) {
	const fileName = group.key.charAt(0).toUpperCase() + group.key.slice(1);
	const first = group.entries.find((e) => e.name === 'Get Many') ?? group.entries[0];
	return {
		fileName: `${fileName}.resource.ts`,
		text: [
			'/* Generated by scripts/generate-operations.mjs from NinjaOne\'s OpenAPI spec: change the generator, not this file. */',
			"import { apiResource } from '../apiCall';",
			"import { calls, operationOptions, properties } from './apiCalls';",
			'',
			`export const { operations, description } = apiResource(${q(group.key)}, calls, operationOptions, properties, ${q(first.value)});`,
			'',
		].join('\n'),
	};
}

const allCases = {};
const readmeRows = [];
const catalog = {};
for (const group of [...byResource.values()].sort((a, b) => a.label.localeCompare(b.label))) {
	const dir = join(actions, group.key);
	mkdirSync(dir, { recursive: true });
	const { text, cases, rows } = resourceFile(group);
	writeFileSync(join(dir, 'apiCalls.ts'), text);
	Object.assign(allCases, cases);
	readmeRows.push(...rows);
	if (!EXISTING.has(group.key)) {
		const file = newResourceFile(group);
		writeFileSync(join(dir, file.fileName), file.text);
	}
}

// What the simulator answers for each spec operation without a hand-written route.
for (const entry of operations) {
	const response = responseSchema(entry.op);
	const kind = entry.download ? 'file' : entry.cursorPaged ? 'cursorList' : entry.list ? 'list' : response || entry.method === 'GET' ? 'object' : 'empty';
	catalog[entry.route] = kind;
}
writeFileSync(join(root, 'simulator', 'ninjaoneCatalog.json'), JSON.stringify(catalog, null, '\t') + '\n');
writeFileSync(join(root, 'test', 'ninjaone', 'apiCases.json'), JSON.stringify(allCases, null, '\t') + '\n');

// The README's NinjaOne table: the hand-written rows as they are, the generated rows replaced, all
// in the order `npm run nodes` lists them (resources, then operations, by name).
const readmePath = join(root, 'packages', 'n8n-nodes-ninjaone', 'README.md');
const readme = readFileSync(readmePath, 'utf8').split('\n');
const header = readme.indexOf('| Resource | Operation | API call |');
if (header < 0) throw new Error('The README has no NinjaOne operation table');
let last = header + 2;
while (readme[last]?.startsWith('|')) last++;
// A generated row is known by its API call: the hand-written rows never name a generated route alone.
const callOf = (row) => row.split(' | ')[2];
const generatedCalls = new Set(readmeRows.map(callOf));
const rowKey = (row) => {
	const [, resource, operation] = row.split('|').map((cell) => cell.trim());
	return [resource, operation.split(/ \(|: /)[0]];
};
const kept = readme.slice(header + 2, last).filter((row) => !generatedCalls.has(callOf(row)));
const table = [...kept, ...readmeRows].sort((a, b) => {
	const [ra, oa] = rowKey(a);
	const [rb, ob] = rowKey(b);
	return ra.localeCompare(rb) || oa.localeCompare(ob);
});
readme.splice(header + 2, last - header - 2, ...table);
writeFileSync(readmePath, readme.join('\n'));
console.log(`${operations.length} generated operations in ${byResource.size} resources; ${covered.size} hand-written`);
