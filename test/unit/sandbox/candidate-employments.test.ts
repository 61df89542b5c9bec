import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, requiredScopeList } from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

// A candidate's work history in Greenhouse v3: POST/GET /v3/candidate_employments and
// DELETE /v3/candidate_employments/{id}, validated as Greenhouse's schema says (candidate_id, company_name,
// title and start_date required, dates as YYYY-MM-DD, no other fields), with `latest` kept by Greenhouse.
describe('candidate employments in the sandbox', () => {
  let t: TestSandbox;
  let candidateId: number;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 31 });
    candidateId = (await t.client().createCandidate({ first_name: 'Work', last_name: 'History' })).candidate
      .id;
  });
  afterAll(() => t.close());

  const post = async (body: unknown, token?: string) =>
    t.harvest('/v3/candidate_employments', { method: 'POST', body, ...(token ? { token } : {}) });

  it('creates an entry, lists it by candidate, and keeps the current job as the latest', async () => {
    const client = t.client();
    const past = await client.createCandidateEmployment({
      candidate_id: candidateId,
      company_name: 'Initech',
      title: 'Engineer',
      start_date: '2015-01-01',
      end_date: '2018-01-01',
    });
    expect(past).toMatchObject({ candidate_id: candidateId, end_date: '2018-01-01', latest: true });
    const current = await client.createCandidateEmployment({
      candidate_id: candidateId,
      company_name: 'Globex',
      title: 'Staff Engineer',
      start_date: '2018-01-01',
    });
    expect(current.end_date).toBeNull();
    const listed = await collect(client.listCandidateEmployments({ candidate_ids: [candidateId] }));
    expect(listed.map((e) => [e.company_name, e.latest])).toEqual([
      ['Globex', true],
      ['Initech', false],
    ]);
    const latest = await collect(
      client.listCandidateEmployments({ candidate_ids: [candidateId], latest: true }),
    );
    expect(latest.map((e) => e.id)).toEqual([current.id]);
    // Greenhouse mirrors the latest employment on the candidate record.
    const [candidate] = await collect(client.listCandidates({ ids: [candidateId] }));
    expect([candidate?.company, candidate?.title]).toEqual(['Globex', 'Staff Engineer']);
  });

  it('refuses a body the schema does not allow, with 422 and a message per field', async () => {
    const missing = await post({ candidate_id: candidateId, company_name: 'Initech' });
    expect(missing.status).toBe(422);
    const { errors } = (await missing.json()) as { errors: string[] };
    expect(errors.join(' ')).toMatch(/title/);
    expect(errors.join(' ')).toMatch(/start_date/);
    const base = { candidate_id: candidateId, company_name: 'Initech', title: 'Engineer' };
    expect((await post({ ...base, start_date: '2015' })).status).toBe(422);
    expect((await post({ ...base, start_date: '2015-02-30' })).status).toBe(422);
    expect((await post({ ...base, start_date: '2015-01-01', latest: true })).status).toBe(422);
    expect((await post({ ...base, title: 'x'.repeat(256), start_date: '2015-01-01' })).status).toBe(422);
    expect((await post({ ...base, start_date: '2015-01-01', end_date: '2014-01-01' })).status).toBe(422);
    expect((await post({ ...base, candidate_id: 1, start_date: '2015-01-01' })).status).toBe(404);
  });

  it('needs harvest:candidate_employments:create to write and :list to read (403 without)', async () => {
    await t.control('POST', '/credentials', {
      client_id: 'no-employments',
      client_secret: 'secret',
      scopes: requiredScopeList.filter((scope) => !scope.startsWith('harvest:candidate_employments:')),
    });
    const token = await t.token({ clientId: 'no-employments', clientSecret: 'secret' });
    const body = {
      candidate_id: candidateId,
      company_name: 'Initech',
      title: 'Engineer',
      start_date: '2015-01-01',
    };
    expect((await post(body, token)).status).toBe(403);
    expect(
      (await t.harvest(`/v3/candidate_employments?candidate_ids=${candidateId}`, { token })).status,
    ).toBe(403);
  });

  it('deletes an entry with harvest:candidate_employments:destroy, and the next one becomes the latest', async () => {
    await t.control('POST', '/credentials', {
      client_id: 'with-destroy',
      client_secret: 'secret',
      scopes: [...requiredScopeList, 'harvest:candidate_employments:destroy'],
    });
    const withDestroy = await t.token({ clientId: 'with-destroy', clientSecret: 'secret' });
    const [current] = await collect(
      t.client().listCandidateEmployments({ candidate_ids: [candidateId], latest: true }),
    );
    expect((await t.harvest(`/v3/candidate_employments/${current!.id}`, { method: 'DELETE' })).status).toBe(
      403,
    );
    const deleted = await t.harvest(`/v3/candidate_employments/${current!.id}`, {
      method: 'DELETE',
      token: withDestroy,
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({
      message: `Candidate Employment ${current!.id} deleted successfully`,
    });
    const left = await collect(t.client().listCandidateEmployments({ candidate_ids: [candidateId] }));
    expect(left.map((e) => [e.company_name, e.latest])).toEqual([['Initech', true]]);
    const again = await t.harvest(`/v3/candidate_employments/${current!.id}`, {
      method: 'DELETE',
      token: withDestroy,
    });
    expect(again.status).toBe(404);
  });
});
