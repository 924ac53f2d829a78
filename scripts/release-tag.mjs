// Which package a release tag publishes: `ninjaone-1.2.0` is n8n-nodes-ninjaone 1.2.0, `nexthink-1.2.0`
// is n8n-nodes-nexthink 1.2.0. Prints `dir=…`, `name=…` and `version=…` lines (for $GITHUB_OUTPUT) and
// exits 1 when the tag names no package or another version than the package's package.json has.
//   node scripts/release-tag.mjs <tag>
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

const root = resolve(import.meta.dirname, '..');
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tag = process.argv[2] ?? '';

const fail = (message) => {
	process.stderr.write(`${message}\n`);
	process.exit(1);
};
const match = /^([a-z]+)-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
if (!match) fail(`"${tag}" is not a release tag: expected <vendor>-X.Y.Z, e.g. ninjaone-1.2.0 or nexthink-1.2.0`);
const [, vendor, version] = match;
const dir = workspaces.find((workspace) => workspace.endsWith(`/n8n-nodes-${vendor}`));
if (!dir) fail(`"${tag}" names no package of this repository (${workspaces.join(', ')})`);
const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
if (pkg.version !== version) fail(`"${tag}" is version ${version}, but ${dir}/package.json has ${pkg.version}`);
process.stdout.write(`dir=${dir}\nname=${pkg.name}\nversion=${version}\n`);
