import { formatWhen } from './when';
export {
  PIPELINE_STAGES,
  countsByTab,
  pipelineTab,
  stagesOfTab,
  stageWords,
} from '../../db/queries/pipeline-tabs';

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

/**
 * The phase in words; a sleeping autopilot says until when ("Sleeping until 3 Dec 2026, 14:05").
 * Rendered on the server and again in the browser: formatWhen keeps both in one format and the
 * reader's time zone.
 */
export function phaseLabel(phase: string, nextCycleAt: string | null, timeZone: string): string {
  if (phase === 'sleeping' && nextCycleAt) return `Sleeping until ${formatWhen(nextCycleAt, timeZone)}`;
  return PHASE_LABELS[phase] ?? phase;
}
