import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { namedCursorList, readLimit } from '../listing';
import { type FilterName, filterCollectionsFor, readFilters } from '../queryFilters';

/* Every report under /v2/queries: they differ only by path and filters. One item per row, each
   page one request under the throttle, paged by NinjaOne's named cursor. */

interface ReportDefinition {
	name: string;
	/** The path after /v2/queries/. */
	path: string;
	/** Whether the report takes a device filter. */
	deviceFilter: boolean;
	filters: FilterName[];
	/** The smallest page the spec allows, where it sets one. */
	minPageSize?: number;
}

const CUSTOM_FIELD_FILTERS: FilterName[] = ['updatedAfter', 'fields', 'showSecureValues'];
const SCOPED_FIELD_FILTERS: FilterName[] = ['updatedAfter', 'fields', 'scopes', 'showSecureValues'];
const INSTALL_DATES: FilterName[] = ['installedBefore', 'installedAfter'];

const report = (
	name: string,
	path: string,
	filters: FilterName[] = [],
	{ deviceFilter = true, minPageSize }: { deviceFilter?: boolean; minPageSize?: number } = {},
): ReportDefinition => ({ name, path, deviceFilter, filters, minPageSize });
/** The reports whose spec asks for pages of at least ten rows. */
const TEN = { minPageSize: 10 };

export const REPORTS: ReportDefinition[] = [
	report('Antivirus Status', 'antivirus-status', ['ts', 'productState', 'productName']),
	report('Antivirus Threats', 'antivirus-threats', ['ts']),
	report('Backup Usage', 'backup/usage', ['includeDeletedDevices'], { deviceFilter: false }),
	report('Computer Systems', 'computer-systems', ['ts']),
	report('Custom Fields', 'custom-fields', CUSTOM_FIELD_FILTERS, TEN),
	report('Custom Fields (Detailed)', 'custom-fields-detailed', CUSTOM_FIELD_FILTERS, TEN),
	report('Device Health', 'device-health', ['health']),
	report('Disks', 'disks', ['ts']),
	report('Logged-On Users', 'logged-on-users', [], TEN),
	report('Network Interfaces', 'network-interfaces'),
	report('Operating Systems', 'operating-systems', ['ts']),
	report('OS Patch Installs', 'os-patch-installs', ['status', ...INSTALL_DATES]),
	report('OS Patches', 'os-patches', ['ts', 'status', 'type', 'severity']),
	report('Policy Overrides', 'policy-overrides', [], TEN),
	report('Processors', 'processors', ['ts']),
	report('RAID Controllers', 'raid-controllers', ['ts']),
	report('RAID Drives', 'raid-drives', ['ts']),
	report('Scoped Custom Fields', 'scoped-custom-fields', SCOPED_FIELD_FILTERS, { ...TEN, deviceFilter: false }),
	report('Scoped Custom Fields (Detailed)', 'scoped-custom-fields-detailed', SCOPED_FIELD_FILTERS, { ...TEN, deviceFilter: false }),
	report('Software', 'software', INSTALL_DATES),
	report('Software Patch Installs', 'software-patch-installs', ['type', 'impact', 'status', 'productIdentifier', ...INSTALL_DATES]),
	report('Software Patches', 'software-patches', ['ts', 'status', 'productIdentifier', 'type', 'impact']),
	report('Volumes', 'volumes', ['ts', 'include']),
	report('Windows Services', 'windows-services', ['name', 'state'], TEN),
];

export const DEFAULT_REPORT_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		options: REPORTS.map((r) => ({ name: r.name, value: r.path })),
		default: 'device-health',
		description: 'Which NinjaOne report to run; each row of the report becomes one item',
	},
	{
		displayName: 'Device Filter',
		name: 'deviceFilter',
		type: 'string',
		default: '',
		placeholder: 'org = 12 AND class in (WINDOWS_SERVER)',
		displayOptions: { show: { report: REPORTS.filter((r) => r.deviceFilter).map((r) => r.path) } },
		description: 'NinjaOne device filter syntax (the "df" parameter). Leave empty for all devices.',
	},
	...filterCollectionsFor('report', REPORTS.map((r) => ({ value: r.path, filters: r.filters }))),
	...returnAllOrLimit({}),
	optionsCollection([
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: DEFAULT_REPORT_PAGE_SIZE,
			description: 'Rows asked for per request; each page is one request under the throttle',
		},
	]),
];

export const description = forOperation('report', 'get', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const chosen = inputs.string('report');
	const definition = REPORTS.find((r) => r.path === chosen);
	if (!definition) inputs.fail('Report', `"${chosen}" is not a NinjaOne report; one of ${REPORTS.map((r) => r.path).join(', ')}`);
	const qs = readFilters(inputs, definition.filters);
	const df = definition.deviceFilter ? inputs.text('deviceFilter', 'Device Filter', false) : undefined;
	if (df !== undefined) qs.df = df;
	const limit = readLimit(inputs);
	const pageSize = inputs.number('options.pageSize', 'Page Size', { min: 1, max: 10000, integer: true }) ?? DEFAULT_REPORT_PAGE_SIZE;
	const found = await namedCursorList(this, client, `/v2/queries/${definition.path}`, qs, pageSize, limit, definition.minPageSize);
	return rows(found);
}
