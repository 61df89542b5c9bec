import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { educationRecord } from '../../../db/queries/export-education';
import { addPersonToJob } from '../../../db/queries/people';
import type { Education } from '../../../db/tables/people';
import { collect, requiredScopeList } from '../../../greenhouse';
import { educationWords } from '../../../web/server/education-words';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import {
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// A person Pilothouse creates in Greenhouse arrives with their education: one education per entry, its
// school, degree and discipline matched to Greenhouse's lists, once, whatever is retried.
describe('exports carry the education of the people Pilothouse creates', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const twoSchools: Education[] = [
    {
      school: 'university of  waterloo',
      degree: 'BSc',
      discipline: 'Computer Science',
      startYear: 2010,
      endYear: 2014,
    },
    { school: 'ETH Zurich', degree: "Master's degree", startYear: 2015, endYear: 2017 },
  ];

  const importPerson = async (email: string, education: Education[] = twoSchools) =>
    (
      await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: 'Iris',
          lastName: email.split('@')[0]!.replace(/\W/g, ''),
          emails: [email],
          resumeText: 'Platform engineer, Kubernetes, Go',
          education,
        },
        { kind: 'import' },
      )
    ).personId;

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

  /** The candidate's educations in Greenhouse, named back from Greenhouse's own lists. */
  const educationsOf = async (candidateId: number) => {
    const { custom_field_options: options } = h.sandbox.runtime.state;
    const name = (id: number | null) => (id === null ? null : options.find((o) => o.id === id)!.name);
    return (await collect(h.harvest.listCandidateEducations({ candidate_ids: [candidateId] })))
      .map((e) => [
        name(e.school_name_custom_field_option_id),
        name(e.degree_custom_field_option_id),
        name(e.discipline_custom_field_option_id),
        e.start_at?.slice(0, 10) ?? null,
        e.end_at?.slice(0, 10) ?? null,
      ])
      .sort();
  };

  const auditOf = (personId: string) =>
    h.db
      .selectFrom('audit_event')
      .select('details')
      .where('person_id', '=', personId)
      .where('action', '=', 'greenhouse.education.exported')
      .execute();

  const whyWords = async (personId: string) => educationWords(await educationRecord(h.db, jobId, personId));

  const faults = async (settings: object | null) =>
    fetch(`${h.sandbox.controlUrl}/faults`, {
      method: settings ? 'PUT' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      ...(settings ? { body: JSON.stringify(settings) } : {}),
    });

  const exactlyTheTwoSchools = [
    ['ETH Zürich', "Master's Degree", null, '2015-01-01', '2017-01-01'],
    ['University of Waterloo', "Bachelor's Degree", 'Computer Science', '2010-01-01', '2014-01-01'],
  ];

  it("a person with two schools is created with exactly those two educations, Greenhouse's lists read once", async () => {
    const personId = await importPerson('iris.two@example.org');
    const { result, requests } = await exportCounting(personId);
    await maybeRecordGoldenHistory(h, exportWorkflowId(jobId, personId), 'export-candidate-education');

    expect(result.reusedExistingCandidate).toBe(false);
    expect(await educationsOf(result.candidateId)).toEqual(exactlyTheTwoSchools);
    // The first export of this worker reads the three lists it needs; no list of educations, one create each.
    expect(requests).toEqual([
      'GET /v3/candidates',
      'POST /v3/candidates',
      'POST /v3/attachments',
      'POST /v3/notes',
      'GET /v3/custom_field_options',
      'GET /v3/custom_field_options',
      'GET /v3/custom_field_options',
      'POST /v3/candidate_educations',
      'POST /v3/candidate_educations',
    ]);
    expect((await auditOf(personId)).map((a) => a.details)).toEqual([
      expect.objectContaining({ educations: 2, created: 2, alreadyThere: 0, leftOut: [], skipped: [] }),
    ]);
    expect(await whyWords(personId)).toBe('Their education went with them (2 entries)');
  });

  it("the next export uses the worker's copy of the lists: one request per education, none for the lists", async () => {
    const personId = await importPerson('iris.next@example.org');
    const { requests } = await exportCounting(personId);

    expect(requests.filter((r) => r.includes('custom_field_options'))).toEqual([]);
    expect(requests.filter((r) => r.includes('candidate_educations'))).toEqual([
      'POST /v3/candidate_educations',
      'POST /v3/candidate_educations',
    ]);
  });

  it('a person without education costs no request for it', async () => {
    const personId = await importPerson('iris.none@example.org', []);
    const { requests } = await exportCounting(personId);

    expect(requests).toEqual([
      'GET /v3/candidates',
      'POST /v3/candidates',
      'POST /v3/attachments',
      'POST /v3/notes',
    ]);
    expect(await auditOf(personId)).toEqual([]);
  });

  it('running the export again, or after it failed past its education, adds none', async () => {
    const personId = await importPerson('iris.again@example.org');
    const first = await exportCounting(personId);
    expect((await exportCounting(personId)).requests).toEqual([]);
    await h.db
      .updateTable('export_ledger')
      .set({ status: 'failed' })
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .execute();
    const again = await exportCounting(personId);

    expect(again.result).toMatchObject({ alreadyExported: false, candidateId: first.result.candidateId });
    expect(again.requests.filter((r) => r.includes('candidate_educations'))).toEqual([]);
    expect(await educationsOf(first.result.candidateId)).toEqual(exactlyTheTwoSchools);
  });

  it('after a lost answer to an education create, the retry lists and creates only what is missing', async () => {
    const personId = await importPerson('iris.lost@example.org');
    await faults({ lostAnswers: { pathPrefix: '/v3/candidate_educations', count: 1 } });
    const { result, requests } = await exportCounting(personId).finally(() => faults(null));

    expect(await educationsOf(result.candidateId)).toEqual(exactlyTheTwoSchools);
    expect(requests.filter((r) => r.includes('candidate_educations'))).toEqual([
      'POST /v3/candidate_educations',
      'GET /v3/candidate_educations',
      'POST /v3/candidate_educations',
    ]);
    expect((await auditOf(personId)).map((a) => a.details)).toEqual([
      expect.objectContaining({ created: 1, alreadyThere: 1 }),
    ]);
  });

  it("a school Greenhouse's list lacks is left out of its entry and named on the Why? page; an entry with no known name is not sent", async () => {
    const personId = await importPerson('iris.unknown@example.org', [
      { school: 'Hogwarts School', degree: 'BSc', discipline: 'Computer Science', endYear: 2012 },
      { school: 'Unseen University', discipline: 'Thaumaturgy' },
    ]);
    const { result } = await exportCounting(personId);

    expect(await educationsOf(result.candidateId)).toEqual([
      [null, "Bachelor's Degree", 'Computer Science', null, '2012-01-01'],
    ]);
    const [audit] = await auditOf(personId);
    expect(audit?.details).toMatchObject({
      educations: 2,
      created: 1,
      leftOut: [{ entry: 'education 1 of 2', fields: ['school'] }],
      skipped: [
        {
          entry: 'education 2 of 2',
          reason: "none of its school, degree or discipline is in Greenhouse's lists",
        },
      ],
    });
    // The audit names no one; the Why? page names the entries from the person.
    expect(JSON.stringify(audit?.details)).not.toContain('Hogwarts');
    expect(await whyWords(personId)).toBe(
      "Their education went with them (1 entry). Not in Greenhouse's lists, so sent without: school “Hogwarts School”. 1 entry not added (none of its school, degree or discipline is in Greenhouse's lists)",
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
      await fetch(`${h.sandbox.controlUrl}/tokens/expire`, { method: 'POST' });
    };
    const personId = await importPerson('iris.noscope@example.org');
    await setScopes(requiredScopeList.filter((scope) => scope !== 'harvest:candidate_educations:create'));
    const { result } = await exportCounting(personId).finally(() => setScopes([...requiredScopeList]));

    expect(result.alreadyExported).toBe(false);
    expect(await educationsOf(result.candidateId)).toEqual([]);
    const [audit] = await auditOf(personId);
    expect(audit?.details).toMatchObject({ created: 0, missingScope: 'harvest:candidate_educations:create' });
    expect(await whyWords(personId)).toBe(
      '2 entries not added (Greenhouse refused the connection (is the scope harvest:candidate_educations:create ticked?))',
    );
  });
});
