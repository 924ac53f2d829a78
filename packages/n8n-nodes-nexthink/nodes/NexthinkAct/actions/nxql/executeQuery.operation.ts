import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { failedWithResult, isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { isConnected, listEngines } from '../engine/list.operation';
import { engineFailureMessage, summarize } from '../remoteAction/engineAnswers';
import { engineBaseUrl, WEB_API_PORT } from './engineAddress';
import { readJsonRows } from './jsonRows';

const PLATFORMS = ['windows', 'mac_os', 'mobile'];

const properties: INodeProperties[] = [
	{
		displayName: 'Run On',
		name: 'engineMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One Engine', value: 'one', description: 'The Engine chosen below' },
			{
				name: 'All Connected Engines',
				value: 'allConnected',
				description: 'Every Engine the Portal lists as connected, one after the other; each row says which Engine gave it',
			},
		],
		default: 'one',
		description: 'Whether to query one Engine or every connected Engine of the Portal',
	},
	{
		displayName: 'Engine',
		name: 'engine',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Engine to query: from the Portal\'s list of Engines, or its address (host or host:port)',
		displayOptions: { show: { engineMode: ['one'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchEngines', searchable: true },
			},
			{
				displayName: 'By Address',
				name: 'address',
				type: 'string',
				placeholder: 'engine.company.com',
				hint: 'Host name or IP address, optionally with :port, or https://host:port; Engine > Get Many gives the addresses',
			},
		],
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: '(select (device_uid name) (from device))',
		description: 'The NXQL query. %1, %2... stand for the Placeholder Values, in order.',
	},
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: [
			{ name: 'Windows', value: 'windows' },
			{ name: 'macOS', value: 'mac_os' },
			{ name: 'Mobile', value: 'mobile' },
		],
		default: ['windows'],
		required: true,
		description: 'The platforms whose devices the query reads; at least one',
	},
	{
		displayName: 'Placeholder Values',
		name: 'placeholders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Value',
		default: {},
		description: 'The first value replaces %1 in the query, the second %2, and so on: names of fields or categories, or literal values',
		options: [
			{
				displayName: 'Value',
				name: 'value',
				values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Include Summary Item',
			name: 'includeSummary',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/engineMode': ['allConnected'] } },
			description:
				'Whether to add, after the rows, one item with each Engine\'s answer (code, message, rows) and their counts, as Remote Action > Run reports Engines',
		},
		{
			displayName: 'Treat Engine Failures as Errors',
			name: 'treatEngineFailuresAsErrors',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/engineMode': ['allConnected'] } },
			description:
				'Whether an Engine that is not connected or did not answer fails the item, with the summary as its result; by default the other Engines\' rows are kept and an execution hint names the missing Engines',
		},
		{
			displayName: 'Web API Port',
			name: 'webApiPort',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 65535 },
			default: WEB_API_PORT,
			description:
				'The port of the Engines\' NXQL API, for addresses without one (on premises 1671; Engines on *.nexthink.cloud always use 443)',
		},
	]),
];

export const description = forOperation('nxql', 'executeQuery', properties);

