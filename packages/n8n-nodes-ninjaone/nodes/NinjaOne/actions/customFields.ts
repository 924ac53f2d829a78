import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { forOperation } from '../../shared/display';
import { failedWithResult } from '../../shared/envelope';
import { type ItemInputs, show } from '../../shared/inputs';
import type { NinjaOneClient } from '../transport';
import type { NinjaOneOperation } from './listing';

/* Custom fields of a device, an organization or a location: read as one object, written from
   name/value pairs or a JSON object, with what NinjaOne refused in its own words. */

/** Where the fields of one item live, and what the result names them by. */
interface Target {
	path: string;
	subject: IDataObject;
}

interface CustomFieldsSpec {
	properties: INodeProperties[];
	target(inputs: ItemInputs): Target;
}

const withInheritanceOption = optionsCollection([
	{
		displayName: 'With Inherited Values',
		name: 'withInheritance',
		type: 'boolean',
		default: false,
		description: 'Whether to fill fields without a value of their own from the location and organization above',
	},
]);

/** Get Custom Fields: the fields as one object. */
export function customFieldsGet(resource: string, spec: CustomFieldsSpec & { withInheritance: boolean }): NinjaOneOperation {
	return {
		description: forOperation(resource, 'getCustomFields', [...spec.properties, ...(spec.withInheritance ? [withInheritanceOption] : [])]),
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			const { path } = spec.target(inputs);
			const withInheritance = spec.withInheritance && inputs.boolean('options.withInheritance');
			return await client.call(this, 'GET', path, withInheritance ? { qs: { withInheritance } } : {});
		},
	};
}

/** Update Custom Fields: what was written, and what NinjaOne refused. */
export function customFieldsUpdate(resource: string, spec: CustomFieldsSpec): NinjaOneOperation {
	return {
		description: forOperation(resource, 'updateCustomFields', [...spec.properties, ...updateCustomFieldsProperties]),
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			const { path, subject } = spec.target(inputs);
			return await updateCustomFields(this, inputs, client, path, subject);
		},
	};
}

const VALUE_TYPES = ['text', 'number', 'boolean', 'clear'] as const;

const updateCustomFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Fields Input',
		name: 'fieldsInput',
		type: 'options',
		description: 'How the fields are given: pairs (one row per field), or one JSON object of names and values',
		options: [
			{ name: 'JSON', value: 'json', description: 'One JSON object of field names and values' },
			{ name: 'Name/Value Pairs', value: 'pairs', description: 'One row per field' },
		],
		default: 'pairs',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInput: ['pairs'] } },
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
						placeholder: 'assetTag',
						description: 'The field\'s API name, as Custom Field > Get Many lists it (not its label)',
					},
					{
						displayName: 'Value Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Boolean', value: 'boolean', description: 'True or false, for a checkbox field' },
							{ name: 'Clear Value', value: 'clear', description: 'Remove the field\'s value' },
							{ name: 'Number', value: 'number', description: 'For numeric and decimal fields' },
							{ name: 'Text', value: 'text', description: 'Sent as it is' },
						],
						default: 'text',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { hide: { type: ['clear'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { fieldsInput: ['json'] } },
		placeholder: '{"assetTag": "AT-001", "warrantyMonths": 36}',
		description: 'Field names and their values; null clears a field. An expression may return the object itself.',
	},
];

/** The fields to write, checked before any request. */
export function readCustomFieldValues(inputs: ItemInputs): IDataObject {
	const label = 'Custom Fields';
	if (inputs.choice('fieldsInput', 'Fields Input', ['pairs', 'json'] as const) === 'json') {
		const fields = inputs.object('fieldsJson', 'Fields (JSON)', true)!;
		if (Object.keys(fields).length === 0) inputs.fail('Fields (JSON)', 'give at least one field');
		for (const name of Object.keys(fields)) if (name.trim() === '') inputs.fail('Fields (JSON)', 'a field name is empty');
		return fields;
	}
	const pairs = inputs.raw('customFields.field', []);
	if (!Array.isArray(pairs) || pairs.length === 0) inputs.fail(label, 'add at least one field');
	const fields: IDataObject = {};
	for (const [i, pair] of (pairs as IDataObject[]).entries()) {
		const name = typeof pair?.name === 'string' ? pair.name.trim() : '';
		if (name === '') inputs.fail(label, `field ${i + 1} has no name`);
		if (name in fields) inputs.fail(label, `"${name}" is given twice`);
		const type = VALUE_TYPES.find((t) => t === (pair.type ?? 'text'));
		if (!type) inputs.fail(label, `"${name}": the value type must be one of ${VALUE_TYPES.join(', ')}, got ${show(pair.type)}`);
		fields[name] = typedValue(inputs, name, type, pair.value);
	}
	return fields;
}

