#!/usr/bin/env node
// Lists the nodes and operations each built package provides, as n8n will load them from dist/.
const path = require('path');
const { workspaces } = require('../package.json');

/** A module's classes (a node or credential file also exports helpers and constants). */
const classesOf = (exported) =>
	Object.values(exported).filter((value) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)));

/** The operations shown for a resource; a node with an API selector (Nexthink Act) has a set per API. */
function operationsOf(props, resource) {
	const names = props
		.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))
		.flatMap((p) => (p.options ?? []).map((o) => o.name));
	return [...new Set(names)].join(', ');
}

function listNode(pkg, NodeClass, loadMs) {
	const started = process.hrtime.bigint();
	const { description } = new NodeClass();
	const constructMs = Number(process.hrtime.bigint() - started) / 1e6;
	const props = description.properties;
	console.log(`\n${description.displayName} (${pkg.name}.${description.name})`);
	// What n8n loads and sends to the editor for this node: its whole description.
	const size = Buffer.byteLength(JSON.stringify(description));
	console.log(`  Description: ${(size / 1024).toFixed(1)} KiB, ${props.length} parameters; loaded in ${(loadMs + constructMs).toFixed(1)} ms`);
	const resources = props.filter((p) => p.name === 'resource').flatMap((p) => p.options ?? []);
	const seen = new Set();
	for (const resource of resources) {
		if (seen.has(resource.value)) continue;
		seen.add(resource.value);
		console.log(`  ${resource.name}: ${operationsOf(props, resource)}`);
	}
	// A trigger has events instead of resources.
	const events = props.find((p) => p.name === 'events' || p.name === 'event');
	if (resources.length === 0 && events) {
		console.log(`  Events: ${(events.options ?? []).map((o) => o.name).join(', ')}`);
	}
	if (resources.length === 0 && description.webhooks) console.log("  Webhook: NinjaOne's API webhook");
}

for (const workspace of workspaces) {
	const dir = path.join(__dirname, '..', workspace);
	const pkg = require(path.join(dir, 'package.json'));
	console.log(`\nPackage ${pkg.name}`);
	// n8n itself has n8n-workflow loaded before any node: the node's own load time is measured.
	require(require.resolve('n8n-workflow', { paths: [dir] }));
	for (const file of pkg.n8n.nodes) {
		const started = process.hrtime.bigint();
		const exported = require(path.join(dir, file));
		const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
		for (const NodeClass of classesOf(exported)) listNode(pkg, NodeClass, loadMs);
	}
	for (const file of pkg.n8n.credentials) {
		for (const CredentialClass of classesOf(require(path.join(dir, file)))) {
			console.log(`\nCredential: ${new CredentialClass().displayName}`);
		}
	}
}
