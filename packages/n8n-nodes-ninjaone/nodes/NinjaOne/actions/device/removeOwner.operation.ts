import { deviceRequest } from './simpleRequests';

export const { description, execute } = deviceRequest('removeOwner', 'DELETE', '/owner', { ownerRemoved: true });
