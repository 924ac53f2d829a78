import { customFieldsUpdate } from '../customFields';
import { locationCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsUpdate('location', locationCustomFields);
