import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { join } from 'path';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { NinjaOneTrigger } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneTrigger/NinjaOneTrigger.node';
import { NinjaOneWebhookTrigger } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';

/* Each package is what `n8n-node new` scaffolds and what n8n verifies: one vendor, strict lint with n8n's
   default configuration, Cloud-eligible, no runtime dependency, a tarball of dist/ and the package's
   documents only, and documentation links that land on a heading of its own README. npm test builds
   before jest runs, so dist/ is current. */

const ROOT = join(__dirname, '..', '..');
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const root = readJson('package.json');
const REPO = 'github.com/n8n-nodes-ninjaone-nexthink/n8n-nodes-ninjaone-nexthink';
const CLI = join(ROOT, 'node_modules', '@n8n', 'node-cli');

const PACKAGES = [
	{
		dir: 'packages/n8n-nodes-ninjaone',
		name: 'n8n-nodes-ninjaone',
		keywords: ['ninjaone', 'ninjarmm'],
		nodes: ['NinjaOne', 'NinjaOneTrigger', 'NinjaOneWebhookTrigger'],
		credentials: ['NinjaOneOAuth2Api'],
	},
	{
		dir: 'packages/n8n-nodes-nexthink',
		name: 'n8n-nodes-nexthink',
		keywords: ['nexthink'],
		nodes: ['NexthinkAct'],
		credentials: ['NexthinkPortalApi', 'NexthinkInfinityApi'],
	},
];

/** GitHub's anchors of a Markdown file's headings. */
function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	for (const line of markdown.split('\n')) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		anchors.add(
			heading[1]
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N}\s_-]/gu, '')
				.replace(/\s/g, '-'),
		);
	}
	return anchors;
}

it('the repository root is a private workspace of exactly the two packages, with no shipped code of its own', () => {
	expect(root.private).toBe(true);
	expect(root.workspaces).toEqual(PACKAGES.map((p) => p.dir));
	expect(root.n8n).toBeUndefined();
	expect(existsSync(join(ROOT, 'nodes'))).toBe(false);
	expect(existsSync(join(ROOT, 'credentials'))).toBe(false);
});

describe.each(PACKAGES)('$name', ({ dir, name, keywords, nodes, credentials }) => {
	const pkg = readJson(dir, 'package.json');

	it("is n8n-node's scaffold: strict, n8n-node scripts, n8n's default lint configuration, the package's documents", () => {
		expect(pkg.name).toBe(name);
		expect(pkg.n8n.strict).toBe(true);
		expect(pkg.scripts).toMatchObject({
			build: 'n8n-node build',
			lint: 'n8n-node lint',
			dev: 'n8n-node dev',
			release: 'n8n-node release',
		});
		const template = readFileSync(join(CLI, 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs'), 'utf8');
		expect(readFileSync(join(ROOT, dir, 'eslint.config.mjs'), 'utf8').trim()).toBe(template.trim());
		for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'tsconfig.json']) expect(existsSync(join(ROOT, dir, file))).toBe(true);
		expect(readFileSync(join(ROOT, dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		expect(readFileSync(join(ROOT, dir, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version}`);
		expect(readdirSync(join(ROOT, dir)).filter((f) => !['dist', 'node_modules'].includes(f)).sort()).toEqual(
			['CHANGELOG.md', 'LICENSE', 'README.md', 'credentials', 'eslint.config.mjs', 'nodes', 'package.json', 'tsconfig.json'].sort(),
		);
	});

	it('ships no runtime dependency, takes n8n-workflow from n8n, and names its vendor and repository', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.keywords).toEqual(expect.arrayContaining(['n8n-community-node-package', ...keywords]));
		expect(pkg.repository).toEqual({ type: 'git', url: `git+https://${REPO}.git`, directory: dir });
	});

	it('lists exactly its own nodes and credentials', () => {
		expect(pkg.n8n.nodes).toEqual(nodes.map((n) => `dist/nodes/${n}/${n}.node.js`));
		expect(pkg.n8n.credentials).toEqual(credentials.map((c) => `dist/credentials/${c}.credentials.js`));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(existsSync(join(ROOT, dir, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
			expect(existsSync(join(ROOT, dir, file))).toBe(true);
		}
	});

	it('packs dist/, package.json, README, LICENSE and CHANGELOG, nothing else', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(ROOT, dir), encoding: 'utf8' }),
		);
		const paths: string[] = packed.files.map((f: { path: string }) => f.path);
		expect(paths.filter((p) => !p.startsWith('dist/')).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
		for (const node of nodes) expect(paths).toContain(`dist/nodes/${node}/${node}.node.js`);
	});

	it('is eligible for n8n Cloud verification (n8n-node cloud-support)', () => {
		const out = execFileSync(process.execPath, [join(CLI, 'bin', 'n8n-node.mjs'), 'cloud-support'], {
			cwd: join(ROOT, dir),
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		expect(out).toContain('Strict mode: enabled');
		expect(out).toContain('using default config');
		expect(out).toContain('eligible for n8n Cloud verification');
		expect(out).not.toContain('NOT eligible');
	});

	it("points every documentation link at a heading of its own README", () => {
		const anchors = anchorsOf(readFileSync(join(ROOT, dir, 'README.md'), 'utf8'));
		const links: string[] = [];
		for (const node of nodes) {
			const codex = readJson(dir, 'nodes', node, `${node}.node.json`);
			expect(codex.node).toBe(`${name}.${node.charAt(0).toLowerCase()}${node.slice(1)}`);
			for (const list of Object.values<{ url: string }[]>(codex.resources)) links.push(...list.map((r) => r.url));
		}
		for (const credential of credentials) {
			const source = readFileSync(join(ROOT, dir, 'credentials', `${credential}.credentials.ts`), 'utf8');
			links.push(/documentationUrl = '([^']+)'/.exec(source)![1]);
		}
		expect(links.length).toBeGreaterThan(nodes.length);
		for (const link of links) {
			const [page, anchor] = link.split('#');
			expect(page).toBe(`https://${REPO}/blob/main/${dir}/README.md`);
			expect([link, anchors.has(anchor)]).toEqual([link, true]);
		}
	});
});

describe('the nodes as n8n shows them', () => {
	const descriptions: INodeTypeDescription[] = [new NinjaOne(), new NexthinkAct(), new NinjaOneTrigger(), new NinjaOneWebhookTrigger()].map(
		(node) => node.description,
	);

	it('name list operations "Get Many", never "List …"', () => {
		for (const description of descriptions) {
			const operations = description.properties
				.filter((p: INodeProperties) => p.name === 'operation')
				.flatMap((p) => (p.options ?? []) as Array<{ name: string; action?: string }>);
			for (const operation of operations) {
				expect([description.name, operation.name]).not.toEqual([description.name, expect.stringMatching(/^List\b/)]);
				expect([description.name, operation.action]).not.toEqual([description.name, expect.stringMatching(/^List\b/)]);
			}
		}
	});

	it('put the AI-tool variants under an IT Operations Tools subcategory, not "Other Tools"', () => {
		for (const [dir, node] of [
			['packages/n8n-nodes-ninjaone', 'NinjaOne'],
			['packages/n8n-nodes-nexthink', 'NexthinkAct'],
		]) {
			expect(readJson(dir, 'nodes', node, `${node}.node.json`).subcategories).toEqual({ Tools: ['IT Operations'] });
		}
		expect(descriptions.filter((d) => d.usableAsTool).map((d) => d.name).sort()).toEqual(['nexthinkAct', 'ninjaOne']);
	});
});
