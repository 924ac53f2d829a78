import { deviceRequest } from './simpleRequests';

export const { description, execute, method } = deviceRequest('removeOwner', 'DELETE', '/owner', { ownerRemoved: true });
