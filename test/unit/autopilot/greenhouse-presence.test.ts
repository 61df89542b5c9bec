import { describe, expect, it } from 'vitest';
import { presenceFromApplications } from '../../../db/queries/greenhouse-presence';
import type { Application } from '../../../greenhouse/schemas/applications';

const JOB = 4000001;
const application = (overrides: Partial<Application>): Application => ({
  id: 1,
  candidate_id: 77,
  job_id: JOB,
  status: 'in_process',
  prospect: false,
  stage_id: 9,
  job_interview_stage_id: 90,
  stage_name: 'Phone screen',
  recruiter_id: null,
  ...overrides,
});

// The person's Greenhouse profile names the recruiter of the application that says most about this job.
describe('who recruits the person in Greenhouse, as the profile shows it', () => {
  it('is the recruiter on this job’s application, not on an older one elsewhere', () => {
    const presence = presenceFromApplications(JOB, 77, [
      application({ id: 1, job_id: 4000009, status: 'rejected', recruiter_id: 1000007 }),
      application({ id: 2, recruiter_id: 1000002 }),
    ]);
    expect(presence).toMatchObject({ kind: 'applicant', applicationId: 2, recruiterId: 1000002 });
  });

  it('is nobody when Greenhouse has no recruiter on the application', () => {
    expect(presenceFromApplications(JOB, 77, [application({ recruiter_id: null })])).toMatchObject({
      recruiterId: null,
    });
    // An older Greenhouse answer without the field says the same.
    const { recruiter_id: _omitted, ...withoutField } = application({});
    expect(presenceFromApplications(JOB, 77, [withoutField as Application])).toMatchObject({
      recruiterId: null,
    });
  });
});
