import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendInBatches } from '../../../shared/batches';
import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject } from '../../../shared/envelope';
import { type ItemInputs, show } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { listDescription, maxPerRequestOption, readIdentifiers, readMaxPerRequest } from '../fields';

/** The Enrichment API takes at most this many objects per request. */
const MAX_OBJECTS = 10_000;

const properties: INodeProperties[] = [
	{
		displayName: 'Objects Identified By',
		name: 'identification',
		type: 'options',
		description: 'The NQL field that identifies each object, e.g. device/device/name or user/user/upn',
		options: [
			{ name: 'Binary UID', value: 'binary/binary/uid' },
			{ name: 'Device Name', value: 'device/device/name' },
			{ name: 'Device UID', value: 'device/device/uid' },
			{ name: 'Package UID', value: 'package/package/uid' },
			{ name: 'User SID', value: 'user/user/sid' },
			{ name: 'User UID', value: 'user/user/uid' },
			{ name: 'User UPN', value: 'user/user/upn' },
		],
		default: 'device/device/name',
	},
	{
		displayName: 'Values',
		name: 'values',
		type: 'options',
		description: 'How values are given: same (every object gets the same field values) or perObject (each object with its own values)',
		options: [
			{
				name: 'Per Object (JSON)',
				value: 'perObject',
				description: 'A list of objects, each with its own field values, e.g. built from all input items',
			},
			{ name: 'Same for Every Object', value: 'same', description: 'A list of objects and the field values they all get' },
		],
		default: 'same',
	},
	{
		displayName: 'Objects',
		name: 'objects',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		displayOptions: { show: { values: ['same'] } },
		placeholder: 'LAPTOP-ALICE, LAPTOP-BOB',
		description: listDescription('The objects to enrich, each named by the identifier above; all get the same field values.'),
	},
	{
		displayName: 'Objects and Values (JSON)',
		name: 'enrichments',
		type: 'json',
		default: '[\n  { "object": "LAPTOP-ALICE", "fields": { "device/device/#location": "Geneva" } }\n]',
		required: true,
		displayOptions: { show: { values: ['perObject'] } },
		description:
			'A JSON array with one entry per object: its identifier under "object" and its fields as {name: value}. For one request from many items, build it with an expression over all of them and turn on "Execute Once".',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		required: true,
		displayOptions: { show: { values: ['same'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'device/device/#location',
						description:
							'The field to set, by its full name: a manual custom field such as device/device/#location, or a field the API allows, such as device/device/configuration_tag or user/user/ad/department',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Text, a whole number, or a date (YYYY-MM-DD)' },
				],
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: 'n8n',
			description: 'Where the values come from, recorded with the enrichment for tracking',
		},
		maxPerRequestOption('Objects', MAX_OBJECTS),
	]),
];

export const description = forOperation('enrichment', 'setFields', properties);

const IDENTIFICATIONS = (properties[0].options as Array<{ value: string }>).map((option) => option.value);

interface Field {
	name: string;
	value: string | number;
}

/** One object and the fields it gets. */
interface Entry {
	id: string;
	fields: Field[];
}

interface BatchAnswer {
	objects: number;
	errors: IDataObject[];
}

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const identification = inputs.choice('identification', 'Objects Identified By', IDENTIFICATIONS)!;
	const kind = identification.split('/')[0];
	const entries = inputs.choice('values', 'Values', ['same', 'perObject']) === 'perObject'
		? readEntries(inputs, kind)
		: sameForEvery(inputs, kind);
	const domain = inputs.text('options.domain', 'Domain', false) ?? 'n8n';
	const size = readMaxPerRequest(inputs, 'Objects', MAX_OBJECTS);

	const resultOf = (answers: BatchAnswer[]) => {
		const errors = answers.flatMap((answer) => answer.errors);
		return {
			domain,
			identification,
			fields: [...new Set(entries.flatMap((entry) => entry.fields.map((field) => field.name)))],
			objects: answers.reduce((sum, answer) => sum + answer.objects, 0),
			objectsWithErrors: errors.length,
			status: errors.length > 0 ? 'partial_success' : 'success',
			batches: answers.length,
			errors,
		};
	};
	const answers = await sendInBatches(
		entries,
		size,
		async (batch): Promise<BatchAnswer> => {
			const enrichments = batch.map((entry) => ({ identification: [{ name: identification, value: entry.id }], fields: entry.fields }));
			const answer = await client.infinity.call(this, 'POST', '/api/v1/enrichment/data/fields', { body: { enrichments, domain } });
			const errors = isJsonObject(answer) && Array.isArray(answer.errors) ? answer.errors.filter(isJsonObject) : [];
			return { objects: batch.length, errors: errors as IDataObject[] };
		},
		{ node: this.getNode(), noun: 'objects', partialResult: resultOf },
	);
	return resultOf(answers);
}

/** The listed objects, each with the same fields. */
function sameForEvery(inputs: ItemInputs, kind: string): Entry[] {
	const objects = readIdentifiers(inputs, 'objects', 'Objects');
	if (objects.length === 0) inputs.fail('Objects', 'at least one object is required');
	const pairs = inputs.raw('fields.field', []);
	if (!Array.isArray(pairs) || pairs.length === 0) inputs.fail('Fields', 'at least one field is required');
	const named = (pairs as IDataObject[]).map((pair, i): [string, unknown] => {
		const name = String(pair?.name ?? '').trim();
		if (name === '') inputs.fail('Fields', `field ${i + 1} has no name`);
		return [name, pair?.value ?? ''];
	});
	const fields = readFields(inputs, 'Fields', kind, named);
	return objects.map((id) => ({ id, fields }));
}

/** [{object, fields: {name: value}}, ...], each object once. */
function readEntries(inputs: ItemInputs, kind: string): Entry[] {
	const label = 'Objects and Values (JSON)';
	const list = inputs.array('enrichments', label, true)!;
	if (list.length === 0) inputs.fail(label, 'at least one object is required');
	const seen = new Set<string>();
	return list.map((entry, i) => {
		if (!isJsonObject(entry)) inputs.fail(label, `entry ${i} must be {"object": ..., "fields": {...}}, got ${show(entry)}`);
		const object = entry.object;
		const id = typeof object === 'string' || typeof object === 'number' ? String(object).trim() : '';
		if (id === '') inputs.fail(label, `entry ${i} has no "object" (the object's identifier)`);
		if (seen.has(id)) inputs.fail(label, `the object "${id}" is given twice`);
		seen.add(id);
		if (!isJsonObject(entry.fields) || Object.keys(entry.fields).length === 0) {
			inputs.fail(label, `entry ${i} ("${id}") needs "fields": {name: value}, at least one`);
		}
		return { id, fields: readFields(inputs, label, kind, Object.entries(entry.fields)) };
	});
}

/** Fields named for the kind of object identified ("device/device/..."), each once, values text or whole numbers. */
function readFields(inputs: ItemInputs, label: string, kind: string, pairs: Array<[string, unknown]>): Field[] {
	const names = new Set<string>();
	return pairs.map(([name, value]) => {
		if (!name.startsWith(`${kind}/${kind}/`)) {
			inputs.fail(label, `"${name}" is not a field of a ${kind}: the objects are identified as ${kind}s, so each name starts with ${kind}/${kind}/`);
		}
		if (names.has(name)) inputs.fail(label, `"${name}" is given twice`);
		names.add(name);
		if (typeof value === 'number' && Number.isInteger(value)) return { name, value };
		if (typeof value !== 'string') inputs.fail(label, `the value of "${name}" must be text or a whole number, got ${show(value)}`);
		return { name, value };
	});
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
