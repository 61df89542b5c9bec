import { requiredScopeList } from '../../greenhouse/scopes';
import type { SandboxCredential } from '../state/types';

/** The credential `npm start` uses in demo mode. Not a secret: it only opens the local sandbox. */
export const demoCredentials = {
  clientId: 'pilothouse-demo',
  clientSecret: 'pilothouse-demo-secret',
} as const;

/** Secret the demo tenant signs its webhooks with. */
export const demoWebhookSecret = 'pilothouse-demo-webhook-secret';

export function demoCredential(): SandboxCredential {
  return {
    client_id: demoCredentials.clientId,
    client_secret: demoCredentials.clientSecret,
    scopes: [...requiredScopeList],
  };
}
