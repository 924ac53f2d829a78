import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { request as httpRequest } from 'http';
import { createServer, type Server } from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { deviceUid, errorTriggerUid, PORTAL_ACTIONS, PORTAL_ERROR_STATUS } from '../../simulator/nexthinkPortal';
import { NexthinkFixture } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

const run = (extra: Record<string, unknown> = {}) =>
	fixture.runPortal(
		{ resource: 'remoteAction', operation: 'run', remoteActionUid: PORTAL_ACTIONS.restartService, deviceUids: deviceUid(1), ...extra },
		[{}],
		{ onError: 'continueRegularOutput' },
	);

/** What the message must say for each code, beyond the Portal's own words. */
const ADVICE: Record<string, RegExp> = {
	INVALID_REQUEST_JSON: /could not read the request as JSON/,
	INVALID_REQUEST_CONTENT: /lists of UIDs/,
	INTERNAL_ERROR: /try again later.*request UID/,
	CONTENT_TYPE: /content type.*proxy/,
	ENCODING: /encoding.*proxy/,
	NO_REMOTE_ACTION_UID: /Fill in the Remote Action UID/,
	NO_DEVICES: /at least one device UID/,
	TOO_MANY_DEVICES: /lower the node's "Max Devices per Request" option \(this request carried 1 device\)/,
	INVALID_ACTION_UID: /Export > Remote action Uid to clipboard/,
	INVALID_DEVICE_UID: /device_uid/,
	NO_PERMISSION: /"Allow API of remote actions"/,
	UNKNOWN_OR_DISABLED_REMOTE_ACTION: /enabled/,
	NO_MANUAL_EXECUTION: /allow it to be triggered manually/,
	NO_ENGINES_TO_TARGET: /Engine > List/,
};

describe('Nexthink Portal: errors', () => {
	test.each(Object.keys(PORTAL_ERROR_STATUS))('%s becomes a message that says what to do', async (code) => {
		const result = await run({ remoteActionUid: errorTriggerUid(code) });
		const [item] = result.json;
		expect(item.has_error).toBe(true);
		expect(item.error).toContain(`Nexthink Portal ${PORTAL_ERROR_STATUS[code]}: simulated ${code} (${code}).`);
		expect(item.error).toMatch(ADVICE[code]);
		// POSTs are never re-sent on an error answer: the action might have started.
		expect(fixture.portal.server.requests('POST /api/remoteaction/v2/run')).toHaveLength(1);
	});

	test('errors that the Portal state causes', async () => {
		const manual = await run({ remoteActionUid: PORTAL_ACTIONS.automaticOnly });
		expect(manual.json[0].error).toMatch(/NO_MANUAL_EXECUTION.*allow it to be triggered manually/);

		const disabled = await run({ remoteActionUid: PORTAL_ACTIONS.disabled });
		expect(disabled.json[0].error).toMatch(/UNKNOWN_OR_DISABLED_REMOTE_ACTION/);

		const badEngine = await run({ options: { engineDatabaseUids: 'not-an-engine' } });
		expect(badEngine.json[0].error).toMatch(/^Nexthink Portal 403: .*NO_ENGINES_TO_TARGET/);

		fixture.portal.apiAllowed = false;
		const forbidden = await run();
		expect(forbidden.json[0].error).toMatch(/^Nexthink Portal 403: .*NO_PERMISSION.*Allow API of remote actions/);
	});

	test('a wrong password is a 401 about the credential, without the password', async () => {
		fixture.helper.store.get('portal-1')!.data.password = 'wrong-password-123';
		const before = fixture.portal.server.requests('POST /api/remoteaction/v2/run').length;
		const result = await run();
		// Basic auth has nothing to renew: the refused run reached the Portal once (one failed login).
		expect(fixture.portal.server.requests('POST /api/remoteaction/v2/run').length - before).toBe(1);
		expect(result.json[0].error).toBe(
			'Nexthink Portal 401: The Portal refused the username or password of the Nexthink Portal credential',
		);
		expect(JSON.stringify(result.run)).not.toContain('wrong-password-123');
		expect(fixture.leaks(result)).toEqual([]);
	});

	describe('a Portal with a self-signed certificate', () => {
		let proxy: Server;
		let url: string;
		const dir = mkdtempSync(join(tmpdir(), 'portal-tls-'));
		beforeAll(async () => {
			execFileSync('openssl', [
				'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
				'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
			], { stdio: 'ignore' });
			// An HTTPS front for the simulator, as an on-premises Portal would have.
			proxy = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
				const upstream = httpRequest(fixture.portal.server.url + req.url, { method: req.method, headers: req.headers }, (answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				});
				req.pipe(upstream);
			});
			await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
			url = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			rmSync(dir, { recursive: true, force: true });
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
		});

		test('is refused with advice, and reached once the credential allows it', async () => {
			const stored = fixture.helper.store.get('portal-1')!.data;
			stored.url = url;
			const refused = await fixture.runPortal({ resource: 'engine', operation: 'list' }, [{}], { onError: 'continueRegularOutput' });
			expect(refused.json[0].error).toMatch(/certificate/i);
			expect(refused.json[0].error).toContain('turn on "Ignore SSL Issues (Insecure)" in the Nexthink Portal credential');

			stored.ignoreSslIssues = true;
			const listed = await fixture.runPortal({ resource: 'engine', operation: 'list' });
			expect(listed.error).toBeUndefined();
			expect(listed.json.map((j) => (j.result as any).name)).toEqual(['engine-geneva', 'engine-lausanne']);
		});
	});
});
