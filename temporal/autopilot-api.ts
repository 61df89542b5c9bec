// The autopilot's public surface: workflow ids, signals, updates and queries, shared by the workflows
// (which handle them) and by the web app and webhook ingest (which send them). Plain JSON types only.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleTiming } from '../workflows/cycle-timings';

export {
  DEFAULT_TENANT,
  autopilotWorkflowId,
  candidateErasureWorkflowId,
  exportWorkflowId,
  syncJobsScheduleId,
  syncJobsWorkflowId,
  jobCreatedSyncWorkflowId,
} from './workflow-ids';

export type AutopilotPhase =
  | 'starting'
  | 'training'
  | 'sourcing'
  | 'matching'
  | 'selecting'
  | 'awaiting_approval'
  | 'exporting'
  | 'tracking'
  | 'sleeping'
  | 'paused'
  | 'stopped';

/** A change Greenhouse told us about (webhook or reconciliation), already translated to the v3 model. */
export interface StageEvent {
  /** Greenhouse-Event-ID for webhooks, `reconcile:<applicationId>:<updatedAt>` for reconciliation. */
  eventId: string;
  kind:
    | 'stage_changed'
    | 'rejected'
    | 'unrejected'
    | 'hired'
    | 'application_deleted'
    | 'candidate_deleted'
    | 'candidate_merged'
    | 'candidate_anonymized';
  jobId: number;
  candidateId: number;
  applicationId?: number;
  fromStageId?: number | null;
  toStageId?: number | null;
  toStageName?: string | null;
  status?: 'in_process' | 'rejected' | 'hired' | 'converted';
  /** For merges: the candidate that remains. */
  mergedIntoCandidateId?: number;
  occurredAt: string;
  /**
   * When the change happened in Greenhouse (the application's last activity), where the source says:
   * webhooks arrive in any order, and a change older than one already acted on must not undo it.
   */
  changedAt?: string;
}

export interface ApprovalDecision {
  personId: string;
  decision: 'approved' | 'rejected';
  /**
   * Only from callers that predate `approval_reason`: the web app stores the reason there (it can name
   * the person) and leaves it out of the update, which Temporal keeps in the workflow's history.
   */
  reason?: string;
  decidedBy: string;
}

export interface ApprovalDecisionResult {
  personId: string;
  outcome: 'approved' | 'rejected' | 'not_pending';
  /** For approvals: the export workflow that now runs. */
  exportWorkflowId?: string;
}

export interface ExportNowRequest {
  personId: string;
  requestedBy: string;
  /** Export even when the person scored below the rules' thresholds: a recruiter asked for it. */
  note?: string;
}

export interface PendingApproval {
  personId: string;
  approvalId: string;
  requestedFrom: string | null;
  dueAt: string | null;
  score: number | null;
}

export interface AutopilotStatus {
  jobId: number;
  phase: AutopilotPhase;
  paused: boolean;
  cycle: number;
  lastCycleStartedAt: string | null;
  lastCycleFinishedAt: string | null;
  nextCycleAt: string | null;
  counts: {
    sourced: number;
    matched: number;
    pendingApproval: number;
    exported: number;
    failedExports: number;
  };
  pendingApprovals: PendingApproval[];
  lastError: string | null;
  ruleVersions: { flowId: string; version: number }[];
  profileVersion: number | null;
  /** The last few cycles' phases with when each began, oldest first. Absent from a worker older than it. */
  recentCycles?: CycleTiming[];
}

/** The input of the `candidateErasure` workflow: Greenhouse erased a candidate, or merged it into another. */
export type CandidateErasureInput =
  | { kind: 'deleted' | 'anonymized'; candidateId: number }
  | { kind: 'merged'; candidateId: number; intoCandidateId: number };

/** Where an export puts the person in Greenhouse. */
export type ExportTarget =
  | { kind: 'candidate'; stageId: number | null }
  | { kind: 'prospect'; poolId: number | null; poolStageId: number | null };

/** The input of the `exportCandidate` workflow (workflow id: `exportWorkflowId(jobId, personId)`). */
export interface ExportCandidateInput {
  jobId: number;
  personId: string;
  target: ExportTarget;
  /** The Pilothouse user (email) who approved or pressed "Export to Greenhouse", or `autopilot`. */
  requestedBy: string;
  /** The Greenhouse user credited with the export, when the requester is linked to one. */
  creditUserId?: number | null;
}

export const pauseSignal = defineSignal<[{ by: string }]>('pause');
export const resumeSignal = defineSignal<[{ by: string }]>('resume');
export const rulesPublishedSignal =
  defineSignal<[{ flowId: string; version: number; retroactive: boolean }]>('rulesPublished');
/** New people may be waiting (an upload, an outreach event, a new application webhook): run a cycle soon. */
export const newSourceDataSignal =
  defineSignal<[{ reason: 'import' | 'outreach' | 'webhook' | 'manual' }]>('newSourceData');
export const stageEventSignal = defineSignal<[StageEvent]>('stageEvent');
export const jobChangedSignal =
  defineSignal<[{ status: 'open' | 'closed' | 'draft' | 'deleted' }]>('jobChanged');

export const decideApprovalsUpdate = defineUpdate<
  ApprovalDecisionResult[],
  [{ decisions: ApprovalDecision[] }]
>('decideApprovals');
export const exportNowUpdate = defineUpdate<{ exportWorkflowId: string }, [ExportNowRequest]>('exportNow');

export const statusQuery = defineQuery<AutopilotStatus>('status');
