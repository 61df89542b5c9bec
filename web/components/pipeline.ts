/** The Pilothouse pipeline in reading order, with the words recruiters see. */
export const PIPELINE_STAGES = [
  { key: 'sourced', label: 'Sourced' },
  { key: 'matched', label: 'Matched' },
  { key: 'pending_approval', label: 'Awaiting approval' },
  { key: 'approved', label: 'Approved' },
  { key: 'exported', label: 'Exported' },
  { key: 'rejected', label: 'Not selected' },
] as const;

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
