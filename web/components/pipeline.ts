/** The Pilothouse pipeline in reading order, with the words recruiters see. */
export const PIPELINE_STAGES = [
  { key: 'sourced', label: 'Sourced' },
  { key: 'matched', label: 'Matched' },
  { key: 'pending_approval', label: 'Awaiting approval' },
  { key: 'approved', label: 'Approved' },
  { key: 'exported', label: 'Exported' },
  { key: 'rejected', label: 'Not selected' },
] as const;

// Stages the autopilot records that recruiters see under a broader tab: no rule selected the person,
// an approval was declined or expired, or Greenhouse had already decided (rejected or hired there).
const TAB_OF_STAGE: Record<string, string> = {
  not_selected: 'rejected',
  approval_expired: 'rejected',
  decided_in_greenhouse: 'rejected',
  unreadable: 'sourced',
};

/** The tab a stored pipeline stage is counted and listed under. */
export const pipelineTab = (stage: string): string => TAB_OF_STAGE[stage] ?? stage;

/** The stored stages listed under a tab. */
export const stagesOfTab = (tab: string): string[] => [
  tab,
  ...Object.entries(TAB_OF_STAGE)
    .filter(([, t]) => t === tab)
    .map(([stage]) => stage),
];

/** Counts per stored stage → counts per tab. */
export function countsByTab(rows: Iterable<{ stage: string; people: number }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { stage, people } of rows) {
    const tab = pipelineTab(stage);
    counts[tab] = (counts[tab] ?? 0) + people;
  }
  return counts;
}

export const PHASE_LABELS: Record<string, string> = {
  starting: 'Starting',
  training: 'Training the job profile',
  sourcing: 'Sourcing candidates',
  matching: 'Matching',
  selecting: 'Selecting',
  awaiting_approval: 'Waiting for approvals',
  exporting: 'Exporting to Greenhouse',
  tracking: 'Tracking Greenhouse',
  sleeping: 'Sleeping until the next cycle',
  paused: 'Paused',
  stopped: 'Stopped',
};

export const PHASE_ORDER = [
  'training',
  'sourcing',
  'matching',
  'selecting',
  'awaiting_approval',
  'exporting',
  'tracking',
];
