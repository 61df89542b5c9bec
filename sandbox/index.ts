// The Harvest v3 sandbox: a local stand-in for Greenhouse for development, demos and tests.
export {
  startSandbox,
  type SandboxHandle,
  type StartSandboxOptions,
  type SandboxWebhookTargetOption,
} from './start-sandbox';
export { demoCredentials, demoWebhookSecret } from './auth/credentials';
export { sandboxConnectionSettings, sandboxDemoSettings } from './connection-settings';
export { demoCompanyName, generateDemoTenant, type DemoTenantOptions } from './seed/demo-tenant';
export { harvestRouteTable } from './harvest/harvest-surface';
export type { FaultSettings } from './faults';
export type { MoveStageIdSpace, SandboxRuntime } from './runtime';
export type { DeliveryRecord } from './webhooks/dispatcher';
