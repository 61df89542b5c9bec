import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workHistoryRecord } from '../../../db/queries/export-work-history';
import { addPersonToJob } from '../../../db/queries/people';
import type { PastJob } from '../../../db/tables/people';
import { collect, requiredScopeList } from '../../../greenhouse';
import { workHistoryWords } from '../../../web/server/why.server';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import {
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// A person Pilothouse creates in Greenhouse arrives with their work history: one employment per past job,
// once, whatever is retried — and never on a candidate Greenhouse already had.
describe('exports carry the work history of the people Pilothouse creates', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const twoPastJobs: PastJob[] = [
    { title: 'Site Reliability Engineer', company: 'Globex', startYear: 2019, endYear: 2023 },
    { title: 'Backend Engineer', company: 'Initech', startYear: 2015, endYear: 2019 },
  ];

  const importPerson = async (
    email: string,
    extra: { pastJobs?: PastJob[]; greenhouseCandidateId?: number; title?: string; company?: string } = {},
  ) =>
    (
      await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: 'Wren',
          lastName: email.split('@')[0]!.replace(/\W/g, ''),
          emails: [email],
          resumeText: 'Platform engineer, Kubernetes, Go',
          pastJobs: twoPastJobs,
          ...extra,
        },
        { kind: 'import' },
      )
    ).personId;

  /** Runs one export to the end and returns its result with the Harvest requests it made. */
  async function exportCounting(personId: string) {
    const from = h.sandbox.runtime.harvestRequests.length;
    const result = await h.client.workflow.execute('exportCandidate', {
      taskQueue: h.taskQueue,
      workflowId: exportWorkflowId(jobId, personId),
      args: [{ jobId, personId, target: { kind: 'candidate', stageId: null }, requestedBy: 'autopilot' }],
    });
    const requests = h.sandbox.runtime.harvestRequests
      .slice(from)
      .map((request) => `${request.method} ${request.path.split('?')[0]}`)
      .filter((request) => request !== 'GET /v3/sources');
    return { result, requests };
  }

  const employmentsOf = async (candidateId: number) =>
    (await collect(h.harvest.listCandidateEmployments({ candidate_ids: [candidateId] })))
      .map((e) => [e.title, e.company_name, e.start_date, e.end_date])
      .sort();

  const auditOf = (personId: string, action: string) =>
    h.db
      .selectFrom('audit_event')
      .select('details')
      .where('person_id', '=', personId)
      .where('action', '=', action)
      .execute();

  /** What the person's Why? page says of their work history under the export step. */
  const whyWords = async (personId: string) =>
    workHistoryWords(await workHistoryRecord(h.db, jobId, personId));

  const faults = async (settings: object | null) =>
    fetch(`${h.sandbox.controlUrl}/faults`, {
      method: settings ? 'PUT' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      ...(settings ? { body: JSON.stringify(settings) } : {}),
    });

  const exactlyTheTwoPastJobs = [
    ['Backend Engineer', 'Initech', '2015-01-01', '2019-01-01'],
    ['Site Reliability Engineer', 'Globex', '2019-01-01', '2023-01-01'],
  ];

  it('a person with two past jobs is created with exactly those two employments, one request each', async () => {
    const personId = await importPerson('wren.two@example.org');
    const { result, requests } = await exportCounting(personId);
    // The export's shape with its work-history step, kept for the replay test.
    await maybeRecordGoldenHistory(h, exportWorkflowId(jobId, personId), 'export-candidate-work-history');

    expect(result.reusedExistingCandidate).toBe(false);
    expect(await employmentsOf(result.candidateId)).toEqual(exactlyTheTwoPastJobs);
    // A first attempt has nothing to look for: no list, one create per entry.
    expect(requests).toEqual([
      'GET /v3/candidates',
      'POST /v3/candidates',
      'POST /v3/attachments',
      'POST /v3/notes',
      'POST /v3/candidate_employments',
      'POST /v3/candidate_employments',
    ]);
    expect((await auditOf(personId, 'greenhouse.work_history.exported')).map((a) => a.details)).toEqual([
      expect.objectContaining({ employments: 2, created: 2, alreadyThere: 0, skipped: [] }),
    ]);
    expect(await whyWords(personId)).toBe('Their work history went with them (2 jobs)');
  });

  it('running the export again adds none', async () => {
    const personId = await importPerson('wren.again@example.org');
    const first = await exportCounting(personId);
    const again = await exportCounting(personId);

    expect(again.result.alreadyExported).toBe(true);
    expect(again.requests).toEqual([]);
    expect(await employmentsOf(first.result.candidateId)).toEqual(exactlyTheTwoPastJobs);
  });

  it('an export that failed after its work history and is run again adds none', async () => {
    const personId = await importPerson('wren.failed@example.org');
    const first = await exportCounting(personId);
    // As if completion had failed: the ledger row is not exported, so the next run goes through every step.
    await h.db
      .updateTable('export_ledger')
      .set({ status: 'failed' })
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .execute();
    const again = await exportCounting(personId);

    expect(again.result).toMatchObject({ alreadyExported: false, candidateId: first.result.candidateId });
    expect(again.requests.filter((r) => r.includes('candidate_employments'))).toEqual([]);
    expect(await employmentsOf(first.result.candidateId)).toEqual(exactlyTheTwoPastJobs);
  });

  it('after a lost answer to an employment create, the retry lists and creates only what is missing', async () => {
    const personId = await importPerson('wren.lost@example.org');
    await faults({ lostAnswers: { pathPrefix: '/v3/candidate_employments', count: 1 } });
    const { result, requests } = await exportCounting(personId).finally(() => faults(null));

    expect(await employmentsOf(result.candidateId)).toEqual(exactlyTheTwoPastJobs);
    // The first create was carried out (its answer lost); the retry looked, then sent only the second.
    expect(requests.filter((r) => r.includes('candidate_employments'))).toEqual([
      'POST /v3/candidate_employments',
      'GET /v3/candidate_employments',
      'POST /v3/candidate_employments',
    ]);
    expect((await auditOf(personId, 'greenhouse.work_history.exported')).map((a) => a.details)).toEqual([
      expect.objectContaining({ created: 1, alreadyThere: 1 }),
    ]);
  });

  it('a candidate Greenhouse already had gets none, though Pilothouse knows their past jobs', async () => {
    const { candidates, applications } = h.sandbox.runtime.state;
    const known = candidates.find(
      (c) =>
        c.email_addresses.length > 0 &&
        !applications.some((a) => a.candidate_id === c.id && a.job_id === jobId),
    )!;
    const before = await employmentsOf(known.id);
    const personId = await importPerson(known.email_addresses[0]!.value);
    const { result, requests } = await exportCounting(personId);

    expect(result).toMatchObject({ candidateId: known.id, reusedExistingCandidate: true });
    expect(requests.filter((r) => r.includes('candidate_employments'))).toEqual([]);
    expect(await employmentsOf(known.id)).toEqual(before);
    expect(await whyWords(personId)).toBeNull();
  });

  it('what cannot be sent is left out and said in the export audit: no start year, no end year on an old job', async () => {
    const personId = await importPerson('wren.partial@example.org', {
      title: 'Staff Engineer',
      company: 'Hooli',
      pastJobs: [
        { title: 'Staff Engineer', company: 'Hooli', startYear: 2023 },
        { title: 'Intern', company: 'Pied Piper' },
        { title: 'Engineer', company: 'Umbrella', startYear: 2016 },
        ...twoPastJobs,
      ],
    });
    const { result } = await exportCounting(personId);

    // The current job goes without an end date: Greenhouse shows it as current and as the latest.
    const employments = await collect(
      h.harvest.listCandidateEmployments({ candidate_ids: [result.candidateId] }),
    );
    expect(employments.map((e) => [e.company_name, e.end_date, e.latest]).sort()).toEqual([
      ['Globex', '2023-01-01', false],
      ['Hooli', null, true],
      ['Initech', '2019-01-01', false],
    ]);
    const [created] = await auditOf(personId, 'greenhouse.candidate.created');
    expect(created?.details.workHistory).toEqual({
      employments: 3,
      skipped: [
        { entry: 'past job 2 of 5', reason: 'no start year known' },
        {
          entry: 'past job 3 of 5',
          reason: 'no end year, and it is not their current job (Greenhouse would show it as current)',
        },
      ],
    });
    expect(await whyWords(personId)).toBe(
      'Their work history went with them (3 jobs). 2 jobs left out (no start year known; no end year, and it is not their current job (Greenhouse would show it as current))',
    );
  });

  it('without the create scope the export still lands, and its audit says which scope was missing', async () => {
    const { clientId, clientSecret } = h.sandbox.demoCredentials;
    const setScopes = async (scopes: string[]) => {
      await fetch(`${h.sandbox.controlUrl}/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, scopes }),
      });
      // Scopes are read when a token is issued: the worker's next call gets a new token.
      await fetch(`${h.sandbox.controlUrl}/tokens/expire`, { method: 'POST' });
    };
    const personId = await importPerson('wren.noscope@example.org');
    await setScopes(requiredScopeList.filter((scope) => scope !== 'harvest:candidate_employments:create'));
    const { result } = await exportCounting(personId).finally(() => setScopes([...requiredScopeList]));

    expect(result.alreadyExported).toBe(false);
    expect(await employmentsOf(result.candidateId)).toEqual([]);
    const [audit] = await auditOf(personId, 'greenhouse.work_history.exported');
    expect(audit?.details).toMatchObject({
      created: 0,
      missingScope: 'harvest:candidate_employments:create',
      skipped: [
        { entry: 'past job 1 of 2', reason: expect.stringContaining('harvest:candidate_employments:create') },
        { entry: 'past job 2 of 2', reason: expect.stringContaining('harvest:candidate_employments:create') },
      ],
    });
    const ledger = await h.db
      .selectFrom('export_ledger')
      .select('status')
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(ledger.status).toBe('exported');
    expect(await whyWords(personId)).toBe(
      '2 jobs not added: Greenhouse refused the connection (is the scope harvest:candidate_employments:create ticked?)',
    );
  });
});
