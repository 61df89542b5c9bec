import type { AppSettingTable } from './tables/app-settings';
import type {
  AppSessionTable,
  AppUserTable,
  GreenhouseConnectionTable,
  SignInAttemptTable,
} from './tables/accounts';
import type { ApprovalReasonTable, ApprovalRequestTable } from './tables/approvals';
import type { AuditEventTable } from './tables/audit-event';
import type { ConnectionCheckTable } from './tables/connection-check';
import type { EmbeddingCacheTable } from './tables/embedding-cache';
import type { ErasedCandidateTable } from './tables/erasure';
import type { ExportLedgerTable } from './tables/exports';
import type {
  JobBacktestTable,
  JobHiringTeamTable,
  JobPostTable,
  JobProfileTable,
  JobStageTable,
  JobTable,
} from './tables/jobs';
import type { JobPersonTable, MatchScoreTable, PersonTable, ScoreChangeTable } from './tables/people';
import type {
  DecisionTraceTable,
  NotificationTable,
  RuleActionFailureTable,
  RuleFlowTable,
  RulePlanTable,
  RuleVersionTable,
  StageMappingTable,
} from './tables/rules';
import type { JobProspectPoolTable } from './tables/prospect-pools';
import type { OutreachEventTable, SyncWatermarkTable } from './tables/sync';
import type { WebhookEventTable } from './tables/webhooks';

// The whole database as Kysely sees it: one line per table, its type in db/tables/.
export interface Database {
  app_setting: AppSettingTable;
  connection_check: ConnectionCheckTable;
  audit_event: AuditEventTable;
  job: JobTable;
  job_post: JobPostTable;
  job_stage: JobStageTable;
  job_hiring_team: JobHiringTeamTable;
  job_profile: JobProfileTable;
  job_backtest: JobBacktestTable;
  job_prospect_pool: JobProspectPoolTable;
  person: PersonTable;
  job_person: JobPersonTable;
  match_score: MatchScoreTable;
  score_change: ScoreChangeTable;
  approval_request: ApprovalRequestTable;
  approval_reason: ApprovalReasonTable;
  export_ledger: ExportLedgerTable;
  webhook_event: WebhookEventTable;
  outreach_event: OutreachEventTable;
  stage_mapping: StageMappingTable;
  rule_flow: RuleFlowTable;
  rule_version: RuleVersionTable;
  decision_trace: DecisionTraceTable;
  rule_plan: RulePlanTable;
  rule_action_failure: RuleActionFailureTable;
  notification: NotificationTable;
  sync_watermark: SyncWatermarkTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  sign_in_attempt: SignInAttemptTable;
  greenhouse_connection: GreenhouseConnectionTable;
  embedding_cache: EmbeddingCacheTable;
  erased_candidate: ErasedCandidateTable;
}
