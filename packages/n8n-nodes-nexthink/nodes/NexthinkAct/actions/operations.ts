import type { OperationMap } from '../../shared/router';
import type { NexthinkClient } from '../transport';
import * as campaign from './campaign/Campaign.resource';
import * as engine from './engine/Engine.resource';
import * as enrichment from './enrichment/Enrichment.resource';
import * as nql from './nql/Nql.resource';
import * as nxql from './nxql/Nxql.resource';
import * as remoteAction from './remoteAction/RemoteAction.resource';
import * as workflow from './workflow/Workflow.resource';

export const resources = { campaign, engine, enrichment, nql, nxql, remoteAction, workflow };

export const operations: OperationMap<NexthinkClient> = Object.fromEntries(
	Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
);
