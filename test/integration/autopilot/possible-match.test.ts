import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { addPersonToJob } from '../../../db/queries/people';
import { greenhouseBadge } from '../../../web/server/job-people.server';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

// Someone sourced outside Greenhouse with no email or LinkedIn match, whose name, company and title
// match a Greenhouse candidate, gets a "possible match in Greenhouse" suggestion — and is never linked.
describe('possible matches by name, company and title', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('suggests the Greenhouse candidate without linking, and nothing for a namesake at another company', async () => {
    const { candidates } = h.sandbox.runtime.state;
    const key = (c: (typeof candidates)[number]) => `${c.first_name}|${c.last_name}|${c.company}|${c.title}`;
    const twin = candidates.find(
      (c) => c.company && c.title && candidates.filter((o) => key(o) === key(c)).length === 1,
    )!;
    const lookalike = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: twin.first_name!.toUpperCase(),
        lastName: ` ${twin.last_name!} `,
        emails: ['a.different.address@example.org'],
        company: twin.company!,
        title: twin.title!,
      },
      { kind: 'import' },
    );
    const namesake = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: twin.first_name!,
        lastName: twin.last_name!,
        emails: ['namesake@example.org'],
        company: 'Nowhere Incorporated',
        title: twin.title!,
      },
      { kind: 'import' },
    );

    await createActivities({ db: h.db, harvest: async () => h.harvest }).sourceCandidates({ jobId });

    const rows = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select(['jp.person_id', 'jp.greenhouse', 'p.greenhouse_candidate_id'])
      .where('jp.job_id', '=', jobId)
      .where('jp.person_id', 'in', [lookalike.personId, namesake.personId])
      .execute();
    const of = (personId: string) => rows.find((r) => r.person_id === personId)!;
    expect(of(lookalike.personId).greenhouse).toMatchObject({
      kind: 'none',
      checkedAt: expect.any(String),
      possibleMatches: [{ candidateId: twin.id, matchedBy: ['name', 'company', 'title'] }],
    });
    expect(of(lookalike.personId).greenhouse_candidate_id).toBeNull();
    expect(of(namesake.personId).greenhouse).toMatchObject({ kind: 'none', checkedAt: expect.any(String) });
    expect(of(namesake.personId).greenhouse).not.toHaveProperty('possibleMatches');
    expect(of(namesake.personId).greenhouse_candidate_id).toBeNull();

    // The job screen shows the suggestion with a link to the Greenhouse profile, still as "Not in Greenhouse".
    const links = { webUrl: 'https://app.greenhouse.io', userNames: new Map<number, string>() };
    expect(greenhouseBadge(links, of(lookalike.personId).greenhouse, null)).toMatchObject({
      kind: 'none',
      profileUrl: null,
      possibleMatches: [{ candidateId: twin.id, profileUrl: `https://app.greenhouse.io/people/${twin.id}` }],
    });
  });
});
