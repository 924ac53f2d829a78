/* The fields the Output option's "Simplified" keeps, per kind of result: what identifies it and
   what an agent or a person decides on, not the nested detail. */

export const DEVICE_SUMMARY = [
	'id',
	'systemName',
	'displayName',
	'dnsName',
	'nodeClass',
	'organizationId',
	'locationId',
	'approvalStatus',
	'offline',
	'lastContact',
	'lastLoggedInUser',
	'publicIP',
	'os.name',
	'maintenance.status',
];

export const ALERT_SUMMARY = ['uid', 'deviceId', 'message', 'severity', 'priority', 'sourceType', 'createTime'];

export const ACTIVITY_SUMMARY = [
	'id',
	'activityTime',
	'deviceId',
	'activityType',
	'statusCode',
	'status',
	'severity',
	'priority',
	'subject',
	'message',
];
