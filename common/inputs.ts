import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Reading parameters into the shapes the APIs take. Every failure is a NodeOperationError that
 * names the field and the item, raised before any request is sent.
 */
export class ItemInputs {
	constructor(
		readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
	) {}

	fail(label: string, problem: string, hint?: string): never {
		throw new NodeOperationError(
			this.ctx.getNode(),
			`${label} (item ${this.itemIndex}): ${problem}`,
			{ itemIndex: this.itemIndex, description: hint },
		);
	}

	/** The parameter's value, or `fallback` (null by default) where it is not set. */
	raw(name: string, fallback: unknown = null): unknown {
		return this.ctx.getNodeParameter(name, this.itemIndex, fallback as never);
	}

	string(name: string, fallback = ''): string {
		const value = this.raw(name, fallback);
		if (value === undefined || value === null) return '';
		return typeof value === 'string' ? value.trim() : String(value).trim();
	}

	/** A required or optional text; undefined when optional and empty. */
	text(name: string, label: string, required: boolean): string | undefined {
		const value = this.string(name);
		if (value === '' && required) this.fail(label, 'is required');
		return value === '' ? undefined : value;
	}

	/** Copies the optional texts `[field, label]` found under `prefix` into `target`, skipping empty ones. */
	texts(prefix: string, fields: Array<[string, string]>, target: IDataObject): IDataObject {
		for (const [field, label] of fields) {
			const value = this.text(`${prefix}${field}`, label, false);
			if (value !== undefined) target[field] = value;
		}
		return target;
	}

	boolean(name: string, fallback = false): boolean {
		return this.raw(name, fallback) === true;
	}

	/** A positive integer ID; int32 where `int32` (NinjaOne's IDs). */
	id(name: string, label: string, options: { int32?: boolean } = {}): number {
		const value = this.optionalId(name, label, options);
		if (value === undefined) this.fail(label, 'is required');
		return value;
	}

	optionalId(name: string, label: string, options: { int32?: boolean } = {}): number | undefined {
		return parseId(this, this.raw(name, ''), label, options.int32 ?? true);
	}

	number(name: string, label: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
		const value = this.raw(name);
		if (value === undefined || value === null || value === '') return undefined;
		const n = typeof value === 'number' ? value : Number(String(value).trim());
		if (!Number.isFinite(n)) this.fail(label, `must be a number, got ${show(value)}`);
		if (range.integer && !Number.isInteger(n)) this.fail(label, `must be a whole number, got ${show(value)}`);
		if (range.min !== undefined && n < range.min) this.fail(label, `must be at least ${range.min}, got ${n}`);
		if (range.max !== undefined && n > range.max) this.fail(label, `must be at most ${range.max}, got ${n}`);
		return n;
	}

	choice<T extends string>(name: string, label: string, allowed: readonly T[], required = true): T | undefined {
		const value = this.string(name);
		if (value === '') {
			if (required) this.fail(label, `is required; one of ${allowed.join(', ')}`);
			return undefined;
		}
		const match = allowed.find((a) => a === value) ?? allowed.find((a) => a.toUpperCase() === value.toUpperCase());
		if (!match) this.fail(label, `must be one of ${allowed.join(', ')}, got ${show(value)}`);
		return match;
	}

	/** JSON text, or an expression that yields the value itself. */
	json(name: string, label: string, kind: 'object' | 'array', required = false): IDataObject | unknown[] | undefined {
		return parseJson(this, this.raw(name, ''), label, kind, required);
	}

	object(name: string, label: string, required = false): IDataObject | undefined {
		return this.json(name, label, 'object', required) as IDataObject | undefined;
	}

	array(name: string, label: string, required = false): unknown[] | undefined {
		return this.json(name, label, 'array', required) as unknown[] | undefined;
	}

	/** A list given as an array, JSON text, or comma/newline-separated text. */
	list(name: string, label: string): string[] {
		return parseList(this, this.raw(name, ''), label);
	}
}

export function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const INT32_MAX = 2_147_483_647;

export function parseId(inputs: ItemInputs, value: unknown, label: string, int32 = true): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined || !/^\d+$/.test(text)) {
		inputs.fail(label, `must be a positive whole number, got ${show(value)}`);
	}
	const n = Number(text);
	if (n < 1 || !Number.isSafeInteger(n) || (int32 && n > INT32_MAX)) {
		inputs.fail(label, `is out of range: ${show(value)}`);
	}
	return n;
}

