import { customFieldsUpdate } from '../customFields';
import { deviceCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsUpdate('device', deviceCustomFields);
