import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/job-adverse-impact';
import { BarChart } from '../components/charts/bar-chart';
import { CsrfInput } from '../components/csrf';
import { EmptyState, Notice, PageHeader } from '../components/ui';
import { eeocAnswersFromCsv } from '../../matching/eeoc-csv';
import type { ImpactVerdict } from '../../matching/impact-evidence';
import { CsvSyntaxError, parseCsvYielding } from '../../sourcing/csv';
import { adverseImpactForJob, rulesWithDecisions } from '../server/adverse-impact.server';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId, requireJob } from '../server/jobs.server';

/** Self-identification files are small: one short row per person. */
const MAX_BYTES = 5 * 1024 * 1024;

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Adverse impact · ${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  return { job: { id: job.id, name: job.name }, rules: await rulesWithDecisions(context, jobId) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  const ruleId = String(form.get('rule') ?? '') || null;
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return { ok: false as const, problems: ['Choose the CSV of self-identification answers to upload.'] };
  if (file.size > MAX_BYTES)
    return { ok: false as const, problems: [`${file.name} is larger than 5 MB; upload one job’s answers.`] };
  let records;
  try {
    records = await parseCsvYielding(await file.text());
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { ok: false as const, problems: [`${file.name}: ${error.message}`] };
    throw error;
  }
  const read = eeocAnswersFromCsv(records);
  if (!read.ok)
    return {
      ok: false as const,
      problems: read.problems.map((p) => (p.line === null ? p.message : `Line ${p.line}: ${p.message}`)),
    };
  const rules = await rulesWithDecisions(context, jobId);
  const rule = ruleId ? rules.find((r) => r.id === ruleId) : undefined;
  if (ruleId && !rule)
    return { ok: false as const, problems: ['That rule has made no decisions on this job.'] };
  const report = await adverseImpactForJob(context, { jobId, ruleId, answers: read.index });
  // Who looked at the report, not what it said: the answers themselves are never stored.
  await audit(context, { actor: user.email, action: 'adverse_impact.viewed', jobId, details: { ruleId } });
  return { ok: true as const, fileName: file.name, scope: rule?.name ?? 'every rule on this job', ...report };
}

const dimensionNames: Record<string, string> = {
  race: 'Race / ethnicity',
  gender: 'Gender',
  veteran_status: 'Veteran status',
  disability_status: 'Disability status',
};
const verdictText: Record<ImpactVerdict, string> = {
  'too-few': 'Too few to conclude',
  'below-four-fifths-significant': 'Below four fifths; unlikely to be chance',
  'below-four-fifths-not-significant': 'Below four fifths; could be chance at these numbers',
  'not-below': 'Not below four fifths',
};
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

export default function JobAdverseImpact({ loaderData, actionData }: Route.ComponentProps) {
  const { job, rules } = loaderData;
  const busy = useNavigation().state === 'submitting';
  return (
    <main className="page">
      <PageHeader
        title={`Adverse impact: ${job.name}`}
        actions={
          <Link className="button" to={`/jobs/${job.id}`}>
            Back to the job
          </Link>
        }
      >
        Selection rates of this job’s rules by self-reported group, against the four-fifths rule of thumb.
      </PageHeader>
      {rules.length === 0 ? (
        <EmptyState title="No rule has decided about anyone on this job yet">
          The report compares who the job’s rules moved forward (approval, advance, move, export) with who
          they did not.
        </EmptyState>
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfInput />
          <p className="muted">
            Greenhouse’s EEOC answers cannot be read with this connection, so upload them: a CSV with a{' '}
            <code>candidate_id</code> or <code>email</code> column and any of <code>race</code>,{' '}
            <code>gender</code>, <code>veteran_status</code>, <code>disability_status</code> (as exported from
            Greenhouse’s EEOC report). The file is used for this report only and not kept.
          </p>
          <label>
            Rule{' '}
            <select name="rule" defaultValue="">
              <option value="">Every rule (each person once)</option>
              {rules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.name} ({rule.people} people)
                </option>
              ))}
            </select>
          </label>
          <label>
            Self-identification answers (CSV) <input type="file" name="file" accept=".csv,text/csv" />
          </label>
          <button type="submit" className="button primary" disabled={busy}>
            Show the report
          </button>
        </Form>
      )}
      {actionData && !actionData.ok ? (
        <Notice tone="error">
          {actionData.problems.map((p) => (
            <span key={p}>
              {p}
              <br />
            </span>
          ))}
        </Notice>
      ) : null}
      {actionData?.ok ? (
        <section aria-labelledby="impact-report">
          <h2 id="impact-report">
            {actionData.scope}: {actionData.selected} of {actionData.considered} people moved forward
          </h2>
          <p className="muted">
            {actionData.answered} of {actionData.considered} people answered in {actionData.fileName}; people
            without an answer are counted apart, never guessed.
          </p>
          <Notice tone="info">
            The four-fifths ratio is a rule of thumb from the EEOC’s Uniform Guidelines, not a legal test of
            discrimination. With small groups one decision moves it a lot: each group shows its size, groups
            under 5 people are “too few to conclude”, and a group below four fifths is tested against the
            most-selected group with Fisher’s exact test (p below 0.05: unlikely to be chance). Ask counsel
            before acting on it.
          </Notice>
          {actionData.dimensions.length === 0 ? (
            <EmptyState title="No answers matched the people these rules decided about" />
          ) : null}
          {actionData.dimensions.map((dimension) => (
            <section key={dimension.dimension} aria-labelledby={`dim-${dimension.dimension}`}>
              <h3 id={`dim-${dimension.dimension}`}>{dimensionNames[dimension.dimension]}</h3>
              <BarChart
                title={`Impact ratio by ${dimensionNames[dimension.dimension]?.toLowerCase()}`}
                bars={dimension.evidence.map((g) => ({
                  label: g.category,
                  value: g.impactRatio ?? 0,
                  tone: g.verdict === 'too-few' ? 'muted' : g.belowFourFifths ? 'bad' : 'good',
                }))}
                maxValue={1}
                threshold={{ value: 0.8, label: 'four fifths' }}
                formatValue={(v) => v.toFixed(2)}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col">People (n)</th>
                    <th scope="col">Moved forward</th>
                    <th scope="col">Selection rate</th>
                    <th scope="col">Impact ratio</th>
                    <th scope="col">Fisher p</th>
                    <th scope="col">Reading</th>
                  </tr>
                </thead>
                <tbody>
                  {dimension.evidence.map((g) => (
                    <tr key={g.category}>
                      <th scope="row">{g.category}</th>
                      <td>{g.considered}</td>
                      <td>{g.selected}</td>
                      <td>{pct(g.selectionRate)}</td>
                      <td>{g.impactRatio === null ? '—' : g.impactRatio.toFixed(2)}</td>
                      <td>{g.pValue === null ? '—' : g.pValue < 0.001 ? '< 0.001' : g.pValue.toFixed(3)}</td>
                      <td>{verdictText[g.verdict]}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">No answer</th>
                    <td>{dimension.unknown.considered}</td>
                    <td>{dimension.unknown.selected}</td>
                    <td colSpan={4}>not compared</td>
                  </tr>
                </tbody>
              </table>
            </section>
          ))}
        </section>
      ) : null}
    </main>
  );
}
