// Whether the admin may draw an edge, decided while they drag it (React Flow's `isValidConnection`), with a
// sentence to show when the answer is no. The same rules validation enforces on a saved flow.
import { stepName, stepNameById } from './describe';
import type { RuleFlow } from './flow-schema';
import { branchOf, indexFlow, isKnownTargetHandle, wouldCreateCycle } from './graph';
import { sourceHandlesOf } from './node-types';

/** What React Flow hands to `isValidConnection` and `onConnect`. */
export type ProposedConnection = {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
};

export type ConnectVerdict = { ok: true } | { ok: false; reason: string };

export function canConnect(
  flow: Pick<RuleFlow, 'nodes' | 'edges'>,
  connection: ProposedConnection,
): ConnectVerdict {
  const index = indexFlow(flow);
  const source = index.nodes.get(connection.source);
  const target = index.nodes.get(connection.target);
  if (!source) return { ok: false, reason: 'The step to connect from no longer exists.' };
  if (!target) return { ok: false, reason: 'The step to connect to no longer exists.' };
  if (source.id === target.id) return { ok: false, reason: 'A step cannot lead into itself.' };
  if (target.type === 'trigger') {
    return { ok: false, reason: 'Nothing can lead into a trigger: a trigger only starts the flow.' };
  }
  const exits = sourceHandlesOf(source);
  if (exits.length === 0) return { ok: false, reason: 'Nothing follows a Stop.' };
  const branch = branchOf(source, connection.sourceHandle);
  if (branch === null) {
    return {
      ok: false,
      reason: `Connect from ${exits.map((h) => `"${h.label}"`).join(' or ')}.`,
    };
  }
  if (!isKnownTargetHandle(connection.targetHandle)) {
    return { ok: false, reason: 'Connect into the top of the step.' };
  }
  const leaving = (index.outgoing.get(source.id) ?? []).filter(
    (e) => branchOf(source, e.sourceHandle) === branch,
  );
  if (leaving.some((e) => e.target === target.id))
    return { ok: false, reason: 'These steps are already connected.' };
  const exit = exits.find((h) => h.id === branch)!;
  if (!exit.allowsSeveralEdges && leaving.length > 0) {
    return {
      ok: false,
      reason: `"${exit.label}" already leads to “${stepNameById([...index.nodes.values()], leaving[0]!.target)}”: remove that connection first, or chain the steps one after another.`,
    };
  }
  if (wouldCreateCycle(index, source.id, target.id)) {
    return {
      ok: false,
      reason: `“${stepName(target)}” already leads to “${stepName(source)}”, so this would make a loop: a rule must always move forward.`,
    };
  }
  return { ok: true };
}
