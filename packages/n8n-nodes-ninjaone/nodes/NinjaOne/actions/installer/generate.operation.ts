import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { locationIdField, organizationIdField } from '../fields';

/** Every installer type of NinjaOne's specification. */
export const INSTALLER_TYPES = [
	['Windows MSI', 'WINDOWS_MSI'],
	['Windows ARM64 MSI', 'WINDOWS_ARM64_MSI'],
	['macOS DMG', 'MAC_DMG'],
	['macOS PKG', 'MAC_PKG'],
	['Linux DEB', 'LINUX_DEB'],
	['Linux RPM', 'LINUX_RPM'],
	['Linux ARM64 DEB', 'LINUX_ARM64_DEB'],
	['Linux ARMv7a DEB', 'LINUX_ARMV7A_DEB'],
	['Linux ARM64 RPM', 'LINUX_ARM64_RPM'],
	['Linux ARMv7a RPM', 'LINUX_ARMV7A_RPM'],
] as const;

const properties: INodeProperties[] = [
	organizationIdField,
	locationIdField,
	{
		displayName: 'Installer Type',
		name: 'installerType',
		type: 'options',
		description: 'The installer package to link to, e.g. WINDOWS_MSI, MAC_PKG or LINUX_DEB',
		options: INSTALLER_TYPES.map(([name, value]) => ({ name, value })),
		default: 'WINDOWS_MSI',
	},
];

export const description = forOperation('installer', 'generate', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'organization');
	const locationId = locatorId(inputs, 'location');
	const type = inputs.choice('installerType', 'Installer Type', INSTALLER_TYPES.map(([, value]) => value))!;
	const link = await client.call(this, 'GET', `/v2/organization/${id}/location/${locationId}/installer/${type}`);
	return { organizationId: id, locationId, installerType: type, ...(link as object) };
}
