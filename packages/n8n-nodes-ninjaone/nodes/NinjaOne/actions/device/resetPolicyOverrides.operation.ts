import { deviceRequest } from './simpleRequests';

export const { description, execute, method } = deviceRequest('resetPolicyOverrides', 'DELETE', '/policy/overrides', { policyOverridesReset: true });
