import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

/** Uploads a CSV on the adverse-impact page as its form does. */
async function upload(visitor: Visitor, path: string, rule: string, content: string) {
  const form = new FormData();
  form.set('csrf', await visitor.csrfTokenFrom(path));
  form.set('rule', rule);
  form.set('file', new Blob([content], { type: 'text/csv' }), 'eeoc.csv');
  return visitor.post(path, form);
}

// A rule on a sandbox job moved some of its applicants forward and not others; the admin uploads the
// self-identification answers and reads the four-fifths ratios with their caveats.
describe('adverse-impact page per job and rule', () => {
  let h: AutopilotHarness;
  let web: WebApp;
  let admin: Visitor;
  let jobId: number;
  let csv: string;
  let ruleId: string;

  beforeAll(async () => {
    h = await startAutopilotHarness({ candidates: 300, seed: 1 });
    await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection cascade`.execute(h.db);
    web = await startWebApp({ TEMPORAL_TASK_QUEUE: h.taskQueue });
    admin = await firstAdminSignsUp(web.url);
    await h.syncAndPickOpenJob({ autopilot: false });
    // The open job with the most applicants.
    const { state } = h.sandbox.runtime;
    const applicants = (id: number) => state.applications.filter((a) => a.job_id === id).length;
    jobId = state.jobs
      .filter((j) => j.status === 'open' && !j.confidential)
      .sort((a, b) => applicants(b.id) - applicants(a.id))[0]!.id;
    await createActivities({ db: h.db, harvest: async () => h.harvest }).sourceCandidates({ jobId });
    const people = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select(['p.id', 'p.greenhouse_candidate_id'])
      .where('jp.job_id', '=', jobId)
      .where('p.greenhouse_candidate_id', 'is not', null)
      .orderBy('p.greenhouse_candidate_id')
      .limit(20)
      .execute();
    expect(people.length).toBe(20);
    ({ id: ruleId } = await h.db
      .insertInto('rule_flow')
      .values({
        job_id: jobId,
        name: 'Strong matches to approval',
        draft: '{}',
        updated_by: 'ada@pilothouse.test',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    // Ten women, 2 moved forward; ten men, 8 moved forward.
    const rows = ['Candidate ID,Gender'];
    for (const [i, person] of people.entries()) {
      const woman = i % 2 === 0;
      const forward = woman ? i < 4 : i < 16;
      rows.push(`${person.greenhouse_candidate_id},${woman ? 'Female' : 'Male'}`);
      await h.db
        .insertInto('decision_trace')
        .values({
          job_id: jobId,
          person_id: person.id,
          flow_id: ruleId,
          rule_version: 1,
          event: JSON.stringify({ type: 'matched' }),
          decisions: JSON.stringify(forward ? [{ type: 'requestApproval' }] : [{ type: 'reject' }]),
          trace: '[]',
        })
        .execute();
    }
    csv = rows.join('\n');
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it('shows n, selection rates, the impact ratio with its chart and Fisher’s p for the rule', async () => {
    const page = await admin.get(`/jobs/${jobId}/adverse-impact`);
    expect(page.html).toContain('Strong matches to approval (20 people)');
    expect((await admin.get(`/jobs/${jobId}`)).html).toContain(`href="/jobs/${jobId}/adverse-impact"`);

    const report = await upload(admin, `/jobs/${jobId}/adverse-impact`, ruleId, csv);
    expect(report.status).toBe(200);
    const html = report.html.replace(/\s+/g, ' ');
    expect(html).toContain('Strong matches to approval: 10 of 20 people moved forward');
    expect(html).toContain('20 of 20 people answered in eeoc.csv');
    // Female: 2 of 10 (20 %), ratio 0.25 against men's 8 of 10; Fisher p = 0.023.
    expect(html).toMatch(
      /<th scope="row">Female<\/th><td>10<\/td><td>2<\/td><td>20 %<\/td><td>0.25<\/td><td>0.023<\/td><td>Below four fifths; unlikely to be chance<\/td>/,
    );
    expect(html).toMatch(/<th scope="row">Male<\/th><td>10<\/td><td>8<\/td><td>80 %<\/td><td>1.00<\/td>/);
    expect(html).toContain('not a legal test');
    expect(html).toContain('aria-label="Impact ratio by gender"');
  });

  it('says what is wrong with a file it cannot read', async () => {
    const report = await upload(admin, `/jobs/${jobId}/adverse-impact`, '', 'name,gender\nAna,Female');
    expect(report.html.replaceAll('&quot;', '"')).toContain(
      'Line 1: The header needs a "candidate_id" or an "email" column.',
    );
  });
});
