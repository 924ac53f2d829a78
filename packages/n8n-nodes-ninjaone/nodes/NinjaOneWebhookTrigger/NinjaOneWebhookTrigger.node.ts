import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { eventResult } from '../NinjaOne/actions/activity/activities';
import { CREDENTIAL_TYPE, ninjaOneClient } from '../NinjaOne/transport';
import { isJsonObject } from '../shared/envelope';
import { DEFAULT_INTERVAL } from '../shared/router';
import { RequestClock } from '../shared/throttle';
import { emitted, eventProperties, readSelection } from '../NinjaOneTrigger/events';

/** The header NinjaOne sends with every delivery, holding the secret registered at activation. */
export const DELIVERY_HEADER = 'X-N8n-NinjaOne-Secret';

/** The webhook this workflow registered, in its static data. */
interface WebhookState {
	url?: string;
	/** The secret NinjaOne sends with each delivery; only this workflow knows it. */
	secret?: string;
}

/** The chosen events; each one a webhook can deliver. */
function selection(ctx: IHookFunctions | IWebhookFunctions) {
	const chosen = readSelection(ctx);
	if (!chosen) throw new NodeOperationError(ctx.getNode(), 'Events: choose at least one event');
	return chosen;
}

function webhookConfiguration(ctx: IHookFunctions, url: string): IDataObject {
	const organizationIds = String(ctx.getNodeParameter('organizationIds', '') ?? '')
		.split(/[,\s]+/)
		.filter((part) => part !== '')
		.map(Number)
		.filter((id) => Number.isInteger(id) && id > 0);
	return {
		url,
		activities: selection(ctx).webhookActivities,
		expand: ['device', 'organization'],
		...(organizationIds.length > 0 ? { organizationIds: [...new Set(organizationIds)] } : {}),
	};
}

function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

const client = () => ninjaOneClient(new RequestClock(DEFAULT_INTERVAL));

export class NinjaOneWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NinjaOne Webhook Trigger',
		name: 'ninjaOneWebhookTrigger',
		icon: { light: 'file:ninjaone.svg', dark: 'file:ninjaone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["eventSource"] === "raw" ? "activity types" : $parameter["events"].join(", ")}}',
		description: 'Starts the workflow the moment NinjaOne records an alert, a device going offline or online, a script result, a failed patch or a new ticket (webhook)',
		defaults: { name: 'NinjaOne Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'NinjaOne keeps one webhook per API client and cannot show it: activating this workflow replaces whatever the credential\'s API client had registered. Use a dedicated API client (its own credential) for each webhook trigger.',
				name: 'oneWebhookNotice',
				type: 'notice',
				default: '',
			},
			...eventProperties(false),
			{
				displayName: 'Organization IDs',
				name: 'organizationIds',
				type: 'string',
				default: '',
				placeholder: '12, 15',
				description: 'Only activities of these organizations, separated by commas; empty for all',
			},
		],
	};

	webhookMethods = {
		default: {
			/**
			 * Never: NinjaOne cannot show its webhook, and the record in static data can be stale ("Listen
			 * for test event" replaces the one registration of the API client, then deletes it). So
			 * every activation registers again; NinjaOne's PUT replaces what was there.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const url = this.getNodeWebhookUrl('default') as string;
				const configuration = webhookConfiguration(this, url);
				// Registering again keeps the secret, so a delivery already under way still gets in.
				const secret = typeof state.secret === 'string' ? state.secret : randomBytes(32).toString('hex');
				await client().call(this, 'PUT', '/v2/webhook', {
					body: { ...configuration, headers: [{ name: DELIVERY_HEADER, value: secret }] },
				});
				Object.assign(state, { url, secret });
				return true;
			},

			/**
			 * Removes NinjaOne's configuration only when this workflow registered it. The workflow
			 * stops accepting deliveries either way; an API error is reported to n8n (false) but does
			 * not stop the deactivation, as with n8n's own webhook triggers.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				if (typeof state.secret !== 'string') return true;
				delete state.url;
				delete state.secret;
				try {
					await client().call(this, 'DELETE', '/v2/webhook');
				} catch (error) {
					this.logger.warn(`NinjaOne Webhook Trigger: removing the webhook from NinjaOne failed (${(error as Error).message}); it stays registered until the API client's next registration`);
					return false;
				}
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as WebhookState;
		const given = this.getHeaderData()[DELIVERY_HEADER.toLowerCase()];
		if (typeof state.secret !== 'string' || !sameSecret(given, state.secret)) {
			const response = this.getResponseObject();
			response.status(401).json({ message: 'Unauthorized: this delivery does not carry the secret registered with NinjaOne' });
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as unknown;
		const deliveries = (Array.isArray(body) ? body : [body]).filter(isJsonObject) as JsonObject[];
		const events = deliveries.filter(selection(this).matches);
		const acknowledgement = { received: true, events: events.length };
		if (events.length === 0) return { webhookResponse: acknowledgement };
		// Answered here: n8n's own answer to a delivery that starts the workflow is its default
		// response data, the text "firstEntryJson".
		this.getResponseObject().status(200).json(acknowledgement);
		return { workflowData: [emitted(events.map((activity) => eventResult(activity)))], noWebhookResponse: true };
	}
}
