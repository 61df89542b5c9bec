import type { EducationRecord } from '../../db/queries/export-education';

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * What became of the person's education in Greenhouse, in a sentence or two; null when the step never ran.
 * The audit names entries by position only (it outlives an erasure): the names come from the person.
 */
export function educationWords({ education, carried }: EducationRecord): string | null {
  if (!carried) return null;
  const sentences: string[] = [];
  const sent = carried.created + carried.alreadyThere;
  if (sent > 0) sentences.push(`Their education went with them (${entries(sent)})`);
  const named = (entry: string, field: string) => {
    const index = Number(/^education (\d+) of/.exec(entry)?.[1]) - 1;
    const name = education[index]?.[field as 'school' | 'degree' | 'discipline'];
    return name ? `${field} “${name}”` : field;
  };
  const leftOut = carried.leftOut.flatMap(({ entry, fields }) => fields.map((field) => named(entry, field)));
  if (leftOut.length > 0) sentences.push(`Not in Greenhouse's lists, so sent without: ${leftOut.join(', ')}`);
  if (carried.skipped.length > 0) {
    const reasons = [...new Set(carried.skipped.map((s) => s.reason))].join('; ');
    sentences.push(`${entries(carried.skipped.length)} not added (${reasons})`);
  }
  return sentences.length > 0 ? sentences.join('. ') : null;
}
