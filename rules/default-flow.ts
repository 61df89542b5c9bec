// The flow every new job starts with: a good enough match goes to a person for approval, and only an
// approved person is exported. It never rejects anyone: a low score just stops, it does not write to
// Greenhouse, and a rejection by the approver ends the flow without touching the person's record. Someone who
// already applied to this job is not sent for approval: exporting them again would do nothing, and a
// recruiter asked to approve them would approve for nothing (they are already in Greenhouse's own review).
import type { RuleFlow } from './flow-schema';
import { CURRENT_FLOW_SCHEMA_VERSION } from './flow-schema';
import type { Approver, Duration } from './node-types';

export type DefaultFlowOptions = {
  jobId: number;
  flowId?: string;
  name?: string;
  /** Scores at or above this go to approval. */
  threshold?: number;
  approver?: Approver;
  approvalTimeout?: Duration;
  /** Who gets the request when the approver has not decided in time. */
  escalateTo?: Approver;
};

/**
 * Where "a good enough match" starts, for the default rules and a new score step on the canvas (ADR 12). On the
 * labelled matching sets (75 jobs, 1,968 people graded against them), 44 % of strong fits and 14 % of good ones
 * score 40 or more, 2 % of weak ones and none of the 1,257 who do not fit; 70, the threshold before, was reached
 * by 3 % of strong fits.
 */
export const DEFAULT_SCORE_THRESHOLD = 40;

export function createDefaultFlow(options: DefaultFlowOptions): RuleFlow {
  const threshold = options.threshold ?? DEFAULT_SCORE_THRESHOLD;
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: options.flowId ?? `job-${options.jobId}-default`,
    jobId: options.jobId,
    name: options.name ?? 'Approve good matches, then export',
    nodes: [
      { id: 'matched', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
      {
        id: 'score-check',
        type: 'condition',
        position: { x: 0, y: 140 },
        data: { when: { field: 'score', op: 'gte', value: threshold } },
      },
      {
        id: 'new-to-job',
        type: 'condition',
        position: { x: -180, y: 300 },
        data: { when: { field: 'greenhousePresence', op: 'isNot', value: 'applicantOnThisJob' } },
      },
      {
        id: 'already-applied',
        type: 'action',
        position: { x: 0, y: 460 },
        data: { kind: 'stop', reason: 'Already an applicant on this job' },
      },
      {
        id: 'approval',
        type: 'action',
        position: { x: -360, y: 460 },
        data: {
          kind: 'requestApproval',
          approver: options.approver ?? { kind: 'hiringTeam', role: 'recruiter' },
          timeout: options.approvalTimeout ?? { amount: 3, unit: 'days' },
          onTimeout: {
            then: 'escalate',
            to: options.escalateTo ?? { kind: 'hiringTeam', role: 'hiringManager' },
          },
        },
      },
      {
        id: 'export',
        type: 'action',
        position: { x: -480, y: 620 },
        data: { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
      },
      {
        id: 'not-approved',
        type: 'action',
        position: { x: -240, y: 620 },
        data: { kind: 'stop', reason: 'Not approved' },
      },
      {
        id: 'below-threshold',
        type: 'action',
        position: { x: 180, y: 300 },
        data: { kind: 'stop', reason: `Score below ${threshold}` },
      },
    ],
    edges: [
      { id: 'matched->score-check', source: 'matched', target: 'score-check', sourceHandle: 'next' },
      { id: 'score-check->new-to-job', source: 'score-check', target: 'new-to-job', sourceHandle: 'then' },
      { id: 'new-to-job->approval', source: 'new-to-job', target: 'approval', sourceHandle: 'then' },
      {
        id: 'new-to-job->already-applied',
        source: 'new-to-job',
        target: 'already-applied',
        sourceHandle: 'otherwise',
      },
      {
        id: 'score-check->below-threshold',
        source: 'score-check',
        target: 'below-threshold',
        sourceHandle: 'otherwise',
      },
      { id: 'approval->export', source: 'approval', target: 'export', sourceHandle: 'approved' },
      { id: 'approval->not-approved', source: 'approval', target: 'not-approved', sourceHandle: 'rejected' },
    ],
    acknowledgements: [],
  };
}
