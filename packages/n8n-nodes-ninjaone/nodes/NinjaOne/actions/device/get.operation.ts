import { deviceRequest } from './simpleRequests';

export const { description, execute } = deviceRequest('get', 'GET', '');