function typedValue(inputs: ItemInputs, name: string, type: (typeof VALUE_TYPES)[number], value: unknown): string | number | boolean | null {
	const text = typeof value === 'string' ? value.trim() : value;
	switch (type) {
		case 'clear':
			return null;
		case 'number': {
			const n = typeof text === 'number' ? text : text === '' || typeof text !== 'string' ? NaN : Number(text);
			if (!Number.isFinite(n)) inputs.fail('Custom Fields', `"${name}" must be a number, got ${show(value)}`);
			return n;
		}
		case 'boolean': {
			if (typeof text === 'boolean') return text;
			const word = String(text).toLowerCase();
			if (word !== 'true' && word !== 'false') inputs.fail('Custom Fields', `"${name}" must be true or false, got ${show(value)}`);
			return word === 'true';
		}
		default:
			return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	}
}

/** NinjaOne's answers that refuse a write rather than fail the request. */
const REFUSAL_CODES = new Set(['400', '403', '409', '422']);

function refusalOf(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError) || !REFUSAL_CODES.has(String(error.httpCode))) return undefined;
	return error.message;
}

/**
 * Writes the fields in one PATCH. NinjaOne refuses such a write as a whole; the node then writes
 * field by field, so the good ones are written and every refusal is told in NinjaOne's words.
 */
async function updateCustomFields(
	ctx: IExecuteFunctions,
	inputs: ItemInputs,
	client: NinjaOneClient,
	path: string,
	subject: IDataObject,
): Promise<unknown> {
	const fields = readCustomFieldValues(inputs);
	const names = Object.keys(fields);
	const written: IDataObject = {};
	const refused: Array<{ field: string; value: unknown; reason: string }> = [];
	let refusedAsWhole = true;
	if (names.length > 1) {
		const outcome = await patch(ctx, client, path, fields);
		if (outcome.failure !== undefined) throw outcome.failure;
		refusedAsWhole = outcome.refusal !== undefined;
		if (!refusedAsWhole) Object.assign(written, fields);
	}
	if (refusedAsWhole) {
		for (const [index, name] of names.entries()) {
			const outcome = await patch(ctx, client, path, { [name]: fields[name] });
			if (outcome.failure !== undefined) {
				// Until a field is through, nothing was written: the failure stays as it is.
				if (index === 0) throw outcome.failure;
				// Fields written before it cannot be taken back: the failure keeps them.
				const notWritten = names.slice(index);
				throw failedWithResult(
					ctx.getNode(),
					`Writing custom field "${name}" failed: ${(outcome.failure as Error).message}. ` +
						`Before it, ${Object.keys(written).length} of ${names.length} fields had been written` +
						`${refused.length > 0 ? ` and ${refused.length} refused` : ''}; ${notWritten.length} not written.`,
					{ ...subject, written, refused, notWritten },
				);
			}
			if (outcome.refusal === undefined) written[name] = fields[name];
			else refused.push({ field: name, value: fields[name], reason: outcome.refusal });
		}
	}
	const result = { ...subject, written, refused };
	if (refused.length > 0) {
		const reasons = refused.map((r) => `${r.field}: ${r.reason}`).join('; ');
		throw failedWithResult(ctx.getNode(), `NinjaOne refused ${refused.length} of ${names.length} custom fields. ${reasons}`, result);
	}
	return result;
}

async function patch(
	ctx: IExecuteFunctions,
	client: NinjaOneClient,
	path: string,
	body: IDataObject,
): Promise<{ refusal?: string; failure?: unknown }> {
	let caught: unknown;
	try {
		await client.call(ctx, 'PATCH', path, { body });
		return {};
	} catch (error) {
		caught = error;
	}
	const refusal = refusalOf(caught);
	return refusal === undefined ? { failure: caught } : { refusal };
}