export function parseJson(
	inputs: ItemInputs,
	value: unknown,
	label: string,
	kind: 'object' | 'array',
	required: boolean,
): IDataObject | unknown[] | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') {
			if (required) inputs.fail(label, `is required (a JSON ${kind})`);
			return undefined;
		}
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			inputs.fail(label, `is not valid JSON: ${(error as Error).message}`, `Expected a JSON ${kind}, for example ${kind === 'array' ? '[1, 2]' : '{"key": "value"}'}.`);
		}
	} else if (value === undefined || value === null) {
		if (required) inputs.fail(label, `is required (a JSON ${kind})`);
		return undefined;
	}
	const isArray = Array.isArray(parsed);
	const isObject = typeof parsed === 'object' && parsed !== null && !isArray;
	if (kind === 'array' ? !isArray : !isObject) {
		inputs.fail(label, `must be a JSON ${kind}, got ${isArray ? 'an array' : typeof parsed === 'object' ? 'null' : 'a ' + typeof parsed}`);
	}
	return parsed as IDataObject | unknown[];
}

export function parseList(inputs: ItemInputs, value: unknown, label: string): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'number') list = [value];
	else if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) list = parseJson(inputs, text, label, 'array', false) as unknown[];
		else list = text === '' ? [] : text.split(/[\n,;]/);
	} else if (value === undefined || value === null) list = [];
	else inputs.fail(label, `must be a list, got ${show(value)}`);
	return list.map((entry, i) => {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			inputs.fail(label, `entry ${i} must be text or a number, got ${show(entry)}`);
		}
		return String(entry).trim();
	}).filter((entry) => entry !== '');
}

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date-time, with or without an offset; the short offset form `-4:00` of the
 * NinjaRMM connector is accepted. Without an offset the time is read in `timeZone`.
 * Returns epoch milliseconds.
 */
export function parseIsoDate(inputs: ItemInputs, value: unknown, label: string, timeZone: string): number {
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : undefined;
	const m = text === undefined ? null : ISO_8601.exec(text);
	if (!m) {
		inputs.fail(label, `must be an ISO 8601 date-time such as 2017-07-16T00:00:00 or 2017-07-16T00:00:00-04:00, got ${show(value)}`);
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', offset] = m;
	const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)];
	const ms = Math.round(Number(`0.${frac}`) * 1000);
	const wall = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
	const check = new Date(wall);
	if (
		check.getUTCFullYear() !== parts[0] ||
		check.getUTCMonth() !== parts[1] - 1 ||
		check.getUTCDate() !== parts[2] ||
		parts[3] > 23 ||
		parts[4] > 59 ||
		parts[5] > 59
	) {
		inputs.fail(label, `is not a real date-time: ${show(value)}`);
	}
	if (offset === undefined) return wall - zoneOffset(wall, timeZone);
	if (offset.toUpperCase() === 'Z') return wall;
	const om = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset)!;
	const minutes = Number(om[2]) * 60 + Number(om[3] ?? 0);
	if (Number(om[2]) > 14 || Number(om[3] ?? 0) > 59) inputs.fail(label, `has an impossible offset ${offset}`);
	return wall - (om[1] === '-' ? -minutes : minutes) * 60_000;
}

/** The offset of `timeZone` from UTC, in ms, at about the wall-clock instant given. */
function zoneOffset(wallAsUtc: number, timeZone: string): number {
	try {
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		const read = (instant: number) => {
			const p = Object.fromEntries(format.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
			return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(instant / 1000) * 1000;
		};
		const first = read(wallAsUtc);
		return read(wallAsUtc - first);
	} catch {
		return 0;
	}
}

function hasControlCharacter(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
	return false;
}

/** A text that goes into a URL path: encoded, and never a dot segment that would climb the path. */
export function pathSegment(inputs: ItemInputs, value: string | undefined, label: string): string {
	if (value === undefined || value === '') inputs.fail(label, 'is required');
	if (value === '.' || value === '..' || hasControlCharacter(value)) {
		inputs.fail(label, `is not a valid identifier: ${show(value)}`);
	}
	return encodeURIComponent(value);
}
