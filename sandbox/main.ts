import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';

import { sandboxPorts, startSandbox } from './sandbox';

/* `npm run sandbox` (and `npm run dev`, which starts it for n8n): the simulated NinjaOne and Nexthink
   APIs on 127.0.0.1 until Ctrl+C. Options:
     --credentials <file>   write the n8n credentials that point at the sandbox (for n8n import:credentials)
   Ports: SANDBOX_BASE_PORT (default 5701) and the four after it: NinjaOne, Nexthink Portal,
   Nexthink Infinity login, Nexthink Infinity API, the scripted chat model. */

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const at = args.indexOf('--credentials');
	const credentialsFile = at >= 0 ? args[at + 1] : undefined;
	if (at >= 0 && !credentialsFile) throw new Error('--credentials needs a file name');

	const sandbox = await startSandbox({ ports: sandboxPorts(), activityFeed: {} });
	// A long session should not keep every request in memory.
	for (const server of sandbox.apis.flatMap((api) => api.servers)) server.keepLog = false;

	if (credentialsFile) {
		mkdirSync(dirname(credentialsFile), { recursive: true });
		writeFileSync(credentialsFile, JSON.stringify(sandbox.credentials(), null, '\t'));
	}
	const lines = ['Sandbox APIs (simulated, on loopback only):'];
	for (const api of sandbox.apis) lines.push(`  ${api.name.padEnd(18)} ${api.url}  ${api.summary}`);
	process.stdout.write(lines.join('\n') + '\n');

	// Report requests the simulators found wrong while the session runs.
	const reported = new Map(sandbox.apis.map((api) => [api, 0]));
	const watch = setInterval(() => {
		for (const api of sandbox.apis) {
			const seen = reported.get(api)!;
			for (const problem of api.violations.slice(seen)) process.stderr.write(`[sandbox] ${api.name}: ${problem}\n`);
			reported.set(api, api.violations.length);
		}
	}, 1000);

	const stop = async () => {
		clearInterval(watch);
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	process.stderr.write(`sandbox: ${(error as Error).message}\n`);
	process.exit(1);
});
