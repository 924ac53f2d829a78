import type { OperationMap } from '../../shared/router';
import type { NexthinkClient } from '../transport';
import * as engine from './engine/Engine.resource';
import * as nql from './nql/Nql.resource';
import * as remoteAction from './remoteAction/RemoteAction.resource';

export const resources = { engine, nql, remoteAction };

export const operations: OperationMap<NexthinkClient> = Object.fromEntries(
	Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
);
