import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

/* `npm run nodes` lists what the built package gives n8n (npm test builds before jest runs). */

it('lists every node of the built package with its resources or events, and the credentials', () => {
	const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'list-nodes.js')], { encoding: 'utf8' });
	for (const line of [
		'NinjaOne (n8n-nodes-ninjaone.ninjaOne)',
		'  Ticket: Add Comment, Create, Get, Get Attributes, Get Boards, Get Contacts, Get Form, Get Forms, Get Log Entries, Get Many, Get Statuses, Get Users and Contacts, Update',
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

it("matches the README's NinjaOne operation table row for row", () => {
	const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'list-nodes.js')], { encoding: 'utf8' }).split('\n');
	const start = out.indexOf('NinjaOne (n8n-nodes-ninjaone.ninjaOne)');
	const listed: string[] = [];
	for (const line of out.slice(start + 1)) {
		if (!line.startsWith('  ')) break;
		const [resource, names] = line.trim().split(/: (.*)/);
		if (resource === 'Description') continue;
		for (const name of names.split(', ')) listed.push(`${resource} | ${name}`);
	}
	const readme = readFileSync(join(__dirname, '..', '..', 'packages', 'n8n-nodes-ninjaone', 'README.md'), 'utf8').split('\n');
	const header = readme.indexOf('| Resource | Operation | API call |');
	const rows: string[] = [];
	for (const row of readme.slice(header + 2)) {
		if (!row.startsWith('|')) break;
		const [, resource, operation] = row.split('|').map((cell) => cell.trim());
		rows.push(`${resource} | ${operation.split(/ \(|: /)[0]}`);
	}
	expect(rows).toEqual(listed);
});
