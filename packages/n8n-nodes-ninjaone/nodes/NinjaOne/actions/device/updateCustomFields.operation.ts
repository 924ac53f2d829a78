import { customFieldsUpdate } from '../customFields';
import { deviceCustomFields } from './customFieldsTarget';

export const { description, execute } = customFieldsUpdate('device', deviceCustomFields);

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
