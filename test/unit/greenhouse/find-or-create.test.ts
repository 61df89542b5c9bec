import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GreenhouseError,
  findOrCreateApplication,
  findOrCreateCandidate,
  findPeople,
} from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

/** A fetch whose answer to the first matching request is lost after the sandbox carried it out. */
function losingAnswerTo(method: string, pathname: string, how: 'network' | 'timeout'): typeof fetch {
  let lost = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!lost && (init?.method ?? 'GET') === method && url.pathname === pathname) {
      lost = true;
      await response.arrayBuffer();
      throw how === 'timeout'
        ? new DOMException('The operation was aborted due to timeout', 'TimeoutError')
        : new TypeError('fetch failed: socket hang up');
    }
    return response;
  };
}

describe('exporting a person without ever creating them twice', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 11 });
  });
  afterAll(() => t.close());

  const state = () => t.sandbox.runtime.state;
  const openJobId = () => state().jobs.find((j) => j.status === 'open' && !j.confidential)?.id as number;
  const peopleWithEmail = (email: string) =>
    state().candidates.filter((c) =>
      c.email_addresses.some((e) => e.value.toLowerCase() === email.toLowerCase()),
    );

  it('reuses the person already in Greenhouse by email and leaves their contact details alone', async () => {
    const existing = state().candidates.find(
      (c) => c.phone_numbers.length > 0 && c.email_addresses.length > 0,
    );
    const email = existing?.email_addresses[0]?.value as string;
    const before = JSON.stringify(peopleWithEmail(email));

    const result = await findOrCreateCandidate(t.client(), {
      candidate: {
        first_name: 'Someone',
        last_name: 'Else',
        email_addresses: [{ value: email.toUpperCase(), type: 'work' }],
        phone_numbers: [{ value: '+44 0000 000000', type: 'mobile' }],
      },
    });

    expect(result.candidateOutcome).toBe('reused');
    expect(peopleWithEmail(email).map((c) => c.id)).toContain(result.candidate.id);
    expect(JSON.stringify(peopleWithEmail(email))).toBe(before);
  });

  it('finds a person by LinkedIn URL whatever way the URL was written', async () => {
    const withProfile = state().candidates.find((c) =>
      c.social_media_addresses.some((s) => s.value.includes('linkedin.com/in/')),
    );
    const handle = /linkedin\.com\/in\/([^/?]+)/.exec(
      withProfile?.social_media_addresses[0]?.value ?? '',
    )?.[1];
    const matches = await findPeople(t.client(), {
      linkedInUrl: `http://de.linkedin.com/in/${handle?.toUpperCase()}/?ref=x`,
    });
    expect(matches.map((m) => m.candidate.id)).toContain(withProfile?.id);
    expect(matches[0]?.matchedBy).toEqual(['linkedin']);
  });

  it('returns everyone who shares an email, best match first', async () => {
    const counts = new Map<string, number>();
    for (const c of state().candidates) {
      const email = c.email_addresses[0]?.value.toLowerCase();
      if (email) counts.set(email, (counts.get(email) ?? 0) + 1);
    }
    const shared = [...counts].find(([, n]) => n > 1)?.[0] as string;
    const matches = await findPeople(t.client(), { emails: [shared] });
    expect(matches.length).toBeGreaterThan(1);
  });

  it('creates a new person with their application when nobody matches', async () => {
    const result = await findOrCreateCandidate(t.client(), {
      candidate: {
        first_name: 'Noor',
        last_name: 'Haddad',
        email_addresses: [{ value: 'noor.new@example.com', type: 'personal' }],
      },
      application: {
        job_id: openJobId(),
        source_id: state().sources.find((s) => s.name === 'Pilothouse')?.id,
      },
    });
    expect(result).toMatchObject({ candidateOutcome: 'created', applicationOutcome: 'created' });
    expect(result.application?.source_id).toBe(state().sources.find((s) => s.name === 'Pilothouse')?.id);
  });

  it('re-reads after a lost answer to the create instead of creating a second person', async () => {
    const email = 'lost.answer@example.com';
    const client = t.client({ fetch: losingAnswerTo('POST', '/v3/candidates', 'network') });
    const result = await findOrCreateCandidate(client, {
      candidate: {
        first_name: 'Lena',
        last_name: 'Lost',
        email_addresses: [{ value: email, type: 'personal' }],
      },
      application: { job_id: openJobId() },
    });
    expect(result.candidateOutcome).toBe('recovered');
    expect(result.application?.job_id).toBe(openJobId());
    expect(peopleWithEmail(email)).toHaveLength(1);
    expect(state().applications.filter((a) => a.candidate_id === result.candidate.id)).toHaveLength(1);
  });

  it('after an earlier attempt sent its create, a person made since is its own, one who was there before is not', async () => {
    const existing = state().candidates.find((c) => c.email_addresses.length > 0 && c.created_at)!;
    const email = existing.email_addresses[0]!.value;
    const before = Date.parse(existing.created_at!);
    const find = (earlierCreateSentAt: Date) =>
      findOrCreateCandidate(t.client(), {
        candidate: { first_name: 'Any', last_name: 'One', email_addresses: [{ value: email, type: 'work' }] },
        earlierCreateSentAt,
      });
    // Sent a minute before Greenhouse made the person: that create is what made them.
    expect((await find(new Date(before - 60_000))).candidateOutcome).toBe('recovered');
    // Sent a day after: the person was already there, someone else's.
    expect((await find(new Date(before + 86_400_000))).candidateOutcome).toBe('reused');
    expect(peopleWithEmail(email).map((c) => c.id)).toContain(existing.id);
  });

  it('recovers a person without email or LinkedIn by name and creation time after a timeout', async () => {
    const client = t.client({ fetch: losingAnswerTo('POST', '/v3/candidates', 'timeout') });
    const result = await findOrCreateCandidate(client, {
      candidate: { first_name: 'Quiet', last_name: 'Keyless' },
    });
    expect(result.candidateOutcome).toBe('recovered');
    expect(
      state().candidates.filter((c) => c.first_name === 'Quiet' && c.last_name === 'Keyless'),
    ).toHaveLength(1);
  });

  it('reuses an existing application on the job, rejected or not, instead of asking twice', async () => {
    const rejected = state().applications.find(
      (a) => a.status === 'rejected' && !a.prospect && a.job_id !== null,
    );
    const result = await findOrCreateApplication(t.client(), {
      candidate_id: rejected?.candidate_id as number,
      job_id: rejected?.job_id as number,
    });
    expect(result).toMatchObject({ outcome: 'reused', application: { id: rejected?.id } });
  });

  it('recovers an application whose create answer was lost', async () => {
    const person = await t.client().createCandidate({ first_name: 'Ari', last_name: 'Apply' });
    const client = t.client({ fetch: losingAnswerTo('POST', '/v3/applications', 'network') });
    const result = await findOrCreateApplication(client, {
      candidate_id: person.candidate.id,
      job_id: openJobId(),
    });
    expect(result.outcome).toBe('recovered');
    expect(state().applications.filter((a) => a.candidate_id === person.candidate.id)).toHaveLength(1);
  });

  it('lets a refusal that cannot be ambiguous reach the caller', async () => {
    const closedJob = state().jobs.find((j) => j.status === 'closed');
    const error = await findOrCreateCandidate(t.client(), {
      candidate: {
        first_name: 'Cleo',
        last_name: 'Closed',
        email_addresses: [{ value: 'cleo@example.com', type: 'personal' }],
      },
      application: { job_id: closedJob?.id as number },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GreenhouseError);
    expect((error as GreenhouseError).status).toBe(422);
    expect(peopleWithEmail('cleo@example.com')).toHaveLength(0);
  });
});
