import type { ChildProcess } from 'child_process';
import { join } from 'path';

import { cli, startServer, stopServer } from '../../sandbox/n8n';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { type E2eN8n, prepareN8n, readWorkflow } from './support';

/* The request interval as the API sees it, in a real n8n (`n8n start`, the workflow published and
   started by its production webhook): Nexthink Act runs Infinity Workflow > Execute for 4 items at
   500 ms; the credential has no token yet and the token service takes 400 ms to answer. Every
   request must reach the simulator at least one interval after the one before it, the token fetch
   not counted in. Judged by bounds a busy machine cannot break: n8n gets the token no earlier than
   the token service answers it, and request k cannot arrive before k intervals after that. */

const WORKFLOW = readWorkflow(join(__dirname, 'workflows', 'infinity-throttle.json'));
const INTERVAL = 500;
const TOKEN_DELAY = 400;

let sandbox: Sandbox;
let n8n: E2eN8n;
let server: { child: ChildProcess; url: string; output: () => string };

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	n8n = await prepareN8n('throttle', sandbox.credentials(), [WORKFLOW]);
	await cli(n8n.dir, n8n.env, ['publish:workflow', `--id=${WORKFLOW.id}`]);
	// A loaded machine (2 shared cores) can take minutes to start n8n.
	server = await startServer(n8n.dir, n8n.env, { timeoutMs: 400_000 });
	await webhookRegistered(`${server.url}/webhook/e2e-infinity-throttle`, 120_000);
}, 900_000);

/**
 * n8n activates published workflows after it reports ready. A GET on a webhook registered for POST
 * only is answered with a hint to use POST: that answer says the workflow is active, without
 * starting it.
 */
async function webhookRegistered(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = await (await fetch(url)).text();
		if (/POST/.test(text) && !/Cannot GET/.test(text)) return;
		if (Date.now() > deadline) throw new Error(`the webhook was not registered in time; last answer: ${text.slice(0, 300)}\n${server.output().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

afterAll(async () => {
	if (server) await stopServer(server.child);
	await sandbox?.stop();
});

test('Infinity Workflow > Execute, 4 items at 500 ms, a token fetched first: requests reach the API at least 500 ms apart', async () => {
	const infinity = sandbox.nexthinkInfinity;
	infinity.login.faults.push({ route: 'POST /oauth2/default/v1/token', kind: 'slow', delay: TOKEN_DELAY });
	const devices = INFINITY_DEVICES.slice(0, 4).map((device) => ({ device: device.collectorId }));
	expect(devices).toHaveLength(4);

	// The webhook answers with the last node's items once the execution is over.
	const response = await fetch(`${server.url}/webhook/e2e-infinity-throttle`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: devices }),
	});
	const text = await response.text();
	expect({ status: response.status, text: response.ok ? '' : text + server.output().slice(-3000) }).toEqual({ status: 200, text: '' });
	const output = JSON.parse(text) as Array<{ has_error: boolean; error: string | null }>;
	expect(output.map((item) => item.has_error)).toEqual([false, false, false, false]);

	const [token, ...otherTokens] = infinity.login.requests('POST /oauth2/default/v1/token');
	expect(otherTokens).toEqual([]);
	const arrivals = infinity.api.requests('POST /api/v1/workflows/execute').map((r) => r.at);
	expect(arrivals).toHaveLength(4);
	const answered = token.at + TOKEN_DELAY;
	arrivals.forEach((at, k) => expect(at - answered).toBeGreaterThanOrEqual(k * INTERVAL));
	const gaps = arrivals.slice(1).map((at, k) => Math.round(at - arrivals[k]));
	process.stdout.write(`Infinity Workflow > Execute at ${INTERVAL} ms: first request ${Math.round(arrivals[0] - token.at)} ms after the token request, then gaps of ${gaps.join(', ')} ms\n`);
	expect(infinity.violations).toEqual([]);
});
