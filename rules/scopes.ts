// Which Harvest v3 OAuth scopes each action needs, so a rule the connection cannot carry out is caught when
// the admin draws it, not when the autopilot first tries it in the middle of the night.
import type { ActionData, ActionKind } from './node-types';

export type HarvestScope = `harvest:${string}:${string}`;

/**
 * Scopes per action. Exports create the person, their application (v3 models prospects as prospect
 * applications), upload the generated resume and add the match explanation as a note. Advancing and moving
 * are the same v3 endpoint (`POST /v3/applications/{id}/move`).
 */
export const HARVEST_SCOPES_BY_ACTION = {
  exportAsCandidate: [
    'harvest:candidates:create',
    'harvest:applications:create',
    'harvest:attachments:create',
    'harvest:notes:create',
  ],
  exportAsProspect: [
    'harvest:candidates:create',
    'harvest:applications:create',
    'harvest:attachments:create',
    'harvest:notes:create',
  ],
  requestApproval: [],
  moveToStage: ['harvest:applications:move'],
  advanceStage: ['harvest:applications:move'],
  reject: ['harvest:applications:reject'],
  addNote: ['harvest:notes:create'],
  tag: ['harvest:candidate_tags:create'],
  notify: [],
  wait: [],
  stop: [],
} as const satisfies Record<ActionKind, readonly HarvestScope[]>;

/** The scopes this particular action needs (a Pilothouse-only tag needs none). */
export function requiredScopes(action: ActionData): readonly HarvestScope[] {
  if (action.kind === 'tag' && action.where === 'pilothouse') return [];
  return HARVEST_SCOPES_BY_ACTION[action.kind];
}

export function missingScopes(action: ActionData, granted: readonly string[]): HarvestScope[] {
  return requiredScopes(action).filter((scope) => !granted.includes(scope));
}
