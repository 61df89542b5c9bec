// What a plan is evaluated against: the event that happened and what the autopilot knows at that moment.
// Both are plain JSON and come with schemas, so a workflow can reject a malformed signal before it enters
// history. Facts the autopilot does not know are simply left out; conditions on them do not hold.
import { z } from 'zod';
import { GreenhouseIdSchema, OUTREACH_EVENTS, REQUIREMENT_LEVELS } from './node-types';
import { GREENHOUSE_STATUSES } from './stage-mapping';

/** Where to pick a plan up again after an approval or a wait: handed out in the decision, handed back here. */
export const ResumePointSchema = z.object({ planHash: z.string(), nodeId: z.string() });
export type ResumePoint = z.infer<typeof ResumePointSchema>;

const PersonRefSchema = z.object({ userId: GreenhouseIdSchema.nullable(), name: z.string() });

export const FlowEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('personMatched'), score: z.number() }),
  /** The person's match score moved between two scorings (a retrain, a new resume). */
  z.object({ type: z.literal('scoreCrossed'), from: z.number(), to: z.number() }),
  z.object({
    type: z.literal('approvalDecided'),
    outcome: z.enum(['approved', 'rejected']),
    /** `null` when nobody decided and the request's timeout did. */
    decidedBy: PersonRefSchema.nullable(),
    reason: z.string().optional(),
    /** Set when the decision answers a "Request approval" step of a plan; that plan then carries on from it. */
    resume: ResumePointSchema.optional(),
  }),
  z.object({ type: z.literal('outreachEvent'), event: z.enum(OUTREACH_EVENTS) }),
  z.object({
    type: z.literal('stageChanged'),
    fromStageId: GreenhouseIdSchema.nullable(),
    toStageId: GreenhouseIdSchema,
  }),
  z.object({ type: z.literal('applicationRejected'), rejectionReasonId: GreenhouseIdSchema.nullable() }),
  z.object({ type: z.literal('candidateHired') }),
  z.object({ type: z.literal('jobOpened') }),
  z.object({ type: z.literal('jobClosed') }),
  z.object({ type: z.literal('manualExportRequested'), requestedBy: PersonRefSchema }),
  /** Not a trigger: the timer a "Wait" step asked for has fired, so the plan carries on after it. */
  z.object({ type: z.literal('waitElapsed'), resume: ResumePointSchema }),
]);
export type FlowEvent = z.infer<typeof FlowEventSchema>;
export type FlowEventType = FlowEvent['type'];
export type EventOf<T extends FlowEventType> = Extract<FlowEvent, { type: T }>;

export const GreenhouseFactsSchema = z.object({
  presence: z.enum(['none', 'prospect', 'applicant']),
  onThisJob: z.boolean(),
  applicationId: GreenhouseIdSchema.nullable().optional(),
  currentStageId: GreenhouseIdSchema.nullable().optional(),
  status: z.enum(GREENHOUSE_STATUSES).nullable().optional(),
});
export type GreenhouseFacts = z.infer<typeof GreenhouseFactsSchema>;

export const FactsSchema = z.object({
  /** The moment of evaluation (ISO 8601). Passed in, never read from a clock, so replays decide the same. */
  now: z.string(),
  personId: z.string().optional(),
  name: z.string().optional(),
  score: z.number().optional(),
  /** Requirement name (as in the job profile) → how well the person meets it. */
  requirements: z.record(z.string(), z.enum(REQUIREMENT_LEVELS)).optional(),
  source: z.string().optional(),
  greenhouse: GreenhouseFactsSchema.optional(),
  hasEmail: z.boolean().optional(),
  hasLinkedIn: z.boolean().optional(),
  location: z.string().optional(),
  /** ISO 8601; `null` when there has been no activity at all. */
  lastActivityAt: z.string().nullable().optional(),
});
export type Facts = z.infer<typeof FactsSchema>;
