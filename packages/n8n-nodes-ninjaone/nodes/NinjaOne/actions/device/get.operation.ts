import { deviceRequest } from './simpleRequests';

export const { description, execute, method } = deviceRequest('get', 'GET', '');
