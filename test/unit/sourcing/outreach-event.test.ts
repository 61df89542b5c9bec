import { describe, expect, it } from 'vitest';
import { parseOutreachBody } from '../../../sourcing/outreach-event';

const reply = {
  event_id: 'evt-1',
  job_id: 4000001,
  type: 'replied',
  occurred_at: '2026-12-02T09:30:00+01:00',
  person: { first_name: 'Ines', email: 'Ines.Duarte@Example.org', linkedin_url: 'uk.linkedin.com/in/Ines-D' },
};

describe('outreach events posted by outreach tools', () => {
  it('accepts one event or a batch, normalising email and LinkedIn URL', () => {
    const single = parseOutreachBody(reply);
    expect(single.ok && single.events[0]!.person).toEqual({
      first_name: 'Ines',
      last_name: '',
      email: 'ines.duarte@example.org',
      linkedin_url: 'linkedin.com/in/ines-d',
    });
    const batch = parseOutreachBody({ events: [reply, { ...reply, event_id: 'evt-2' }] });
    expect(batch.ok && batch.events.map((e) => e.event_id)).toEqual(['evt-1', 'evt-2']);
  });

  it('names every invalid field by its path', () => {
    const result = parseOutreachBody({
      events: [reply, { ...reply, type: 'opened', occurred_at: 'yesterday', person: { first_name: 'X' } }],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'events.1.type: Use one of: added_to_sequence, replied, replied_interested.',
      'events.1.occurred_at: Use an ISO 8601 time with a zone, e.g. 2026-12-01T09:30:00Z.',
      'events.1.person: Give the person an email or a LinkedIn URL: Pilothouse looks people up in Greenhouse by them.',
    ]);
  });

  it('refuses an empty batch and one over 500 events', () => {
    expect(parseOutreachBody({ events: [] })).toMatchObject({
      ok: false,
      errors: ['events: Send at least one event.'],
    });
    const many = Array.from({ length: 501 }, (_, i) => ({ ...reply, event_id: `e${i}` }));
    expect(parseOutreachBody({ events: many })).toMatchObject({
      ok: false,
      errors: ['events: Send at most 500 events per request.'],
    });
  });
});
