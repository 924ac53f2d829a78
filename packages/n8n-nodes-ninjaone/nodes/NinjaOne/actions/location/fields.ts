import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import type { ItemInputs } from '../../../shared/inputs';
import { customFieldsField, readCommonFields, tagsField, userDataField } from '../fields';

/** The fields of a location, as a collection named `name`. */
export function locationFields(withName: boolean): INodeProperties {
	return collection(withName ? 'updateFields' : 'additionalFields', [
		{ displayName: 'Address', name: 'address', type: 'string', default: '' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		customFieldsField,
		...(withName ? [{ displayName: 'Name', name: 'name', type: 'string' as const, default: '' }] : []),
		tagsField,
		userDataField,
	]);
}

export function readLocationFields(inputs: ItemInputs, collection: string, body: IDataObject): void {
	inputs.texts(`${collection}.`, [['name', 'Location Name'], ['address', 'Address'], ['description', 'Description']], body);
	readCommonFields(inputs, `${collection}.`, body);
}
