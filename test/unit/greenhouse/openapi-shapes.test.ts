import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../../greenhouse/schemas';
import { bodyMismatches, responseMismatches, type Shape } from './support/openapi-shape-check';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

// Shapes extracted from Greenhouse's OpenAPI document by scripts/extract-openapi-shapes.ts and
// committed beside this test; regenerate them when Greenhouse publishes a new document.
interface EndpointShape {
  scope: string | null;
  params: string[];
  body?: Shape;
  response: { status: number; shape?: Shape };
}
const shapes = JSON.parse(readFileSync(new URL('./openapi-shapes.json', import.meta.url), 'utf8')) as {
  endpoints: Record<string, EndpointShape>;
};
const endpoint = (key: string): EndpointShape => {
  const found = shapes.endpoints[key];
  if (!found) throw new Error(`${key} is not in openapi-shapes.json`);
  return found;
};

/** Query strings that make each list return the records its traps would otherwise hide. */
const listQueries: Record<string, string> = {
  'GET /v3/users': '?show_service_accounts=true',
  'GET /v3/rejection_reasons': '?include_defaults=true',
  'GET /v3/candidates/search': '?per_page=100',
};

const writeSchemas: Record<string, z.ZodType> = {
  'POST /v3/candidates': S.createCandidateBody,
  'PATCH /v3/candidates/{id}': S.patchCandidateBody,
  'POST /v3/applications': S.createApplicationBody,
  'PATCH /v3/applications/{id}': S.patchApplicationBody,
  'POST /v3/applications/{id}/move': S.moveApplicationBody,
  'POST /v3/applications/{id}/reject': S.rejectApplicationBody,
  'POST /v3/applications/{id}/unreject': S.unrejectApplicationBody,
  'POST /v3/applications/{id}/hire': S.hireApplicationBody,
  'POST /v3/applications/{id}/convert_to_candidate': S.convertProspectBody,
  'POST /v3/attachments': S.createAttachmentBody,
  'POST /v3/notes': S.createNoteBody,
  'POST /v3/candidate_employments': S.createCandidateEmploymentBody,
  'POST /v3/candidate_educations': S.createCandidateEducationBody,
};

