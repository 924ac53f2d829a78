import { customFieldsGet } from '../customFields';
import { deviceCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsGet('device', { ...deviceCustomFields, withInheritance: true });
