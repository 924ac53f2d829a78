// Derives the simulator's request contracts from the published API specs in ../shared/reference/
// (present only in the development workspace, never at test or run time) and writes them to
// simulator/contracts/. A contract keeps the facts a request is checked against (paths, methods,
// parameters, request body schemas, enums, formats, bounds) and drops prose, examples and
// responses. Run: node scripts/generate-contracts.mjs [referenceDir]
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse as parseYaml } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const reference = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference'));
const SPECS = {
	ninjaone: 'ninjaone-api-v2.yaml',
	'nexthink-remote-actions': 'nexthink-infinity-remote-actions-api.json',
	'nexthink-nql': 'nexthink-infinity-nql-api.json',
	'nexthink-workflows': 'nexthink-infinity-workflows-api.json',
	'nexthink-campaigns': 'nexthink-infinity-campaigns-api.json',
	'nexthink-enrichment': 'nexthink-infinity-enrichment-api.json',
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Prose and presentation: not part of what a request must satisfy. */
const DROPPED = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'tags', 'xml', 'responses', 'servers', 'security']);

function strip(value) {
	if (Array.isArray(value)) return value.map(strip);
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [key, entry] of Object.entries(value)) {
		if (DROPPED.has(key) || key.startsWith('x-')) continue;
		out[key] = strip(entry);
	}
	return out;
}

function refsOf(value, found = new Set()) {
	if (Array.isArray(value)) value.forEach((entry) => refsOf(entry, found));
	else if (value && typeof value === 'object') {
		if (typeof value.$ref === 'string') found.add(value.$ref);
		// "properties" maps names to schemas: a property may be called "description" or "example".
		for (const entry of Object.values(value)) refsOf(entry, found);
	}
	return found;
}

/** `strip` for a schema: property names are data, never dropped. */
function stripSchema(schema) {
	if (Array.isArray(schema)) return schema.map(stripSchema);
	if (!schema || typeof schema !== 'object') return schema;
	const out = {};
	for (const [key, entry] of Object.entries(schema)) {
		if (key === 'properties' && entry && typeof entry === 'object') {
			out.properties = Object.fromEntries(Object.entries(entry).map(([name, s]) => [name, stripSchema(s)]));
		} else if (DROPPED.has(key) || key.startsWith('x-')) continue;
		else out[key] = typeof entry === 'object' ? stripSchema(entry) : entry;
	}
	return out;
}

function contract(doc) {
	const paths = {};
	for (const [template, item] of Object.entries(doc.paths ?? {})) {
		const kept = {};
		if (item.parameters) kept.parameters = stripSchema(item.parameters);
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const entry = {};
			if (op.operationId) entry.operationId = op.operationId;
			if (op.deprecated) entry.deprecated = true;
			if (op.parameters) entry.parameters = stripSchema(op.parameters);
			if (op.requestBody) entry.requestBody = stripSchema(op.requestBody);
			kept[method] = entry;
		}
		paths[template] = kept;
	}
	// Only the components the kept paths reach, transitively.
	const components = {};
	const pending = [...refsOf(paths)];
	const seen = new Set();
	while (pending.length) {
		const ref = pending.pop();
		if (seen.has(ref)) continue;
		seen.add(ref);
		const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
		if (!section) throw new Error(`Unsupported $ref ${ref}`);
		const target = doc.components?.[section]?.[name];
		if (!target) throw new Error(`Unresolved $ref ${ref}`);
		const clean = stripSchema(target);
		(components[section] ??= {})[name] = clean;
		pending.push(...refsOf(clean));
	}
	for (const section of Object.values(components)) {
		const sorted = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
		Object.keys(section).forEach((key) => delete section[key]);
		Object.assign(section, sorted);
	}
	return { openapi: doc.openapi, info: { title: doc.info?.title, version: doc.info?.version }, paths, components };
}

for (const [name, file] of Object.entries(SPECS)) {
	const text = readFileSync(join(reference, file), 'utf8');
	const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
	const out = join(root, 'simulator', 'contracts', `${name}.json`);
	writeFileSync(out, JSON.stringify(contract(doc), null, '\t') + '\n');
	console.log(`${file} -> simulator/contracts/${name}.json (${Object.keys(doc.paths ?? {}).length} paths)`);
}
