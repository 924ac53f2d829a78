#!/usr/bin/env node
// Lists the nodes and operations the built package provides, as n8n will load them from dist/.
const path = require('path');
const pkg = require('../package.json');

for (const file of pkg.n8n.nodes) {
	const exported = require(path.join(__dirname, '..', file));
	for (const NodeClass of Object.values(exported)) {
		const { description } = new NodeClass();
		const props = description.properties;
		console.log(`\n${description.displayName} (${pkg.name}.${description.name})`);
		const resources = props.find((p) => p.name === 'resource');
		for (const resource of resources.options) {
			const ops = props.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
			);
			const names = (ops?.options ?? []).map((o) => o.name).join(', ');
			console.log(`  ${resource.name}: ${names}`);
		}
	}
}
for (const file of pkg.n8n.credentials) {
	const exported = require(path.join(__dirname, '..', file));
	for (const CredentialClass of Object.values(exported)) {
		console.log(`\nCredential: ${new CredentialClass().displayName}`);
	}
}
