import { type ChatMessage, messageText, type ScriptStep, toolResults } from './scriptedModel';

/* What the scripted model answers for the example workflows (the sandbox and the end-to-end
   tests load them): the conversation a real model would plausibly have, with its arguments taken
   from the prompt and from the tools' answers, so that the workflow runs end to end. */

/** The envelope items a NinjaOne or Nexthink tool answers with. */
type Envelope = { has_error: boolean; error: string | null; result: Record<string, unknown> | null };

/** The `n`th tool answer of the conversation (0 = first), as the tool's first envelope. */
export function toolEnvelope(conversation: ChatMessage[], n: number): Envelope | undefined {
	const answer = toolResults(conversation)[n];
	return Array.isArray(answer) ? (answer[0] as Envelope) : undefined;
}

/** A number the first user message gives after `label`, such as "device ID 42". */
export function numberAfter(conversation: ChatMessage[], label: string): number {
	const prompt = messageText(conversation.find((m) => m.role === 'user') ?? { role: 'user', content: '' });
	const match = new RegExp(`${label}\\s*:?\\s*(\\d+)`, 'i').exec(prompt);
	if (!match) throw new Error(`the prompt gives no ${label}: ${prompt}`);
	return Number(match[1]);
}

/** The prompt of the alert triage example begins with this. */
export const TRIAGE_PROMPT = 'Triage this NinjaOne alert';

/**
 * The alert triage agent (examples/ninjaone-alert-triage-agent.json): read the device and its
 * recent activities at once, then open a ticket on the device's organization, then report.
 */
export const TRIAGE_SCRIPT: ScriptStep[] = [
	{
		calls: [
			{ tool: 'Get_device', arguments: (c) => ({ deviceId: numberAfter(c, 'device ID') }) },
			{ tool: 'Get_recent_activities', arguments: (c) => ({ deviceId: numberAfter(c, 'device ID') }) },
		],
	},
	{
		calls: [
			{
				tool: 'Create_ticket',
				arguments: (c) => {
					const device = toolEnvelope(c, 0)?.result ?? {};
					const name = String(device.displayName ?? device.systemName ?? `device ${numberAfter(c, 'device ID')}`);
					return {
						organizationId: Number(device.organizationId),
						deviceId: numberAfter(c, 'device ID'),
						subject: `Alert on ${name}: needs a technician`,
						description: `The agent read ${name} and its recent activities; the alert needs a look by a technician.`,
					};
				},
			},
		],
	},
	{
		answer: (c) => {
			const ticket = toolEnvelope(c, 2);
			return ticket?.has_error ? `Could not open a ticket: ${ticket.error}` : `Opened ticket ${String(ticket?.result?.id)}.`;
		},
	},
];

/** Every script the sandbox's model knows, by the text its conversation starts with. */
export const EXAMPLE_SCRIPTS: Array<[string, ScriptStep[]]> = [[TRIAGE_PROMPT, TRIAGE_SCRIPT]];
