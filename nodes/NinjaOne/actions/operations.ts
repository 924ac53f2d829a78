import type { OperationMap } from '../../shared/router';
import type { NinjaOneClient } from '../transport';
import * as activity from './activity/Activity.resource';
import * as alert from './alert/Alert.resource';
import * as device from './device/Device.resource';
import * as installer from './installer/Installer.resource';
import * as location from './location/Location.resource';
import * as organization from './organization/Organization.resource';
import * as script from './script/Script.resource';
import * as ticket from './ticket/Ticket.resource';
import * as windowsService from './windowsService/WindowsService.resource';

export const resources = { activity, alert, device, installer, location, organization, script, ticket, windowsService };

export const operations: OperationMap<NinjaOneClient> = Object.fromEntries(
	Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
);
