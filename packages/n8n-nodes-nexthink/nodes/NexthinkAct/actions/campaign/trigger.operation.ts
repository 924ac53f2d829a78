import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendInBatches } from '../../../shared/batches';
import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import {
	listDescription,
	maxPerRequestOption,
	parametersField,
	readIdentifiers,
	readMaxPerRequest,
	readParameters,
	USER_SID,
} from '../fields';

/** The Campaigns API's limits: users per request, campaign parameters, expiry (a year). */
const MAX_USERS = 10_000;
const MAX_PARAMETERS = 30;
const MAX_EXPIRY_MINUTES = 525_600;

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignNqlId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '#vpn_satisfaction',
		description: 'The NQL ID of a published campaign whose trigger is the API (NQL: campaign.nql_id)',
	},
	{
		displayName: 'Users (SIDs)',
		name: 'users',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'S-1-5-21-1004336348-1177238915-682003330-512',
		description: listDescription('The security ID of each user the campaign is sent to (NQL: user.sid).'),
	},
	{
		displayName: 'Expires In (Minutes)',
		name: 'expiresInMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_EXPIRY_MINUTES },
		default: 1440,
		required: true,
		description: 'How long the campaign stays on offer to the users, counted from now, up to a year (525,600)',
	},
	parametersField(
		'parameters',
		'Parameters',
		'Values for the campaign\'s parameters, which compose its questions: every parameter ID of the campaign, at most 30',
	),
	optionsCollection([maxPerRequestOption('Users', MAX_USERS)]),
];

export const description = forOperation('campaign', 'trigger', properties);

interface BatchAnswer {
	requests: IDataObject[];
	users: number;
}

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const campaignNqlId = inputs.text('campaignNqlId', 'Campaign ID', true)!;
	const users = readIdentifiers(inputs, 'users', 'Users (SIDs)', { regex: USER_SID, what: 'a user SID (such as S-1-5-21-…)' });
	if (users.length === 0) inputs.fail('Users (SIDs)', 'at least one user is required');
	const expiresInMinutes = inputs.number('expiresInMinutes', 'Expires In (Minutes)', { min: 1, max: MAX_EXPIRY_MINUTES, integer: true });
	if (expiresInMinutes === undefined) inputs.fail('Expires In (Minutes)', 'is required');
	const parameters = readParameters(inputs, 'parameters', 'Parameters');
	if (parameters && Object.keys(parameters).length > MAX_PARAMETERS) {
		inputs.fail('Parameters', `${Object.keys(parameters).length} were given; a campaign takes at most ${MAX_PARAMETERS}`);
	}
	const size = readMaxPerRequest(inputs, 'Users', MAX_USERS);

	const resultOf = (answers: BatchAnswer[]) => {
		const requests = answers.flatMap((answer) => answer.requests);
		const notSent = requests.filter((request) => typeof request.requestId !== 'string');
		return {
			campaignNqlId,
			expiresInMinutes,
			users: answers.reduce((sum, answer) => sum + answer.users, 0),
			sent: requests.length - notSent.length,
			notSent: notSent.length,
			batches: answers.length,
			requests,
		};
	};
	const answers = await sendInBatches(
		users,
		size,
		async (batch): Promise<BatchAnswer> => {
			const body: IDataObject = { campaignNqlId, userSid: batch, expiresInMinutes };
			if (parameters) body.parameters = parameters;
			const answer = await client.infinity.call(this, 'POST', '/api/v1/euf/campaign/trigger', { body });
			const requests = isJsonObject(answer) && Array.isArray(answer.requests) ? answer.requests.filter(isJsonObject) : [];
			return { requests: requests as IDataObject[], users: batch.length };
		},
		{ node: this.getNode(), noun: 'users', partialResult: resultOf },
	);
	return resultOf(answers);
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
