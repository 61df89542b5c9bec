import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, requiredScopeList } from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

// A candidate's education in Greenhouse v3: school, degree and discipline are ids of the options of the
// school_name, degree and discipline custom fields (GET /v3/custom_field_options?custom_field_key=…);
// dates come as ISO dates or month/year pairs; Greenhouse keeps `latest`.
describe('candidate educations in the sandbox', () => {
  let t: TestSandbox;
  let candidateId: number;
  const optionId = async (key: string, name: string) =>
    (await collect(t.client().listCustomFieldOptions({ custom_field_key: key, per_page: 500 }))).find(
      (o) => o.name === name,
    )!.id;

  beforeAll(async () => {
    t = await startTestSandbox({ seed: 31 });
    candidateId = (await t.client().createCandidate({ first_name: 'Ada', last_name: 'School' })).candidate.id;
  });
  afterAll(() => t.close());

  const post = async (body: unknown) => t.harvest('/v3/candidate_educations', { method: 'POST', body });
  const errorsOf = async (response: Response) => ((await response.json()) as { errors: string[] }).errors;

  it('serves the school, degree and discipline dictionaries by their custom field key', async () => {
    const client = t.client();
    const schools = await collect(client.listCustomFieldOptions({ custom_field_key: 'school_name' }));
    const degrees = await collect(client.listCustomFieldOptions({ custom_field_key: 'degree' }));
    expect(schools.map((o) => o.name)).toContain('University of Waterloo');
    expect(degrees.map((o) => o.name)).toContain("Bachelor's Degree");
    expect(new Set(schools.map((o) => o.custom_field_id)).size).toBe(1);
    expect(await collect(client.listCustomFieldOptions({ custom_field_key: 'no_such_field' }))).toEqual([]);
  });

  it('creates an education from option ids and ISO dates, lists it by candidate, and keeps the latest', async () => {
    const client = t.client();
    const first = await client.createCandidateEducation({
      candidate_id: candidateId,
      school_name_custom_field_option_id: await optionId('school_name', 'University of Waterloo'),
      degree_custom_field_option_id: await optionId('degree', "Bachelor's Degree"),
      discipline_custom_field_option_id: await optionId('discipline', 'Computer Science'),
      start_date: '2010-01-01',
      end_date: '2014-01-01',
    });
    expect(first).toMatchObject({
      candidate_id: candidateId,
      start_at: '2010-01-01T00:00:00.000Z',
      end_date_year: 2014,
      latest: true,
    });
    const second = await client.createCandidateEducation({
      candidate_id: candidateId,
      school_name_custom_field_option_id: await optionId('school_name', 'ETH Zürich'),
      start_date_month: 9,
      start_date_year: 2015,
      end_date_month: 6,
      end_date_year: 2017,
    });
    expect(second).toMatchObject({ degree_custom_field_option_id: null, end_at: '2017-06-01T00:00:00.000Z' });
    const listed = await collect(client.listCandidateEducations({ candidate_ids: [candidateId] }));
    expect(listed.map((e) => [e.id, e.latest])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });

  it("refuses what Greenhouse refuses: another field's option, half a pair, both forms, an end before the start", async () => {
    const school = await optionId('school_name', 'Stanford University');
    const degree = await optionId('degree', "Master's Degree");
    const wrongField = await post({ candidate_id: candidateId, school_name_custom_field_option_id: degree });
    expect(wrongField.status).toBe(422);
    expect(await errorsOf(wrongField)).toEqual([
      `school_name_custom_field_option_id: no school_name option with id ${degree}`,
    ]);
    const base = { candidate_id: candidateId, school_name_custom_field_option_id: school };
    expect((await post({ ...base, start_date_month: 9 })).status).toBe(422);
    expect((await post({ ...base, start_date: '2014-01-01', start_date_year: 2014 })).status).toBe(422);
    expect((await post({ ...base, start_date: '2018-01-01', end_date: '2014-01-01' })).status).toBe(422);
    expect((await post({ ...base, start_date: '2014' })).status).toBe(422);
    expect((await post({ ...base, school_name: 'Stanford' })).status).toBe(422);
    expect((await post({ ...base, candidate_id: 1 })).status).toBe(404);
  });

  it('needs harvest:candidate_educations:create to write, :list to read, and options need their own scope', async () => {
    await t.control('POST', '/credentials', {
      client_id: 'no-educations',
      client_secret: 'secret',
      scopes: requiredScopeList.filter(
        (scope) =>
          !scope.startsWith('harvest:candidate_educations:') && !scope.includes('custom_field_options'),
      ),
    });
    const token = await t.token({ clientId: 'no-educations', clientSecret: 'secret' });
    expect(
      (
        await t.harvest('/v3/candidate_educations', {
          method: 'POST',
          body: { candidate_id: candidateId },
          token,
        })
      ).status,
    ).toBe(403);
    expect((await t.harvest(`/v3/candidate_educations?candidate_ids=${candidateId}`, { token })).status).toBe(
      403,
    );
    expect((await t.harvest('/v3/custom_field_options?custom_field_key=degree', { token })).status).toBe(403);
  });
});
