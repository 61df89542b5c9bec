import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../../greenhouse';
import { visibleJobsForUser } from '../../../greenhouse/job-visibility';
import { addPersonToJob } from '../../../db/queries/people';
import { sandboxConnectionSettings } from '../../../sandbox';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { adminAdds, firstAdminSignsUp, type Teammate } from './support/team';
import { startWebApp, Visitor, type WebApp } from './support/web-visitor';

// Pat (ops) and Rae (recruiter) are linked to Priya, the sandbox's Engineering recruiter in
// Greenhouse: they may see her jobs only. Kim is on a job Priya cannot see.
const pat: Teammate = {
  name: 'Pat Ops',
  email: 'pat@pilothouse.test',
  password: 'pat-watches-syncs-42',
  role: 'ops',
};
const rae: Teammate = {
  name: 'Rae Recruiter',
  email: 'rae@pilothouse.test',
  password: 'rae-imports-lists-42',
  role: 'recruiter',
};
const ari: Teammate = {
  name: 'Ari Admin',
  email: 'ari@pilothouse.test',
  password: 'ari-draws-rules-42',
  role: 'admin',
};
const uma: Teammate = {
  name: 'Uma Unlinked',
  email: 'uma@pilothouse.test',
  password: 'uma-waits-for-a-link-42',
  role: 'recruiter',
};
const kim = {
  firstName: 'Kim',
  lastName: 'Hidden',
  emails: ['kim.hidden@example.org'],
  phones: ['+1 555 0100'],
  resumeText: 'Confidential: leaving for a competitor, do not disclose',
};

