import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { isJsonObject, rows, withBinary } from '../../shared/envelope';
import type { ItemInputs } from '../../shared/inputs';
import type { NinjaOneClient } from '../transport';
import { DEFAULT_PAGE_SIZE, namedCursorList, type NinjaOneOperation, operationProperty, readLimit } from './listing';
import { type LocatorName, locatorId, optionalLocatorId } from './locators';

/* The operations that are one NinjaOne call each, described by a table (actions/<resource>/apiCalls.ts,
   written by scripts/generate-operations.mjs from the spec): which parameter goes where, read and
   checked the same way for every call. */

/** One parameter of a call: where the node keeps it and where the API takes it. */
export interface ApiField {
	/** The node parameter, e.g. `tagId` or `additionalFields.name`. */
	param: string;
	/** The API's name for it (empty for a whole body). */
	key: string;
	in: 'path' | 'query' | 'body' | 'wholeBody' | 'part' | 'file';
	type: 'number' | 'string' | 'boolean' | 'options' | 'multiOptions' | 'list' | 'json' | 'locator';
	/** The name in messages. */
	label: string;
	required?: boolean;
	integer?: boolean;
	locator?: LocatorName;
	/** A list's elements. */
	of?: 'integer' | 'number' | 'string';
	json?: 'object' | 'array';
}

export interface ApiCall {
	method: IHttpRequestMethods;
	/** The spec's path template, e.g. `/v2/tag/{tagId}`. */
	path: string;
	fields: ApiField[];
	/** A list: NinjaOne answers it whole, pages it by `after` (the last row's ID), or by a named cursor. */
	list?: 'whole' | 'after' | 'cursor';
	/** The answer is a file: it becomes the item's binary data. */
	download?: boolean;
	/** The body is multipart/form-data (a file and its fields). */
	multipart?: boolean;
}

function readField(inputs: ItemInputs, field: ApiField): unknown {
	const { param, label, required = false } = field;
	switch (field.type) {
		case 'locator':
			return required ? locatorId(inputs, field.locator!, param) : optionalLocatorId(inputs, field.locator!, param, label);
		case 'number': {
			const value = inputs.number(param, label, { integer: field.integer });
			if (value === undefined && required) inputs.fail(label, 'is required');
			return value;
		}
		case 'boolean': {
			const value = inputs.raw(param, undefined);
			return typeof value === 'boolean' ? value : undefined;
		}
		case 'multiOptions': {
			const value = inputs.raw(param, []);
			if (Array.isArray(value) && value.length > 0) return value;
			if (required) inputs.fail(label, 'needs at least one value');
			return undefined;
		}
		case 'list': {
			const values = inputs.list(param, label);
			if (values.length === 0) {
				if (required) inputs.fail(label, 'needs at least one value');
				return undefined;
			}
			if (field.of === 'string') return values;
			return values.map((text) => {
				const n = Number(text);
				if (text === '' || !Number.isFinite(n) || (field.of === 'integer' && !Number.isInteger(n))) {
					inputs.fail(label, `must be a list of ${field.of === 'integer' ? 'whole numbers' : 'numbers'}, got "${text}"`);
				}
				return n;
			});
		}
		case 'json':
			return inputs.json(param, label, field.json ?? 'object', required);
		default:
			return inputs.text(param, label, required);
	}
}

