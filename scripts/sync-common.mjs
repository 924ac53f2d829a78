// The shared machinery (throttle, request and retry rules, envelope, input checks, pagination,
// router) has one source: common/. Each package ships a copy in nodes/shared/, committed, because
// n8n's scanner lints a package's own folder at the attested commit, not a build output.
//   node scripts/sync-common.mjs          writes the copies
//   node scripts/sync-common.mjs --check  exits 1 when a copy differs from its source (CI, npm test)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'common');
const packages = ['n8n-nodes-ninjaone', 'n8n-nodes-nexthink'];
const check = process.argv.includes('--check');

const header = (file) =>
	`// Generated from common/${file} by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.\n`;

const files = readdirSync(source).filter((f) => f.endsWith('.ts')).sort();
const problems = [];
for (const pkg of packages) {
	const target = join(root, 'packages', pkg, 'nodes', 'shared');
	const wanted = new Map(files.map((f) => [f, header(f) + readFileSync(join(source, f), 'utf8')]));
	const present = existsSync(target) ? readdirSync(target).sort() : [];
	for (const [file, text] of wanted) {
		const path = join(target, file);
		const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
		if (current === text) continue;
		if (check) problems.push(`${pkg}/nodes/shared/${file} ${current === undefined ? 'is missing' : 'differs from common/' + file}`);
		else {
			mkdirSync(target, { recursive: true });
			writeFileSync(path, text);
		}
	}
	for (const file of present.filter((f) => !wanted.has(f))) {
		if (check) problems.push(`${pkg}/nodes/shared/${file} has no source in common/`);
		else rmSync(join(target, file));
	}
}
if (problems.length) {
	process.stderr.write(`The packages' copies of common/ are out of date (run npm run sync-common):\n- ${problems.join('\n- ')}\n`);
	process.exit(1);
}
process.stdout.write(check ? `common/: ${files.length} files, identical in ${packages.length} packages\n` : `common/ copied into ${packages.join(', ')}\n`);
