import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isJsonObject } from '../../shared/envelope';
import { isLastPage } from '../../shared/pagination';
import { RequestClock } from '../../shared/throttle';
import { type NinjaOneClient, ninjaOneClient } from '../transport';

/** Rows asked for per request, and how many requests one scroll of the list may take at most. */
export const SEARCH_PAGE_SIZE = 100;
const PAGES_PER_SEARCH = 5;
/** Enough matches to fill the editor's list before it asks for more. */
const ENOUGH_MATCHES = 50;

type Row = IDataObject;

function clientFor(): NinjaOneClient {
	return ninjaOneClient(new RequestClock(0));
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return needle === '' || texts.some((text) => text !== undefined && text !== null && String(text).toLowerCase().includes(needle));
}

/**
 * One scroll of a list paged by "after the last ID": pages until enough matches or the end, and
 * the last ID seen as the token for the next scroll. A cursor that does not advance ends the list.
 */
async function searchAfterId(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	token: string | undefined,
	toItem: (row: Row) => INodeListSearchItems,
	texts: (row: Row) => unknown[],
): Promise<INodeListSearchResult> {
	const client = clientFor();
	const results: INodeListSearchItems[] = [];
	let after = token !== undefined && /^\d+$/.test(token) ? Number(token) : undefined;
	let largest = 0;
	for (let page = 0; page < PAGES_PER_SEARCH && results.length < ENOUGH_MATCHES; page++) {
		const qs: IDataObject = { pageSize: SEARCH_PAGE_SIZE };
		if (after !== undefined) qs.after = after;
		const answer = await client.call(ctx, 'GET', path, { qs });
		const rows = (Array.isArray(answer) ? answer : []).filter(isJsonObject) as Row[];
		for (const row of rows) if (matches(filter, ...texts(row))) results.push(toItem(row));
		const last = rows.length > 0 ? rows[rows.length - 1].id : undefined;
		const advanced = typeof last === 'number' && (after === undefined || last > after);
		// A page shorter than asked may be the server's cap: only an empty one, or one shorter than the largest, ends the list.
		const lastPage = isLastPage(rows.length, largest);
		largest = Math.max(largest, rows.length);
		if (lastPage || !advanced) return { results };
		after = last;
	}
	return { results, paginationToken: String(after) };
}

export async function searchOrganizations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchAfterId(
		this,
		'/v2/organizations',
		filter,
		paginationToken,
		(org) => ({ name: String(org.name ?? `Organization ${org.id}`), value: String(org.id) }),
		(org) => [org.name, org.id, org.description],
	);
}

export async function searchDevices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchAfterId(
		this,
		'/v2/devices',
		filter,
		paginationToken,
		(device) => ({ name: `${String(device.displayName ?? device.systemName ?? 'Device')} (${device.id})`, value: String(device.id) }),
		(device) => [device.displayName, device.systemName, device.dnsName, device.id],
	);
}

/** The chosen organization's locations, or every location (paged) while none is chosen. */
export async function searchLocations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const organizationId = chosenId(this.getCurrentNodeParameter('organizationId'));
	const toItem = (location: Row): INodeListSearchItems => ({ name: String(location.name ?? `Location ${location.id}`), value: String(location.id) });
	const texts = (location: Row) => [location.name, location.id, location.address];
	if (organizationId === undefined) return await searchAfterId(this, '/v2/locations', filter, paginationToken, toItem, texts);
	const answer = await clientFor().call(this, 'GET', `/v2/organization/${organizationId}/locations`);
	const rows = (Array.isArray(answer) ? answer : []).filter(isJsonObject) as Row[];
	return { results: rows.filter((row) => matches(filter, ...texts(row))).map(toItem) };
}

export async function searchPolicies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = await clientFor().call(this, 'GET', '/v2/policies');
	const rows = (Array.isArray(answer) ? answer : []).filter(isJsonObject) as Row[];
	const results = rows
		.filter((policy) => matches(filter, policy.name, policy.id, policy.nodeClass))
		.map((policy) => ({ name: `${String(policy.name ?? 'Policy')} (${policy.id})`, value: String(policy.id), description: String(policy.nodeClass ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** The ID in a locator's current value (or an old plain ID); undefined while none is chosen. */
function chosenId(value: unknown): number | undefined {
	const raw = isJsonObject(value) ? value.value : value;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	const match = /^(\d+)$/.exec(text) ?? /#\/customerDashboard\/(\d+)/.exec(text);
	return match ? Number(match[1]) : undefined;
}