describe('an account linked to a Greenhouse user sees only that user’s jobs, on Ops and through imports; a recruiter linked to nobody sees none', () => {
  let h: AutopilotHarness;
  let web: WebApp;
  let visibleJob: number;
  let hiddenJob: number;
  let kimId: string;
  let seenId: string;
  let admin: Visitor;
  let priya: { id: number; primary_email: string };

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection cascade`.execute(h.db);
    web = await startWebApp({ TEMPORAL_TASK_QUEUE: h.taskQueue, ...sandboxConnectionSettings(h.sandbox) });
    await h.syncAndPickOpenJob({ autopilot: false });

    const users = await collect(h.harvest.listUsers({ per_page: 500 }), 500);
    priya = users.find((u) => u.first_name === 'Priya')!;
    const hers = new Set((await visibleJobsForUser(h.harvest, priya.id)).map((j) => j.id));
    const synced = await h.db.selectFrom('job').select('id').orderBy('id').execute();
    visibleJob = synced.map((j) => Number(j.id)).find((id) => hers.has(id))!;
    hiddenJob = synced.map((j) => Number(j.id)).find((id) => !hers.has(id))!;
    expect(visibleJob && hiddenJob, 'the sandbox has jobs on both sides').toBeTruthy();

    admin = await firstAdminSignsUp(web.url);
    for (const teammate of [pat, rae, ari]) await adminAdds(admin, teammate, priya.id);

    ({ personId: kimId } = await addPersonToJob(h.db, hiddenJob, kim, { kind: 'inbound' }));
    ({ personId: seenId } = await addPersonToJob(
      h.db,
      visibleJob,
      { firstName: 'Sol', lastName: 'Seen', emails: ['sol.seen@example.org'] },
      { kind: 'inbound' },
    ));
    for (const [jobId, personId] of [
      [hiddenJob, kimId],
      [visibleJob, seenId],
    ] as const) {
      await h.db
        .insertInto('export_ledger')
        .values({
          job_id: jobId,
          person_id: personId,
          workflow_id: `export-${jobId}-${personId}`,
          status: 'failed',
          target: JSON.stringify({ kind: 'candidate', stageId: null }),
          requested_by: 'someone@pilothouse.test',
          failure_type: 'GreenhousePermissionDenied',
          failure_message: `refused for job ${jobId}`,
        })
        .execute();
      await h.db
        .insertInto('audit_event')
        .values({
          actor: 'someone@pilothouse.test',
          action: `test.marker-${jobId}`,
          job_id: jobId,
          details: {},
        })
        .execute();
      await h.db
        .insertInto('webhook_event')
        .values({
          event_id: `evt-job-${jobId}`,
          action: 'update_candidate',
          verdict: 'accepted',
          job_id: jobId,
        })
        .execute();
    }
  });

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it('Ops shows Pat the failed exports, deliveries and audit lines of Priya’s jobs, none of the others', async () => {
    const patsBrowser = new Visitor(web.url);
    expect((await patsBrowser.signIn(pat.email, pat.password)).location).toBe('/jobs');
    const { status, html } = await patsBrowser.get('/ops');
    expect(status).toBe(200);
    expect(html).toContain('Sol Seen');
    // (Ops reads codes as words: a code it has no words for is shown spaced and capitalised.)
    expect(html).toContain(`Test marker-${visibleJob}`);
    expect(html).toContain(`evt-job-${visibleJob}`);
    expect(html).not.toContain('Kim Hidden');
    expect(html).not.toContain(`refused for job ${hiddenJob}`);
    expect(html).not.toContain(`Test marker-${hiddenJob}`);
    expect(html).not.toContain(`evt-job-${hiddenJob}`);
    // Account changes (no job) are not for a restricted account either.
    expect(html).not.toContain('Added a teammate');
  });

  it('Pat cannot retry the export of a job Priya cannot see', async () => {
    const patsBrowser = new Visitor(web.url);
    await patsBrowser.signIn(pat.email, pat.password);
    const retry = await patsBrowser.submit(
      '/ops',
      { intent: 'retry', jobId: String(hiddenJob), personId: kimId },
      { csrf: await patsBrowser.csrfTokenFrom('/ops') },
    );
    expect(retry.status).toBe(403);
    const audit = await h.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'export.retried')
      .execute();
    expect(audit).toEqual([]);
  });

  it('a list Rae imports into her job never reaches Kim’s record on the hidden job, nor adds to it', async () => {
    const raesBrowser = new Visitor(web.url);
    await raesBrowser.signIn(rae.email, rae.password);
    const csv = [
      'First name,Last name,Email,LinkedIn URL',
      'Kim,Hidden,kim.hidden@example.org,linkedin.com/in/kim-planted',
    ].join('\n');
    const form = new FormData();
    form.set('csrf', await raesBrowser.csrfTokenFrom(`/jobs/${visibleJob}/import`));
    form.set('file', new File([csv], 'list.csv', { type: 'text/csv' }));
    const answer = await raesBrowser.post(`/jobs/${visibleJob}/import`, form);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('list.csv: 1 added to the job');

    const onRaesJob = await h.db
      .selectFrom('job_person')
      .innerJoin('person', 'person.id', 'job_person.person_id')
      .select(['person.id', 'person.resume_text', 'person.phones'])
      .where('job_person.job_id', '=', visibleJob)
      .where(sql<boolean>`person.emails @> '["kim.hidden@example.org"]'::jsonb`)
      .execute();
    // A person of the list's own making: nothing from the hidden job's record.
    expect(onRaesJob).toHaveLength(1);
    expect(onRaesJob[0]!.id).not.toBe(kimId);
    expect(onRaesJob[0]!.resume_text).toBeNull();
    const kimNow = await h.db
      .selectFrom('person')
      .select(['linkedin_url', 'emails'])
      .where('id', '=', kimId)
      .executeTakeFirstOrThrow();
    expect(kimNow).toEqual({ linkedin_url: null, emails: kim.emails });
  });

  it('a list naming someone on Rae’s own job links them but adds no contact details to them', async () => {
    const raesBrowser = new Visitor(web.url);
    await raesBrowser.signIn(rae.email, rae.password);
    const csv = ['Name,Email,Phone', 'Sol Seen,sol.seen@example.org,+1 555 0199'].join('\n');
    const form = new FormData();
    form.set('csrf', await raesBrowser.csrfTokenFrom(`/jobs/${visibleJob}/import`));
    form.set('file', new File([csv], 'again.csv', { type: 'text/csv' }));
    const answer = await raesBrowser.post(`/jobs/${visibleJob}/import`, form);
    expect(answer.html).toContain('0 added to the job, 1 already on it');
    const sol = await h.db
      .selectFrom('person')
      .select(['emails', 'phones'])
      .where('id', '=', seenId)
      .executeTakeFirstOrThrow();
    expect(sol).toEqual({ emails: ['sol.seen@example.org'], phones: [] });
  });
  it('the rules canvas offers Ari (an admin linked to Priya) only Priya’s other jobs to transfer to', async () => {
    const arisBrowser = new Visitor(web.url);
    await arisBrowser.signIn(ari.email, ari.password);
    const { status, html } = await arisBrowser.get(`/jobs/${visibleJob}/rules`);
    expect(status).toBe(200);
    const hers = new Set((await visibleJobsForUser(h.harvest, (await priyaId())!)).map((j) => j.id));
    const names = await h.db.selectFrom('job').select(['id', 'name']).where('id', '!=', visibleJob).execute();
    const hidden = names.filter((j) => !hers.has(j.id)).map((j) => j.name);
    const shown = names.filter((j) => hers.has(j.id)).map((j) => j.name);
    expect(hidden.length).toBeGreaterThan(0);
    for (const name of hidden.filter((n) => !shown.includes(n))) expect(html).not.toContain(name);
    if (shown.length > 0) expect(html).toContain(shown[0]!);
  });

  async function priyaId() {
    const users = await collect(h.harvest.listUsers({ per_page: 500 }), 500);
    return users.find((u) => u.first_name === 'Priya')?.id;
  }

  it('an account added with Priya’s email follows her Greenhouse access by itself; an admin changes its role and link', async () => {
    const added = await admin.submit('/settings/users', {
      intent: 'create',
      name: 'Priya Patel',
      email: priya.primary_email.toUpperCase(),
      role: 'recruiter',
      password: 'priya-signs-in-here-42',
      greenhouseUserId: '',
    });
    expect(added.html).toContain('Linked to the Greenhouse user with the same email');
    const account = () =>
      h.db
        .selectFrom('app_user')
        .select(['id', 'role', 'greenhouse_user_id'])
        .where('email', '=', priya.primary_email.toLowerCase())
        .executeTakeFirstOrThrow();
    expect(await account()).toMatchObject({ role: 'recruiter', greenhouse_user_id: priya.id });

    // Signed in, she sees her own jobs only.
    const hers = new Visitor(web.url);
    expect((await hers.signIn(priya.primary_email, 'priya-signs-in-here-42')).location).toBe('/jobs');
    expect((await hers.get(`/jobs/${hiddenJob}`)).status).toBe(403);

    const { id } = await account();
    const changed = await admin.submit('/settings/users', {
      intent: 'change-access',
      userId: id,
      role: 'ops',
      greenhouseUserId: '',
    });
    expect(changed.html).toContain('Priya Patel now signs in as ops, not linked to a Greenhouse user.');
    expect(await account()).toMatchObject({ role: 'ops', greenhouse_user_id: null });
    // From her next click, unlinked: no job at all, not every synced job (confidential ones among them).
    expect((await hers.get(`/jobs/${hiddenJob}`)).status).toBe(403);
    expect((await hers.get(`/jobs/${visibleJob}`)).status).toBe(403);

    const own = await admin.submit('/settings/users', {
      intent: 'change-access',
      userId: (
        await h.db
          .selectFrom('app_user')
          .select('id')
          .where('email', '=', 'ada@pilothouse.test')
          .executeTakeFirstOrThrow()
      ).id,
      role: 'recruiter',
      greenhouseUserId: '',
    });
    expect(own.html).toContain('You cannot change your own role or link.');
    const audited = await h.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'user.access_changed')
      .execute();
    expect(audited).toEqual([{ details: { userId: id, role: 'ops', greenhouseUserId: null } }]);
  });

  it('Uma, a recruiter nobody has linked yet, sees no job and is told whom to ask; she decides no approval; linked, she sees her jobs', async () => {
    await adminAdds(admin, uma);
    const request = await h.db
      .insertInto('approval_request')
      .values({
        job_id: visibleJob,
        person_id: seenId,
        workflow_id: `autopilot-job-${visibleJob}`,
        requested_from: 'Recruiters',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const umasBrowser = new Visitor(web.url);
    expect((await umasBrowser.signIn(uma.email, uma.password)).location).toBe('/jobs');
    const jobs = await umasBrowser.get('/jobs');
    expect(jobs.html).toContain('data-testid="not-linked"');
    expect(jobs.html).toContain(
      'Your account is not linked to a Greenhouse user yet, so Pilothouse shows you no job',
    );
    expect(jobs.html).toContain('Ask an admin (Ada Admin or Ari Admin) to link it under Users.');
    expect(jobs.html).not.toContain('data-testid="job-row"');
    expect((await umasBrowser.get(`/jobs/${visibleJob}`)).status).toBe(403);
    // Nothing waits for her in the inbox, and a request posted by hand is refused whole, nothing decided.
    expect((await umasBrowser.get('/approvals')).html).not.toContain('Sol Seen');
    const decided = await umasBrowser.submit('/approvals', {
      decision: 'approved',
      approvalIds: request.id,
    });
    expect(decided.status).toBe(403);
    expect(decided.html).toContain('Your account is not linked to a Greenhouse user yet');
    const still = await h.db
      .selectFrom('approval_request')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('pending');

    // Ada links her to Priya: from her next click, Priya's jobs.
    const { id } = await h.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', uma.email)
      .executeTakeFirstOrThrow();
    await admin.submit('/settings/users', {
      intent: 'change-access',
      userId: id,
      role: 'recruiter',
      greenhouseUserId: String(priya.id),
    });
    const linked = await umasBrowser.get('/jobs');
    expect(linked.html).not.toContain('data-testid="not-linked"');
    expect(linked.html).toContain('data-testid="job-row"');
    expect((await umasBrowser.get(`/jobs/${visibleJob}`)).status).toBe(200);
    await h.db.deleteFrom('approval_request').where('id', '=', request.id).execute();
  });
});
