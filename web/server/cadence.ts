// How often a job's autopilot runs a cycle: the choices the seeds' users know, in minutes as stored.
export const CADENCES = [
  { key: 'hourly', label: 'Every hour', minutes: 60 },
  { key: 'daily', label: 'Every day', minutes: 1_440 },
  { key: 'weekly', label: 'Every week', minutes: 10_080 },
] as const;
export type CadenceKey = (typeof CADENCES)[number]['key'];

/** The stored minutes in words; a value set outside the app reads as "every N minutes". */
export function cadenceLabel(minutes: number): string {
  return CADENCES.find((c) => c.minutes === minutes)?.label ?? `Every ${minutes} minutes`;
}
