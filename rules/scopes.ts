// Which Harvest v3 OAuth scopes each action needs, so a rule the connection cannot carry out is caught when
// the admin draws it, not when the autopilot first tries it in the middle of the night.
import type { ActionData, ActionKind } from './node-types';
import { ACTION_KINDS } from './node-types';
import { ACTION_REGISTRY } from './registry';

export type HarvestScope = `harvest:${string}:${string}`;

/** Scopes per action, as the node-kind registry lists them. */
export const HARVEST_SCOPES_BY_ACTION = Object.fromEntries(
  ACTION_KINDS.map((kind) => [kind, ACTION_REGISTRY[kind].scopes]),
) as Record<ActionKind, readonly HarvestScope[]>;

/** The scopes this particular action needs (a Pilothouse-only tag needs none). */
export function requiredScopes(action: ActionData): readonly HarvestScope[] {
  if (action.kind === 'tag' && action.where === 'pilothouse') return [];
  return HARVEST_SCOPES_BY_ACTION[action.kind];
}

export function missingScopes(action: ActionData, granted: readonly string[]): HarvestScope[] {
  return requiredScopes(action).filter((scope) => !granted.includes(scope));
}
