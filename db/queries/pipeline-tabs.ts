// How stored pipeline stages group into what recruiters see: the job's tabs and the Jobs list's columns.
// Kept beside the count query so counting and listing can never disagree about which tab a person is on.

/** The Pilothouse pipeline in reading order, with the words recruiters see. */
export const PIPELINE_STAGES = [
  { key: 'sourced', label: 'Not scored yet' },
  { key: 'matched', label: 'Scored, no decision yet' },
  { key: 'pending_approval', label: 'Awaiting approval' },
  { key: 'approved', label: 'Approved' },
  { key: 'exported', label: 'Exported' },
  { key: 'left_to_greenhouse', label: 'Left to Greenhouse' },
  { key: 'rejected', label: 'Not selected' },
] as const;
export type PipelineTab = (typeof PIPELINE_STAGES)[number]['key'];

// Stages the autopilot records that recruiters see under a broader tab: no rule selected the person,
// an approval was declined or expired, or Greenhouse had already decided (rejected or hired there).
const TAB_OF_STAGE: Record<string, PipelineTab> = {
  not_selected: 'rejected',
  approval_expired: 'rejected',
  decided_in_greenhouse: 'rejected',
  unreadable: 'sourced',
};

/** A stored stage as a person's badge says it: the job screen once showed "decided in_greenhouse". */
const STAGE_WORDS: Record<string, string> = {
  sourced: 'not scored yet',
  matched: 'scored',
  pending_approval: 'awaiting approval',
  approved: 'approved',
  exported: 'exported',
  rejected: 'not approved',
  not_selected: 'not selected',
  approval_expired: 'approval expired',
  decided_in_greenhouse: 'decided in Greenhouse',
  left_to_greenhouse: "in Greenhouse's review",
  unreadable: 'resume unreadable',
};

export const stageWords = (stage: string): string => STAGE_WORDS[stage] ?? stage.replace(/_/g, ' ');

/** The tab a stored pipeline stage is counted and listed under. */
export const pipelineTab = (stage: string): string => TAB_OF_STAGE[stage] ?? stage;

/** The stored stages listed under a tab. */
export const stagesOfTab = (tab: string): string[] => [
  tab,
  ...Object.entries(TAB_OF_STAGE)
    .filter(([, t]) => t === tab)
    .map(([stage]) => stage),
];

/** Counts per stored stage → counts per tab (every tab present, zero when nobody is on it). */
export function countsByTab(rows: Iterable<{ stage: string; people: number }>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(PIPELINE_STAGES.map((s) => [s.key, 0]));
  for (const { stage, people } of rows) {
    const tab = pipelineTab(stage);
    counts[tab] = (counts[tab] ?? 0) + people;
  }
  return counts;
}
