import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../../matching/backtest';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

// The demo tenant's history: applications walked through the interview plan, some hired, some rejected.
// A team presses "Run the backtest" on a job and reads where its hires landed.
describe('backtest page: the scores against a job’s own Greenhouse history', () => {
  let h: AutopilotHarness;
  let web: WebApp;
  let admin: Visitor;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness({ candidates: 300, seed: 1 });
    await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection, job_backtest cascade`.execute(
      h.db,
    );
    web = await startWebApp({ TEMPORAL_TASK_QUEUE: h.taskQueue });
    admin = await firstAdminSignsUp(web.url);
    await h.syncAndPickOpenJob({ autopilot: false });
    // The open job with the most hires, then the most applications.
    const { state } = h.sandbox.runtime;
    const onJob = (id: number) => state.applications.filter((a) => a.job_id === id && !a.prospect);
    const score = (id: number) =>
      onJob(id).filter((a) => a.status === 'hired').length * 1000 + onJob(id).length;
    jobId = state.jobs
      .filter((j) => j.status === 'open' && !j.confidential)
      .sort((a, b) => score(b.id) - score(a.id))[0]!.id;
  }, 180_000);

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it('ranks every application on the job and shows where the hires landed, with recall and nDCG', async () => {
    const before = await admin.get(`/jobs/${jobId}/backtest`);
    expect(before.html).toContain('No backtest yet');
    const job = await admin.get(`/jobs/${jobId}`);
    expect(job.html).toContain(`href="/jobs/${jobId}/backtest"`);

    const started = await admin.submit(`/jobs/${jobId}/backtest`, {});
    expect(started.status).toBeLessThan(400);
    const row = await eventually(
      'the backtest stored',
      () => h.db.selectFrom('job_backtest').selectAll().where('job_id', '=', jobId).executeTakeFirst(),
      { timeoutMs: 170_000 },
    );
    const report = row.report as BacktestReport;

    // Every application Greenhouse holds on the job was ranked, and the hires counted are Greenhouse's.
    const { state } = h.sandbox.runtime;
    const applications = state.applications.filter((a) => a.job_id === jobId && !a.prospect);
    const hired = applications.filter((a) => a.status === 'hired').length;
    expect(report.ranked).toBe(applications.length);
    expect(report.hires.count).toBe(hired);
    expect(report.advancedOrHired.count).toBeGreaterThanOrEqual(hired);

    const page = await admin.get(`/jobs/${jobId}/backtest`);
    const hiresLine =
      hired === 0
        ? 'No hires on this job yet'
        : `${hired === 1 ? 'hire' : `${hired} hires`}: ${report.hires.inTopK} in the top 10 of ${applications.length} applications`;
    expect(page.html).toContain(hiresLine);
    expect(page.html).toContain(`${report.advancedOrHired.inTopK} of ${report.advancedOrHired.count}`);
    if (report.advancedOrHired.ndcgAtK !== null)
      expect(page.html).toContain(report.advancedOrHired.ndcgAtK.toFixed(2));
    expect(page.html).toContain('<svg');
    // Names stay out of the stored figures.
    expect(JSON.stringify(report)).not.toMatch(/@|first_name/);
    console.info(
      JSON.stringify({
        jobId,
        scorer: row.scorer,
        ranked: report.ranked,
        hires: report.hires,
        advancedOrHired: { ...report.advancedOrHired, ranks: undefined },
      }),
    );
  }, 200_000);
});
