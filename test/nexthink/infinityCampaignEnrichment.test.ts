import { INFINITY_DEVICES, INFINITY_USERS } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const [alice, bob] = INFINITY_DEVICES;
const [aliceUser, bobUser] = INFINITY_USERS;
const continueOnFail = { onError: 'continueRegularOutput' as const };
const sim = () => fixture.infinity.automation;
const bodies = (route: string) => fixture.infinity.api.requests(route).map((r) => r.body as any);
const vpn = { parameter: [{ name: 'vpn_name', value: 'Corp VPN' }] };

const trigger = (parameters: Record<string, unknown>) =>
	fixture.runInfinity({ resource: 'campaign', operation: 'trigger', campaignNqlId: '#vpn_satisfaction', expiresInMinutes: 1440, parameters: vpn, ...parameters }, [{}], continueOnFail);

describe('Nexthink Infinity: Campaign > Trigger', () => {
	test('sends the campaign to the users with its expiry and parameters; each user\'s request ID or reason', async () => {
		const unknownSid = 'S-1-5-21-9-9-9';
		const run = await trigger({ users: `${aliceUser.sid}, ${bobUser.sid}, ${unknownSid}` });
		expect(run.json[0].has_error).toBe(false);
		expect(bodies('POST /api/v1/euf/campaign/trigger')).toEqual([
			{ campaignNqlId: '#vpn_satisfaction', userSid: [aliceUser.sid, bobUser.sid, unknownSid], expiresInMinutes: 1440, parameters: { vpn_name: 'Corp VPN' } },
		]);
		const [first, second] = sim().campaignRequests;
		expect(results(run)[0]).toEqual({
			campaignNqlId: '#vpn_satisfaction',
			expiresInMinutes: 1440,
			users: 3,
			sent: 2,
			notSent: 1,
			batches: 1,
			requests: [
				{ requestId: first.requestId, userSid: aliceUser.sid },
				{ requestId: second.requestId, userSid: bobUser.sid },
				{ userSid: unknownSid, message: 'User not found' },
			],
		});
	});

	test('users beyond the request cap go in batches, merged into one result', async () => {
		const users = Array.from({ length: 5 }, (_, i) => `S-1-5-21-1-2-${i}`);
		const run = await trigger({ users: users.join(','), options: { maxPerRequest: 2 } });
		expect(bodies('POST /api/v1/euf/campaign/trigger').map((b) => b.userSid)).toEqual([users.slice(0, 2), users.slice(2, 4), users.slice(4)]);
		expect(results(run)[0]).toMatchObject({ users: 5, sent: 0, notSent: 5, batches: 3 });
	});

	test('errors in the Campaigns API\'s words, with what to do; bad input named before any request', async () => {
		const manual = await trigger({ campaignNqlId: '#quarterly_survey', users: aliceUser.sid, parameters: {} });
		expect(manual.json[0].error).toMatch(/^Nexthink Infinity 403: Forbidden.*The API credential lacks the permission, or the campaign cannot be triggered through the API: give the credential the Campaigns API permission, and set the campaign's trigger to API$/);
		const missing = await trigger({ users: aliceUser.sid, parameters: {} });
		expect(missing.json[0].error).toMatch(/^Nexthink Infinity 400: Missing campaign parameters: vpn_name \(INVALID_PARAMETERS\)\. Check that the campaign's NQL ID is right/);
		const requests = fixture.infinity.api.log.length;

		const noUsers = await trigger({ users: '={{ "" }}' });
		expect(noUsers.json[0].error).toBe('Users (SIDs) (item 0): at least one user is required');
		const badExpiry = await trigger({ users: aliceUser.sid, expiresInMinutes: 600_000 });
		expect(badExpiry.json[0].error).toBe('Expires In (Minutes) (item 0): must be at most 525600, got 600000');
		const badSid = await trigger({ users: aliceUser.upn });
		expect(badSid.json[0].error).toBe(`Users (SIDs) (item 0): "${aliceUser.upn}" is not a user SID (such as S-1-5-21-…)`);
		expect(fixture.infinity.api.log).toHaveLength(requests);
	});
});

const enrich = (parameters: Record<string, unknown>) =>
	fixture.runInfinity({ resource: 'enrichment', operation: 'setFields', ...parameters }, [{}], continueOnFail);
const location = (value: unknown) => ({ field: [{ name: 'device/device/#location', value }, { name: 'device/device/configuration_tag', value: 'pilot' }] });

describe('Nexthink Infinity: Enrichment > Set Fields', () => {
	test('every object gets the fields, identified as chosen, in one request', async () => {
		const run = await enrich({ identification: 'device/device/name', objects: `${alice.name}, ${bob.name}`, fields: location('Geneva') });
		expect(run.json[0].has_error).toBe(false);
		const fields = [{ name: 'device/device/#location', value: 'Geneva' }, { name: 'device/device/configuration_tag', value: 'pilot' }];
		expect(bodies('POST /api/v1/enrichment/data/fields')).toEqual([
			{
				domain: 'n8n',
				enrichments: [
					{ identification: [{ name: 'device/device/name', value: alice.name }], fields },
					{ identification: [{ name: 'device/device/name', value: bob.name }], fields },
				],
			},
		]);
		expect(sim().enriched.get(`device/device/name=${alice.name}`)).toEqual({ 'device/device/#location': 'Geneva', 'device/device/configuration_tag': 'pilot' });
		expect(results(run)[0]).toEqual({
			domain: 'n8n',
			identification: 'device/device/name',
			fields: ['device/device/#location', 'device/device/configuration_tag'],
			objects: 2,
			objectsWithErrors: 0,
			status: 'success',
			batches: 1,
			errors: [],
		});
	});

	test('a partial success keeps the objects the API refused, in its words; numbers stay numbers', async () => {
		const run = await enrich({
			identification: 'user/user/upn',
			objects: `${aliceUser.upn}`,
			fields: { field: [{ name: 'user/user/#vip', value: '={{ 1 }}' }] },
			options: { domain: 'HR sync' },
		});
		expect(bodies('POST /api/v1/enrichment/data/fields')[0]).toEqual({
			domain: 'HR sync',
			enrichments: [{ identification: [{ name: 'user/user/upn', value: aliceUser.upn }], fields: [{ name: 'user/user/#vip', value: 1 }] }],
		});
		expect(run.json[0].has_error).toBe(false);

		const partial = await enrich({ objects: `${alice.name}, NO-SUCH-PC`, fields: location('Bern') });
		expect(results(partial)[0]).toMatchObject({
			objects: 2,
			objectsWithErrors: 1,
			status: 'partial_success',
			errors: [{ identification: [{ name: 'device/device/name', value: 'NO-SUCH-PC' }], errors: [{ code: 'OBJECT_NOT_FOUND', message: 'No device named NO-SUCH-PC' }] }],
		});
	});

	test('an unknown field refused for every object: the API\'s words and how to fix it', async () => {
		const run = await enrich({ objects: `${alice.name}, ${bob.name}`, fields: { field: [{ name: 'device/device/#room', value: '12' }] } });
		expect(run.json[0].error).toBe(
			`Nexthink Infinity 400: All 2 objects were refused: ${alice.name}: Unknown field device/device/#room (UNKNOWN_FIELD) | ${bob.name}: Unknown field device/device/#room (UNKNOWN_FIELD). ` +
				'A field name is unknown or does not take this value: manual custom fields must first be created in Nexthink (Administration > Custom fields) and are named like device/device/#name; the other enrichable fields are listed in the Enrichment API documentation',
		);
	});

	test('objects beyond the cap go in batches; fields of another kind of object are refused before sending', async () => {
		const objects = [...INFINITY_DEVICES.map((d) => d.name), 'PC-0'];
		const run = await enrich({ objects: objects.join('\n'), fields: location('Basel'), options: { maxPerRequest: 3 } });
		expect(bodies('POST /api/v1/enrichment/data/fields').map((b) => b.enrichments.length)).toEqual([3, 2]);
		expect(results(run)[0]).toMatchObject({ objects: 5, batches: 2, objectsWithErrors: 1, status: 'partial_success' });
		const requests = fixture.infinity.api.log.length;

		const wrongKind = await enrich({ identification: 'user/user/sid', objects: aliceUser.sid, fields: location('Basel') });
		expect(wrongKind.json[0].error).toBe('Fields (item 0): "device/device/#location" is not a field of a user: the objects are identified as users, so each name starts with user/user/');
		const noFields = await enrich({ objects: alice.name, fields: {} });
		expect(noFields.json[0].error).toBe('Fields (item 0): at least one field is required');
		const twice = await enrich({ objects: alice.name, fields: { field: [{ name: 'device/device/#location', value: 'a' }, { name: 'device/device/#location', value: 'b' }] } });
		expect(twice.json[0].error).toBe('Fields (item 0): "device/device/#location" is given twice');
		expect(fixture.infinity.api.log).toHaveLength(requests);
	});
});

describe('Nexthink Infinity: Enrichment > Set Fields, values per object', () => {
	test('each object with its own fields, from a JSON list built by an expression, in one request', async () => {
		const items = [{ name: alice.name, site: 'Geneva', seats: 3 }, { name: bob.name, site: 'Bern', seats: 1 }];
		const run = await enrich({
			values: 'perObject',
			enrichments: `={{ ${JSON.stringify(items)}.map(i => ({ object: i.name, fields: { "device/device/#location": i.site, "device/device/#cost_center": i.seats } })) }}`,
		});
		expect(run.json).toHaveLength(1);
		expect(bodies('POST /api/v1/enrichment/data/fields')).toEqual([
			{
				domain: 'n8n',
				enrichments: items.map((item) => ({
					identification: [{ name: 'device/device/name', value: item.name }],
					fields: [{ name: 'device/device/#location', value: item.site }, { name: 'device/device/#cost_center', value: item.seats }],
				})),
			},
		]);
		expect(sim().enriched.get(`device/device/name=${bob.name}`)).toEqual({ 'device/device/#location': 'Bern', 'device/device/#cost_center': 1 });
		expect(results(run)[0]).toMatchObject({ objects: 2, fields: ['device/device/#location', 'device/device/#cost_center'], status: 'success' });
	});

	test('a malformed list is named before any request', async () => {
		const bad = (enrichments: unknown) => enrich({ values: 'perObject', enrichments: typeof enrichments === 'string' ? enrichments : JSON.stringify(enrichments) });
		expect((await bad('[{"id": "A"')).json[0].error).toMatch(/^Objects and Values \(JSON\) \(item 0\): is not valid JSON/);
		expect((await bad([{ fields: { 'device/device/#location': 'x' } }])).json[0].error).toBe('Objects and Values (JSON) (item 0): entry 0 has no "object" (the object\'s identifier)');
		expect((await bad([{ object: 'A', fields: {} }])).json[0].error).toBe('Objects and Values (JSON) (item 0): entry 0 ("A") needs "fields": {name: value}, at least one');
		expect((await bad([{ object: 'A', fields: { 'user/user/#vip': 1 } }])).json[0].error).toMatch(/^Objects and Values \(JSON\) \(item 0\): "user\/user\/#vip" is not a field of a device/);
		expect((await bad([{ object: 'A', fields: { 'device/device/#location': 'x' } }, { object: 'A', fields: { 'device/device/#location': 'y' } }])).json[0].error).toBe('Objects and Values (JSON) (item 0): the object "A" is given twice');
		expect((await bad([{ object: 'A', fields: { 'device/device/#location': { x: 1 } } }])).json[0].error).toBe('Objects and Values (JSON) (item 0): the value of "device/device/#location" must be text or a whole number, got {"x":1}');
		expect(fixture.infinity.api.log).toHaveLength(0);
	});
});
