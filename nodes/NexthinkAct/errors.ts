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

/**
 * Infinity answers `{code, message}` (remote actions) or `{message, code, source}` (NQL); the
 * status says which permission or object is missing.
 */
export function describeInfinityError(statusCode: number, body: unknown, request: ApiRequest): string | undefined {
	const words = genericWords(statusCode, body);
	const source = isJsonObject(body) && typeof body.source === 'string' && body.source !== '' ? ` [${body.source}]` : '';
	const nql = new URL(request.url).pathname.includes('/nql/');
	const advice = nql ? NQL_ADVICE[statusCode] : REMOTE_ACTION_ADVICE[statusCode];
	return `${words}${source}${advice ? `. ${advice}` : ''}`;
}

const REMOTE_ACTION_ADVICE: Record<number, string> = {
	401: 'The token was refused even after a refresh: check the Client ID and Client Secret of the Nexthink Infinity credential',
	403: 'The API credential lacks the permission, or the remote action is not enabled for API triggering: give the credential the Remote Actions API permission and, in the remote action\'s configuration, allow the API trigger',
	404: 'No remote action has this ID: Remote Action > List gives the IDs (such as #restart_service)',
};

const NQL_ADVICE: Record<number, string> = {
	401: REMOTE_ACTION_ADVICE[401],
	403: 'The API credential lacks the permission to run NQL queries: give it the NQL API permission',
	404: 'No NQL API query has this ID: create it in Nexthink under Administration > NQL API queries, and use its ID (such as #my_query)',
};
