import { describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../../../sandbox';

const anchor = new Date('2026-06-01T00:00:00Z');

describe('the seeded demo tenant', () => {
  const tenant = generateDemoTenant({ seed: 42, anchor });

  it('is identical for the same seed and different for another', () => {
    expect(generateDemoTenant({ seed: 42, anchor })).toEqual(tenant);
    expect(generateDemoTenant({ seed: 43, anchor })).not.toEqual(tenant);
  });

  it('has 6–10 jobs, each with an interview plan and an HTML job post', () => {
    expect(tenant.jobs.length).toBeGreaterThanOrEqual(6);
    expect(tenant.jobs.length).toBeLessThanOrEqual(10);
    for (const job of tenant.jobs) {
      expect(tenant.job_interview_stages.filter((s) => s.job_id === job.id).length).toBeGreaterThanOrEqual(4);
      const post = tenant.job_posts.find((p) => p.job_id === job.id && p.active);
      expect(post?.content).toMatch(/<h3>What we are looking for<\/h3>\s*<ul><li>/);
    }
    const departments = new Set(tenant.jobs.map((j) => j.department_id));
    expect(departments.size).toBeGreaterThanOrEqual(3);
  });

  it('has a site admin, two job admins with different jobs, and a hidden service account', () => {
    const admins = tenant.users.filter((u) => u.site_admin);
    const jobAdmins = tenant.users.filter(
      (u) => !u.site_admin && !u.deactivated && tenant.user_job_permissions.some((p) => p.user_id === u.id),
    );
    expect(admins).toHaveLength(1);
    expect(jobAdmins).toHaveLength(2);
    expect(tenant.service_account_user_ids).toHaveLength(1);
  });

  it('credits a "Pilothouse" source and offers rejection reasons and a prospect pool with stages', () => {
    expect(tenant.sources.map((s) => s.name)).toContain('Pilothouse');
    expect(tenant.rejection_reasons.length).toBeGreaterThan(tenant.default_rejection_reason_ids.length);
    const [pool] = tenant.prospect_pools;
    expect(tenant.prospect_pool_stages.filter((s) => s.prospect_pool_id === pool?.id).length).toBeGreaterThan(
      1,
    );
  });

  it('has a few hundred people, some sharing an email, many with LinkedIn profiles', () => {
    expect(tenant.candidates).toHaveLength(300);
    const emails = tenant.candidates.map((c) => c.email_addresses[0]?.value);
    expect(new Set(emails).size).toBeLessThan(emails.length);
    const withLinkedIn = tenant.candidates.filter((c) =>
      [...c.social_media_addresses, ...c.website_addresses].some((a) => a.value.includes('linkedin.com/in/')),
    );
    expect(withLinkedIn.length).toBeGreaterThan(100);
    const statuses = new Set(tenant.applications.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['hired', 'in_process', 'rejected']);
    expect(tenant.applications.some((a) => a.prospect)).toBe(true);
  });

  it('keeps each application on one current stage visit that matches its stage fields', () => {
    for (const application of tenant.applications.filter((a) => !a.prospect)) {
      const current = tenant.application_stages.filter(
        (s) => s.application_id === application.id && s.current,
      );
      expect(current).toHaveLength(1);
      expect(application.stage_id).toBe(current[0]?.id);
      expect(application.job_interview_stage_id).toBe(current[0]?.job_interview_stage_id);
    }
  });
});
