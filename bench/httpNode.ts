import { existsSync, readFileSync } from 'fs';
import Module from 'module';
import { homedir } from 'os';
import { join } from 'path';

import type { IVersionedNodeType } from 'n8n-workflow';

/* n8n's own HTTP Request node (n8n-nodes-base), loaded from the real n8n that scripts/install-n8n.sh
   installs for the e2e tests, so n8n-nodes-base is not a dependency of the package. It runs in the
   same engine as our node: its `n8n-workflow` and `n8n-core` resolve to the package's copies (one
   engine, one set of classes), everything else to the n8n install's. */

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';

export function n8nInstallDir(): string {
	const cache =
		process.env.N8N_CACHE_DIR ??
		join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-ninjaone-nexthink');
	return join(cache, `n8n-${N8N_VERSION}`);
}

/** Where the HTTP Request node is, or why it is not there. */
export function findHttpRequestNode(): { file: string; version: string } | { missing: string } {
	const dir = n8nInstallDir();
	const base = join(dir, 'node_modules', 'n8n-nodes-base');
	const file = join(base, 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	if (!existsSync(join(dir, '.installed')) || !existsSync(file)) {
		return { missing: `n8n ${N8N_VERSION} is not installed in ${dir} (run scripts/install-n8n.sh)` };
	}
	const version = (JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as { version: string }).version;
	return { file, version };
}

const SHARED = new Set(['n8n-workflow', 'n8n-core']);

export function loadHttpRequestNode(file: string): IVersionedNodeType {
	const loader = Module as unknown as {
		_resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
	};
	const original = loader._resolveFilename;
	loader._resolveFilename = function (request, parent, ...rest) {
		const root = request.split('/')[0];
		if (SHARED.has(root)) return original.call(this, request, module, ...rest);
		return original.call(this, request, parent, ...rest);
	};
	const load = Module.createRequire(file);
	const { HttpRequest } = load(file) as { HttpRequest: new () => IVersionedNodeType };
	return new HttpRequest();
}
