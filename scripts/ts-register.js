/* Lets plain `node` run the benchmark, the sandbox and `npm run dev` straight from the TypeScript
   sources (packages/<package>/nodes, common/, test/harness, simulator/, bench/, sandbox/): each .ts file is transpiled on load with the project's own TypeScript,
   to the target of tsconfig.json (what `npm run build` ships). No build step and nothing stale;
   paths relative to each source file (the simulators' API reference files) stay true.
   The benchmark starts dozens of processes, so each transpiled file is kept in .cache/ by content. */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const tsconfig = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
const tsVersion = require('typescript/package.json').version;
const cacheDir = path.join(root, '.cache', 'ts-register');

let compilerOptions;
function compile(source, filename) {
	const ts = require('typescript');
	if (!compilerOptions) {
		const { config } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfig);
		const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
		compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, declaration: false, sourceMap: false, inlineSourceMap: true };
		delete compilerOptions.outDir;
	}
	return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

function transpile(source, filename) {
	const key = crypto.createHash('sha1').update(`${tsVersion}\0${tsconfig}\0${filename}\0`).update(source).digest('hex');
	const cached = path.join(cacheDir, `${key}.js`);
	try {
		return fs.readFileSync(cached, 'utf8');
	} catch {
		const output = compile(source, filename);
		try {
			fs.mkdirSync(cacheDir, { recursive: true });
			const temporary = `${cached}.${process.pid}`;
			fs.writeFileSync(temporary, output);
			fs.renameSync(temporary, cached);
		} catch {
			// A cache that cannot be written only costs time.
		}
		return output;
	}
}

// `.ts` is tried right after `.js` and before `.json`, as the compiled `.js` would be:
// `require('./NinjaOne.node')` must find NinjaOne.node.ts, not the codex file NinjaOne.node.json.
const later = ['.json', '.node'].map((ext) => [ext, require.extensions[ext]]);
for (const [ext] of later) delete require.extensions[ext];
require.extensions['.ts'] = (module, filename) => {
	module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
for (const [ext, load] of later) require.extensions[ext] = load;
