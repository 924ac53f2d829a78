import { readFileSync } from 'fs';
import { join } from 'path';

/* A small OpenAPI 3 checker: enough to prove that every request the nodes send names a real
   operation, declared parameters of the declared types and enums, and body properties the
   schema has. It reads the contracts in ./contracts, derived from the published specs by
   scripts/generate-contracts.mjs. */

/**
 * The contracts this folder carries: see scripts/generate-contracts.mjs for their sources, except
 * nexthink-nxql-classic, written by hand (Nexthink publishes no OpenAPI for the classic NXQL API).
 */
export type ContractName =
	| 'ninjaone'
	| 'nexthink-remote-actions'
	| 'nexthink-nql'
	| 'nexthink-workflows'
	| 'nexthink-campaigns'
	| 'nexthink-enrichment'
	| 'nexthink-nxql-classic';

const loaded = new Map<ContractName, OpenApiSpec>();

/** One contract, read once per process. */
export function contract(name: ContractName): OpenApiSpec {
	let spec = loaded.get(name);
	if (!spec) {
		spec = new OpenApiSpec(JSON.parse(readFileSync(join(__dirname, 'contracts', `${name}.json`), 'utf8')));
		loaded.set(name, spec);
	}
	return spec;
}

export type Schema = {
	$ref?: string;
	type?: string;
	format?: string;
	enum?: unknown[];
	items?: Schema;
	properties?: Record<string, Schema>;
	additionalProperties?: boolean | Schema;
	required?: string[];
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	minItems?: number;
	maxItems?: number;
	oneOf?: Schema[];
	anyOf?: Schema[];
	allOf?: Schema[];
	nullable?: boolean;
};

interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: Schema;
}

export interface SpecOperation {
	method: string;
	template: string;
	regex: RegExp;
	pathParams: string[];
	parameters: Parameter[];
	body?: Schema;
	literalSegments: number;
}

export interface Allowance {
	/** Extra body properties allowed on this operation (e.g. fields the spec has since dropped). */
	extraBodyProperties?: string[];
	/** Body properties whose schema the spec's own text widens beyond its declared type. */
	bodyProperties?: Record<string, Schema>;
	/** The body is an object whose values may be any JSON (a spec that says "object" for Java's Object). */
	anyBodyValues?: boolean;
}

export interface RequestToCheck {
	method: string;
	pathname: string;
	query: URLSearchParams;
	body: unknown;
	/** A multipart/form-data body: its text parts are read as their schema's types. */
	multipart?: boolean;
}

export class OpenApiSpec {
	readonly operations: SpecOperation[] = [];

	constructor(private readonly doc: Record<string, any>) {
		for (const [template, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
			const shared: Parameter[] = item.parameters ?? [];
			for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
				const op = item[method];
				if (!op) continue;
				const pathParams: string[] = [];
				const pattern = template
					.split('/')
					.map((segment) => {
						const m = /^\{(.+)\}$/.exec(segment);
						if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
						pathParams.push(m[1]);
						return '([^/]+)';
					})
					.join('/');
				this.operations.push({
					method: method.toUpperCase(),
					template,
					regex: new RegExp(`^${pattern}$`),
					pathParams,
					parameters: [...shared, ...(op.parameters ?? [])].map((p: Parameter) => this.deref(p)),
					body: op.requestBody ? this.bodySchema(op.requestBody) : undefined,
					literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
				});
			}
		}
		this.operations.sort((a, b) => b.literalSegments - a.literalSegments);
	}


	find(method: string, pathname: string): { op: SpecOperation; params: Record<string, string> } | undefined {
		for (const op of this.operations) {
			if (op.method !== method) continue;
			const m = op.regex.exec(pathname);
			if (!m) continue;
			const params: Record<string, string> = {};
			op.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
			return { op, params };
		}
		return undefined;
	}

