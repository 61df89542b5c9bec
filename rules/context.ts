// What validation and compilation check a flow against: the job's data as last synced from Greenhouse and
// what the connection is allowed to do. Built by an activity from the database; plain JSON so it can travel.
import { z } from 'zod';
import { GreenhouseIdSchema } from './node-types';
import { GreenhouseInterviewStageSchema, StageMappingSchema } from './stage-mapping';

export const ValidationContextSchema = z.object({
  jobId: GreenhouseIdSchema,
  greenhouseStages: z.array(GreenhouseInterviewStageSchema),
  stageMapping: StageMappingSchema.nullable(),
  /**
   * What the Stage mapping page suggests where nothing is saved (`fillStageMappingDefaults`): never resolved
   * through, only named, so a step whose link is a suggestion can say where the default rules send people
   * today. Absent where it is not loaded (the autopilot's own context resolves through suggestions already).
   */
  stageSuggestions: StageMappingSchema.nullable().optional(),
  prospectPools: z.array(
    z.object({
      id: GreenhouseIdSchema,
      name: z.string(),
      active: z.boolean().optional(),
      stages: z.array(z.object({ id: GreenhouseIdSchema, name: z.string() })),
    }),
  ),
  /**
   * The other jobs Pilothouse knows (synced from Greenhouse), with their interview stages: where "Transfer
   * to another job" may send an application. Absent where they were not loaded (then none is known).
   */
  otherJobs: z
    .array(
      z.object({
        id: GreenhouseIdSchema,
        name: z.string(),
        status: z.enum(['open', 'closed', 'draft']),
        stages: z.array(z.object({ id: GreenhouseIdSchema, name: z.string(), active: z.boolean() })),
      }),
    )
    .optional(),
  rejectionReasons: z.array(z.object({ id: GreenhouseIdSchema, name: z.string() })),
  users: z.array(z.object({ id: GreenhouseIdSchema, name: z.string(), disabled: z.boolean().optional() })),
  /** The must-haves in the job profile, by name. */
  requirementNames: z.array(z.string()),
  /** The Harvest v3 scopes granted to the connection, e.g. `harvest:applications:move`. */
  grantedScopes: z.array(z.string()),
});
export type ValidationContext = z.infer<typeof ValidationContextSchema>;
