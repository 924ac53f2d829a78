import { isJsonObject } from '../shared/envelope';
import { type ApiRequest, genericWords } from '../shared/request';

/** What the user can do about each error code of the Act API v2. */
const PORTAL_ADVICE: Record<string, string> = {
	INVALID_REQUEST_JSON:
		'The Portal could not read the request as JSON; check that parameter values are plain text',
	INVALID_REQUEST_CONTENT:
		'The Portal rejected the request\'s fields: device and Engine UIDs must be lists of UIDs, and parameters name/value text pairs',
	INTERNAL_ERROR:
		'The Portal failed internally; try again later, and look for the request UID in the Portal logs if it persists',
	CONTENT_TYPE: 'The Portal did not accept the request\'s content type; a proxy between n8n and the Portal may be rewriting it',
	ENCODING: 'The Portal did not accept the request\'s encoding; a proxy between n8n and the Portal may be rewriting it',
	NO_REMOTE_ACTION_UID: 'Fill in the Remote Action UID',
	NO_DEVICES: 'Give at least one device UID',
	TOO_MANY_DEVICES:
		'The Portal accepts fewer devices per request than were sent: lower the node\'s "Max Devices per Request" option',
	INVALID_ACTION_UID:
		'The Remote Action UID is not a valid UID: in Finder, right-click the remote action and choose Export > Remote action Uid to clipboard',
	INVALID_DEVICE_UID:
		'A device UID is not valid: use the device_uid of devices, e.g. from the NXQL query (select device_uid (from device))',
	NO_PERMISSION:
		'The credential\'s user may not trigger remote actions through the API: its profile needs Finder access with "Allow API of remote actions" ticked',
	UNKNOWN_OR_DISABLED_REMOTE_ACTION:
		'No enabled remote action has this UID: check the UID in Finder and that the remote action is enabled',
	NO_MANUAL_EXECUTION:
		'The remote action does not allow manual execution, which the API needs: in Finder, edit the remote action and allow it to be triggered manually',
	NO_ENGINES_TO_TARGET:
		'No Engine can be targeted: check the Engine Database UIDs (Engine > List gives them) and that the user\'s profile gives access to those Engines',
};

/** The Portal answers `{code, error}`; a 401 has no body worth reading. */
export function describePortalError(statusCode: number, body: unknown, request: ApiRequest): string | undefined {
	if (statusCode === 401) {
		return 'The Portal refused the username or password of the Nexthink Portal credential';
	}
	if (!isJsonObject(body) || typeof body.code !== 'string') return undefined;
	const words = typeof body.error === 'string' && body.error !== '' ? `${body.error} (${body.code})` : body.code;
	let advice = PORTAL_ADVICE[body.code];
	if (body.code === 'TOO_MANY_DEVICES') advice += ` (this request carried ${devicesIn(request)})`;
	return advice ? `${words}. ${advice}` : words;
}

function devicesIn(request: ApiRequest): string {
	const devices = isJsonObject(request.body) ? request.body.deviceUids : undefined;
	if (!Array.isArray(devices)) return 'an unknown number of devices';
	return `${devices.length} device${devices.length === 1 ? '' : 's'}`;
}

/** What the user can do about an Engine's NXQL answer, by status. */
const ENGINE_ADVICE: Record<number, string> = {
	400: 'The Engine could not run the query: check the NXQL and that each %1, %2... placeholder has its value',
	401: 'The Engine refused the username or password of the Nexthink Portal credential: it must be a Portal user allowed to use the Web API',
	403: 'The Portal user may not query this Engine: it needs Finder access and the right to use the Web API',
	404: 'The address answered, but not as an Engine\'s NXQL API: check the Engine\'s address and the Web API Port (1671 on premises, 443 on the Nexthink Cloud)',
};

/** An Engine answers an NXQL error in plain text (or HTML); its words come first, then advice. */
export function describeEngineError(statusCode: number, body: unknown): string {
	const words = statusCode === 401 ? undefined : genericWords(statusCode, body);
	const advice = ENGINE_ADVICE[statusCode];
	return [words, advice].filter(Boolean).join('. ');
}

/** The Infinity API a request went to, by its path. */
type InfinityApi = 'remoteActions' | 'nql' | 'nqlStatus' | 'workflows' | 'campaigns' | 'enrichment' | 'resultsFile';

function infinityApiOf(url: string): InfinityApi {
	const path = new URL(url).pathname;
	if (!path.startsWith('/api/')) return 'resultsFile';
	if (path.startsWith('/api/v1/nql/status/')) return 'nqlStatus';
	if (path.includes('/nql/')) return 'nql';
	if (path.includes('/workflows')) return 'workflows';
	if (path.startsWith('/api/v1/euf/campaign')) return 'campaigns';
	if (path.startsWith('/api/v1/enrichment/')) return 'enrichment';
	return 'remoteActions';
}

