/** The port of an on-premises Engine's NXQL API (Web API V2). */
export const WEB_API_PORT = 1671;

/** Engines on the Nexthink Cloud answer NXQL on the standard HTTPS port. */
const CLOUD_HOST = /\.nexthink\.cloud$/i;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const IPV6 = /^[0-9a-f:.]+$/i;

/**
 * The base URL (scheme, host, port) of an Engine's NXQL API, from an address as the Engines list
 * gives it (an IP address) or as typed: a host name or IP address, with or without a port, or a
 * whole URL, used as it is (a trailing /2/query is dropped). An address without a port gets the
 * Web API port, 443 for Engines on the Nexthink Cloud. Throws a message saying what is wrong.
 */
export function engineBaseUrl(address: string, scheme: string, port = WEB_API_PORT): string {
	const typed = address.trim();
	if (typed === '') throw new Error('is empty');
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed)) {
		if (!URL.canParse(typed)) throw new Error(`"${typed}" is not a valid URL`);
		const url = new URL(typed);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${typed}" must start with https://`);
		if (url.username || url.password || url.search || url.hash || !/^\/?(2\/query\/?)?$/.test(url.pathname.replace(/^\//, ''))) {
			throw new Error(`"${typed}" must be only the Engine's address, such as https://engine.company.com:1671`);
		}
		return url.origin;
	}
	let host = typed;
	let explicitPort: string | undefined;
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(typed);
	if (bracketed) {
		host = `[${bracketed[1]}]`;
		explicitPort = bracketed[2];
		if (!IPV6.test(bracketed[1])) throw new Error(`"${typed}" is not a valid IPv6 address`);
	} else if ((typed.match(/:/g) ?? []).length > 1) {
		// A bare IPv6 address, as the Engines list may give one.
		if (!IPV6.test(typed)) throw new Error(`"${typed}" is not a valid IPv6 address`);
		host = `[${typed}]`;
	} else {
		const [name, given] = typed.split(':');
		host = name;
		explicitPort = given ?? undefined;
		if (given !== undefined && !/^\d+$/.test(given)) throw new Error(`"${typed}" has a port that is not a number`);
		if (!HOST_NAME.test(name)) throw new Error(`"${typed}" is not a host name or IP address`);
	}
	const portNumber = explicitPort !== undefined ? Number(explicitPort) : CLOUD_HOST.test(host) ? 443 : port;
	if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) throw new Error(`"${typed}" has a port outside 1 to 65535`);
	return new URL(`${scheme}//${host}:${portNumber}`).origin;
}