	/** The problems of a request; empty when it matches the specification. */
	check(request: RequestToCheck, allowance: Allowance = {}): { problems: string[]; op?: SpecOperation; params: Record<string, string> } {
		const found = this.find(request.method, request.pathname);
		if (!found) return { problems: [`no operation ${request.method} ${request.pathname} in the specification`], params: {} };
		const { op, params } = found;
		const problems: string[] = [];
		for (const p of op.parameters.filter((p) => p.in === 'path')) {
			this.checkText(p.schema ?? {}, params[p.name], `path parameter ${p.name}`, problems);
		}
		const queryParams = op.parameters.filter((p) => p.in === 'query');
		for (const name of new Set(request.query.keys())) {
			const declared = queryParams.find((p) => p.name === name);
			if (!declared) {
				problems.push(`query parameter "${name}" is not declared for ${op.method} ${op.template}`);
				continue;
			}
			for (const value of request.query.getAll(name)) {
				this.checkText(declared.schema ?? {}, value, `query parameter ${name}`, problems);
			}
		}
		for (const p of queryParams.filter((p) => p.required)) {
			if (!request.query.has(p.name)) problems.push(`required query parameter "${p.name}" is missing`);
		}
		if (request.body !== undefined) {
			if (request.multipart && op.body) request = { ...request, body: this.readParts(op.body, request.body) };
			if (!op.body) problems.push(`${op.method} ${op.template} takes no body`);
			else if (allowance.anyBodyValues) {
				if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) problems.push('body must be an object');
			} else this.checkValue(this.widen(op.body, allowance), request.body, 'body', problems, new Set(allowance.extraBodyProperties ?? []), true);
		}
		return { problems, op, params };
	}

	/** Multipart parts arrive as text: a part whose schema is a number or a boolean is read as one. */
	private readParts(bodyRef: Schema, body: unknown): unknown {
		const schema = this.deref(bodyRef);
		if (typeof body !== 'object' || body === null || !schema.properties) return body;
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
			const type = schema.properties[key] ? this.deref(schema.properties[key]).type : undefined;
			if (typeof value === 'string' && (type === 'integer' || type === 'number') && value.trim() !== '' && Number.isFinite(Number(value))) out[key] = Number(value);
			else if (typeof value === 'string' && type === 'boolean' && (value === 'true' || value === 'false')) out[key] = value === 'true';
			else out[key] = value;
		}
		return out;
	}

	private widen(body: Schema, allowance: Allowance): Schema {
		if (!allowance.bodyProperties) return body;
		const schema = this.deref(body);
		return { ...schema, properties: { ...schema.properties, ...allowance.bodyProperties } };
	}

	private bodySchema(requestBody: Record<string, any>): Schema | undefined {
		const body = this.deref(requestBody);
		const content = body.content ?? {};
		const json = content['application/json'] ?? Object.values(content)[0];
		return json?.schema;
	}

	private deref<T>(value: T): T {
		let current: any = value;
		while (current && typeof current === 'object' && typeof current.$ref === 'string') {
			const path = current.$ref.replace(/^#\//, '').split('/');
			current = path.reduce((node: any, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc);
			if (!current) throw new Error(`Unresolved $ref ${(value as any).$ref}`);
		}
		return current as T;
	}

	/** A path or query value is text; it is read as the schema's type. */
	private checkText(schemaRef: Schema, text: string, where: string, problems: string[]): void {
		const schema = this.deref(schemaRef);
		let value: unknown = text;
		if (schema.type === 'integer') {
			if (!/^-?\d+$/.test(text)) return void problems.push(`${where} must be an integer, got "${text}"`);
			value = Number(text);
		} else if (schema.type === 'number') {
			if (text.trim() === '' || !Number.isFinite(Number(text))) return void problems.push(`${where} must be a number, got "${text}"`);
			value = Number(text);
		} else if (schema.type === 'boolean') {
			if (text !== 'true' && text !== 'false') return void problems.push(`${where} must be true or false, got "${text}"`);
			value = text === 'true';
		}
		this.checkValue(schema, value, where, problems, new Set(), false);
	}

	private checkValue(
		schemaRef: Schema,
		value: unknown,
		where: string,
		problems: string[],
		extras: Set<string>,
		top: boolean,
	): void {
		const schema = this.deref(schemaRef);
		if (value === null) {
			if (!schema.nullable && schema.type !== undefined) problems.push(`${where} is null`);
			return;
		}
		if (schema.allOf) {
			const merged: Schema = { type: 'object', properties: {}, additionalProperties: false };
			for (const part of schema.allOf.map((s) => this.deref(s))) {
				Object.assign(merged.properties!, part.properties ?? {});
				if (part.additionalProperties) merged.additionalProperties = part.additionalProperties;
			}
			return this.checkValue(merged, value, where, problems, extras, top);
		}
		const alternatives = schema.oneOf ?? schema.anyOf;
		if (alternatives) {
			const fits = alternatives.some((alt) => {
				const trial: string[] = [];
				this.checkValue(alt, value, where, trial, extras, top);
				return trial.length === 0;
			});
			if (!fits) problems.push(`${where} matches none of the allowed shapes`);
			return;
		}
		if (schema.enum && !schema.enum.includes(value)) {
			problems.push(`${where} must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`);
		}
		switch (schema.type) {
			case 'integer': {
				if (typeof value !== 'number' || !Number.isInteger(value)) return void problems.push(`${where} must be an integer, got ${JSON.stringify(value)}`);
				if (schema.format === 'int32' && (value > 2147483647 || value < -2147483648)) problems.push(`${where} is outside int32`);
				break;
			}
			case 'number':
				if (typeof value !== 'number' || !Number.isFinite(value)) return void problems.push(`${where} must be a number, got ${JSON.stringify(value)}`);
				break;
			case 'boolean':
				if (typeof value !== 'boolean') problems.push(`${where} must be a boolean, got ${JSON.stringify(value)}`);
				break;
			case 'string':
				if (typeof value !== 'string') return void problems.push(`${where} must be a string, got ${JSON.stringify(value)}`);
				if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
					problems.push(`${where} must be a UUID, got "${value}"`);
				}
				if (schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
					problems.push(`${where} must be an ISO 8601 date-time with an offset, got "${value}"`);
				}
				if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${where} is shorter than ${schema.minLength}`);
				if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${where} is longer than ${schema.maxLength}`);
				if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) problems.push(`${where} does not match ${schema.pattern}, got "${value}"`);
				break;
			case 'array':
				if (!Array.isArray(value)) return void problems.push(`${where} must be an array`);
				if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${where} has fewer than ${schema.minItems} items`);
				if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${where} has more than ${schema.maxItems} items`);
				value.forEach((entry, i) => schema.items && this.checkValue(schema.items, entry, `${where}[${i}]`, problems, new Set(), false));
				break;
			case 'object':
			case undefined: {
				// An object schema that declares no properties is free-form (JSON Schema), e.g. activity data.
				if (!schema.properties && schema.additionalProperties === undefined) break;
				if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${where} must be an object`);
				const props = schema.properties ?? {};
				for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
					if (props[key]) this.checkValue(props[key], entry, `${where}.${key}`, problems, new Set(), false);
					else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
						this.checkValue(schema.additionalProperties, entry, `${where}.${key}`, problems, new Set(), false);
					} else if (!schema.additionalProperties && !(top && extras.has(key))) {
						problems.push(`${where} has property "${key}" that the schema does not declare`);
					}
				}
				for (const key of schema.required ?? []) {
					if (!(key in (value as object))) problems.push(`${where} lacks required property "${key}"`);
				}
				break;
			}
		}
		if (typeof value === 'number') {
			if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${where} is below ${schema.minimum}`);
			if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${where} is above ${schema.maximum}`);
		}
	}
}
