import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/* GitHub Actions cannot run here: the workflow files are parsed, and every npm script they run must
   exist (.ci/run runs the same scripts locally). */

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));
type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
const stepsOf = (doc: any): Step[] => Object.values<any>(doc.jobs).flatMap((job) => job.steps as Step[]);
const npmScripts = (steps: Step[]) =>
	steps.flatMap((step) => [...(step.run ?? '').matchAll(/npm (?:run (\S+)|(test)\b)/g)].map((m) => m[1] ?? m[2]));

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');
	const steps = stepsOf(ci);

	it('runs on pushes and pull requests, on Node 24', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('24');
	});

	it('installs with npm ci, then lints, builds, runs the engine tests and the scan', () => {
		expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
		expect(npmScripts(steps)).toEqual(['lint', 'build', 'test:unit', 'scan']);
		for (const script of npmScripts(steps)) expect(pkg.scripts[script]).toBeDefined();
	});
});

describe('.github/workflows/publish.yml', () => {
	const publish = workflow('publish.yml');
	const steps = stepsOf(publish);
	const job = Object.values<any>(publish.jobs)[0];

	it('runs on version tags only', () => {
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
	});

	it('may mint the OIDC token that signs the provenance, and nothing more', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('tests and scans before it publishes with provenance, by trusted publishing or NPM_TOKEN', () => {
		expect(npmScripts(steps)).toEqual(['test', 'scan', 'release']);
		for (const script of npmScripts(steps)) expect(pkg.scripts[script]).toBeDefined();
		expect(pkg.scripts.release).toBe('npx --yes @n8n/node-cli@0.48.3 release');
		const release = steps[steps.length - 1];
		expect(release.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true', NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
			'node-version': '24',
			'registry-url': 'https://registry.npmjs.org',
		});
	});

	it('publishes only the version the tag names', () => {
		expect(steps.some((s) => s.run?.includes('GITHUB_REF_NAME') && s.run.includes('package.json'))).toBe(true);
	});
});

describe('package.json', () => {
	it('names one repository everywhere (npm checks provenance against it)', () => {
		const repo = 'github.com/n8n-nodes-ninjaone-nexthink/n8n-nodes-ninjaone-nexthink';
		expect(pkg.repository.url).toBe(`git+https://${repo}.git`);
		expect(pkg.homepage).toBe(`https://${repo}#readme`);
		expect(pkg.bugs.url).toBe(`https://${repo}/issues`);
	});

	it('ships no runtime dependency and has a CHANGELOG entry for its version', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version}`);
	});
});