/**
 * Each Infinity API in its own words: `{code, message}` (remote actions, campaigns), `{message,
 * code, source}` (NQL), `{code, details}` (workflows), `{status, errors}` or `{message}`
 * (enrichment); the status says which permission or object is missing.
 */
export function describeInfinityError(statusCode: number, body: unknown, request: ApiRequest): string | undefined {
	const api = infinityApiOf(request.url);
	const words = api === 'workflows' ? workflowWords(statusCode, body) : api === 'enrichment' ? enrichmentWords(statusCode, body) : genericWords(statusCode, body);
	const source = isJsonObject(body) && typeof body.source === 'string' && body.source !== '' ? ` [${body.source}]` : '';
	const advice = api === 'enrichment' ? enrichmentAdvice(statusCode, words) : ADVICE[api][statusCode];
	return `${words}${source}${advice ? `. ${advice}` : ''}`;
}

function workflowWords(statusCode: number, body: unknown): string {
	if (isJsonObject(body) && typeof body.code === 'string' && typeof body.details === 'string' && body.details !== '') {
		return `${body.details} (${body.code})`;
	}
	return genericWords(statusCode, body);
}

/** A refused enrichment lists each object with its errors: the first few, and how many in all. */
function enrichmentWords(statusCode: number, body: unknown): string {
	if (!isJsonObject(body) || !Array.isArray(body.errors) || body.errors.length === 0) return genericWords(statusCode, body);
	const shown = body.errors.slice(0, 3).map((entry) => {
		const object = isJsonObject(entry) && Array.isArray(entry.identification) && isJsonObject(entry.identification[0])
			? String(entry.identification[0].value)
			: '?';
		const errors = isJsonObject(entry) && Array.isArray(entry.errors) ? entry.errors : [];
		const reasons = errors.map((error) => (isJsonObject(error) ? genericWords(statusCode, error) : String(error)));
		return `${object}: ${reasons.join('; ')}`;
	});
	const more = body.errors.length > 3 ? ` (and ${body.errors.length - 3} more objects)` : '';
	return `${body.errors.length === 1 ? 'The object was' : `All ${body.errors.length} objects were`} refused: ${shown.join(' | ')}${more}`;
}

function enrichmentAdvice(statusCode: number, words: string): string | undefined {
	if (statusCode === 400 && /field/i.test(words)) {
		return 'A field name is unknown or does not take this value: manual custom fields must first be created in Nexthink (Administration > Custom fields) and are named like device/device/#name; the other enrichable fields are listed in the Enrichment API documentation';
	}
	return ENRICHMENT_ADVICE[statusCode];
}

const TOKEN_ADVICE = 'The token was refused even after a refresh: check the Client ID and Client Secret of the Nexthink Infinity credential';

const REMOTE_ACTION_ADVICE: Record<number, string> = {
	401: TOKEN_ADVICE,
	403: 'The API credential lacks the permission, or the remote action is not enabled for API triggering: give the credential the Remote Actions API permission and, in the remote action\'s configuration, allow the API trigger',
	404: 'No remote action has this ID: Remote Action > List gives the IDs (such as #restart_service)',
};

const NQL_ADVICE: Record<number, string> = {
	401: TOKEN_ADVICE,
	403: 'The API credential lacks the permission to run NQL queries: give it the NQL API permission',
	404: 'No NQL API query has this ID: create it in Nexthink under Administration > NQL API queries, and use its ID (such as #my_query)',
};

const ENRICHMENT_ADVICE: Record<number, string> = {
	401: TOKEN_ADVICE,
	403: 'The API credential lacks the permission to enrich data: give it the Enrichment API permission',
};

const ADVICE: Record<InfinityApi, Record<number, string>> = {
	remoteActions: REMOTE_ACTION_ADVICE,
	nql: NQL_ADVICE,
	nqlStatus: {
		...NQL_ADVICE,
		404: 'No export has this ID any more: exports are kept for a limited time, so run the export again',
		429: 'Nexthink limits how many export status checks a day it answers: raise the "Status Check Interval (Seconds)" option, or export less often',
	},
	workflows: {
		401: TOKEN_ADVICE,
		400: 'Check the workflow\'s NQL ID (Workflow > Get Many gives them) and that the devices and users exist in Nexthink',
		403: 'The API credential lacks the permission, or the workflow cannot be triggered through the API: give the credential the Workflows API permission and add the API trigger to the workflow (Workflow > Get Many with Trigger Method "API" lists those that have it)',
	},
	campaigns: {
		401: TOKEN_ADVICE,
		400: 'Check that the campaign\'s NQL ID is right, that the campaign is published and its trigger is the API, and that every campaign parameter has a value',
		403: 'The API credential lacks the permission, or the campaign cannot be triggered through the API: give the credential the Campaigns API permission, and set the campaign\'s trigger to API',
	},
	enrichment: ENRICHMENT_ADVICE,
	resultsFile: {
		403: 'The results file\'s link was refused: such links expire soon after the export completes, so run the export again',
		404: 'The results file is gone: such files are kept for a limited time, so run the export again',
	},
};
