import { deviceRequest } from './simpleRequests';

export const { description, execute } = deviceRequest('resetPolicyOverrides', 'DELETE', '/policy/overrides', { policyOverridesReset: true });
