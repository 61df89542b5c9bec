import type { Client } from '@temporalio/client';
import type { Db } from '../db/database';
import type { HarvestClient } from '../greenhouse/client';
import type { Matcher } from '../matching';

export interface ActivityDeps {
  db: Db;
  /** The Harvest client for the configured connection (built lazily: the admin may connect later). */
  harvest?: () => Promise<HarvestClient>;
  /** For activities that start or signal other workflows (job sync → autopilots). */
  temporal?: Client;
  /** The task queue workflows are started on. */
  taskQueue?: string;
  matcher?: Matcher;
  /** Days a stored webhook payload is kept (WEBHOOK_PAYLOAD_RETENTION_DAYS); default 30. */
  webhookPayloadRetentionDays?: number;
  /** Outgoing notifications (rule "Notify" webhooks, approval requests). */
  notifications?: {
    /** Signs every outgoing webhook body (HMAC-SHA256); without it webhook notifications fail visibly. */
    webhookSecret?: string;
    /** Where approval requests and escalations are also posted (e.g. a Slack incoming webhook). */
    approvalWebhookUrl?: string;
  };
}

export function requireHarvest(deps: ActivityDeps): () => Promise<HarvestClient> {
  if (!deps.harvest)
    throw new Error('Greenhouse is not connected: configure it on the Connect Greenhouse page');
  return deps.harvest;
}
