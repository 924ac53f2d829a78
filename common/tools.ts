import type { IDataObject, IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from './display';
import type { ItemInputs } from './inputs';

/*
 * What an AI agent sees of these nodes. n8n turns a node with `usableAsTool` into "<Node> Tool";
 * the agent gets the node's `toolDescription` parameter as the tool's description, the `$fromAI()`
 * arguments as its schema, and each output item's JSON as the answer. The `@tool` display option
 * (true only on the tool variant) lets a parameter show, or default, differently there.
 */

/** The part of an operation these helpers read: whether it changes anything, and how it answers. */
export interface ToolTraits {
	/** Set where the operation changes data or acts on devices or people; wins over `method`. */
	changesState?: boolean;
	/** The HTTP method of a one-request operation (table-driven ones): anything but GET/HEAD changes state. */
	method?: IHttpRequestMethods;
	/** The operation has the Output option (Simplified / Raw / Selected Fields). */
	output?: OutputShape;
}

export interface OutputShape {
	/** The fields Simplified keeps (dot paths); without them, the flat fields of each result. */
	simplified?: string[];
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Whether an operation acts on the world: its flag where set, else its method where it is one request. */
export function changesState(operation: ToolTraits): boolean {
	if (operation.changesState !== undefined) return operation.changesState;
	return operation.method !== undefined && !READ_METHODS.has(operation.method.toUpperCase());
}

/** The sentence every tool description of a state-changing operation ends with. */
export const ACTS_ON_WORLD =
	'This acts on real devices or people: call it only for a change the user asked for.';

type OperationTable = Record<string, Record<string, ToolTraits>>;

/**
 * The Tool Description parameter of the tool variant, one per operation, prefilled from the
 * operation's own literals: what it does (its description), what it needs (its required
 * parameters) and, where it changes something, that it acts on real devices or people.
 * Where a node has this parameter n8n does not add its own one-line "Set Automatically" text.
 */
export function toolDescriptions(properties: INodeProperties[], operations: OperationTable): INodeProperties[] {
	const described: INodeProperties[] = [];
	for (const selector of properties) {
		const show = selector.displayOptions?.show;
		if (selector.name !== 'operation' || selector.type !== 'options' || !show?.resource) continue;
		for (const resource of show.resource as string[]) {
			for (const option of (selector.options ?? []) as INodePropertyOptions[]) {
				const operation = operations[resource]?.[String(option.value)];
				if (!operation) continue;
				const where = { ...show, resource: [resource], operation: [option.value] };
				described.push({
					displayName: 'Tool Description',
					name: 'toolDescription',
					type: 'string',
					typeOptions: { rows: 3 },
					default: toolDescriptionText(option, requiredInputs(properties, where), changesState(operation)),
					description:
						'What the AI agent reads about this tool: say when to use it, what it needs and what it returns',
					displayOptions: { show: { ...where, '@tool': [true] } },
				});
			}
		}
	}
	return described;
}

function toolDescriptionText(option: INodePropertyOptions, inputs: string[], acts: boolean): string {
	const what = sentence(option.description ?? option.action ?? option.name);
	const needs = inputs.length ? ` Needs: ${inputs.join(', ')}.` : '';
	return `${what}${needs}${acts ? ` ${ACTS_ON_WORLD}` : ''}`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The display names of the required parameters shown for one resource and operation. */
function requiredInputs(properties: INodeProperties[], where: Record<string, unknown>): string[] {
	const names: string[] = [];
	for (const property of properties) {
		if (!property.required || property.name === 'operation' || property.name === 'resource') continue;
		if (shownFor(property, where) && !names.includes(property.displayName)) names.push(property.displayName);
	}
	return names;
}

/** Shown for the operation whatever else is set (a parameter that depends on another one is not listed). */
function shownFor(property: INodeProperties, where: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	if (Object.keys(show).some((key) => !(key in where))) return false;
	for (const [key, wanted] of Object.entries(where)) {
		const allowed = show[key] as unknown[] | undefined;
		if (allowed && !allowed.includes((wanted as unknown[])[0])) return false;
	}
	return Boolean(show.resource && show.operation);
}

/**
 * The Output option of an operation that returns large objects or lists: Simplified by default
 * on the tool variant (an agent reads every character), Raw in workflows (unchanged answers).
 */
export function outputProperties(): INodeProperties[] {
	const output: INodeProperties = {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Simplified', value: 'simplified', description: 'Only the main fields of each result' },
			{ name: 'Raw', value: 'raw', description: 'Each result as the API returns it' },
			{ name: 'Selected Fields', value: 'selected', description: 'Only the fields you name' },
		],
		default: 'raw',
		description: 'How much of each result to return; the envelope (has_error, error, result) stays',
	};
	return [
		{ ...output, displayOptions: { show: { '@tool': [false] } } },
		{ ...output, default: 'simplified', displayOptions: { show: { '@tool': [true] } } },
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			placeholder: 'systemName, os.name, offline',
			description: 'Comma-separated fields to keep in each result; a dot reaches into an object (os.name)',
			displayOptions: { show: { output: ['selected'] } },
		},
	];
}

/** The operation with the Output option after its parameters. */
export function withOutput<T extends { description: INodeProperties[] }>(
	resource: string,
	operation: string,
	definition: T,
	simplified?: string[],
): T & { output: OutputShape } {
	return {
		...definition,
		description: [...definition.description, ...forOperation(resource, operation, outputProperties())],
		output: { simplified },
	};
}

/** Applies the Output option to one result (an object, or each row of a list). */
export function shapeOutput(inputs: ItemInputs, shape: OutputShape, value: unknown): unknown {
	const mode = inputs.string('output', 'raw') || 'raw';
	if (mode === 'raw') return value;
	let fields = shape.simplified;
	if (mode === 'selected') {
		fields = inputs.string('outputFields').split(',').map((f) => f.trim()).filter(Boolean);
		if (!fields.length) inputs.fail('Fields', 'is required when Output is "Selected Fields"', 'e.g. id, systemName');
	}
	return fields ? pick(value, fields) : flatFields(value);
}

function pick(value: unknown, paths: string[]): unknown {
	if (!isObject(value)) return value;
	const picked: IDataObject = {};
	for (const path of paths) {
		const keys = path.split('.');
		let source: unknown = value;
		for (const key of keys) source = isObject(source) ? source[key] : undefined;
		if (source === undefined) continue;
		let target = picked;
		for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as IDataObject;
		target[keys[keys.length - 1]] = source as IDataObject;
	}
	return picked;
}

/**
 * The flat fields of a result: text, numbers, flags, lists of them and objects of them (a row's
 * custom fields); empty values and nested structures (references, lists of objects) are left out.
 */
function flatFields(value: unknown): unknown {
	if (!isObject(value)) return value;
	const kept: IDataObject = {};
	for (const [key, field] of Object.entries(value)) {
		if (isEmpty(field)) continue;
		if (isScalar(field) || (Array.isArray(field) && field.every(isScalar))) kept[key] = field as IDataObject;
		else if (isObject(field) && Object.values(field).every(isScalar)) kept[key] = field;
	}
	return kept;
}

const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';
const isEmpty = (value: unknown): boolean =>
	value === null ||
	value === '' ||
	(Array.isArray(value) && value.length === 0) ||
	(isObject(value) && Object.keys(value).length === 0);

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
