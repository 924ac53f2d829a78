import { customFieldsGet } from '../customFields';
import { locationCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsGet('location', { ...locationCustomFields, withInheritance: true });
