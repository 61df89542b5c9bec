// The rule flow document as React Flow (@xyflow/react 12) stores it, plus what Pilothouse needs around it.
// Canvas-only properties (measured size, selection, dragging) are dropped on parse: they carry no meaning
// and would make two identical rules look different.
import { z } from 'zod';
import { ActionDataSchema, ConditionDataSchema, GreenhouseIdSchema, TriggerDataSchema } from './node-types';

export const CURRENT_FLOW_SCHEMA_VERSION = 2;

const PositionSchema = z.object({ x: z.number(), y: z.number() });
const NodeIdSchema = z.string().min(1, 'a node id cannot be empty');

export const TriggerNodeSchema = z.object({
  id: NodeIdSchema,
  type: z.literal('trigger'),
  position: PositionSchema,
  data: TriggerDataSchema,
});
export const ConditionNodeSchema = z.object({
  id: NodeIdSchema,
  type: z.literal('condition'),
  position: PositionSchema,
  data: ConditionDataSchema,
});
export const ActionNodeSchema = z.object({
  id: NodeIdSchema,
  type: z.literal('action'),
  position: PositionSchema,
  data: ActionDataSchema,
});
export const FlowNodeSchema = z.discriminatedUnion('type', [
  TriggerNodeSchema,
  ConditionNodeSchema,
  ActionNodeSchema,
]);

export type TriggerNode = z.infer<typeof TriggerNodeSchema>;
export type ConditionNode = z.infer<typeof ConditionNodeSchema>;
export type ActionNode = z.infer<typeof ActionNodeSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type FlowNodeType = FlowNode['type'];

export const FlowEdgeSchema = z.object({
  id: z.string().min(1, 'an edge id cannot be empty'),
  source: z.string(),
  target: z.string(),
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});
export type FlowEdge = z.infer<typeof FlowEdgeSchema>;

/**
 * An admin's "yes, I mean it" for a warning that blocks publishing (e.g. rejecting without a person's
 * approval). Tied to the node and the warning code so a different warning on the same node is not covered.
 */
export const AcknowledgementSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  acknowledgedBy: z.string(),
  acknowledgedAt: z.string(),
  note: z.string().optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const RuleFlowSchema = z.object({
  schemaVersion: z.literal(CURRENT_FLOW_SCHEMA_VERSION),
  id: z.string().min(1),
  jobId: GreenhouseIdSchema,
  name: z.string(),
  nodes: z.array(FlowNodeSchema),
  edges: z.array(FlowEdgeSchema),
  acknowledgements: z.array(AcknowledgementSchema),
});
export type RuleFlow = z.infer<typeof RuleFlowSchema>;

// ------------------------------------------------------------------------------------------- old versions

/**
 * Version 1 documents called a condition's exits `yes`/`no` and had no acknowledgements. Everything else
 * is unchanged, so the v1 schema is only as strict as the upgrade needs.
 */
const V1FlowSchema = z.looseObject({
  schemaVersion: z.literal(1),
  nodes: z.array(z.looseObject({ id: z.string(), type: z.string() })),
  edges: z.array(z.looseObject({ source: z.string(), sourceHandle: z.string().nullish() })),
});

const V1_CONDITION_HANDLES: Record<string, string> = { yes: 'then', no: 'otherwise' };

function upgradeV1ToV2(doc: z.infer<typeof V1FlowSchema>): Record<string, unknown> {
  const conditionIds = new Set(doc.nodes.filter((n) => n.type === 'condition').map((n) => n.id));
  return {
    ...doc,
    schemaVersion: 2,
    edges: doc.edges.map((edge) => {
      const renamed = edge.sourceHandle ? V1_CONDITION_HANDLES[edge.sourceHandle] : undefined;
      return conditionIds.has(edge.source) && renamed ? { ...edge, sourceHandle: renamed } : edge;
    }),
    acknowledgements: [],
  };
}

export type UpgradeResult =
  { ok: true; flow: RuleFlow; upgradedFrom: number | null } | { ok: false; issues: z.core.$ZodIssue[] };

/**
 * Loads a stored or imported document of any known version and returns the current version. Old documents
 * are upgraded step by step, so adding version 3 means adding one step, not rewriting the others.
 */
export function upgradeFlow(raw: unknown): UpgradeResult {
  const version =
    typeof raw === 'object' && raw !== null && 'schemaVersion' in raw
      ? (raw as { schemaVersion: unknown }).schemaVersion
      : undefined;
  let doc: unknown = raw;
  let upgradedFrom: number | null = null;
  if (version === 1) {
    const v1 = V1FlowSchema.safeParse(raw);
    if (!v1.success) return { ok: false, issues: v1.error.issues };
    doc = upgradeV1ToV2(v1.data);
    upgradedFrom = 1;
  } else if (version !== CURRENT_FLOW_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          code: 'custom',
          path: ['schemaVersion'],
          message:
            version === undefined
              ? `schemaVersion is missing: a rule flow says which version it is (current: ${CURRENT_FLOW_SCHEMA_VERSION})`
              : `schemaVersion ${JSON.stringify(version)} is not one this Pilothouse knows (1 to ${CURRENT_FLOW_SCHEMA_VERSION})`,
          input: version,
        },
      ],
    };
  }
  const parsed = RuleFlowSchema.safeParse(doc);
  return parsed.success
    ? { ok: true, flow: parsed.data, upgradedFrom }
    : { ok: false, issues: parsed.error.issues };
}

/** For documents the canvas saves: throws with zod's issues when the shape is wrong. */
export function parseRuleFlow(raw: unknown): RuleFlow {
  const result = upgradeFlow(raw);
  if (!result.ok) throw new z.ZodError(result.issues);
  return result.flow;
}