/** The request's query string: the query, each platform, JSON, then p1, p2... */
function queryString(query: string, platforms: string[], values: string[]): string {
	const pairs: Array<[string, string]> = [
		['query', query],
		...platforms.map((platform): [string, string] => ['platform', platform]),
		['format', 'json'],
		...values.map((value, i): [string, string] => [`p${i + 1}`, value]),
	];
	return pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

function readPlaceholders(inputs: ItemInputs, query: string): string[] {
	const entries = inputs.raw('placeholders.value', []);
	const values = (Array.isArray(entries) ? entries : []).map((entry: IDataObject, i) => {
		const value = entry?.value ?? '';
		if (typeof value === 'object') inputs.fail('Placeholder Values', `value ${i + 1} must be text`);
		return String(value);
	});
	const used = [...query.matchAll(/%(\d+)/g)].map((m) => Number(m[1]));
	const highest = Math.max(0, ...used);
	if (highest > values.length) {
		inputs.fail('Placeholder Values', `the query uses %${highest}, but ${values.length === 1 ? 'one value is' : `${values.length} values are`} given`);
	}
	return values;
}

function readPlatforms(inputs: ItemInputs): string[] {
	const raw = inputs.raw('platforms', []);
	const platforms = [...new Set((Array.isArray(raw) ? raw : [raw]).map((p) => String(p).trim()).filter((p) => p !== ''))];
	if (platforms.length === 0) inputs.fail('Platforms', 'choose at least one platform');
	const unknown = platforms.find((p) => !PLATFORMS.includes(p));
	if (unknown !== undefined) inputs.fail('Platforms', `"${unknown}" is not one of ${PLATFORMS.join(', ')}`);
	return platforms;
}

/**
 * Runs an NXQL query on one Engine, or on every connected Engine of the Portal one after the
 * other, and returns one item per row. Rows are read as the Engine sends them (see readJsonRows).
 */
export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const allEngines = inputs.string('engineMode', 'one') === 'allConnected';
	const query = inputs.text('query', 'Query', true)!;
	const platforms = readPlatforms(inputs);
	const values = readPlaceholders(inputs, query);
	const port = inputs.number('options.webApiPort', 'Web API Port', { min: 1, max: 65535, integer: true }) ?? WEB_API_PORT;
	const strict = inputs.boolean('options.treatEngineFailuresAsErrors');
	const includeSummary = inputs.boolean('options.includeSummary');
	const scheme = await client.portal.scheme(this);
	const qs = queryString(query, platforms, values);
	// `engine` is added to each row as it is read (a row's own `engine` field is kept): no copy of the rows.
	const run = async (url: string, engine?: string): Promise<IDataObject[]> =>
		(await client.portal.engineQuery(this, url, qs, async (chunks) => {
			const found: IDataObject[] = [];
			await readJsonRows(chunks, (row) => {
				if (engine !== undefined && isJsonObject(row) && !('engine' in row)) row.engine = engine;
				found.push(row);
			});
			return found;
		})) as IDataObject[];

	if (!allEngines) {
		const address = inputs.ctx.getNodeParameter('engine', inputs.itemIndex, '', { extractValue: true });
		if (typeof address !== 'string' || address.trim() === '') inputs.fail('Engine', 'is required: choose one from the list or enter its address');
		let url: string | Error;
		try {
			url = engineBaseUrl(address, scheme, port);
		} catch (error) {
			url = error as Error;
		}
		if (url instanceof Error) inputs.fail('Engine', url.message);
		return rows(await run(url));
	}

	const engines = await listEngines(this, client);
	if (engines.length === 0) throw new Error('The Portal lists no Engines');
	const found: IDataObject[] = [];
	const answers: IDataObject[] = [];
	for (const engine of engines) {
		const name = String(engine.name ?? engine.databaseUID ?? '');
		const answer: IDataObject = { name, databaseUid: engine.databaseUID ?? null, address: engine.address ?? null };
		answers.push(answer);
		if (!isConnected(engine)) {
			Object.assign(answer, { code: 'not_connected', message: `The Portal lists the Engine as ${String(engine.status ?? 'unknown')}`, rows: 0 });
			continue;
		}
		let got: IDataObject[] = [];
		let failure: unknown;
		try {
			got = await run(engineBaseUrl(String(engine.address ?? ''), scheme, port), name);
		} catch (error) {
			failure = error;
		}
		if (this.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(this.getNode(), 'The execution was cancelled');
		if (failure !== undefined) {
			Object.assign(answer, { code: 'engine_error', message: failure instanceof Error ? failure.message : String(failure), rows: 0 });
			continue;
		}
		for (let i = 0; i < got.length; i++) found.push(got[i]);
		Object.assign(answer, { code: 'ok', message: '', rows: got.length });
	}
	const counted = summarize(answers);
	const failed = counted.failedEngines;
	const summary = { query, platforms, engines: answers, summary: counted, rows: found.length };
	if (failed.length > 0) {
		const message = engineFailureMessage(failed, answers.length);
		if (strict || failed.length === answers.length) throw failedWithResult(this.getNode(), message, summary);
		this.addExecutionHints?.({ message: `NXQL on all connected Engines: ${message}`, location: 'outputPane' });
	}
	if (includeSummary) found.push(summary as IDataObject);
	return rows(found);
}
