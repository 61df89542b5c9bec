import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceFromApplications } from '../../../db/queries/greenhouse-presence';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import {
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// Greenhouse allows ~75 requests per 30 s for the whole account, so what one export costs bounds how
// many exports a minute can land. Each scenario counts the requests the sandbox served for one export,
// and checks that the savings never cost a duplicate.
describe('what one export costs in Harvest requests', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Where the pipeline says the person stands in Greenhouse. */
  const presenceOf = (personId: string) =>
    h.db
      .selectFrom('job_person')
      .select('greenhouse')
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();

  /** Runs one export and returns its result with the Harvest requests it made (`GET /v3/candidates`…). */
  async function exportCounting(personId: string, requestedBy = 'autopilot') {
    const from = h.sandbox.runtime.harvestRequests.length;
    const result = await h.client.workflow.execute('exportCandidate', {
      taskQueue: h.taskQueue,
      workflowId: exportWorkflowId(jobId, personId),
      args: [{ jobId, personId, target: { kind: 'candidate', stageId: null }, requestedBy }],
    });
    const requests = h.sandbox.runtime.harvestRequests
      .slice(from)
      .map((request) => `${request.method} ${request.path.split('?')[0]}`)
      // Sources are reference data, read once per worker: not a cost of this export.
      .filter((request) => request !== 'GET /v3/sources');
    return { result, requests };
  }

  const importPerson = async (email: string, extra: { greenhouseCandidateId?: number } = {}) =>
    (
      await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: 'Noor',
          lastName: email.split('@')[0]!.replace(/\W/g, ''),
          emails: [email],
          resumeText: 'Platform engineer, Kubernetes, Go',
          ...extra,
        },
        { kind: 'import' },
      )
    ).personId;

  const faults = async (settings: object | null) =>
    fetch(`${h.sandbox.controlUrl}/faults`, {
      method: settings ? 'PUT' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      ...(settings ? { body: JSON.stringify(settings) } : {}),
    });

  /** A Greenhouse candidate with an email and no application on the job. */
  const existingCandidate = () => {
    const { candidates, applications } = h.sandbox.runtime.state;
    const candidate = candidates.find(
      (c) =>
        c.email_addresses.length > 0 &&
        !applications.some((a) => a.candidate_id === c.id && a.job_id === jobId),
    )!;
    return { id: candidate.id, email: candidate.email_addresses[0]!.value };
  };

  it('a new person costs 4 requests: the email lookup, the create with its application, the resume and the note', async () => {
    const personId = await importPerson('noor.new@example.org');
    const { result, requests } = await exportCounting(personId);
    // The export's shape since completion left the Harvest queue, kept for the replay test.
    await maybeRecordGoldenHistory(
      h,
      exportWorkflowId(jobId, personId),
      'export-candidate-completion-off-harvest-queue',
    );

    expect(requests).toEqual([
      'GET /v3/candidates',
      'POST /v3/candidates',
      'POST /v3/attachments',
      'POST /v3/notes',
    ]);
    // What the pipeline shows was taken from the create's answer, and it is what Greenhouse holds.
    const presence = await presenceOf(personId);
    const applications = await collect(h.harvest.listApplications({ candidate_ids: [result.candidateId] }));
    // (Its last activity is the create's: the resume and the note, seconds later, are not in it.)
    expect(presence.greenhouse).toEqual({
      ...presenceFromApplications(jobId, result.candidateId, applications),
      lastActivityAt: expect.any(String),
      checkedAt: expect.any(String),
    });
    expect(presence.greenhouse).toMatchObject({ kind: 'applicant', onThisJob: true, status: 'in_process' });
  });

  it('a person the source step already matched costs 3: their applications, the new application and the note', async () => {
    const known = existingCandidate();
    const personId = await importPerson(known.email, { greenhouseCandidateId: known.id });
    const { result, requests } = await exportCounting(personId);

    expect(requests).toEqual(['GET /v3/applications', 'POST /v3/applications', 'POST /v3/notes']);
    expect(result).toMatchObject({ candidateId: known.id, reusedExistingCandidate: true });
    const applications = await collect(h.harvest.listApplications({ candidate_ids: [known.id] }));
    expect(applications.filter((a) => a.job_id === jobId).map((a) => a.id)).toEqual([result.applicationId]);
    const presence = await presenceOf(personId);
    expect(presence.greenhouse).toEqual({
      ...presenceFromApplications(jobId, known.id, applications),
      lastActivityAt: expect.any(String),
      checkedAt: expect.any(String),
    });
    expect(presence.greenhouse).toMatchObject({ applicationId: result.applicationId, onThisJob: true });
  });

  it('says in its note who sent it: "exported by hand" for "Export to Greenhouse" pressed, never "approved by"', async () => {
    const personId = await importPerson('noor.by.hand@example.org');
    const { result } = await exportCounting(personId, 'rae@example.org');

    const notes = await collect(h.harvest.listNotes({ candidate_ids: [result.candidateId] }));
    const note = notes.find((n) => (n.body ?? '').includes('Pilothouse'))?.body ?? '';
    expect(note).toMatch(/^Exported by Pilothouse \(exported by hand by rae@example\.org\)\./);
    expect(note).not.toMatch(/approved by/);
  });

  it('a matched person whose Greenhouse record is gone is looked up again instead of failing the export', async () => {
    const personId = await importPerson('noor.merged@example.org', { greenhouseCandidateId: 999_999_999 });
    const { result, requests } = await exportCounting(personId);

    expect(requests).toContain('GET /v3/candidates');
    expect(result.candidateId).not.toBe(999_999_999);
    expect(await collect(h.harvest.listCandidates({ email: 'noor.merged@example.org' }))).toHaveLength(1);
  });

  it.each([
    { what: 'resume', endpoint: '/v3/attachments' },
    { what: 'note', endpoint: '/v3/notes' },
  ])(
    'after a lost answer to the $what, the retry looks first and finds it: one of each',
    async ({ endpoint }) => {
      const personId = await importPerson(`noor.lost.${endpoint.split('/').at(-1)}@example.org`);
      await faults({ lostAnswers: { pathPrefix: endpoint, count: 1 } });
      const { result, requests } = await exportCounting(personId);
      const left = (await (await fetch(`${h.sandbox.controlUrl}/faults`)).json()) as {
        lostAnswers: { count: number } | null;
      };
      await faults(null);
      expect(left.lostAnswers?.count).toBe(0);

      // Each create was sent once; only the step whose answer was lost listed, on its retry.
      expect(requests.filter((r) => r === 'POST /v3/attachments')).toHaveLength(1);
      expect(requests.filter((r) => r === 'POST /v3/notes')).toHaveLength(1);
      expect(
        requests.filter((r) => r.startsWith('GET /v3/attachments') || r.startsWith('GET /v3/notes')),
      ).toEqual([`GET ${endpoint}`]);
      const attachments = await collect(h.harvest.listAttachments({ candidate_ids: [result.candidateId] }));
      expect(attachments.map((a) => a.type)).toEqual(['resume']);
      const notes = await collect(h.harvest.listNotes({ candidate_ids: [result.candidateId] }));
      expect(notes.filter((n) => (n.body ?? '').includes('Pilothouse'))).toHaveLength(1);
      const ledger = await h.db
        .selectFrom('export_ledger')
        .selectAll()
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      expect(ledger).toMatchObject({
        status: 'exported',
        resume_attachment_id: attachments[0]!.id,
        note_id: notes.find((n) => (n.body ?? '').includes('Pilothouse'))!.id,
      });
    },
  );

  it('after a lost answer to the application of a matched person, the retry finds it: one application', async () => {
    const known = existingCandidate();
    const personId = await importPerson(known.email, { greenhouseCandidateId: known.id });
    await faults({ lostAnswers: { pathPrefix: '/v3/applications', count: 1 } });
    const { result } = await exportCounting(personId).finally(() => faults(null));

    const applications = await collect(h.harvest.listApplications({ candidate_ids: [known.id] }));
    expect(applications.filter((a) => a.job_id === jobId).map((a) => a.id)).toEqual([result.applicationId]);
  });
});