/** A multipart/form-data body: text and JSON parts, and files from the item's binary data. */
async function multipartBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parts: Array<{ field: ApiField; value: unknown }>,
): Promise<{ body: Buffer; contentType: string }> {
	const boundary = `----n8nNinjaOne${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const chunks: Buffer[] = [];
	for (const { field, value } of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${field.key}"`;
		let content: Buffer;
		if (field.in === 'file') {
			const property = String(value);
			const binary = ctx.helpers.assertBinaryData(itemIndex, property);
			content = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
			head += `; filename="${(binary.fileName ?? 'file').replace(/"/g, '')}"\r\nContent-Type: ${binary.mimeType || 'application/octet-stream'}`;
		} else if (typeof value === 'object') {
			content = Buffer.from(JSON.stringify(value));
			head += '\r\nContent-Type: application/json';
		} else content = Buffer.from(String(value));
		chunks.push(Buffer.from(`${head}\r\n\r\n`), content, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The file name a download answer gives, else the last word of its path. */
function fileNameOf(headers: IDataObject, path: string): string {
	const disposition = String(headers['content-disposition'] ?? '');
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
	return match ? decodeURIComponent(match[1]) : `${path.split('/').filter(Boolean).slice(-2, -1)[0] ?? 'download'}`;
}

/** A list answer: an array, or an object whose one property is the array (e.g. `{ tags: [...] }`). */
function listIn(answer: unknown): unknown[] | undefined {
	if (Array.isArray(answer)) return answer;
	if (!isJsonObject(answer)) return undefined;
	const values = Object.values(answer);
	return values.length === 1 && Array.isArray(values[0]) ? values[0] : undefined;
}

/** The operation a table row describes. Its parameters are in the resource's `properties`. */
export function apiOperation(call: ApiCall): NinjaOneOperation & { call: ApiCall } {
	return {
		call,
		// One request: its method tells an AI agent's tool whether it changes anything.
		method: call.method,
		description: [],
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			let path = call.path;
			const qs: IDataObject = {};
			// A JSON object body is sent even when no field of it is filled.
			let body: unknown = call.fields.some((field) => field.in === 'body') ? {} : undefined;
			const parts: Array<{ field: ApiField; value: unknown }> = [];
			const identity: IDataObject = {};
			// Every field is read and checked before the request is sent.
			for (const field of call.fields) {
				const value = field.in === 'file' ? inputs.text(field.param, field.label, true) : readField(inputs, field);
				if (value === undefined) continue;
				switch (field.in) {
					case 'path':
						path = path.replace(`{${field.key}}`, encodeURIComponent(String(value)));
						identity[field.param] = value;
						break;
					case 'query':
						qs[field.key] = Array.isArray(value) ? value.join(',') : (value as IDataObject[string]);
						break;
					case 'wholeBody':
						body = value;
						break;
					case 'body':
						(body as IDataObject)[field.key] = value as IDataObject[string];
						break;
					default:
						parts.push({ field, value });
				}
			}
			const query = Object.keys(qs).length ? { qs } : {};
			if (call.list === 'after') {
				return rows(await client.list(this, path, qs, DEFAULT_PAGE_SIZE, readLimit(inputs)));
			}
			if (call.list === 'cursor') {
				return rows(await namedCursorList(this, client, path, qs, DEFAULT_PAGE_SIZE, readLimit(inputs)));
			}
			if (call.list) {
				const limit = readLimit(inputs);
				const list = listIn(await client.call(this, call.method, path, query));
				if (!list) throw new Error(`NinjaOne answered ${path} with something other than a list`);
				return rows(limit === undefined ? list : list.slice(0, limit));
			}
			if (call.download) {
				const answer = await client.callFull(this, call.method, path, { ...query, binary: true });
				const data = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body as ArrayBuffer);
				const mimeType = String(answer.headers['content-type'] ?? 'application/octet-stream').split(';')[0];
				const fileName = fileNameOf(answer.headers, path);
				const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
				return withBinary({ ...identity, fileName, mimeType, fileSize: data.length }, { data: binary });
			}
			if (call.multipart) {
				const { body: form, contentType } = await multipartBody(this, inputs.itemIndex, parts);
				const answer = await client.call(this, call.method, path, { ...query, body: form, headers: { 'Content-Type': contentType } });
				return answer ?? { ...identity, success: true };
			}
			const answer = await client.call(this, call.method, path, { ...query, ...(body !== undefined ? { body } : {}) });
			return answer ?? { ...identity, success: true };
		},
	};
}

/** The operations of a table, by name. */
export function apiOperations(calls: Record<string, ApiCall>): Record<string, NinjaOneOperation> {
	return Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, apiOperation(call)]));
}

/**
 * A resource whose operations are all table rows: its Operation parameter, options sorted by name
 * as the editor lists them, and the rows' parameters.
 */
export function apiResource(
	resource: string,
	calls: Record<string, ApiCall>,
	operationOptions: INodePropertyOptions[],
	properties: INodeProperties[],
	defaultOperation: string,
): { operations: Record<string, NinjaOneOperation>; description: INodeProperties[] } {
	return {
		operations: apiOperations(calls),
		description: [
			operationProperty(resource, operationOptions, defaultOperation),
			...properties,
		],
	};
}

/** A hand-written resource's operation options with its table rows', sorted by name. */
export function withApiOptions(handwritten: INodePropertyOptions[], generated: INodePropertyOptions[]): INodePropertyOptions[] {
	return [...handwritten, ...generated].sort((a, b) => a.name.localeCompare(b.name));
}

/** A hand-written resource with the table rows of the same resource added: one Operation list, sorted by name. */
export function withApiCalls(
	own: { operations: Record<string, NinjaOneOperation>; description: INodeProperties[] },
	api: { calls: Record<string, ApiCall>; operationOptions: INodePropertyOptions[]; properties: INodeProperties[] },
): { operations: Record<string, NinjaOneOperation>; description: INodeProperties[] } {
	const [operation, ...rest] = own.description;
	const options = withApiOptions((operation.options ?? []) as INodePropertyOptions[], api.operationOptions);
	return {
		operations: { ...own.operations, ...apiOperations(api.calls) },
		description: [{ ...operation, options }, ...rest, ...api.properties],
	};
}
