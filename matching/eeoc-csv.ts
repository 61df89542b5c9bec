import { eeocDimensions, type EeocDimension } from './adverse-impact';

// Self-identification answers uploaded as a CSV when the Greenhouse credential cannot read /v3/eeoc:
// one row per person, keyed by Greenhouse candidate id or email, with any of the four EEOC columns.
// Used for one report and never stored.

export type EeocAnswers = Partial<Record<EeocDimension, string>>;
export type EeocAnswerIndex = { byCandidateId: Map<number, EeocAnswers>; byEmail: Map<string, EeocAnswers> };
export type EeocCsvProblem = { line: number | null; message: string };

const keyOf = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
const candidateColumns = ['candidate_id', 'greenhouse_candidate_id', 'candidate'];
const dimensionColumns: Record<string, EeocDimension> = {
  race: 'race',
  race_ethnicity: 'race',
  ethnicity: 'race',
  gender: 'gender',
  sex: 'gender',
  veteran_status: 'veteran_status',
  veteran: 'veteran_status',
  disability_status: 'disability_status',
  disability: 'disability_status',
};

export function eeocAnswersFromCsv(
  records: readonly { line: number; cells: readonly string[] }[],
): { ok: true; index: EeocAnswerIndex; rows: number } | { ok: false; problems: EeocCsvProblem[] } {
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ line: null, message: 'The file is empty.' }] };
  const keys = header.cells.map(keyOf);
  const candidateAt = keys.findIndex((k) => candidateColumns.includes(k));
  const emailAt = keys.findIndex((k) => k === 'email' || k === 'email_address');
  const dimensionsAt = keys.flatMap((k, i) =>
    dimensionColumns[k] ? [[i, dimensionColumns[k]] as const] : [],
  );
  const problems: EeocCsvProblem[] = [];
  if (candidateAt === -1 && emailAt === -1)
    problems.push({ line: header.line, message: 'The header needs a "candidate_id" or an "email" column.' });
  if (dimensionsAt.length === 0)
    problems.push({
      line: header.line,
      message: `The header needs at least one of the columns ${eeocDimensions.join(', ')}.`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const index: EeocAnswerIndex = { byCandidateId: new Map(), byEmail: new Map() };
  for (const row of rows) {
    const answers: EeocAnswers = {};
    for (const [at, dimension] of dimensionsAt) {
      const value = row.cells[at]?.trim();
      if (value) answers[dimension] = value;
    }
    const candidateText = candidateAt === -1 ? '' : (row.cells[candidateAt]?.trim() ?? '');
    const email = emailAt === -1 ? '' : (row.cells[emailAt]?.trim().toLowerCase() ?? '');
    if (candidateText && !/^\d+$/.test(candidateText)) {
      problems.push({ line: row.line, message: 'The candidate id is not a Greenhouse candidate number.' });
      continue;
    }
    if (!candidateText && !email) {
      problems.push({ line: row.line, message: 'The row has neither a candidate id nor an email.' });
      continue;
    }
    if (candidateText) index.byCandidateId.set(Number(candidateText), answers);
    if (email) index.byEmail.set(email, answers);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index, rows: rows.length };
}
