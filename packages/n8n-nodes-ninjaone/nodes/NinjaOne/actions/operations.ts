import type { OperationMap } from '../../shared/router';
import type { NinjaOneClient } from '../transport';
import * as activity from './activity/Activity.resource';
import * as alert from './alert/Alert.resource';
import * as customField from './customField/CustomField.resource';
import * as device from './device/Device.resource';
import * as deviceRole from './deviceRole/DeviceRole.resource';
import * as group from './group/Group.resource';
import * as installer from './installer/Installer.resource';
import * as location from './location/Location.resource';
import * as organization from './organization/Organization.resource';
import * as policy from './policy/Policy.resource';
import * as report from './report/Report.resource';
import * as script from './script/Script.resource';
import * as ticket from './ticket/Ticket.resource';
import * as user from './user/User.resource';
import * as windowsService from './windowsService/WindowsService.resource';

export const resources = {
	activity,
	alert,
	customField,
	device,
	deviceRole,
	group,
	installer,
	location,
	organization,
	policy,
	report,
	script,
	ticket,
	user,
	windowsService,
};

export const operations: OperationMap<NinjaOneClient> = Object.fromEntries(
	Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
);
