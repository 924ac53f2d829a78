import { execFileSync, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/* GitHub Actions cannot run here: the workflow files are parsed, every npm script they run must exist
   (.ci/run runs the same scripts locally), and the tag-to-package step is run as publish.yml runs it. */

const ROOT = join(__dirname, '..', '..');
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const root = readJson('package.json');
const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));
type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string>; 'working-directory'?: string };
const stepsOf = (job: any): Step[] => job.steps as Step[];
const npmScripts = (steps: Step[]) =>
	steps.flatMap((step) => [...(step.run ?? '').matchAll(/npm (?:run (\S+)|(test)\b)/g)].map((m) => m[1] ?? m[2]));
const releaseTag = (tag: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'release-tag.mjs'), tag], { encoding: 'utf8' });

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');

	it('runs on pushes and pull requests, on Node 24', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		for (const job of Object.values<any>(ci.jobs)) {
			expect(stepsOf(job).find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('24');
		}
	});

	it('installs with npm ci, then lints, builds, checks Cloud eligibility, runs the engine tests, the scan and the e2e suites', () => {
		const steps = Object.values<any>(ci.jobs).flatMap(stepsOf);
		expect(steps.filter((s) => s.run === 'npm ci')).toHaveLength(Object.keys(ci.jobs).length);
		expect(npmScripts(steps)).toEqual(['lint', 'build', 'cloud-support', 'test:unit', 'scan', 'test:e2e', 'test:e2e:n8n1', 'test:e2e:ai', 'test:e2e:queue']);
		for (const script of npmScripts(steps)) expect(root.scripts[script]).toBeDefined();
	});
});

describe('.github/workflows/publish.yml', () => {
	const publish = workflow('publish.yml');
	const job = Object.values<any>(publish.jobs)[0];
	const steps = stepsOf(job);

	it('runs on each package\'s release tags only', () => {
		expect(publish.on).toEqual({ push: { tags: ['ninjaone-*.*.*', 'nexthink-*.*.*'] } });
	});

	it('may mint the OIDC token that signs the provenance, and nothing more', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('lints, builds, tests and scans before it publishes the tagged package with provenance', () => {
		expect(npmScripts(steps)).toEqual(['lint', 'build', 'test:unit', 'scan', 'release']);
		for (const script of npmScripts(steps).slice(0, -1)) expect(root.scripts[script]).toBeDefined();
		const release = steps[steps.length - 1];
		expect(release['working-directory']).toBe('${{ steps.package.outputs.dir }}');
		expect(release.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true', NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(steps.find((s) => s.run?.startsWith('npm run scan'))?.run).toContain('${{ steps.package.outputs.name }}');
		expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
			'node-version': '24',
			'registry-url': 'https://registry.npmjs.org',
		});
		for (const workspace of root.workspaces) {
			// n8n-node release in GitHub Actions: lint, build, then npm publish with provenance.
			expect(readJson(workspace, 'package.json').scripts.release).toBe('n8n-node release');
		}
	});

	it('maps a tag to its package and publishes only the version the tag names', () => {
		const step = steps.find((s) => s.run?.includes('release-tag.mjs'));
		expect(step?.run).toBe('node scripts/release-tag.mjs "$GITHUB_REF_NAME" >> "$GITHUB_OUTPUT"');
		for (const [vendor, dir] of [
			['ninjaone', 'packages/n8n-nodes-ninjaone'],
			['nexthink', 'packages/n8n-nodes-nexthink'],
		]) {
			const { name, version } = readJson(dir, 'package.json');
			const ok = releaseTag(`${vendor}-${version}`);
			expect(ok.status).toBe(0);
			expect(ok.stdout).toBe(`dir=${dir}\nname=${name}\nversion=${version}\n`);
			const wrong = releaseTag(`${vendor}-99.0.0`);
			expect(wrong.status).toBe(1);
			expect(wrong.stderr).toContain(`has ${version}`);
		}
		expect(releaseTag('0.1.0').status).toBe(1);
		expect(releaseTag('other-0.1.0').status).toBe(1);
	});
});

describe('the shared machinery', () => {
	it('has one source, common/, and each package ships an identical generated copy', () => {
		const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'sync-common.mjs'), '--check'], { encoding: 'utf8' });
		expect(out).toMatch(/identical in 2 packages/);
		expect(root.scripts.lint).toContain('sync-common.mjs --check');
		expect(root.scripts.build).toContain('sync-common.mjs --check');
	});
});
