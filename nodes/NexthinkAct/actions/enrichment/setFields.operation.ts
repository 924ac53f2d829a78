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
		displayName: 'Objects',
		name: 'objects',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'LAPTOP-ALICE, LAPTOP-BOB',
		description: listDescription('The objects to enrich, each named by the identifier above; all get the same field values.'),
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		required: true,
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

interface BatchAnswer {
	objects: number;
	status: string;
	errors: IDataObject[];
}

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const identification = inputs.choice('identification', 'Objects Identified By', IDENTIFICATIONS)!;
	const objects = readIdentifiers(inputs, 'objects', 'Objects');
	if (objects.length === 0) inputs.fail('Objects', 'at least one object is required');
	const fields = readFields(inputs, identification.split('/')[0]);
	const domain = inputs.text('options.domain', 'Domain', false) ?? 'n8n';
	const size = readMaxPerRequest(inputs, 'Objects', MAX_OBJECTS);

	const resultOf = (answers: BatchAnswer[]) => {
		const errors = answers.flatMap((answer) => answer.errors);
		return {
			domain,
			identification,
			fields: fields.map((field) => field.name),
			objects: answers.reduce((sum, answer) => sum + answer.objects, 0),
			objectsWithErrors: errors.length,
			status: errors.length > 0 ? 'partial_success' : 'success',
			batches: answers.length,
			errors,
		};
	};
	const answers = await sendInBatches(
		objects,
		size,
		async (batch): Promise<BatchAnswer> => {
			const enrichments = batch.map((value) => ({ identification: [{ name: identification, value }], fields }));
			const answer = await client.infinity.call(this, 'POST', '/api/v1/enrichment/data/fields', { body: { enrichments, domain } });
			const errors = isJsonObject(answer) && Array.isArray(answer.errors) ? answer.errors.filter(isJsonObject) : [];
			return {
				objects: batch.length,
				status: isJsonObject(answer) && typeof answer.status === 'string' ? answer.status : 'success',
				errors: errors as IDataObject[],
			};
		},
		{ node: this.getNode(), noun: 'objects', partialResult: resultOf },
	);
	return resultOf(answers);
}

/** The fields, each once, named for the kind of object identified ("device/device/..."). */
function readFields(inputs: ItemInputs, kind: string): Array<{ name: string; value: string | number }> {
	const entries = inputs.raw('fields.field', []);
	if (!Array.isArray(entries) || entries.length === 0) inputs.fail('Fields', 'at least one field is required');
	const names = new Set<string>();
	return (entries as IDataObject[]).map((entry, i) => {
		const name = String(entry?.name ?? '').trim();
		if (name === '') inputs.fail('Fields', `field ${i + 1} has no name`);
		if (!name.startsWith(`${kind}/${kind}/`)) {
			inputs.fail('Fields', `"${name}" is not a field of a ${kind}: the objects are identified as ${kind}s, so each name starts with ${kind}/${kind}/`);
		}
		if (names.has(name)) inputs.fail('Fields', `"${name}" is given twice`);
		names.add(name);
		const value = entry.value ?? '';
		if (typeof value === 'number' && Number.isInteger(value)) return { name, value };
		if (typeof value !== 'string') inputs.fail('Fields', `the value of "${name}" must be text or a whole number, got ${show(value)}`);
		return { name, value };
	});
}
