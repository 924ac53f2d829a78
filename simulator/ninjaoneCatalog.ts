import { readFileSync } from 'fs';
import { join } from 'path';

import type { SimRequest, SimResponse } from './server';

/* The answers of every NinjaOne operation without a stateful route of its own: each request is
   already checked against the spec's contract; the answer has the shape the spec gives it (a list,
   an object, a file or nothing). The shapes are in ninjaoneCatalog.json, written with the
   operations by scripts/generate-operations.mjs. */

type Shape = 'list' | 'cursorList' | 'object' | 'file' | 'empty';

const shapes: Record<string, Shape> = JSON.parse(readFileSync(join(__dirname, 'ninjaoneCatalog.json'), 'utf8'));

/** The CSV the file downloads answer with. */
export const SAMPLE_FILE = 'id,name\n1,Sample article\n';

export type CatalogRoute = (request: SimRequest, params: Record<string, string>) => SimResponse;

function answer(shape: Shape, request: SimRequest, params: Record<string, string>): SimResponse {
	switch (shape) {
		case 'list': {
			const after = Number(request.query.get('after') ?? 0);
			const size = Number(request.query.get('pageSize') ?? 1000);
			const all = [1, 2, 3].map((id) => ({ id, name: `Sample ${id}` }));
			return { status: 200, body: all.filter((row) => row.id > after).slice(0, size) };
		}
		case 'cursorList': {
			// One page holds every row; a named cursor reads on from there (nothing left).
			const opened = !request.query.get('cursor');
			const results = opened ? [1, 2, 3].map((id) => ({ id, name: `Sample ${id}` })) : [];
			return { status: 200, body: { cursor: { name: 'sim-cursor', offset: opened ? 0 : 3, count: results.length }, results } };
		}
		case 'object': {
			const first = Object.values(params)[0];
			const id = first !== undefined && /^\d+$/.test(first) ? Number(first) : 1;
			const body = typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body) ? request.body : {};
			return { status: 200, body: { id, ...params, ...body } };
		}
		case 'file':
			return {
				status: 200,
				body: SAMPLE_FILE,
				headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="sample.csv"' },
			};
		default:
			return { status: 204 };
	}
}

/** A route for every operation in the catalog. */
export const catalogRoutes: Record<string, CatalogRoute> = Object.fromEntries(
	Object.entries(shapes).map(([route, shape]) => [route, (request: SimRequest, params: Record<string, string>) => answer(shape, request, params)]),
);
