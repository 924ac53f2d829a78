import { execFileSync } from 'child_process';
import { join } from 'path';

/* `npm run nodes` lists what the built package gives n8n (npm test builds before jest runs). */

it('lists every node of the built package with its resources or events, and the credentials', () => {
	const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'list-nodes.js')], { encoding: 'utf8' });
	for (const line of [
		'NinjaOne (n8n-nodes-ninjaone.ninjaOne)',
		'  Ticket: Add Comment, Create, Get, Get Log Entries, Get Many, Update',
		'Nexthink Act (n8n-nodes-nexthink.nexthinkAct)',
		'  Remote Action: Run, Execute, Get, Get Many',
		'  NXQL: Execute Query',
		'NinjaOne Trigger (n8n-nodes-ninjaone.ninjaOneTrigger)',
		'NinjaOne Webhook Trigger (n8n-nodes-ninjaone.ninjaOneWebhookTrigger)',
		'Credential: NinjaOne OAuth2 API',
		'Credential: Nexthink Portal API',
		'Credential: Nexthink Infinity API',
	]) {
		expect(out.split('\n')).toContain(line);
	}
});
