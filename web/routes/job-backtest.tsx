import { useEffect } from 'react';
import { Form, Link, useNavigation, useRevalidator } from 'react-router';
import type { Route } from './+types/job-backtest';
import { BarChart } from '../components/charts/bar-chart';
import { CsrfInput } from '../components/csrf';
import { EmptyState, Notice, PageHeader, Spinner } from '../components/ui';
import { backtestHeadline, rankBands } from '../../matching/backtest';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { jobBacktest, startBacktest } from '../server/backtest.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import { useWhen } from '../components/when';

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Backtest · ${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  const { running, stored } = await jobBacktest(context, jobId);
  return {
    job: { id: job.id, name: job.name },
    running,
    canRun: user.role !== 'ops',
    result: stored
      ? {
          scorer: stored.scorer,
          computedAt: stored.computedAt,
          headline: backtestHeadline(stored.report),
          ranked: stored.report.ranked,
          k: stored.report.k,
          hires: stored.report.hires,
          advancedOrHired: stored.report.advancedOrHired,
          bands: rankBands(stored.report),
        }
      : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user } = await requireMutation(request, context, ['recruiter']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  await startBacktest(context, jobId);
  await audit(context, { actor: user.email, action: 'backtest.started', jobId });
  return { started: true };
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

export default function JobBacktest({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { job, running, result, canRun } = loaderData;
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const busy = running || navigation.state === 'submitting';
  return (
    <main className="page">
      <PageHeader
        title={`Backtest: ${job.name}`}
        actions={
          <Link className="button" to={`/jobs/${job.id}`}>
            Back to the job
          </Link>
        }
      >
        How the scores would have ranked this job’s own Greenhouse applications, and where the people your
        team later advanced or hired landed.
      </PageHeader>
      <p className="muted">
        The profile is trained from the job post alone — none of this job’s hires, advances or rejections — so
        the ranking cannot have learnt the answer. Up to 300 applications, the most recently active first.
      </p>
      {canRun ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button primary" disabled={busy}>
            {result ? 'Run the backtest again' : 'Run the backtest'}
          </button>
        </Form>
      ) : null}
      {running ? <Spinner label="Collecting the applications and ranking them…" /> : null}
      {result ? (
        <section aria-labelledby="backtest-result">
          <h2 id="backtest-result">{result.headline}</h2>
          {result.ranked > 0 && result.ranked <= result.k ? (
            <Notice tone="info">
              Only {result.ranked} applications: the top {result.k} holds every one of them, so these figures
              cannot tell good scores from bad. Run it again once more people have applied.
            </Notice>
          ) : null}
          <dl className="figures">
            <div>
              <dt>Hires in the top {result.k}</dt>
              <dd>
                {result.hires.inTopK} of {result.hires.count}
              </dd>
            </div>
            <div>
              <dt>Advanced or hired in the top {result.k}</dt>
              <dd>
                {result.advancedOrHired.inTopK} of {result.advancedOrHired.count}
              </dd>
            </div>
            <div>
              <dt>Recall@{result.k}</dt>
              <dd>{percent(result.advancedOrHired.recallAtK)}</dd>
            </div>
            <div>
              <dt>nDCG@{result.k}</dt>
              <dd>
                {result.advancedOrHired.ndcgAtK === null ? '—' : result.advancedOrHired.ndcgAtK.toFixed(2)}
              </dd>
            </div>
            <div>
              <dt>By chance</dt>
              <dd>
                {result.advancedOrHired.expectedInTopKByChance.toFixed(1)} in the top {result.k}
              </dd>
            </div>
          </dl>
          <BarChart
            title="Advanced or hired people per band of ranks"
            bars={result.bands.map((band) => ({ label: band.label, value: band.hired + band.advanced }))}
          />
          <table>
            <caption>Where they landed, by rank</caption>
            <thead>
              <tr>
                <th scope="col">Ranks</th>
                <th scope="col">Applications</th>
                <th scope="col">Hired</th>
                <th scope="col">Advanced</th>
              </tr>
            </thead>
            <tbody>
              {result.bands.map((band) => (
                <tr key={band.label}>
                  <th scope="row">{band.label}</th>
                  <td>{band.people}</td>
                  <td>{band.hired}</td>
                  <td>{band.advanced}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Ranked {result.ranked} applications with the{' '}
            {result.scorer === 'local+semantic' ? 'model and keyword' : 'keyword'} scorer on{' '}
            {when(result.computedAt)}. Hires ranked {result.hires.ranks.join(', ') || '—'}. A handful of hires
            is a small sample: read the figures as a hint, not a verdict.
          </p>
        </section>
      ) : running ? null : (
        <EmptyState title="No backtest yet">
          Run it to rank this job’s applications and see where the people your team advanced or hired landed.
        </EmptyState>
      )}
      {result && result.ranked === 0 ? (
        <Notice tone="info">No application on this job had a resume or profile to rank.</Notice>
      ) : null}
    </main>
  );
}
