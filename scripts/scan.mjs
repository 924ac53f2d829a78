// n8n's verification scan, run locally the way its CLI runs after the provenance step, for each
// package: the source leg on the package's folder in the repository's tree as a download of the commit
// holds it (the scanner downloads the attested commit and finds the folder whose package.json has the
// package's name), and
// the tarball leg on the unpacked `npm pack` of that package. Inline ESLint configuration is off in
// both. Run `npm run build` first (npm run scan does). Exits 1 on any finding.
//   node scripts/scan.mjs [package name …]   (default: every package)
import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, relative, resolve } from 'path';

import { analyzePackage, findPackageRoot, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
let failed = false;

async function leg(name, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		process.stdout.write(`scan ${name}: 0 findings\n`);
		return;
	}
	failed = true;
	process.stdout.write(`scan ${name}: ${result.message}\n${result.details ?? ''}\n`);
}

try {
	// The repository's tree without the folders .gitignore leaves out (node_modules, dist, …): what a
	// download of the commit holds. No git here: CI runs from a copy of the checkout without .git.
	const ignoredFolders = new Set(['.git']);
	for (const line of readFileSync(join(root, '.gitignore'), 'utf8').split('\n')) {
		const folder = /^([^*#!/\s][^*/\s]*)\/$/.exec(line.trim());
		if (folder) ignoredFolders.add(folder[1]);
	}
	const tree = join(work, 'source');
	cpSync(root, tree, { recursive: true, filter: (path) => !ignoredFolders.has(basename(path)) });
	const only = process.argv.slice(2);
	for (const workspace of workspaces) {
		const { name } = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'));
		if (only.length && !only.includes(name)) continue;
		const found = findPackageRoot(tree, name);
		if (found === null || relative(tree, found) !== workspace) {
			failed = true;
			process.stdout.write(`scan ${name}: the scanner would not find the package in ${workspace} (found: ${found})\n`);
			continue;
		}
		await leg(`${name} source`, found, SOURCE_FILE_PATTERNS);
		const packDir = join(work, name);
		mkdirSync(packDir);
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: join(root, workspace), encoding: 'utf8' })
			.trim()
			.split('\n')
			.pop();
		execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', packDir]);
		await leg(`${name} tarball`, join(packDir, 'package'), ['**/*.js', 'package.json']);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