describe("the sandbox answers in the shapes of Greenhouse's OpenAPI document", () => {
  let t: TestSandbox;
  // One token for every call: the token endpoint allows fewer requests a window than there are endpoints.
  let token: string;
  const written: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await startTestSandbox({ seed: 21 });
    token = await t.token();
    // Attachments, notes and employments do not exist in a fresh tenant: write some, keeping each answer.
    const job = t.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && !j.confidential);
    const post = async (path: string, body: unknown) => {
      const response = await t.harvest(path, { method: 'POST', body, token });
      return (await response.json()) as Record<string, unknown>;
    };
    const patch = async (path: string, body: unknown) =>
      (await (await t.harvest(path, { method: 'PATCH', body, token })).json()) as Record<string, unknown>;
    const created = await post('/v3/candidates', {
      first_name: 'Shape',
      last_name: 'Check',
      email_addresses: [{ value: 'shape@example.com', type: 'personal' }],
      application: { job_id: job?.id },
    });
    written['POST /v3/candidates'] = created;
    const candidateId = (created.candidate as { id: number }).id;
    const applicationId = (created.application as { id: number }).id;
    const other = await post('/v3/candidates', { first_name: 'Second', last_name: 'Shape' });
    written['POST /v3/applications'] = await post('/v3/applications', {
      candidate_id: (other.candidate as { id: number }).id,
      prospect: true,
      job_ids: [job?.id],
    });
    written['PATCH /v3/candidates/{id}'] = await patch(`/v3/candidates/${candidateId}`, {
      title: 'Engineer',
    });
    written['PATCH /v3/applications/{id}'] = await patch(`/v3/applications/${applicationId}`, {
      recruiter_id: t.sandbox.runtime.state.users[0]?.id,
    });
    written['POST /v3/applications/{id}/convert_to_candidate'] = await post(
      `/v3/applications/${(written['POST /v3/applications'] as { id: number }).id}/convert_to_candidate`,
      { job_id: job?.id },
    );
    written['POST /v3/attachments'] = await post('/v3/attachments', {
      application_id: applicationId,
      filename: 'resume.pdf',
      type: 'resume',
      content: Buffer.from('%PDF-1.4').toString('base64'),
    });
    written['POST /v3/notes'] = await post('/v3/notes', {
      candidate_id: candidateId,
      body: 'Shape check',
      visibility: 'public',
      note_type: 'NOTE',
    });
    written['POST /v3/candidate_employments'] = await post('/v3/candidate_employments', {
      candidate_id: candidateId,
      company_name: 'Initech',
      title: 'Engineer',
      start_date: '2015-01-01',
      end_date: '2018-01-01',
    });
    const option = (key: string) => {
      const field = t.sandbox.runtime.state.custom_fields.find((f) => f.name_key === key)!;
      return t.sandbox.runtime.state.custom_field_options.find((o) => o.custom_field_id === field.id)!.id;
    };
    written['POST /v3/candidate_educations'] = await post('/v3/candidate_educations', {
      candidate_id: candidateId,
      school_name_custom_field_option_id: option('school_name'),
      degree_custom_field_option_id: option('degree'),
      discipline_custom_field_option_id: option('discipline'),
      start_date: '2014-01-01',
      end_date: '2018-01-01',
    });
  });
  afterAll(() => t.close());

  const lists = Object.keys(shapes.endpoints).filter((key) => key.startsWith('GET '));

  it.each(lists)('%s', async (key) => {
    const path = key.slice(4);
    const response = await t.harvest(`${path}${listQueries[key] ?? ''}`, { token });
    expect(response.status).toBe(endpoint(key).response.status);
    const records = (await response.json()) as unknown[];
    expect(Array.isArray(records)).toBe(true);
    expect(records.length).toBeGreaterThan(0);
    expect(responseMismatches(endpoint(key).response.shape as Shape, records)).toEqual([]);
  });

  it.each(Object.keys(written))('%s answers in the documented shape', (key) => {
    const documented = endpoint(key).response.shape;
    expect(documented).toBeDefined();
    expect(responseMismatches(documented as Shape, written[key])).toEqual([]);
  });

  it.each(Object.keys(writeSchemas))(
    "the client's body for %s uses only documented fields and enums",
    (key) => {
      expect(bodyMismatches(writeSchemas[key] as z.ZodType, endpoint(key).body as Shape)).toEqual([]);
    },
  );

  it('covers every endpoint the shapes file lists', () => {
    const covered = new Set([...lists, ...Object.keys(writeSchemas)]);
    expect(Object.keys(shapes.endpoints).filter((key) => !covered.has(key))).toEqual([]);
  });
});

describe('the shape check notices drift', () => {
  const applicationShape = endpoint('GET /v3/applications').response.shape as Shape;
  const application = {
    ...Object.fromEntries(Object.keys(applicationShape.items?.properties ?? {}).map((key) => [key, null])),
    id: 1,
    candidate_id: 2,
    status: 'in_process',
    prospect: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    answers: [],
    prospective_job_ids: [],
    custom_fields: {},
  };
  const renamed = (shape: Shape, from: string, to: string): Shape => {
    const items = structuredClone(shape.items) as Shape;
    const properties = items.properties as Record<string, Shape>;
    properties[to] = properties[from] as Shape;
    delete properties[from];
    items.required = (items.required ?? []).map((key) => (key === from ? to : key));
    return { ...shape, items };
  };

  it('accepts a record that matches', () => {
    expect(responseMismatches(applicationShape, [application])).toEqual([]);
  });

  it('fails when a field is renamed', () => {
    const problems = responseMismatches(renamed(applicationShape, 'stage_name', 'current_stage_name'), [
      application,
    ]);
    expect(problems).toContain('$[0].current_stage_name: missing');
    expect(problems).toContain('$[0].stage_name: not in the document');
  });

  it('fails when an enum value drifts', () => {
    expect(responseMismatches(applicationShape, [{ ...application, status: 'active' }])).toEqual([
      '$[0].status: "active" is not one of rejected, hired, converted, in_process',
    ]);
  });

  it('fails when a body enum or field name drifts', () => {
    const documented = structuredClone(endpoint('POST /v3/notes').body) as Shape;
    const properties = documented.properties as Record<string, Shape>;
    (properties.visibility as Shape).enum = ['admin_only', 'private'];
    properties.message = properties.body as Shape;
    delete properties.body;
    documented.required = ['message', 'visibility', 'note_type'];
    const problems = bodyMismatches(S.createNoteBody, documented);
    expect(problems).toContain("$.body: sent by us, not in Greenhouse's body");
    expect(problems).toContain("$.visibility: public not among Greenhouse's admin_only, private");
    expect(problems).toContain('$.message: required by Greenhouse, optional in our schema');
  });
});
