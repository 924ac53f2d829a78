import { customFieldsUpdate } from '../customFields';
import { locationCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsUpdate('location', locationCustomFields);

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
