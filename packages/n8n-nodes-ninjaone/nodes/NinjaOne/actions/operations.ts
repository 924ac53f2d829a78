import type { OperationMap } from '../../shared/router';
import type { NinjaOneClient } from '../transport';
import * as activity from './activity/Activity.resource';
import * as alert from './alert/Alert.resource';
import * as assetRelationship from './assetRelationship/AssetRelationship.resource';
import * as assetTag from './assetTag/AssetTag.resource';
import * as backup from './backup/Backup.resource';
import * as billingAccount from './billingAccount/BillingAccount.resource';
import * as billingAgreement from './billingAgreement/BillingAgreement.resource';
import * as billingInvoice from './billingInvoice/BillingInvoice.resource';
import * as billingProduct from './billingProduct/BillingProduct.resource';
import * as checklistTemplate from './checklistTemplate/ChecklistTemplate.resource';
import * as contact from './contact/Contact.resource';
import * as customField from './customField/CustomField.resource';
import * as customTab from './customTab/CustomTab.resource';
import * as device from './device/Device.resource';
import * as deviceRole from './deviceRole/DeviceRole.resource';
import * as documentTemplate from './documentTemplate/DocumentTemplate.resource';
import * as endUser from './endUser/EndUser.resource';
import * as group from './group/Group.resource';
import * as installer from './installer/Installer.resource';
import * as job from './job/Job.resource';
import * as knowledgeBaseArticle from './knowledgeBaseArticle/KnowledgeBaseArticle.resource';
import * as knowledgeBaseFolder from './knowledgeBaseFolder/KnowledgeBaseFolder.resource';
import * as location from './location/Location.resource';
import * as nodeRole from './nodeRole/NodeRole.resource';
import * as notificationChannel from './notificationChannel/NotificationChannel.resource';
import * as organization from './organization/Organization.resource';
import * as organizationChecklist from './organizationChecklist/OrganizationChecklist.resource';
import * as organizationDocument from './organizationDocument/OrganizationDocument.resource';
import * as policy from './policy/Policy.resource';
import * as policyCondition from './policyCondition/PolicyCondition.resource';
import * as relatedItem from './relatedItem/RelatedItem.resource';
import * as report from './report/Report.resource';
import * as script from './script/Script.resource';
import * as softwareLicense from './softwareLicense/SoftwareLicense.resource';
import * as softwareProduct from './softwareProduct/SoftwareProduct.resource';
import * as stagedDevice from './stagedDevice/StagedDevice.resource';
import * as task from './task/Task.resource';
import * as technician from './technician/Technician.resource';
import * as ticket from './ticket/Ticket.resource';
import * as ticketBilling from './ticketBilling/TicketBilling.resource';
import * as unmanagedDevice from './unmanagedDevice/UnmanagedDevice.resource';
import * as user from './user/User.resource';
import * as userRole from './userRole/UserRole.resource';
import * as vulnerabilityScanGroup from './vulnerabilityScanGroup/VulnerabilityScanGroup.resource';
import * as webhook from './webhook/Webhook.resource';
import * as windowsService from './windowsService/WindowsService.resource';

export const resources = {
	activity,
	alert,
	assetRelationship,
	assetTag,
	backup,
	billingAccount,
	billingAgreement,
	billingInvoice,
	billingProduct,
	checklistTemplate,
	contact,
	customField,
	customTab,
	device,
	deviceRole,
	documentTemplate,
	endUser,
	group,
	installer,
	job,
	knowledgeBaseArticle,
	knowledgeBaseFolder,
	location,
	nodeRole,
	notificationChannel,
	organization,
	organizationChecklist,
	organizationDocument,
	policy,
	policyCondition,
	relatedItem,
	report,
	script,
	softwareLicense,
	softwareProduct,
	stagedDevice,
	task,
	technician,
	ticket,
	ticketBilling,
	unmanagedDevice,
	user,
	userRole,
	vulnerabilityScanGroup,
	webhook,
	windowsService,
};

export const operations: OperationMap<NinjaOneClient> = Object.fromEntries(
	Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
);
