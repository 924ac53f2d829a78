// n8n's verification scan, run locally the way its CLI runs after the provenance step: the
// source (package.json, nodes/, credentials/) and the unpacked `npm pack` output, both linted
// with inline ESLint configuration off. Exits 1 on any finding.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
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
	await leg('source', root, SOURCE_FILE_PATTERNS);
	// `npm pack` ships what package.json's "files" names, built: run `npm run build` first.
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	await leg('tarball', unpacked, ['**/*.js', 'package.json']);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
